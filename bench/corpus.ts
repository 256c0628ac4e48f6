/**
 * `npx tsx bench/corpus.ts`: how long each parser takes on the malformed-input corpus
 * (test/unit/corpus, issue 10: "none takes over 200 ms"). The unit tests check what every case
 * ends in and never time anything; this measures. Each case's input is made once, then the parser
 * runs it `BENCH_CORPUS_RUNS` times (default 7, after one warm-up run); every run is a sample.
 *
 * Results: bench/results/corpus.json and corpus.md — per parser its cases, median, p95 and slowest
 * case, and every case whose median is over the 200 ms budget. Each sample is taken twice over:
 * wall time (performance.now) and this process's CPU time (process.cpuUsage), which a busy machine
 * disturbs far less; the budget is checked on CPU time. The figures depend on the machine and its
 * load (both recorded); the bench never fails on the budget, only when a case throws.
 *
 * Environment:
 *   BENCH_CORPUS_RUNS=3        samples per case
 *   BENCH_CORPUS_ONLY=invite   only these parsers (comma-separated)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CORPUS } from '../test/unit/corpus/cases/index.ts'
import { inputOf, runParser, type ParserName } from '../test/unit/corpus/harness.ts'

const RESULTS = path.join(import.meta.dirname, 'results')
const BUDGET_MS = 200
const RUNS = Math.max(1, Number(process.env.BENCH_CORPUS_RUNS ?? 7))
const ONLY = process.env.BENCH_CORPUS_ONLY?.split(',').map((s) => s.trim()).filter(Boolean)

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
const ms = (n: number) => Math.round(n * 100) / 100

interface CaseResult {
  parser: ParserName
  name: string
  /** CPU time */
  medianMs: number
  maxMs: number
  wallMedianMs: number
}

interface ParserResult {
  parser: ParserName
  cases: number
  samples: number
  /** CPU time over all samples of all its cases */
  medianMs: number
  p95Ms: number
  maxMs: number
  /** wall time, the same samples */
  wallP95Ms: number
  slowest: string
  overBudget: number
}

function main(): number {
  const started = Date.now()
  const load = () => Math.round(os.loadavg()[0]! * 10) / 10
  const loadBefore = load()
  const cases: CaseResult[] = []
  const samples = new Map<ParserName, number[]>()
  const wallSamples = new Map<ParserName, number[]>()
  const failures: string[] = []
  for (const c of CORPUS) {
    if (ONLY && !ONLY.includes(c.parser)) continue
    const input = inputOf(c)
    const times: number[] = []
    const wall: number[] = []
    try {
      runParser(c, input) // warm-up
      for (let i = 0; i < RUNS; i++) {
        const cpu0 = process.cpuUsage()
        const t0 = performance.now()
        runParser(c, input)
        wall.push(performance.now() - t0)
        const cpu = process.cpuUsage(cpu0)
        times.push((cpu.user + cpu.system) / 1000)
      }
    } catch (err) {
      failures.push(`${c.parser}: ${c.name}: ${(err as Error).message}`)
      continue
    }
    times.sort((a, b) => a - b)
    wall.sort((a, b) => a - b)
    cases.push({ parser: c.parser, name: c.name, medianMs: ms(quantile(times, 0.5)), maxMs: ms(times.at(-1)!), wallMedianMs: ms(quantile(wall, 0.5)) })
    samples.set(c.parser, [...(samples.get(c.parser) ?? []), ...times])
    wallSamples.set(c.parser, [...(wallSamples.get(c.parser) ?? []), ...wall])
  }
  const parsers: ParserResult[] = [...samples].map(([parser, all]) => {
    all.sort((a, b) => a - b)
    const wall = [...(wallSamples.get(parser) ?? [])].sort((a, b) => a - b)
    const own = cases.filter((c) => c.parser === parser)
    const slowest = own.reduce((a, b) => (b.medianMs > a.medianMs ? b : a))
    return {
      parser,
      cases: own.length,
      samples: all.length,
      medianMs: ms(quantile(all, 0.5)),
      p95Ms: ms(quantile(all, 0.95)),
      maxMs: ms(all.at(-1)!),
      wallP95Ms: ms(quantile(wall, 0.95)),
      slowest: `${slowest.name} (${slowest.medianMs} ms)`,
      overBudget: own.filter((c) => c.medianMs > BUDGET_MS).length
    }
  })
  const report = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model.trim() ?? 'unknown', node: process.versions.node, loadBefore, loadAfter: load() },
    method: `each case's input made once; one warm-up run, then ${RUNS} timed runs in this process, each measured as CPU time (process.cpuUsage, user + system) and wall time (performance.now); a parser's median and p95 are over all samples of all its cases; the budget is checked on each case's CPU-time median`,
    budgetMs: BUDGET_MS,
    runtimeMs: Date.now() - started,
    parsers,
    overBudget: cases.filter((c) => c.medianMs > BUDGET_MS),
    cases,
    failures
  }
  mkdirSync(RESULTS, { recursive: true })
  writeFileSync(path.join(RESULTS, 'corpus.json'), JSON.stringify(report, null, 2) + '\n')
  writeFileSync(path.join(RESULTS, 'corpus.md'), markdown(report))
  console.log(`bench corpus: ${cases.length} cases, ${parsers.length} parsers, ${report.overBudget.length} over ${BUDGET_MS} ms, load ${loadBefore} → ${report.machine.loadAfter}; wrote bench/results/corpus.{json,md}`)
  for (const p of parsers) console.log(`  ${p.parser.padEnd(16)} p95 ${String(p.p95Ms).padStart(8)} ms CPU ${String(p.wallP95Ms).padStart(8)} ms wall   slowest: ${p.slowest}`)
  if (failures.length) console.error(`bench corpus: ${failures.length} case(s) threw:\n  ${failures.join('\n  ')}`)
  return failures.length ? 1 : 0
}

function markdown(r: {
  date: string
  machine: { cores: number; cpu: string; node: string; loadBefore: number; loadAfter: number }
  method: string
  budgetMs: number
  parsers: ParserResult[]
  overBudget: CaseResult[]
  failures: string[]
}): string {
  const lines = [
    '# Malformed-input corpus: time per parser',
    '',
    `${r.date} · ${r.machine.cores} cores (${r.machine.cpu}) · Node ${r.machine.node} · load ${r.machine.loadBefore} → ${r.machine.loadAfter}`,
    '',
    `Method: ${r.method}. Budget: ${r.budgetMs} ms per case. Cases and their checks: test/unit/corpus.`,
    '',
    '| parser | cases | median ms (CPU) | p95 ms (CPU) | max ms (CPU) | p95 ms (wall) | slowest case (CPU median) | over budget |',
    '|---|---:|---:|---:|---:|---:|---|---:|',
    ...r.parsers.map((p) => `| ${p.parser} | ${p.cases} | ${p.medianMs} | ${p.p95Ms} | ${p.maxMs} | ${p.wallP95Ms} | ${p.slowest.replace(/\|/g, '\\|')} | ${p.overBudget} |`),
    ''
  ]
  if (r.overBudget.length) {
    lines.push(`Cases over ${r.budgetMs} ms (CPU median):`, '', ...r.overBudget.map((c) => `- ${c.parser}: ${c.name.replace(/\|/g, '\\|')} — ${c.medianMs} ms CPU, ${c.wallMedianMs} ms wall`), '')
  } else lines.push(`No case over ${r.budgetMs} ms (CPU median).`, '')
  if (r.failures.length) lines.push('Cases that threw:', '', ...r.failures.map((f) => `- ${f}`), '')
  return lines.join('\n')
}

process.exitCode = main()
