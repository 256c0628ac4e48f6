import blossom from 'edmonds-blossom-fixed'

/**
 * The whole-pool assignment (issue 15 #4): pairs for everyone at once, each person in at most as
 * many pairs as they have room for, the total of the pairs' scores as high as it can be.
 *
 * Pairs are mutual (each mentors the other), so this is a matching in a general graph, not an
 * assignment between two sides: a bipartite method (Hungarian, min-cost flow) would hand out
 * directions A→B, B→C, C→A that are no pairs. The solved part is Edmonds' maximum-weight matching
 * (blossom algorithm, the npm package edmonds-blossom-fixed); capacities become a plain matching by
 * the textbook reduction:
 * - a person with room for s pairs becomes s copies of one vertex;
 * - a pair where one of the two has room for one pair only links the copies directly (it can be
 *   used once at most);
 * - otherwise all copies of one are linked to all copies of the other; should the best matching
 *   then pair the same two people twice, that pair becomes a gadget of two vertices eu, ev and the
 *   matching is solved again (until no pair is used twice: a relaxation whose optimum is feasible
 *   is optimal). The pair is used when eu is matched to a copy of u and ev to a copy of v, unused
 *   when eu is matched to ev; the weights make "used" worth 2w more than "unused" and either half
 *   alone worth less than unused, so a maximum matching never uses a gadget's pair twice.
 *
 * Objective, in this order: as many people in a pair as possible ("every seeker gets a pair"), then
 * the highest total score. The first copy of each person carries a bonus larger than any total, so
 * a first pair for someone always beats a second pair for someone else. Weights are scores
 * rounded to 1/10 000; every number stays an exact integer in a double.
 */

export interface Slots {
  id: string
  /** how many more pairs this person can take now (capacity less running and waiting pairs) */
  slots: number
}

export interface WeightedPair {
  aId: string
  bId: string
  /** the pair's score, 0–1 (matching.ts); pairs scoring 0 or less are never used */
  score: number
}

export interface Assignment {
  pairs: WeightedPair[]
  /** the sum of the chosen pairs' scores */
  total: number
  /** people in at least one chosen pair */
  covered: number
}

const SCALE = 10_000

function weightOf(score: number): number {
  return Math.max(1, Math.round(Math.min(1, score) * SCALE))
}

function summarise(pairs: WeightedPair[]): Assignment {
  const people = new Set(pairs.flatMap((p) => [p.aId, p.bId]))
  return { pairs, total: pairs.reduce((sum, p) => sum + p.score, 0), covered: people.size }
}

/** The usable pairs: both people known with room, not the same person, scored above 0, each pair once (its best score). */
function usable(people: readonly Slots[], pairs: readonly WeightedPair[]): { room: Map<string, number>; pairs: WeightedPair[] } {
  const room = new Map<string, number>()
  for (const p of people) room.set(p.id, Math.max(0, Math.floor(p.slots)))
  const byKey = new Map<string, WeightedPair>()
  for (const p of pairs) {
    if (p.aId === p.bId || !(p.score > 0) || !room.get(p.aId) || !room.get(p.bId)) continue
    const key = p.aId < p.bId ? `${p.aId}\u0000${p.bId}` : `${p.bId}\u0000${p.aId}`
    const seen = byKey.get(key)
    if (!seen || seen.score < p.score) byKey.set(key, p)
  }
  return { room, pairs: [...byKey.values()] }
}

