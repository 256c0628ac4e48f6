import { describe, expect, it } from 'vitest'
import { settleRotations, type RekeyStep } from '@shared/spaces/rotation.ts'

/**
 * The chain rule of concurrent rotations (shared/spaces/rotation.ts), property-style over seeded
 * random histories: members rotate while cut off from each other, records arrive in any order,
 * whoever owes a removal rotates once more; in the end every device is on the same key and nobody
 * removed holds it.
 */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
function shuffled<T>(r: () => number, xs: readonly T[]): T[] {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** a record and who its key was sealed to (what boxes model here) */
interface Sim extends RekeyStep {
  holders: Set<string>
}
const MEMBERS = ['ada', 'bruce', 'cleo', 'dan', 'eve', 'fay']

/** What one member's device does with the records it has: its key, and a rotation when it owes one. */
function tipOf(seen: Map<string, Sim>, first: Set<string>) {
  const s = settleRotations([...seen.values()])
  const tip = s.line.at(-1)
  return { s, holders: tip ? (seen.get(tip.id)!.holders) : first, id: tip?.id ?? '', epoch: tip?.epoch ?? 0 }
}
function rotate(r: () => number, seen: Map<string, Sim>, by: string, removed: string, first: Set<string>, at: number): Sim {
  const { s, id, epoch } = tipOf(seen, first)
  const out = new Set([...s.removed, ...s.owed, removed])
  const holders = new Set(MEMBERS.filter((m) => !out.has(m)))
  return { id: `r${Math.floor(r() * 1e9)}`, after: id, epoch: epoch + 1, at, by, removed, holders }
}

describe('settleRotations: concurrent rotations converge (property-style)', () => {
  it('gives the same chain for the same records in any order', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed)
      const recs: RekeyStep[] = []
      for (let i = 0; i < 8; i++) {
        const after = recs.length > 0 && r() < 0.6 ? pick(r, recs).id : ''
        const parent = recs.find((x) => x.id === after)
        recs.push({ id: `r${i}`, after, epoch: (parent?.epoch ?? 0) + 1, at: Math.floor(r() * 4), by: pick(r, MEMBERS), removed: r() < 0.2 ? '' : pick(r, MEMBERS) })
      }
      const want = settleRotations(recs)
      for (let k = 0; k < 5; k++) expect(settleRotations(shuffled(r, recs))).toEqual(want)
    }
  })

  it('every device ends on the same key and every removed person is excluded from it', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed)
      const first = new Set(MEMBERS)
      const views = new Map(MEMBERS.map((m) => [m, new Map<string, Sim>()]))
      const all = new Map<string, Sim>()
      const intended = new Set<string>()
      let clock = 0
      // members rotate, each seeing only some of the others' records (cut off, or the same seconds)
      const rounds = 1 + Math.floor(r() * 4)
      for (let i = 0; i < rounds; i++) {
        const by = pick(r, MEMBERS)
        const view = views.get(by)!
        const { holders } = tipOf(view, first)
        if (!holders.has(by)) continue
        const removed = r() < 0.2 ? '' : pick(r, MEMBERS.filter((m) => m !== by))
        const rec = rotate(r, view, by, removed, first, (clock += Math.floor(r() * 3)))
        for (const [m, v] of views) if (m === by || r() < 0.3) v.set(rec.id, rec)
        all.set(rec.id, rec)
      }
      // records travel (beacon rooms, relays) in random order; whoever holds the chain's key and
      // owes a removal rotates on top of it; in the end every device has everything
      for (let step = 0; step < 40; step++) {
        const m = pick(r, MEMBERS)
        const view = views.get(m)!
        for (const rec of shuffled(r, [...all.values()])) if (r() < 0.5) view.set(rec.id, rec)
        const { s, holders } = tipOf(view, first)
        if (s.owed.length > 0 && holders.has(m) && !s.removed.includes(m)) {
          const rec = rotate(r, view, m, s.owed[0]!, first, (clock += 1))
          view.set(rec.id, rec)
          all.set(rec.id, rec)
        }
      }
      for (;;) {
        const s = settleRotations([...all.values()])
        if (s.owed.length === 0) break
        const tip = all.get(s.line.at(-1)!.id)!
        const by = MEMBERS.find((m) => tip.holders.has(m) && !s.removed.includes(m))
        if (!by) break // nobody left who may rotate: the removals ate the whole space
        const rec = rotate(r, all, by, s.owed[0]!, first, (clock += 1))
        all.set(rec.id, rec)
      }
      for (const rec of all.values()) if (rec.removed) intended.add(rec.removed)
      const settled = MEMBERS.map(() => settleRotations(shuffled(r, [...all.values()])))
      const tips = new Set(settled.map((s) => s.line.at(-1)?.id ?? ''))
      expect(tips.size, `seed ${seed}`).toBe(1)
      const final = settled[0]!
      const holders = final.line.length > 0 ? all.get(final.line.at(-1)!.id)!.holders : first
      if (final.owed.length > 0) {
        // only when no member may rotate any more: everyone who could was removed
        expect(MEMBERS.filter((m) => holders.has(m) && !final.removed.includes(m))).toEqual([])
        continue
      }
      // every removal made by someone still a member holds (a removed member's other removals may
      // count for nothing: their second record from one key, what they built on a record that
      // lost, what they wrote while a removal of them was owed), nobody is removed whom nobody
      // meant to remove, and no removed member holds the key
      for (const rec of all.values()) {
        if (rec.removed && !final.removed.includes(rec.by)) expect(final.removed, `seed ${seed}: ${rec.removed} removed by ${rec.by}`).toContain(rec.removed)
      }
      for (const m of final.removed) expect(intended.has(m), `seed ${seed}: ${m} removed by nobody`).toBe(true)
      for (const m of final.removed) expect(holders.has(m), `seed ${seed}: ${m} holds the key`).toBe(false)
    }
  })
})

