import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { precisionAtOne } from '@shared/mentorship/precision.ts'
import { greedyAssignment, maxWeightAssignment } from '@shared/mentorship/assignment.ts'
import { pairScores, type PoolMember } from '@shared/mentorship/matching.ts'
import { MATCH_CASES, MENTOR_ITEMS, matchPool } from '../test/unit/mentorship/fixtures/matchCorpus.ts'
import { profileNamed } from '../test/unit/mentorship/fixtures/profile.ts'

/**
 * Matching quality (issue 15 #4): precision@1 of the pool's matching on the corpus of choices in
 * test/unit/mentorship/fixtures/matchCorpus.ts (a seeker's first-ranked mentor is the one a person
 * chose). Pure computation, no browser: `npx tsx bench/matching.ts`, or the part 'matching' of
 * npm run bench. Writes bench/results/matching.{json,md}.
 */
export interface MatchingReport {
  date: string
  cases: number
  precisionAtOne: number
  misses: { seeker: string; chosen: string; ranked: string }[]
  /** the whole-pool assignment against greedy (best pair first) on pools made from the corpus's phrasings */
  assignment: AssignmentRow[]
}

export interface AssignmentRow {
  people: number
  /** pairs the pool can hold: the sum of everyone's capacity, halved */
  room: number
  candidates: number
  optimum: { pairs: number; covered: number; total: number; ms: number }
  greedy: { pairs: number; covered: number; total: number }
}

/** A small deterministic random source (mulberry32). */
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

/**
 * A two-way pool of n people made from the corpus: each offers two mentors' items and seeks two
 * seekers' phrasings (the corpus itself is one-way: its mentors seek nothing anyone offers, so no
 * pair of it matches both ways); 70 % take one pair at once, the others two or three.
 */
function generatedPool(n: number, seed: number): { pool: PoolMember[]; capacity: Map<string, number> } {
  const next = random(seed)
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T
  const seeks = MATCH_CASES.map((c) => c.seeks)
  const pool: PoolMember[] = []
  const capacity = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    const id = `g${i}`
    const be = [...new Set([pick(MENTOR_ITEMS), pick(MENTOR_ITEMS)])]
    const seek = [...new Set([pick(seeks), pick(seeks)])]
    pool.push({ id, profile: { ...profileNamed(id), beAMentor: be, seekAMentor: seek } })
    capacity.set(id, next() < 0.7 ? 1 : 2 + Math.floor(next() * 2))
  }
  return { pool, capacity }
}

function assignmentRow(n: number, seed: number): AssignmentRow {
  const { pool, capacity } = generatedPool(n, seed)
  const candidates = pairScores(pool)
  const slots = pool.map((p) => ({ id: p.id, slots: capacity.get(p.id) ?? 1 }))
  const started = performance.now()
  const optimum = maxWeightAssignment(slots, candidates)
  const ms = performance.now() - started
  const greedy = greedyAssignment(slots, candidates)
  const round = (x: number) => Math.round(x * 1000) / 1000
  return {
    people: n,
    room: Math.floor(slots.reduce((sum, s) => sum + s.slots, 0) / 2),
    candidates: candidates.length,
    optimum: { pairs: optimum.pairs.length, covered: optimum.covered, total: round(optimum.total), ms: Math.round(ms) },
    greedy: { pairs: greedy.pairs.length, covered: greedy.covered, total: round(greedy.total) }
  }
}

export function runMatchingBench(): MatchingReport {
  const { precision, misses } = precisionAtOne(matchPool(), MATCH_CASES)
  const assignment = [30, 60, 120].map((n) => assignmentRow(n, n))
  return { date: new Date().toISOString(), cases: MATCH_CASES.length, precisionAtOne: Math.round(precision * 1000) / 1000, misses, assignment }
}

export function matchingMarkdown(r: MatchingReport): string {
  const lines = [
    '# Matching: precision@1',
    '',
    `${r.date} — ${r.cases} seekers, each with the mentor a person would choose (test/unit/mentorship/fixtures/matchCorpus.ts).`,
    '',
    `precision@1: **${r.precisionAtOne}**`,
    ''
  ]
  if (r.misses.length) lines.push('| seeker | chosen | ranked first |', '|---|---|---|', ...r.misses.map((m) => `| ${m.seeker} | ${m.chosen} | ${m.ranked} |`), '')
  lines.push(
    '## Suggest pairs for everyone: the maximum assignment against greedy',
    '',
    'Pools made from the corpus phrasings (two mentors\' items offered, two seekers\' phrasings sought; 70 % take one pair at once, the others 2–3).',
    'Optimum = most people paired, then the highest total score (shared/mentorship/assignment.ts); greedy = the best-scoring pair first while both have room. Where greedy leaves people out, the optimum may trade some total score for pairing them.',
    '',
    '| people | room (pairs) | candidate pairs | optimum: pairs / people paired / total | greedy: pairs / people paired / total | total vs greedy | time |',
    '|---|---|---|---|---|---|---|',
    ...r.assignment.map(
      (a) =>
        `| ${a.people} | ${a.room} | ${a.candidates} | ${a.optimum.pairs} / ${a.optimum.covered} / ${a.optimum.total} | ${a.greedy.pairs} / ${a.greedy.covered} / ${a.greedy.total} | ${a.greedy.total > 0 ? `${Math.round((a.optimum.total / a.greedy.total) * 1000) / 10} %` : '–'} | ${a.optimum.ms} ms |`
    ),
    ''
  )
  return lines.join('\n')
}

/** One console line: precision@1 and, for the largest pool, the assignment against greedy. */
export function matchingSummary(r: MatchingReport): string {
  const big = r.assignment[r.assignment.length - 1]
  const assignment = big
    ? `; suggest pairs for everyone on ${big.people} people: ${big.optimum.covered} paired, total ${big.optimum.total} (greedy ${big.greedy.covered} paired, ${big.greedy.total}) in ${big.optimum.ms} ms`
    : ''
  return `bench: matching precision@1 ${r.precisionAtOne} over ${r.cases} seekers${assignment} → bench/results/matching.{json,md}`
}

export function writeMatchingResults(dir: string, r: MatchingReport): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'matching.json'), JSON.stringify(r, null, 2) + '\n')
  writeFileSync(path.join(dir, 'matching.md'), matchingMarkdown(r))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = runMatchingBench()
  writeMatchingResults(path.join(import.meta.dirname, 'results'), report)
  console.log(matchingSummary(report))
}
