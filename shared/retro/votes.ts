import { z } from 'zod'
import { RecordId } from '../text/limits.ts'
import { type Phase, phaseIndex } from './phases.ts'

/**
 * Dot voting with a budget per person and a cap per person per card or group, enforced for every
 * peer.
 *
 * ## Storage
 * One record per vote (`votes` collection, id → fields). A vote is never edited: casting adds a
 * record, taking a vote back deletes it. Records from different peers never touch the same key, so
 * Yjs merges them without conflict and every peer ends up with the same SET of records.
 *
 * ## The limits
 * With "3 votes each, at most 2 on one card", each person has 3 votes and may put at most 2 of
 * THEIR OWN on one card (or group): the cap is per person per target, as in every retro tool.
 * Nobody's votes limit anybody else's, so a card can hold any number of votes in total, and one
 * person's votes never make a card "full" for the others.
 *
 * ## The rule (why every peer agrees)
 * Nobody can stop one member voting from two offline devices (laptop and phone) past the budget
 * or the cap. So limits are not enforced when writing but when counting: `tallyVotes` is a pure
 * function of the set of records.
 *   1. Sort all votes by a total order: (castAt, voterId, seq, id), strings compared by code
 *      units (never `localeCompare`, whose order depends on the device's locale).
 *   2. Walk them once, admitting greedily. A vote is rejected if its target is not votable
 *      ('unknown target': the card was deleted), else if its voter has already spent the budget
 *      ('over budget'), else if its voter already has `cap` votes on that target ('over cap').
 *      A rejected vote costs its voter nothing.
 * Same set → same sort → same walk → same tally, whatever order the records arrived in. Budget and
 * cap hold by construction. Since both limits are per voter, only a voter's own votes can ever
 * displace one of theirs (cast from another device, or two cards they voted on grouped later):
 * the UI shows such a vote as "not counted" and the voter has it back to spend. Deleting a vote
 * re-runs the walk, so a displaced vote may move back in.
 *
 * ## Secret until voting ends
 * While the board is in vote (and before), a member sees only their own votes and their budget
 * left (`voteView`): no totals, and nothing derived from the others' votes. Totals appear once the
 * facilitator moves past vote (`votesVisible`).
 */

/** an id a peer writes: bounded like every record id (shared/text/limits.ts) */
const Id = RecordId

export const VoteFields = z.object({
  voterId: Id,
  /** A card id or a group id. A card that sits in a group counts toward its group (see `targets`). */
  targetId: Id,
  /** When it was cast, in the voter's clock (ms since epoch). */
  castAt: z.number().int('castAt is a whole number of milliseconds.').nonnegative(),
  /** The voter's own counter: orders two votes cast in the same millisecond. */
  seq: z.number().int().nonnegative()
})
export const Vote = VoteFields.extend({ id: Id })
export type Vote = z.infer<typeof Vote>

export const DEFAULT_VOTE_BUDGET = 5
export const DEFAULT_VOTE_CAP = 3

export const VoteSettings = z.object({
  budget: z.number().int().min(1, 'Each person needs at least one vote.').max(50, 'At most 50 votes per person.').default(DEFAULT_VOTE_BUDGET),
  /** Per person: how many of their own votes one person may put on one card or group. */
  cap: z.number().int().min(1, 'A person must be able to put at least one vote on a card.').max(50, 'At most 50 votes per person on one card.').default(DEFAULT_VOTE_CAP)
})
export type VoteSettings = z.infer<typeof VoteSettings>

export type RejectReason = 'over budget' | 'over cap' | 'unknown target'

export interface VoteTally {
  /** Accepted votes per counted target (a group, or a card not in a group). Targets with none are absent. */
  counts: Record<string, number>
  /** Accepted vote ids, in the total order. */
  accepted: string[]
  rejected: { id: string; reason: RejectReason }[]
  /** Budget left per voter who has cast at least one vote; others have the whole budget. */
  remaining: Record<string, number>
  /** Accepted votes per voter per counted target (what the per-person cap is checked against). */
  byVoter: Record<string, Record<string, number>>
}

