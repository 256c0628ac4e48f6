import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { precisionAtOne } from '@shared/mentorship/precision.ts'
import { MATCH_CASES, matchPool } from '../test/unit/mentorship/fixtures/matchCorpus.ts'

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
}

export function runMatchingBench(): MatchingReport {
  const { precision, misses } = precisionAtOne(matchPool(), MATCH_CASES)
  return { date: new Date().toISOString(), cases: MATCH_CASES.length, precisionAtOne: Math.round(precision * 1000) / 1000, misses }
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
  return lines.join('\n')
}

export function writeMatchingResults(dir: string, r: MatchingReport): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'matching.json'), JSON.stringify(r, null, 2) + '\n')
  writeFileSync(path.join(dir, 'matching.md'), matchingMarkdown(r))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = runMatchingBench()
  writeMatchingResults(path.join(import.meta.dirname, 'results'), report)
  console.log(`bench: matching precision@1 ${report.precisionAtOne} over ${report.cases} seekers → bench/results/matching.{json,md}`)
}
