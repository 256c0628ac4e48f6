import { useMemo } from 'react'
import type * as Y from 'yjs'
import { decodeInvite, encodeInvite, type Invite } from '@shared/spaces/invite.ts'
import { JoinRequest, joinAnswerContext, joinRequestId } from '@shared/spaces/joinRequest.ts'
import { openBox, sealTo } from '@shared/spaces/seal.ts'
import { collection, defineCollection, useRecords, type Rec } from '@core/collections/index.ts'
import { isReadOnly } from '@core/documents/index.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { db } from '@core/database/db.ts'
import { myBoxKeys } from '@core/spaces/boxKeys.ts'
import { useMembers } from '@core/spaces/hooks.ts'
import { inviteFor, joinSpace } from '@core/spaces/commands.ts'
import { getIdentity } from '@core/device/identity.ts'
import type { Service } from '@core/sync/services.ts'
import { TEAMS_RAW } from './collections.ts'
import { linkedOrgOf } from './mirror.ts'
import { useSpaceRootDoc, withSpaceRootDoc } from './spaceRoot.ts'

/**
 * Who gets into a team (issue 10 #19). The org's document lists its teams without their keys;
 * an org member who is not in a team asks to join (shared/spaces/joinRequest.ts) and a member of
 * the team lets them in with the team's invite sealed to the asking device. Records live in the
 * org's root document:
 *   'joinRequests'  `${teamId}|${memberId}` → JoinRequest
 *
 * Two services: `sprint.teamKeyOut` (team spaces, while the team's org is here too) takes a key
 * that older versions wrote into the org's record of the team out of it, on a device of a team
 * member; `sprint.joinAnswers` (org spaces) joins the teams whose answer, sealed to this device,
 * has arrived, and then removes the request.
 */
/**
 * A request is its asker's: the team, their id, name and box key carry their seal (issue 10 #15),
 * or anyone could ask in a member's name with their own box key and be sealed the team's invite;
 * the answer (and who gave it) is the answering member's.
 */
export const JOIN_REQUESTS = defineCollection({
  name: 'joinRequests',
  schema: JoinRequest,
  signed: { by: 'memberId', fields: ['teamId', 'memberId', 'name', 'boxKey', 'askedAt'] }
})
export type JoinRequestEntry = Rec<JoinRequest>

/**
 * The requests to join the org's teams, as the org's document holds them, each named as the org
 * knows its asker (their member entry), not by the name the request carries.
 */
export function useJoinRequests(orgSpaceId: string): readonly JoinRequestEntry[] {
  const doc = useSpaceRootDoc(orgSpaceId)
  const requests = useRecords(doc, JOIN_REQUESTS)
  const members = useMembers(doc)
  return useMemo(() => {
    const names = new Map(members.map((m) => [m.id, m.name]))
    return requests.map((r) => (names.has(r.memberId) && names.get(r.memberId) !== r.name ? { ...r, name: names.get(r.memberId)! } : r))
  }, [requests, members])
}

/** Asks the team's members, in the org's document, to be let in (asking again starts afresh). */
export async function askToJoinTeam(orgSpaceId: string, teamId: string, me: IdentityRow): Promise<void> {
  const keys = await myBoxKeys()
  await withSpaceRootDoc(orgSpaceId, (doc) => {
    collection(doc, JOIN_REQUESTS).replace(joinRequestId(teamId, me.deviceId), {
      teamId,
      memberId: me.deviceId,
      name: me.name,
      boxKey: keys.publicKey,
      askedAt: Date.now()
    })
  })
}

/** Takes a request back (or, after joining, tidies it away). */
export async function withdrawJoinRequest(orgSpaceId: string, teamId: string, memberId: string): Promise<void> {
  await withSpaceRootDoc(orgSpaceId, (doc) => collection(doc, JOIN_REQUESTS).clear(joinRequestId(teamId, memberId)))
}

/**
 * A member of the team lets the asker in: the team's invite (from this device's copy of the team
 * space), sealed to the box key in the request, goes into the request. Only this device's own
 * copy of the team can answer: the team's key comes from nowhere else.
 */
