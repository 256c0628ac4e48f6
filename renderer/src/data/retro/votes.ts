import { type Vote, castVote, voteToRetract } from '../../../../shared/retro/votes.ts'
import { newId } from '../../../../shared/spaces/key.ts'
import type { DocLink } from '../../sync/docLink.ts'
import { patchRecord, removeRecord } from '../collections.ts'
import { VOTES } from './names.ts'

/**
 * A vote is one record, added when cast and deleted when taken back. Budget and cap are not
 * enforced by refusing writes (two offline peers cannot be stopped) but when counting
 * (shared/retro/votes.ts `tallyVotes`), the same on every peer; the UI asks `canVote` first.
 */
export function cast(link: DocLink, votes: readonly Vote[], voterId: string, targetId: string): void {
  const { id, ...fields } = castVote(votes, { id: newId(), voterId, targetId, castAt: Date.now() })
  patchRecord(link.doc, VOTES, id, fields)
}

/** Takes back my latest vote on a target; false when I have none there. */
export function retract(link: DocLink, votes: readonly Vote[], voterId: string, targetId: string): boolean {
  const vote = voteToRetract(votes, voterId, targetId)
  if (!vote) return false
  removeRecord(link.doc, VOTES, vote.id)
  return true
}
