import { explainPair, type PoolMember } from './matching.ts'

/**
 * precision@1 of the matching on a corpus of choices: for each seeker, every other person of the
 * pool is ranked by how well they can mentor the seeker (the direction's score); a hit is a
 * seeker whose first-ranked mentor is the one a person chose.
 */
export function precisionAtOne(pool: readonly PoolMember[], cases: readonly { seeker: string; chosen: string }[]): { precision: number; misses: { seeker: string; chosen: string; ranked: string }[] } {
  const misses: { seeker: string; chosen: string; ranked: string }[] = []
  for (const c of cases) {
    let best = ''
    let bestScore = -1
    for (const other of pool) {
      if (other.id === c.seeker) continue
      const score = explainPair(other.id, c.seeker, pool)?.aMentorsB.score ?? 0
      if (score > bestScore) [best, bestScore] = [other.id, score]
    }
    if (best !== c.chosen) misses.push({ seeker: c.seeker, chosen: c.chosen, ranked: bestScore > 0 ? best : '(nobody)' })
  }
  return { precision: cases.length ? (cases.length - misses.length) / cases.length : 0, misses }
}