export async function letIntoTeam(orgSpaceId: string, request: JoinRequestEntry, me: IdentityRow): Promise<void> {
  const team = await db().spaces.get(request.teamId)
  if (!team || team.status !== 'active' || team.kind !== 'team') throw new Error('Only a member of the team can let someone in.')
  const invite = await inviteFor(request.teamId)
  const answer = sealTo(request.boxKey, encodeInvite(invite), joinAnswerContext(request.teamId, request.memberId, request.boxKey))
  await withSpaceRootDoc(orgSpaceId, (doc) =>
    collection(doc, JOIN_REQUESTS).patch(request.id, { answer, answeredBy: me.deviceId, declined: undefined })
  )
}

export async function declineJoinRequest(orgSpaceId: string, request: JoinRequestEntry): Promise<void> {
  await withSpaceRootDoc(orgSpaceId, (doc) => collection(doc, JOIN_REQUESTS).patch(request.id, { declined: true, answer: undefined }))
}

/** The invite in an answer to this device's request, or null (not answered, or sealed to another device). */
export async function openJoinAnswer(request: JoinRequest): Promise<Invite | null> {
  if (!request.answer) return null
  const keys = await myBoxKeys()
  if (keys.publicKey !== request.boxKey) return null
  const code = openBox(keys, request.answer, joinAnswerContext(request.teamId, request.memberId, request.boxKey))
  if (!code) return null
  try {
    const invite = decodeInvite(code)
    // an answer names the team it was asked for and nothing else
    return invite.spaceId === request.teamId && invite.kind === 'team' ? invite : null
  } catch {
    return null
  }
}

/** Joins the team of an answered request of this device, then removes the request. Returns whether it joined. */
export async function takeJoinAnswer(orgSpaceId: string, request: JoinRequestEntry, me: IdentityRow): Promise<boolean> {
  const invite = await openJoinAnswer(request)
  if (!invite) return false
  await joinSpace(invite, me)
  await withdrawJoinRequest(orgSpaceId, request.teamId, request.memberId)
  return true
}

/** In the org's record of a team: the key older versions wrote there. Returns whether it removed one. */
export function takeTeamKeyOutOfOrg(org: Y.Doc, teamId: string): boolean {
  if (isReadOnly(org)) return false
  const teams = collection(org, TEAMS_RAW)
  const record = teams.get(teamId)
  if (!record || !('spaceKey' in record)) return false
  teams.patch(teamId, { spaceKey: undefined })
  return true
}

export function teamKeyOutService(): Service {
  return {
    name: 'sprint.teamKeyOut',
    kinds: ['team'],
    start(ctx) {
      const team = ctx.root
      const teamId = ctx.space.id
      let current: { org: Y.Doc; stop: () => void } | null = null
      const follow = () => {
        const orgId = linkedOrgOf(team)
        const org = orgId ? ctx.rootOf(orgId) : null
        if (current?.org === org) return
        current?.stop()
        current = org ? { org, stop: ctx.whenChanged([org], () => void takeTeamKeyOutOfOrg(org, teamId)) } : null
      }
      const offTeam = ctx.whenChanged([team], follow)
      const offSpaces = ctx.onSpacesChanged(follow)
      return () => {
        offTeam()
        offSpaces()
        current?.stop()
        current = null
      }
    }
  }
}

export function joinAnswersService(): Service {
  return {
    name: 'sprint.joinAnswers',
    kinds: ['org'],
    start(ctx) {
      const org = ctx.root
      let busy = false
      let again = false
      const pass = async () => {
        const me = await getIdentity()
        if (!me) return
        for (const r of collection(org, JOIN_REQUESTS).list()) {
          if (r.memberId !== me.deviceId || !r.answer) continue
          if (ctx.rootOf(ctx.space.id) !== org) return
          await takeJoinAnswer(ctx.space.id, r, me)
        }
      }
      const run = () => {
        if (busy) return void (again = true)
        busy = true
        again = false
        void pass()
          .catch((err) => console.error('sprint: could not join with an answered request', err))
          .finally(() => {
            busy = false
            if (again) run()
          })
      }
      return ctx.whenChanged([org], run)
    }
  }
}