describe('settleRotations: the cases by name', () => {
  const step = (id: string, after: string, by: string, removed: string, at = 1, epoch = 1): RekeyStep => ({ id, after, epoch, at, by, removed })

  it('two members remove different people at once: the earlier wins, the other removal is owed', () => {
    const a = step('a', '', 'ada', 'cleo', 5)
    const b = step('b', '', 'bruce', 'dan', 7)
    expect(settleRotations([b, a])).toEqual({ line: [a], removed: ['cleo', 'dan'], owed: ['dan'] })
    // Bruce (or anyone holding a's key) removes Dan on top of a: settled
    const fix = step('f', 'a', 'bruce', 'dan', 8, 2)
    expect(settleRotations([fix, b, a])).toEqual({ line: [a, fix], removed: ['cleo', 'dan'], owed: [] })
  })

  it('a removed member cannot win by claiming an earlier time, and cannot rotate after their removal', () => {
    const a = step('a', '', 'ada', 'cleo', 5)
    const forged = step('c', '', 'cleo', 'bruce', 0)
    expect(settleRotations([a, forged]).line).toEqual([a])
    // whatever Cleo builds on a is no rotation (she was removed by it)
    expect(settleRotations([a, step('c2', 'a', 'cleo', 'ada', 0, 2)]).line).toEqual([a])
    // removals are never undone: Bruce, whom she removed "at the same time", is owed (he needs a new invite)
    expect(settleRotations([a, forged]).owed).toEqual(['bruce'])
  })

  it('a removed member holding the old key removes at most one person there: one record per author per key, nothing built on a record that lost', () => {
    const a = step('a', '', 'ada', 'cleo', 5)
    // Cleo, removed, writes a record per member from the old key, and a chain on her own record
    const spam = ['bruce', 'dan', 'eve'].map((m, i) => step(`c-${m}`, '', 'cleo', m, 1 + i))
    const chain = step('c2', 'c-bruce', 'cleo', 'fay', 9, 2)
    const s = settleRotations([a, ...spam, chain])
    expect(s.line).toEqual([a])
    expect(s.owed).toEqual(['bruce'])
    expect(s.removed).toEqual(['bruce', 'cleo'])
    // a member owed a removal writes no rotation until the chain removes them
    const byBruce = step('b', 'a', 'bruce', 'dan', 10, 2)
    expect(settleRotations([a, spam[0]!, byBruce]).line).toEqual([a])
  })

  it('a key sealed to fewer members loses: a removed member cannot take the space by claiming an earlier time', () => {
    const boxed = (r: RekeyStep, ...ms: string[]) => ({ ...r, boxed: ms })
    const all = ['ada', 'bruce', 'cleo', 'dan']
    // Ada removes Cleo; Cleo, removed, answers from the old key with an earlier time, removing
    // Ada, her new key sealed to herself alone: that record would lock everyone else out
    const a = boxed(step('a', '', 'ada', 'cleo', 5), ...all.filter((m) => m !== 'cleo'))
    const c = boxed(step('c', '', 'cleo', 'ada', 0), 'cleo')
    expect(settleRotations([c, a]).line).toEqual([a])
    // sealed to everyone (so everyone can follow), it is as two members removing each other
    const c2 = boxed(step('c', '', 'cleo', 'ada', 0), ...all)
    const s = settleRotations([c2, a])
    expect(s.line).toEqual([c2])
    expect(s.owed).toEqual(['cleo'])
  })

  it('two members removing each other: both end removed', () => {
    const a = step('a', '', 'ada', 'cleo', 5)
    const c = step('c', '', 'cleo', 'ada', 6)
    const s = settleRotations([c, a])
    expect(s.line).toEqual([a])
    expect(s.owed).toEqual(['ada'])
  })

  it('what was built on a losing rotation counts for removals; epochs must rise; loops and junk are ignored', () => {
    const a = step('a', '', 'ada', '', 1)
    const b = step('b', '', 'bruce', 'dan', 2)
    const b2 = step('b2', 'b', 'bruce', 'eve', 3, 2)
    const sameEpoch = step('x', 'a', 'fay', 'ada', 4, 1)
    const loop1 = step('l1', 'l2', 'fay', 'ada', 0, 5)
    const loop2 = step('l2', 'l1', 'fay', 'ada', 0, 6)
    expect(settleRotations([a, b, b2, sameEpoch, loop1, loop2])).toEqual({ line: [a], removed: ['dan', 'eve'], owed: ['dan', 'eve'] })
  })

  it('someone invited again after their removal (they hold a later key of the chain) is a member again; holding an earlier key or one off the chain is not', () => {
    const x = step('x', '', 'ada', '', 1)
    const a = step('a', 'x', 'ada', 'cleo', 2, 2)
    const b = step('b', 'a', 'ada', '', 3, 3)
    const c = step('c', 'b', 'cleo', 'dan', 4, 4)
    // not invited again: she holds the keys from before her removal; her record is no rotation
    expect(settleRotations([x, a, b, c], '', [{ member: 'cleo', record: 'x' }])).toEqual({ line: [x, a, b], removed: ['cleo'], owed: [] })
    // invited again with a's key: removed no more, and her rotation counts
    expect(settleRotations([x, a, b, c], '', [{ member: 'cleo', record: 'a' }])).toEqual({ line: [x, a, b, c], removed: ['dan'], owed: [] })
    // a key off the chain (a losing record's, sealed to her by someone who did not know) lets nobody in
    const lost = step('lost', 'a', 'bruce', '', 9, 3)
    expect(settleRotations([x, a, b, lost], '', [{ member: 'cleo', record: 'lost' }]).removed).toEqual(['cleo'])
  })

  it('a removal that lost is not undone by the winning side handing the removed member its keys', () => {
    // Ada removes Cleo (later: loses); Bruce, not knowing, goes on with Cleo: she holds b1's and b2's keys
    const b1 = step('b1', '', 'bruce', '', 1)
    const x = step('x', '', 'ada', 'cleo', 2)
    const b2 = step('b2', 'b1', 'bruce', '', 3, 2)
    const held = [
      { member: 'cleo', record: 'b1' },
      { member: 'cleo', record: 'b2' }
    ]
    expect(settleRotations([b1, x, b2], '', held)).toEqual({ line: [b1, b2], removed: ['cleo'], owed: ['cleo'] })
    // removed on top, then invited again: a member again
    const fix = step('fix', 'b2', 'bruce', 'cleo', 4, 3)
    const next = step('next', 'fix', 'ada', '', 5, 4)
    expect(settleRotations([b1, x, b2, fix, next], '', [...held, { member: 'cleo', record: 'next' }])).toEqual({ line: [b1, b2, fix, next], removed: [], owed: [] })
    // invited again, then removed again by a record that lost: owed again
    const again = step('again', 'fix', 'dan', 'cleo', 6, 4)
    expect(settleRotations([b1, x, b2, fix, next, again], '', [...held, { member: 'cleo', record: 'fix' }]).owed).toEqual(['cleo'])
  })

  it('starts from a given record', () => {
    const old = step('old', '', 'ada', 'x', 1)
    const n = step('n', 'old', 'ada', 'y', 2, 2)
    expect(settleRotations([old, n], 'old').line).toEqual([n])
  })
})