export interface TallyOptions extends VoteSettings {
  /**
   * Votable id → the target its votes count toward (cards.ts `voteTargets`): a grouped card → its
   * group. Without it, every target id counts for itself.
   */
  targets?: Readonly<Record<string, string>> | undefined
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The total order of votes: (castAt, voterId, seq, id). */
export function compareVotes(a: Vote, b: Vote): number {
  return a.castAt - b.castAt || cmp(a.voterId, b.voterId) || a.seq - b.seq || cmp(a.id, b.id)
}

function counted(targets: TallyOptions['targets'], targetId: string): string | undefined {
  if (!targets) return targetId
  return Object.hasOwn(targets, targetId) ? targets[targetId] : undefined
}

export function tallyVotes(votes: readonly Vote[], options: TallyOptions): VoteTally {
  const sorted = [...votes].sort(compareVotes)
  const counts = new Map<string, number>()
  const spent = new Map<string, number>()
  const held = new Map<string, Map<string, number>>()
  const seen = new Set<string>()
  const accepted: string[] = []
  const rejected: VoteTally['rejected'] = []
  for (const v of sorted) {
    if (seen.has(v.id)) continue // the same record read twice
    seen.add(v.id)
    if (!spent.has(v.voterId)) spent.set(v.voterId, 0)
    let mine = held.get(v.voterId)
    if (!mine) held.set(v.voterId, (mine = new Map()))
    const target = counted(options.targets, v.targetId)
    const used = spent.get(v.voterId)!
    const onTarget = target === undefined ? 0 : (mine.get(target) ?? 0)
    if (target === undefined) rejected.push({ id: v.id, reason: 'unknown target' })
    else if (used >= options.budget) rejected.push({ id: v.id, reason: 'over budget' })
    else if (onTarget >= options.cap) rejected.push({ id: v.id, reason: 'over cap' })
    else {
      accepted.push(v.id)
      spent.set(v.voterId, used + 1)
      mine.set(target, onTarget + 1)
      counts.set(target, (counts.get(target) ?? 0) + 1)
    }
  }
  return {
    counts: Object.fromEntries(counts),
    accepted,
    rejected,
    remaining: Object.fromEntries([...spent].map(([voter, used]) => [voter, options.budget - used])),
    byVoter: Object.fromEntries([...held].map(([voter, targets]) => [voter, Object.fromEntries(targets)]))
  }
}

export function remainingBudget(tally: VoteTally, voterId: string, settings: VoteSettings): number {
  return Object.hasOwn(tally.remaining, voterId) ? tally.remaining[voterId]! : settings.budget
}

export function votesOn(tally: VoteTally, countedTargetId: string): number {
  return Object.hasOwn(tally.counts, countedTargetId) ? tally.counts[countedTargetId]! : 0
}

/** How many of `voterId`'s votes count on a counted target (a group, or a card not in a group). */
export function votesBy(tally: VoteTally, voterId: string, countedTargetId: string): number {
  const mine = Object.hasOwn(tally.byVoter, voterId) ? tally.byVoter[voterId]! : undefined
  return mine && Object.hasOwn(mine, countedTargetId) ? mine[countedTargetId]! : 0
}

/**
 * May `voterId` cast one more vote on `targetId` now, as far as this peer knows? Only the voter's
 * own votes matter: their budget left and how many of theirs the target holds.
 */
export function canVote(tally: VoteTally, voterId: string, targetId: string, options: TallyOptions): { ok: true } | { ok: false; reason: RejectReason } {
  const target = counted(options.targets, targetId)
  if (target === undefined) return { ok: false, reason: 'unknown target' }
  if (remainingBudget(tally, voterId, options) <= 0) return { ok: false, reason: 'over budget' }
  if (votesBy(tally, voterId, target) >= options.cap) return { ok: false, reason: 'over cap' }
  return { ok: true }
}

/** The next `seq` for a voter: one past the highest of theirs still present. */
export function nextSeq(votes: readonly Vote[], voterId: string): number {
  return votes.reduce((max, v) => (v.voterId === voterId ? Math.max(max, v.seq + 1) : max), 0)
}

/** A new vote record; `id` comes from the caller (a random id), `castAt` from the voter's clock. */
export function castVote(votes: readonly Vote[], input: { id: string; voterId: string; targetId: string; castAt: number }): Vote {
  return Vote.parse({ ...input, seq: nextSeq(votes, input.voterId) })
}

/** Which of my votes to delete to take one back from a target: my latest there. */
export function voteToRetract(votes: readonly Vote[], voterId: string, targetId: string): Vote | undefined {
  return votes
    .filter((v) => v.voterId === voterId && v.targetId === targetId)
    .sort(compareVotes)
    .at(-1)
}

/** Counts are secret while people vote (no bandwagon); they show once the vote phase is over. */
export function votesVisible(phase: Phase): boolean {
  return phaseIndex(phase) > phaseIndex('vote')
}

export interface MyVote {
  vote: Vote
  status: 'counted' | RejectReason
}

/** My own votes with their standing, in the total order: always visible to me. */
export function myVotes(votes: readonly Vote[], me: string, tally: VoteTally): MyVote[] {
  const reasons = new Map(tally.rejected.map((r) => [r.id, r.reason]))
  return votes
    .filter((v) => v.voterId === me)
    .sort(compareVotes)
    .map((vote) => ({ vote, status: reasons.get(vote.id) ?? 'counted' }))
}

export interface VoteView {
  /** False during write … vote: `counts` is then empty. */
  visible: boolean
  counts: Record<string, number>
  mine: MyVote[]
  remaining: number
  /**
   * Counted targets on which I already have `cap` votes of my own (I can put no more there). Only
   * my votes decide it, so it tells nothing of the others' while counts are hidden.
   */
  atMyCap: string[]
}

/** What one member may see of the votes in `phase`: everyone's totals only once voting is over. */
export function voteView(phase: Phase, votes: readonly Vote[], me: string, options: TallyOptions): VoteView {
  const tally = tallyVotes(votes, options)
  const visible = votesVisible(phase)
  const mine = Object.hasOwn(tally.byVoter, me) ? tally.byVoter[me]! : {}
  return {
    visible,
    counts: visible ? tally.counts : {},
    mine: myVotes(votes, me, tally),
    remaining: remainingBudget(tally, me, options),
    atMyCap: Object.entries(mine).filter(([, n]) => n >= options.cap).map(([id]) => id).sort(cmp)
  }
}
