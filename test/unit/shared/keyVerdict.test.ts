import { describe, expect, it } from 'vitest'
import {
  decideKey,
  due,
  freshKeyEvidence,
  heardOurKey,
  heardUnreadable,
  KEY_GRACE_MS,
  KEY_PROBE_EVERY_MS,
  KEY_QUIET_RESET_MS,
  probed,
  settle,
  STRANGER_NOTICE_MS,
  type KeyEvidence
} from '@shared/sync/keyVerdict.ts'

/** What a device does with the rule: hear, settle, decide, ask when told to. */
type Heard = [at: number, what: 'unreadable' | 'opened']
const inOrder = (...lists: Heard[][]): Heard[] => lists.flat().sort((a, b) => a[0] - b[0])

function run(start: KeyEvidence, events: Heard[], until: number) {
  let e = start
  const probes: number[] = []
  const verdicts: [number, string][] = []
  const look = (now: number) => {
    e = settle(e, now)
    const d = decideKey(e, now)
    // time only moves forward: a review is always asked for later than now
    if (d.reviewAt !== null && d.reviewAt <= now) throw new Error(`review at ${d.reviewAt} asked at ${now}`)
    if (d.probe) {
      e = probed(e, now)
      probes.push(now)
    }
    if (verdicts.at(-1)?.[1] !== d.verdict) verdicts.push([now, d.verdict])
    return d.reviewAt
  }
  // step through every event and every time the rule asked to be looked at again
  let reviewAt: number | null = look(0)
  const queue = [...events]
  for (let guard = 0; guard < 10_000; guard++) {
    const next = queue[0]
    if (reviewAt !== null && reviewAt <= until && (!next || reviewAt < next[0])) {
      reviewAt = look(reviewAt)
      continue
    }
    if (!next || next[0] > until) break
    queue.shift()
    e = next[1] === 'unreadable' ? heardUnreadable(e, next[0]) : heardOurKey(e)
    reviewAt = look(next[0])
  }
  return { e, probes, verdicts, last: verdicts.at(-1)![1] }
}

/** `count` messages nobody can open, one every `every` ms from `from` */
const junk = (from: number, every: number, count: number): Heard[] =>
  Array.from({ length: count }, (_, i) => [from + i * every, 'unreadable'])

