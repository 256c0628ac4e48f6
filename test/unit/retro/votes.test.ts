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
function castOffline(known: Vote[], voterId: string, targets: string[], at: number, options: TallyOptions, device = 'laptop'): Vote[] {
  const mine = [...known]
  for (const [i, targetId] of targets.entries()) {
    if (!canVote(tallyVotes(mine, options), voterId, targetId, options).ok) continue
    mine.push(castVote(mine, { id: `${voterId}-${device}-${at}-${i}`, voterId, targetId, castAt: at + i }))
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
  // the cap is per person per target: count each voter's accepted votes on each target
  const perVoterTarget = new Map<string, number>()
  const perTarget = new Map<string, number>()
  for (const v of votes) {
    if (!accepted.has(v.id)) continue
    const key = `${v.voterId} → ${v.targetId}`
    perVoterTarget.set(key, (perVoterTarget.get(key) ?? 0) + 1)
    perTarget.set(v.targetId, (perTarget.get(v.targetId) ?? 0) + 1)
  }
  for (const [key, count] of perVoterTarget) expect(count, `cap of ${key}`).toBeLessThanOrEqual(options.cap)
  expect(tally.counts).toEqual(Object.fromEntries(perTarget))
  // rejections are justified: the voter's own limit really was reached
  const byId = new Map(votes.map((v) => [v.id, v]))
  for (const r of tally.rejected) {
    const v = byId.get(r.id)!
    if (r.reason === 'over cap') expect(perVoterTarget.get(`${v.voterId} → ${v.targetId}`)).toBe(options.cap)
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
      remaining: { ana: 3, ben: 4 },
      byVoter: { ana: { c1: 1, c2: 1 }, ben: { c1: 1 } }
    })
  })

  it('the cap is per person: one person’s 2 votes leave the card open to everyone else (3 each, at most 2 on one card)', () => {
    const opts = { budget: 3, cap: 2 }
    const ada = [vote('ada', 'hot', T0), vote('ada', 'hot', T0 + 1, 1)]
    const after = tallyVotes(ada, opts)
    // Ada cannot put a 3rd on it; Bruce, Cleo and Dev still can (the bug: "FULL" for everybody)
    expect(canVote(after, 'ada', 'hot', opts)).toEqual({ ok: false, reason: 'over cap' })
    for (const other of ['bruce', 'cleo', 'dev']) expect(canVote(after, other, 'hot', opts)).toEqual({ ok: true })
    expect(voteView('vote', ada, 'bruce', opts).atMyCap).toEqual([])
    expect(voteView('vote', ada, 'ada', opts).atMyCap).toEqual(['hot'])
    // two people can each put 2 on the same card; all four count
    const both = [...ada, vote('bruce', 'hot', T0 + 2), vote('bruce', 'hot', T0 + 3, 1)]
    const tally = tallyVotes(both, opts)
    expect(tally.counts).toEqual({ hot: 4 })
    expect(tally.rejected).toEqual([])
    expect(tally.byVoter).toEqual({ ada: { hot: 2 }, bruce: { hot: 2 } })
    // one person cannot put 3: the 3rd does not count and costs nothing
    const third = vote('ada', 'hot', T0 + 4, 2)
    const over = tallyVotes([...both, third], opts)
    expect(over.rejected).toEqual([{ id: third.id, reason: 'over cap' }])
    expect(over.counts).toEqual({ hot: 4 })
    expect(over.remaining.ada).toBe(1)
  })

  it('four people voting on one card at the same instant, offline, all count; nobody’s votes limit anybody else’s', () => {
    const peers = ['dee', 'ana', 'cy', 'ben']
    const votes = peers.flatMap((p) => castOffline([], p, ['hot', 'hot', 'hot', 'hot'], T0, settings))
    expect(votes).toHaveLength(12) // each stops at its own cap of 3
    const tally = tallyVotes(votes, settings)
    expect(tally.counts.hot).toBe(12)
    expect(tally.rejected).toEqual([])
    for (const p of peers) expect(tally.remaining[p]).toBe(2)
  })

  it('the per-person cap holds for one member voting on one card from two devices offline', () => {
    const laptop = castOffline([], 'ana', ['hot', 'hot'], T0, settings)
    const phone = castOffline([], 'ana', ['hot', 'hot'], T0 + 10, settings)
    const tally = tallyVotes([...laptop, ...phone, vote('ben', 'hot', T0 + 5)], settings)
    expect(tally.counts.hot).toBe(4) // Ana's 3 and Ben's 1
    expect(tally.byVoter.ana).toEqual({ hot: 3 })
    // the later of the phone's two is the one left out, and Ana has it back
    expect(tally.rejected).toEqual([{ id: phone[1]!.id, reason: 'over cap' }])
    expect(tally.remaining.ana).toBe(2)
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

  it('random offline sessions, some members on two devices: every peer converges, and budget and per-person cap hold (50 seeds)', () => {
    let races = 0
    for (let seed = 1; seed <= 50; seed++) {
      const random = rng(seed)
      const options = VoteSettings.parse({ budget: 1 + Math.floor(random() * 5), cap: 1 + Math.floor(random() * 4) })
      const shared: Vote[] = []
      for (let round = 0; round < 3; round++) {
        // peers go offline with the same copy, vote, and meet again
        const known = [...shared]
        for (const [member, device] of [['ana', 'laptop'], ['ana', 'phone'], ['ben', 'laptop'], ['cy', 'laptop'], ['cy', 'phone'], ['dee', 'laptop']] as const) {
          const picks = Array.from({ length: 1 + Math.floor(random() * 4) }, () => `c${Math.floor(random() * 3)}`)
          shared.push(...castOffline(known, member, picks, T0 + round * 1000 + Math.floor(random() * 3), options, device))
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
    const b = vote('ana', 'c', T0 + 1, 1)
    const c = vote('ana', 'c', T0 + 2, 2) // from Ana's other device
    const opts = { budget: 5, cap: 2 }
    expect(tallyVotes([a, a, b], opts).counts.c).toBe(2)
    expect(tallyVotes([a, b, c], opts).rejected).toEqual([{ id: c.id, reason: 'over cap' }])
    expect(tallyVotes([b, c], opts).accepted).toEqual([b.id, c.id])
  })

  it('grouping two cards one person voted on to the cap each keeps only the cap of theirs on the group', () => {
    const votes = [vote('ana', 'c1', T0), vote('ana', 'c1', T0 + 1, 1), vote('ana', 'c2', T0 + 2, 2), vote('ben', 'c2', T0 + 3)]
    const opts = { budget: 5, cap: 2, targets: { c1: 'g', c2: 'g', g: 'g' } }
    const tally = tallyVotes(votes, opts)
    expect(tally.counts).toEqual({ g: 3 })
    expect(tally.rejected).toEqual([{ id: votes[2]!.id, reason: 'over cap' }])
    expect(tally.byVoter).toEqual({ ana: { g: 2 }, ben: { g: 1 } })
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
    expect(canVote(tally, 'ana', 'c', opts)).toEqual({ ok: false, reason: 'over budget' })
    expect(canVote(tally, 'ben', 'c', opts)).toEqual({ ok: true }) // Ana's votes do not limit Ben's
    expect(canVote(tallyVotes([v1, v2], { budget: 5, cap: 2 }), 'ana', 'c', { budget: 5, cap: 2 })).toEqual({ ok: false, reason: 'over cap' })
    expect(canVote(tally, 'ben', 'd', opts)).toEqual({ ok: true })
    expect(voteToRetract([v1, v2], 'ana', 'c')?.id).toBe('x2')
  })

  it('rejects a malformed vote record with clear messages', () => {
    const r = Vote.safeParse({ id: 'v', voterId: 'ana', targetId: 'c', castAt: 1.5, seq: 0 })
    expect(r.error?.issues[0]?.message).toBe('castAt is a whole number of milliseconds.')
    expect(VoteSettings.safeParse({ budget: 0 }).error?.issues[0]?.message).toBe('Each person needs at least one vote.')
    expect(VoteSettings.parse({})).toEqual({ budget: 5, cap: 3 })
  })

  it('counts stay hidden until the vote phase ends; only my own votes, budget and cap show while voting', () => {
    expect(['write', 'reveal', 'group', 'vote'].map((p) => votesVisible(p as never))).toEqual([false, false, false, false])
    expect(['discuss', 'act', 'close'].map((p) => votesVisible(p as never))).toEqual([true, true, true])
    const others = [vote('ben', 'c', T0), vote('ben', 'c', T0 + 1, 1), vote('ben', 'c', T0 + 2, 2), vote('cy', 'c', T0 + 3), vote('dee', 'd', T0 + 4)]
    const mine = [vote('ana', 'c', T0 + 5), vote('ana', 'd', T0 + 6, 1)]
    const during = voteView('vote', [...others, ...mine], 'ana', settings)
    expect(during).toMatchObject({ visible: false, counts: {}, remaining: 3, atMyCap: [] })
    expect(during.mine.map((m) => [m.vote.targetId, m.status])).toEqual([['c', 'counted'], ['d', 'counted']])
    // what I see while voting does not change whatever the others do
    const alone = voteView('vote', mine, 'ana', settings)
    expect(alone).toEqual(during)
    // Ben is at his cap on c; that shows to Ben only
    expect(voteView('vote', [...others, ...mine], 'ben', settings).atMyCap).toEqual(['c'])
    expect(voteView('discuss', [...others, ...mine], 'ana', settings).counts).toEqual({ c: 5, d: 2 })
    expect(myVotes(others, 'eve', tallyVotes(others, settings))).toEqual([])
  })
})
