import { describe, expect, it } from 'vitest'
import {
  Vote,
  VoteSettings,
  canVote,
  castVote,
  myVotes,
  tallyVotes,
  voteToRetract,
  voteView,
  votesVisible,
  type TallyOptions,
  type VoteTally
} from '@shared/retro/votes.ts'
import { T0, rng, shuffled } from './fixtures.ts'

const settings: TallyOptions = { budget: 5, cap: 3 }
let n = 0
const vote = (voterId: string, targetId: string, castAt: number, seq = 0, id = `v${++n}`): Vote => ({ id, voterId, targetId, castAt, seq })

/** Offline peers: each casts on its own copy, checking limits only against what it knows. */
function castOffline(known: Vote[], voterId: string, targets: string[], at: number, options: TallyOptions): Vote[] {
  const mine = [...known]
  for (const [i, targetId] of targets.entries()) {
    if (!canVote(tallyVotes(mine, options), voterId, targetId, options).ok) continue
    mine.push(castVote(mine, { id: `${voterId}-${at}-${i}`, voterId, targetId, castAt: at + i }))
  }
  return mine.slice(known.length)
}

function checkLimits(votes: Vote[], tally: VoteTally, options: TallyOptions): void {
  const accepted = new Set(tally.accepted)
  const perVoter = new Map<string, number>()
  for (const v of votes) if (accepted.has(v.id)) perVoter.set(v.voterId, (perVoter.get(v.voterId) ?? 0) + 1)
  for (const [voter, used] of perVoter) {
    expect(used, `budget of ${voter}`).toBeLessThanOrEqual(options.budget)
    expect(tally.remaining[voter]).toBe(options.budget - used)
  }
  for (const [target, count] of Object.entries(tally.counts)) expect(count, `cap of ${target}`).toBeLessThanOrEqual(options.cap)
  // rejections are justified: the limit really was reached
  const byId = new Map(votes.map((v) => [v.id, v]))
  for (const r of tally.rejected) {
    const v = byId.get(r.id)!
    if (r.reason === 'over cap') expect(tally.counts[v.targetId]).toBe(options.cap)
    if (r.reason === 'over budget') expect(perVoter.get(v.voterId)).toBe(options.budget)
  }
  expect(tally.accepted.length + tally.rejected.length).toBe(new Set(votes.map((v) => v.id)).size)
}

