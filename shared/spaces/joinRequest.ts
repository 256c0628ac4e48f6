import { z } from 'zod'
import { FIELD_LIMITS, RecordId } from '../text/limits.ts'
import { isBoxPublicKey, MAX_BOX_LENGTH } from './seal.ts'

/**
 * "Ask to join": an org member who is not in a team asks, in the org's document, to be let into
 * the team's space; a member of the team (any member: spaces have no admins) answers with the
 * team's invite sealed to the asking device's box key (shared/spaces/seal.ts), so the org's other
 * members, who read the same document, never see the team's key. The team's key is never in the
 * org's document (issue 10 #19).
 *
 *   record id  `${teamId}|${memberId}`   (one request per person and team; asking again replaces it)
 *   fields     teamId, memberId, name (as the asker calls themselves), boxKey (the asking device's
 *              X25519 public key), askedAt, answer (the sealed invite), answeredBy, declined
 *
 * What it does not prove: who asked. Anyone in the org can write a request under any name with
 * their own box key; the member who lets someone in should know who they let in (the list shows
 * the name and the member's id as the org knows it). Signed member entries (issue 10 #15) will let
 * the request be checked against the member's identity key.
 */
export const JoinRequest = z.object({
  teamId: RecordId,
  memberId: RecordId,
  name: z.string().max(FIELD_LIMITS.name).catch(''),
  boxKey: z.string().refine(isBoxPublicKey, 'not a box key'),
  askedAt: z.number(),
  answer: z.string().max(MAX_BOX_LENGTH).optional().catch(undefined),
  answeredBy: z.string().max(FIELD_LIMITS.id).optional().catch(undefined),
  declined: z.boolean().optional().catch(undefined)
})
export type JoinRequest = z.infer<typeof JoinRequest>

export function joinRequestId(teamId: string, memberId: string): string {
  return `${teamId}|${memberId}`
}

/** What the sealed answer is bound to: this request, so a box cannot be copied onto another. */
export function joinAnswerContext(teamId: string, memberId: string, boxKey: string): string {
  return `tandem/join-answer/v1\u0000${teamId}\u0000${memberId}\u0000${boxKey}`
}

export type JoinRequestState = 'waiting' | 'answered' | 'declined'

export function joinRequestState(r: Pick<JoinRequest, 'answer' | 'declined'>): JoinRequestState {
  if (r.answer) return 'answered'
  if (r.declined) return 'declined'
  return 'waiting'
}
