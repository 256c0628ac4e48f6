import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { greedyAssignment, maxWeightAssignment, type Slots, type WeightedPair } from '@shared/mentorship/assignment.ts'
import { assignPool, type AssignablePerson } from '@shared/mentorship/poolAssignment.ts'
import { importProfiles } from '@shared/mentorship/profileYaml.ts'
import { explainPair, pairScores } from '@shared/mentorship/matching.ts'
import { profileNamed } from './fixtures/profile.ts'

/** A small deterministic random source (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function instance(seed: number): { people: Slots[]; pairs: WeightedPair[] } {
  const next = random(seed)
  const n = 2 + Math.floor(next() * 6) // 2–7 people
  const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, slots: 1 + Math.floor(next() * 3) }))
  const pairs: WeightedPair[] = []
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (next() < 0.6) pairs.push({ aId: `p${i}`, bId: `p${j}`, score: (1 + Math.floor(next() * 100)) / 100 })
    }
  }
  return { people, pairs }
}

/** Every subset of the pairs that respects the capacities; the best by (people paired, total). */
function bruteForce(people: Slots[], pairs: WeightedPair[]): { covered: number; total: number } {
  const slots = new Map(people.map((p) => [p.id, p.slots]))
  let best = { covered: 0, total: 0 }
  for (let mask = 0; mask < 1 << pairs.length; mask++) {
    const used = new Map<string, number>()
    let total = 0
    let ok = true
    for (let k = 0; k < pairs.length && ok; k++) {
      if (!(mask & (1 << k))) continue
      const p = pairs[k] as WeightedPair
      for (const id of [p.aId, p.bId]) {
        used.set(id, (used.get(id) ?? 0) + 1)
        if ((used.get(id) ?? 0) > (slots.get(id) ?? 0)) ok = false
      }
      total += p.score
    }
    if (!ok) continue
    const covered = used.size
    if (covered > best.covered || (covered === best.covered && total > best.total + 1e-9)) best = { covered, total }
  }
  return best
}

function checkValid(people: Slots[], result: { pairs: WeightedPair[] }): void {
  const slots = new Map(people.map((p) => [p.id, p.slots]))
  const used = new Map<string, number>()
  const seen = new Set<string>()
  for (const p of result.pairs) {
    expect(p.aId).not.toBe(p.bId)
    const key = [p.aId, p.bId].sort().join('/')
    expect(seen.has(key), `pair ${key} twice`).toBe(false)
    seen.add(key)
    for (const id of [p.aId, p.bId]) used.set(id, (used.get(id) ?? 0) + 1)
  }
  for (const [id, n] of used) expect(n, `${id} over capacity`).toBeLessThanOrEqual(slots.get(id) ?? 0)
}