/** The maximum assignment (most people paired, then the highest total), capacities respected. */
export function maxWeightAssignment(people: readonly Slots[], candidates: readonly WeightedPair[]): Assignment {
  const { room, pairs } = usable(people, candidates)
  if (pairs.length === 0) return summarise([])
  // nobody needs more copies than the pairs they could be in
  const degree = new Map<string, number>()
  for (const p of pairs) for (const id of [p.aId, p.bId]) degree.set(id, (degree.get(id) ?? 0) + 1)
  const first = new Map<string, number>()
  const copies = new Map<string, number>()
  let vertices = 0
  for (const [id, d] of degree) {
    const n = Math.min(room.get(id) ?? 0, d)
    first.set(id, vertices)
    copies.set(id, n)
    vertices += n
  }
  const weights = pairs.map((p) => weightOf(p.score))
  const bonus = weights.reduce((sum, w) => sum + w, 0) + 1
  const big = Math.max(...weights) + 2 * bonus + 1
  const bonusOf = (copy: number) => (copy === 0 ? bonus : 0)
  // Gadgets are what keeps two people from being paired twice, and they cost two vertices a pair:
  // solve without them first, then only for the pairs a solution used twice, until none is
  // (a relaxation whose optimum is feasible is optimal).
  const guarded = new Set<number>()
  for (;;) {
    const edges: [number, number, number][] = []
    const direct = new Map<string, number>()
    const gadgets: { pair: number; eu: number; ev: number; uFirst: number; uCount: number }[] = []
    let n = vertices
    pairs.forEach((p, index) => {
      const w = weights[index] as number
      const [u0, un, v0, vn] = [first.get(p.aId) as number, copies.get(p.aId) as number, first.get(p.bId) as number, copies.get(p.bId) as number]
      if (!guarded.has(index) || un === 1 || vn === 1) {
        for (let i = 0; i < un; i++) {
          for (let j = 0; j < vn; j++) {
            edges.push([u0 + i, v0 + j, 2 * w + 2 * bonusOf(i) + 2 * bonusOf(j)])
            direct.set(`${u0 + i}/${v0 + j}`, index)
          }
        }
        return
      }
      const eu = n++
      const ev = n++
      for (let i = 0; i < un; i++) edges.push([u0 + i, eu, big + w + 2 * bonusOf(i)])
      edges.push([eu, ev, 2 * big])
      for (let j = 0; j < vn; j++) edges.push([ev, v0 + j, big + w + 2 * bonusOf(j)])
      gadgets.push({ pair: index, eu, ev, uFirst: u0, uCount: un })
    })
    const mate = blossom(edges, false)
    const mateOf = (v: number) => mate[v] ?? -1
    const uses = new Map<number, number>()
    for (const [key, index] of direct) {
      const [x, y] = key.split('/').map(Number) as [number, number]
      if (mateOf(x) === y) uses.set(index, (uses.get(index) ?? 0) + 1)
    }
    const twice = [...uses].filter(([, count]) => count > 1).map(([index]) => index)
    if (twice.length > 0) {
      for (const index of twice) guarded.add(index)
      continue
    }
    const chosen = [...uses.keys()].map((index) => pairs[index] as WeightedPair)
    for (const g of gadgets) {
      const m = mateOf(g.eu)
      if (m === g.ev || m === -1) continue
      // a used gadget has both halves matched outwards; anything else would be a wrong matching
      if (m < g.uFirst || m >= g.uFirst + g.uCount || mateOf(g.ev) === g.eu || mateOf(g.ev) === -1) throw new Error('The assignment could not be computed (inconsistent matching).')
      chosen.push(pairs[g.pair] as WeightedPair)
    }
    return summarise(chosen)
  }
}

/** The greedy baseline: best-scoring pairs first while both have room (what `npm run bench` compares with). */
export function greedyAssignment(people: readonly Slots[], candidates: readonly WeightedPair[]): Assignment {
  const { room, pairs } = usable(people, candidates)
  const chosen: WeightedPair[] = []
  for (const p of [...pairs].sort((x, y) => y.score - x.score)) {
    if ((room.get(p.aId) ?? 0) > 0 && (room.get(p.bId) ?? 0) > 0) {
      chosen.push(p)
      room.set(p.aId, (room.get(p.aId) ?? 0) - 1)
      room.set(p.bId, (room.get(p.bId) ?? 0) - 1)
    }
  }
  return summarise(chosen)
}
