import { castVote, voteToRetract } from '@shared/retro/votes.ts'
import { newId } from '@shared/spaces/key.ts'
import { collection } from '@core/collections/index.ts'
import { type BoardSession, boardDocOf } from './board.ts'
import { VOTES } from './collections.ts'

/**
 * A vote is one record, added when cast and deleted when taken back. Budget and cap are both per
 * person (the cap: how many of MY votes one card may take; the others' votes never limit mine).
 * They are not enforced by refusing writes (the same member voting from two offline devices cannot
 * be stopped) but when counting (shared/retro/votes.ts `tallyVotes`), the same on every peer: a
 * vote that does not fit shows as not counted, and its voter has it back. The UI offers the button
 * only while `canVote` says yes for what it shows.
 */
export function cast(session: BoardSession, voterId: string, targetId: string): void {
  const votes = collection(boardDocOf(session), VOTES)
  const { id, ...fields } = castVote(votes.list(), { id: newId(), voterId, targetId, castAt: Date.now() })
  votes.patch(id, fields)
}

/** Takes back my latest vote on a target; false when I have none there. */
export function retract(session: BoardSession, voterId: string, targetId: string): boolean {
  const votes = collection(boardDocOf(session), VOTES)
  const vote = voteToRetract(votes.list(), voterId, targetId)
  if (!vote) return false
  votes.remove(vote.id)
  return true
}