describe('maxWeightAssignment', () => {
  it('equals the brute-force optimum (people paired, then total) on 300 random small instances with capacities 1–3', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { people, pairs } = instance(seed)
      const result = maxWeightAssignment(people, pairs)
      checkValid(people, result)
      const best = bruteForce(people, pairs)
      expect({ seed, covered: result.covered, total: Math.round(result.total * 100) }).toEqual({ seed, covered: best.covered, total: Math.round(best.total * 100) })
      // never worse than the greedy baseline
      const greedy = greedyAssignment(people, pairs)
      expect(result.covered > greedy.covered || (result.covered === greedy.covered && result.total >= greedy.total - 1e-9)).toBe(true)
    }
  })

  it('beats greedy where greedy takes the best pair and strands two people', () => {
    // greedy takes b–c (0.9) and leaves a and d alone; the optimum pairs a–b and c–d
    const people = ['a', 'b', 'c', 'd'].map((id) => ({ id, slots: 1 }))
    const pairs = [
      { aId: 'b', bId: 'c', score: 0.9 },
      { aId: 'a', bId: 'b', score: 0.8 },
      { aId: 'c', bId: 'd', score: 0.8 }
    ]
    expect(greedyAssignment(people, pairs)).toMatchObject({ covered: 2 })
    const best = maxWeightAssignment(people, pairs)
    expect(best.covered).toBe(4)
    expect(best.pairs.map((p) => `${p.aId}${p.bId}`).sort()).toEqual(['ab', 'cd'])
    expect(best.total).toBeCloseTo(1.6)
  })

  it('gives a person with room for two pairs two partners, never the same one twice, and never pairs anyone with themselves', () => {
    const people = [
      { id: 'm', slots: 2 },
      { id: 'x', slots: 2 },
      { id: 'y', slots: 1 }
    ]
    const pairs = [
      { aId: 'm', bId: 'x', score: 0.9 },
      { aId: 'm', bId: 'x', score: 0.8 }, // the same pair listed twice
      { aId: 'm', bId: 'm', score: 1 },
      { aId: 'm', bId: 'y', score: 0.3 }
    ]
    const result = maxWeightAssignment(people, pairs)
    checkValid(people, result)
    expect(result.pairs.map((p) => `${p.aId}${p.bId}`).sort()).toEqual(['mx', 'my'])
    expect(result.total).toBeCloseTo(1.2)
  })

  it('respects capacity: room for one pair means one pair, even when two strong partners want them', () => {
    const people = [
      { id: 'm', slots: 1 },
      { id: 'x', slots: 1 },
      { id: 'y', slots: 1 }
    ]
    const result = maxWeightAssignment(people, [
      { aId: 'm', bId: 'x', score: 0.9 },
      { aId: 'm', bId: 'y', score: 0.8 }
    ])
    expect(result.pairs).toEqual([{ aId: 'm', bId: 'x', score: 0.9 }])
  })

  it('leaves out people with no room, unknown people and pairs scoring 0', () => {
    const result = maxWeightAssignment(
      [
        { id: 'a', slots: 0 },
        { id: 'b', slots: 1 },
        { id: 'c', slots: 1 }
      ],
      [
        { aId: 'a', bId: 'b', score: 1 },
        { aId: 'b', bId: 'z', score: 1 },
        { aId: 'b', bId: 'c', score: 0 }
      ]
    )
    expect(result).toEqual({ pairs: [], total: 0, covered: 0 })
  })

  it('assigns a 120-person pool with mixed capacities within capacity, never below greedy', () => {
    const next = random(42)
    const people = Array.from({ length: 120 }, (_, i) => ({ id: `p${i}`, slots: next() < 0.7 ? 1 : 2 + Math.floor(next() * 2) }))
    const pairs: WeightedPair[] = []
    for (let i = 0; i < 120; i++) for (let j = i + 1; j < 120; j++) if (next() < 0.08) pairs.push({ aId: `p${i}`, bId: `p${j}`, score: next() })
    const result = maxWeightAssignment(people, pairs)
    checkValid(people, result)
    const greedy = greedyAssignment(people, pairs)
    expect(result.covered).toBeGreaterThanOrEqual(greedy.covered)
    if (result.covered === greedy.covered) expect(result.total).toBeGreaterThanOrEqual(greedy.total - 1e-9)
  })
})

function person(id: string, items: { be: string[]; seek: string[] }, extra: Partial<AssignablePerson> = {}): AssignablePerson {
  return { id, profile: { ...profileNamed(id[0]!.toUpperCase() + id.slice(1)), beAMentor: items.be, seekAMentor: items.seek }, available: true, capacity: 1, ...extra }
}