describe('the key verdict', () => {
  it('says nothing while nothing is heard, proven or not', () => {
    expect(decideKey(freshKeyEvidence(false), 0)).toEqual({ verdict: 'quiet', probe: false, reviewAt: null })
    expect(decideKey(freshKeyEvidence(true), 0)).toEqual({ verdict: 'quiet', probe: false, reviewAt: null })
  })

  it('one message nobody can open makes an unproven key ask the room, never conclude', () => {
    const e = settle(heardUnreadable(freshKeyEvidence(false), 1_000), 1_000)
    const d = decideKey(e, 1_000)
    expect(d.verdict).toBe('checking')
    expect(d.probe).toBe(true)
    expect(d.reviewAt).toBe(1_000 + KEY_PROBE_EVERY_MS)
  })

  it("a stranger's junk while a member answers: the newcomer is never told its key is wrong, and then hears of the stranger", () => {
    // junk every 300 ms from before the newcomer joins; a member's answer opens at 1.2 s
    const r = run(freshKeyEvidence(false), inOrder(junk(0, 300, 200), [[1_200, 'opened']]), 60_000)
    expect(r.verdicts.map((v) => v[1])).not.toContain('mismatch')
    expect(r.e.verified).toBe(true)
    expect(r.verdicts.map((v) => v[1])).toEqual(['quiet', 'checking', 'strangers'])
    // asked once, before the answer came; a proven key asks no more
    expect(r.probes).toEqual([0])
  })

  it('a member answering late still wins: mismatch gives way the moment a message opens with our key', () => {
    const r = run(freshKeyEvidence(false), inOrder(junk(0, 300, 100), [[20_000, 'opened']]), 40_000)
    const kinds = r.verdicts.map((v) => v[1])
    expect(kinds).toEqual(['quiet', 'checking', 'mismatch', 'strangers'])
    expect(r.e).toMatchObject({ verified: true, mismatch: false })
    // and the stranger notice ends once the junk has stopped for a while
    const after = decideKey(r.e, r.e.lastUnreadableAt! + STRANGER_NOTICE_MS)
    expect(after.verdict).toBe('quiet')
  })

  it('a damaged key: members answer with messages it cannot open, nothing opens; mismatch after the grace period, not before', () => {
    // the members' key-checks: one for our announce, then one per question (at most every 2 s)
    const answers = [200, 2_700, 5_200, 7_700, 10_200].map((t): Heard => [t, 'unreadable'])
    const r = run(freshKeyEvidence(false), answers, 30_000)
    const mismatchAt = r.verdicts.find((v) => v[1] === 'mismatch')![0]
    expect(mismatchAt).toBeGreaterThanOrEqual(200 + KEY_GRACE_MS)
    expect(mismatchAt).toBeLessThan(200 + KEY_GRACE_MS + KEY_PROBE_EVERY_MS)
    // asked at the first unreadable message and every probe interval until it concluded, then stopped
    expect(r.probes[0]).toBe(200)
    expect(r.probes.every((t) => t <= mismatchAt)).toBe(true)
    expect(r.probes.length).toBeLessThanOrEqual(Math.ceil(KEY_GRACE_MS / KEY_PROBE_EVERY_MS) + 1)
    // it stays said while nothing opens, even when the room goes quiet
    expect(decideKey(settle(r.e, 10 * 60_000), 10 * 60_000).verdict).toBe('mismatch')
  })

  it('needs messages after it asked: nothing that kept arriving once it asked is no evidence', () => {
    // a burst before we could ask, then silence
    let e = freshKeyEvidence(false)
    for (const t of [0, 10, 20, 30]) e = heardUnreadable(e, t)
    e = probed(e, 40)
    e = settle(e, 40 + KEY_GRACE_MS * 2)
    expect(e.mismatch).toBe(false)
    expect(decideKey(e, 40 + KEY_GRACE_MS * 2).verdict).toBe('checking')
  })

  it('needs more than one message, and the grace period from the first one', () => {
    let e = heardUnreadable(freshKeyEvidence(false), 0)
    e = probed(e, 0)
    expect(settle(e, KEY_GRACE_MS).mismatch).toBe(false)
    e = heardUnreadable(e, 100)
    expect(settle(e, KEY_GRACE_MS - 1).mismatch).toBe(false)
    expect(settle(e, KEY_GRACE_MS).mismatch).toBe(true)
  })

  it('a short burst of junk, then quiet: the episode is forgotten, asking stops, and later junk starts a fresh grace period', () => {
    const r = run(freshKeyEvidence(false), junk(0, 1_000, 1), 60_000)
    expect(r.last).toBe('quiet')
    expect(r.e).toEqual(freshKeyEvidence(false))
    // asked every interval until the quiet reset, then no more
    expect(r.probes.length).toBe(Math.ceil(KEY_QUIET_RESET_MS / KEY_PROBE_EVERY_MS))
    // one more message long after starts over: no instant verdict from old evidence
    const later = heardUnreadable(r.e, 100_000)
    expect(later.firstUnreadableAt).toBe(100_000)
    expect(decideKey(settle(later, 100_001), 100_001).verdict).toBe('checking')
  })

  it('a proven key never concludes mismatch; junk only raises the calm notice, which ends after a quiet while', () => {
    const r = run(freshKeyEvidence(true), junk(1_000, 200, 300), 200_000)
    expect(r.verdicts.map((v) => v[1])).toEqual(['quiet', 'strangers', 'quiet'])
    expect(r.probes).toEqual([])
    const lastJunk = 1_000 + 299 * 200
    expect(r.verdicts[2]![0]).toBe(lastJunk + STRANGER_NOTICE_MS)
  })

  it('rate limits by time', () => {
    expect(due(null, 0, 1_000)).toBe(true)
    expect(due(0, 999, 1_000)).toBe(false)
    expect(due(0, 1_000, 1_000)).toBe(true)
  })
})