describe('tallyVotes', () => {
  it('counts votes per target and budget left per voter', () => {
    const votes = [vote('ana', 'c1', T0), vote('ana', 'c2', T0 + 1, 1), vote('ben', 'c1', T0 + 2)]
    expect(tallyVotes(votes, settings)).toEqual({
      counts: { c1: 2, c2: 1 },
      accepted: votes.map((v) => v.id),
      rejected: [],
      remaining: { ana: 3, ben: 4 }
    })
  })

  it('the cap holds when four people put a vote on one card at the same instant, offline', () => {
    const peers = ['dee', 'ana', 'cy', 'ben']
    const votes = peers.flatMap((p) => castOffline([], p, ['hot'], T0, settings))
    expect(votes).toHaveLength(4) // each peer alone saw room for its vote
    const tally = tallyVotes(votes, settings)
    expect(tally.counts.hot).toBe(3)
    // same castAt: voter id breaks the tie, so dee (last in code-unit order) is the one left out
    expect(tally.rejected).toEqual([{ id: votes[0]!.id, reason: 'over cap' }])
    expect(tally.remaining.dee).toBe(5)
  })

  it('the budget holds for one member voting from two devices offline', () => {
    const laptop = castOffline([], 'ana', ['a', 'b', 'c', 'd'], T0, settings)
    const phone = castOffline([], 'ana', ['e', 'f', 'g'], T0 + 10, settings)
    const tally = tallyVotes([...laptop, ...phone], settings)
    expect(tally.accepted).toHaveLength(5)
    expect(tally.rejected.map((r) => r.reason)).toEqual(['over budget', 'over budget'])
    expect(tally.remaining.ana).toBe(0)
    expect(Object.keys(tally.counts).sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('is identical for every arrival order (200 shuffles of 60 racing votes)', () => {
    const random = rng(42)
    const voters = ['ana', 'ben', 'cy', 'dee', 'eve', 'fay']
    const targets = ['c1', 'c2', 'c3', 'g1']
    const votes: Vote[] = []
    for (let i = 0; i < 60; i++) {
      // few distinct instants: many exact ties on castAt
      votes.push(vote(voters[i % voters.length]!, targets[Math.floor(random() * targets.length)]!, T0 + Math.floor(random() * 4), Math.floor(i / voters.length)))
    }
    const reference = tallyVotes(votes, settings)
    checkLimits(votes, reference, settings)
    expect(reference.rejected.length).toBeGreaterThan(0)
    for (let i = 0; i < 200; i++) expect(tallyVotes(shuffled(votes, random), settings)).toEqual(reference)
  })

  it('random offline sessions: every peer converges, and budget and cap hold (50 seeds)', () => {
    let races = 0
    for (let seed = 1; seed <= 50; seed++) {
      const random = rng(seed)
      const options = VoteSettings.parse({ budget: 1 + Math.floor(random() * 5), cap: 1 + Math.floor(random() * 4) })
      const shared: Vote[] = []
      for (let round = 0; round < 3; round++) {
        // peers go offline with the same copy, vote, and meet again
        const known = [...shared]
        for (const peer of ['ana', 'ben', 'cy', 'dee']) {
          const picks = Array.from({ length: 1 + Math.floor(random() * 4) }, () => `c${Math.floor(random() * 3)}`)
          shared.push(...castOffline(known, peer, picks, T0 + round * 1000 + Math.floor(random() * 3), options))
        }
      }
      const views = Array.from({ length: 4 }, () => tallyVotes(shuffled(shared, random), options))
      for (const v of views) expect(v).toEqual(views[0])
      checkLimits(shared, views[0]!, options)
      races += views[0]!.rejected.length
    }
    expect(races).toBeGreaterThan(20) // the sessions did overrun limits offline
  })

  it('a duplicate record counts once; deleting a vote lets a displaced one back in', () => {
    const a = vote('ana', 'c', T0)
    const b = vote('ben', 'c', T0 + 1)
    const c = vote('cy', 'c', T0 + 2)
    const opts = { budget: 5, cap: 2 }
    expect(tallyVotes([a, a, b], opts).counts.c).toBe(2)
    expect(tallyVotes([a, b, c], opts).rejected).toEqual([{ id: c.id, reason: 'over cap' }])
    expect(tallyVotes([b, c], opts).accepted).toEqual([b.id, c.id])
  })

  it('a vote on a grouped card counts toward its group; a vote on a deleted card costs nothing', () => {
    const targets = { c1: 'g', c2: 'g', g: 'g', c3: 'c3' }
    const votes = [vote('ana', 'c1', T0), vote('ana', 'c2', T0 + 1, 1), vote('ana', 'gone', T0 + 2, 2)]
    const tally = tallyVotes(votes, { ...settings, targets })
    expect(tally.counts).toEqual({ g: 2 })
    expect(tally.rejected).toEqual([{ id: votes[2]!.id, reason: 'unknown target' }])
    expect(tally.remaining.ana).toBe(3)
    expect(tallyVotes([vote('ana', '__proto__', T0)], { ...settings, targets }).rejected[0]?.reason).toBe('unknown target')
  })
})

describe('casting and viewing votes', () => {
  it('castVote numbers a voter’s votes and canVote says why not', () => {
    const v1 = castVote([], { id: 'x1', voterId: 'ana', targetId: 'c', castAt: T0 })
    const v2 = castVote([v1], { id: 'x2', voterId: 'ana', targetId: 'c', castAt: T0 })
    expect([v1.seq, v2.seq]).toEqual([0, 1])
    const opts = { budget: 2, cap: 2 }
    const tally = tallyVotes([v1, v2], opts)
    expect(canVote(tally, 'ana', 'd', opts)).toEqual({ ok: false, reason: 'over budget' })
    expect(canVote(tally, 'ben', 'c', opts)).toEqual({ ok: false, reason: 'over cap' })
    expect(canVote(tally, 'ben', 'd', opts)).toEqual({ ok: true })
    expect(voteToRetract([v1, v2], 'ana', 'c')?.id).toBe('x2')
  })

  it('rejects a malformed vote record with clear messages', () => {
    const r = Vote.safeParse({ id: 'v', voterId: 'ana', targetId: 'c', castAt: 1.5, seq: 0 })
    expect(r.error?.issues[0]?.message).toBe('castAt is a whole number of milliseconds.')
    expect(VoteSettings.safeParse({ budget: 0 }).error?.issues[0]?.message).toBe('Each person needs at least one vote.')
    expect(VoteSettings.parse({})).toEqual({ budget: 5, cap: 3 })
  })

  it('counts stay hidden until the vote phase ends; my own votes and full targets show', () => {
    expect(['write', 'reveal', 'group', 'vote'].map((p) => votesVisible(p as never))).toEqual([false, false, false, false])
    expect(['discuss', 'act', 'close'].map((p) => votesVisible(p as never))).toEqual([true, true, true])
    const votes = [vote('ben', 'c', T0), vote('cy', 'c', T0 + 1), vote('dee', 'c', T0 + 2), vote('ana', 'c', T0 + 3), vote('ana', 'd', T0 + 4, 1)]
    const during = voteView('vote', votes, 'ana', settings)
    expect(during).toMatchObject({ visible: false, counts: {}, remaining: 4, full: ['c'] })
    expect(during.mine.map((m) => m.status)).toEqual(['over cap', 'counted'])
    expect(voteView('discuss', votes, 'ana', settings).counts).toEqual({ c: 3, d: 1 })
    expect(myVotes(votes, 'eve', tallyVotes(votes, settings))).toEqual([])
  })
})