describe('assignPool', () => {
  const ana = person('ana', { be: ['React frontend development'], seek: ['Kubernetes operations'] })
  const ben = person('ben', { be: ['Kubernetes operators in Go'], seek: ['Frontend with React'] })
  const cy = person('cy', { be: ['Leading blameless postmortems'], seek: ['Public speaking at conferences'] })
  const dee = person('dee', { be: ['Giving talks at meetups'], seek: ['Running incident reviews'] })
  const eve = person('eve', { be: ['Woodworking'], seek: ['Sailing'] })

  it('pairs everyone who matches both ways, explains every pair, and says why the others are left out', () => {
    const everyone = [ana, ben, cy, dee, eve, person('fay', { be: ['Go services'], seek: [] }), person('gus', { be: ['React'], seek: ['Kubernetes'] }, { available: false })]
    const result = assignPool(everyone, [])
    expect(result.pairs.map((p) => [p.a.id, p.b.id].sort().join('&')).sort()).toEqual(['ana&ben', 'cy&dee'])
    for (const p of result.pairs) {
      expect(p.aMentorsB.best?.reason).toBeTruthy()
      expect(p.bMentorsA.best?.reason).toBeTruthy()
      expect(p.score).toBeCloseTo(explainPair(p.a.id, p.b.id, everyone.map((x) => ({ id: x.id, profile: x.profile })))?.score ?? -1)
    }
    expect(result.covered).toBe(4)
    expect(result.total).toBeCloseTo(result.pairs.reduce((s, p) => s + p.score, 0))
    expect(result.leftOut).toEqual([
      { id: 'eve', name: 'Eve', reason: 'Nobody with room matches them in both directions' },
      { id: 'fay', name: 'Fay', reason: 'Their profile has no seek-a-mentor item yet' },
      { id: 'gus', name: 'Gus', reason: 'Not open to a new pair' }
    ])
  })

  it('counts running and waiting pairs against capacity and does not propose a pair again', () => {
    const busy = { ...ben, capacity: 2 }
    const result = assignPool(
      [ana, busy, cy, dee],
      [
        { aProfileId: 'ben', bProfileId: 'cy', status: 'active' },
        { aProfileId: 'ana', bProfileId: 'ben', status: 'declined' },
        { aProfileId: 'dee', bProfileId: 'eve', status: 'suggested' }
      ]
    )
    // ana–ben was declined, ben has one pair running and room for one more; dee waits for an answer
    expect(result.pairs).toEqual([])
    const reasons = Object.fromEntries(result.leftOut.map((l) => [l.id, l.reason]))
    expect(reasons.dee).toBe('A suggested pair waits for their answer')
    expect(reasons.ben).toBe('Nobody with room matches them in both directions')
    const full = assignPool([ana, ben, cy], [{ aProfileId: 'ben', bProfileId: 'cy', status: 'active' }])
    expect(full.leftOut.find((l) => l.id === 'ben')?.reason).toBe('Already in 1 running pair, as many as they take at once')
  })

  it('gives a mentor with room for two a second partner, and names the partners of someone left out', () => {
    const mia = person('mia', { be: ['Kubernetes operators in Go', 'React frontend development'], seek: ['Public speaking', 'Frontend with React'] }, { capacity: 2 })
    const ana2 = person('ana', { be: ['React frontend development', 'Giving talks at meetups'], seek: ['Kubernetes operations'] })
    const ben2 = person('ben', { be: ['Giving talks at conferences', 'React'], seek: ['Kubernetes in Go'] })
    const both = assignPool([mia, ana2, ben2], [])
    expect(both.pairs.map((p) => [p.a.id, p.b.id].sort().join('&')).sort()).toEqual(['ana&mia', 'ben&mia'])
    const one = assignPool([{ ...mia, capacity: 1 }, ana2, ben2], [])
    expect(one.pairs).toHaveLength(1)
    expect(one.leftOut).toHaveLength(1)
    expect(one.leftOut[0]?.reason).toMatch(/^Matches Mia(, [A-Z][a-z]+)*( and [A-Z][a-z]+)?, but /)
  })

  it('on the 14-person fixture pool: a valid assignment at least as good as greedy', () => {
    const { profiles } = importProfiles([{ name: 'pool.yaml', text: readFileSync(new URL('./fixtures/pool.yaml', import.meta.url), 'utf8') }])
    const people = profiles.map(({ profile }, i) => ({ id: `p${i}`, profile, available: true, capacity: 1 + (i % 2) }))
    const result = assignPool(people, [])
    const slots = people.map((p) => ({ id: p.id, slots: p.capacity }))
    const greedy = greedyAssignment(slots, pairScores(people))
    expect(result.pairs.length).toBeGreaterThan(0)
    expect(result.covered).toBeGreaterThanOrEqual(greedy.covered)
    const paired = new Set(result.pairs.flatMap((p) => [p.a.id, p.b.id]))
    expect(result.covered + result.leftOut.length).toBe(people.length)
    for (const l of result.leftOut) expect(paired.has(l.id)).toBe(false)
  })
})
