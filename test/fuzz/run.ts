// fuzz.ts first: its first import (random.ts) seeds crypto before yjs is loaded
import { report, runFuzz, type FuzzResult } from './fuzz.ts'
import { isOpen, OPEN_FINDINGS } from './findings.ts'

/**
 * The long convergence fuzz: `npm run fuzz`.
 *
 *   FUZZ_SEEDS       how many seeds (default 100), from FUZZ_START (default 1)
 *   FUZZ_SEED        instead: one seed, or a comma-separated list, to replay
 *   FUZZ_OPS         steps per seed (default 600)
 *   FUZZ_TIME        start no new seed after this many seconds (default 240)
 *   FUZZ_ALLOW_OPEN  1: the bugs already reported (findings.ts) do not fail the run
 *   FUZZ_SHRINK      0: skip looking for the shortest failing prefix
 *   FUZZ_TRACE       1: print each op as it runs (a single seed)
 *
 * Bounded in count and in time. Exits 1 when a seed breaks an invariant, after printing the
 * shortest failing run (seed, violations, op log, the command that replays it).
 */
const env = process.env
const ops = whole(env.FUZZ_OPS, 600)
const timeLimitMs = whole(env.FUZZ_TIME, 240) * 1000
const seeds = env.FUZZ_SEED ? env.FUZZ_SEED.split(',').map((s) => whole(s.trim(), 0)) : Array.from({ length: whole(env.FUZZ_SEEDS, 100) }, (_, i) => whole(env.FUZZ_START, 1) + i)
const allowOpen = env.FUZZ_ALLOW_OPEN === '1'
const shrink = env.FUZZ_SHRINK !== '0'
const trace = env.FUZZ_TRACE === '1' ? (line: string) => console.log(line) : undefined

function whole(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`not a whole number: ${value}`)
    process.exit(2)
  }
  return n
}

const replay = (seed: number, n: number) => `FUZZ_SEED=${seed} FUZZ_OPS=${n} npm run fuzz`
const invariants = (r: FuzzResult) => [...new Set(r.violations.map((v) => v.invariant))]
/** the violations of invariants not reported yet */
const fresh = (r: FuzzResult) => r.violations.filter((v) => !isOpen(v.invariant))
/** what fails the run: every violation, or only those not reported yet */
const failing = (r: FuzzResult) => r.violations.filter((v) => !allowOpen || !isOpen(v.invariant))

/** The shortest prefix of the same run (fewer steps, same seed) that still breaks `invariant`. */
async function shortest(failed: FuzzResult, invariant: string): Promise<FuzzResult> {
  let best = failed
  let lo = 0
  let hi = failed.ops
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    const r = await runFuzz({ seed: failed.seed, ops: mid })
    if (r.violations.some((v) => v.invariant === invariant)) {
      hi = mid
      best = r
    } else lo = mid
  }
  return best
}

async function main(): Promise<number> {
  const started = Date.now()
  const failures: FuzzResult[] = []
  let openOnly = 0
  let done = 0
  for (const seed of seeds) {
    if (Date.now() - started > timeLimitMs) {
      console.log(`time limit: stopped after ${done} of ${seeds.length} seeds`)
      break
    }
    const result = await runFuzz({ seed, ops, trace })
    done++
    if (result.ok) {
      if (done % 10 === 0 || seeds.length <= 10) console.log(`seed ${seed}: ok — ${done}/${seeds.length}`)
    } else if (fresh(result).length === 0) {
      openOnly++
      console.log(`seed ${seed}: open finding only (${invariants(result).join(', ')})`)
    } else console.log(`seed ${seed}: FAILED — ${invariants(result).join(', ')}`)
    if (failing(result).length > 0) failures.push(result)
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const broken = failures.filter((f) => fresh(f).length > 0)
  const summary =
    `convergence fuzz: ${done} seeds × ${ops} steps in ${seconds} s: ${broken.length} broke an invariant not reported yet, ` +
    `${openOnly} only the open findings of test/fuzz/findings.ts${allowOpen ? ' (allowed: FUZZ_ALLOW_OPEN=1)' : ''}`
  if (failures.length === 0) {
    console.log(summary)
    return 0
  }
  // the first failure in full (a new kind first), cut to its shortest failing prefix
  const first = broken[0] ?? failures[0]!
  const invariant = (fresh(first)[0] ?? failing(first)[0]!).invariant
  const shown = shrink ? await shortest(first, invariant) : first
  // what is not reported yet first, then the open findings the run also met
  const listed = [...fresh(shown), ...shown.violations.filter((v) => isOpen(v.invariant))]
  console.log(`\n${report(shown, replay(shown.seed, shown.ops), listed)}\n`)
  if (isOpen(invariant)) console.log(`(${invariant}: an open finding, already reported: ${OPEN_FINDINGS[invariant]}; FUZZ_ALLOW_OPEN=1 to look past it)\n`)
  console.log(summary)
  for (const f of failures) {
    const v = fresh(f)[0] ?? f.violations[0]!
    console.log(`  seed ${f.seed}: [${v.invariant}] ${v.detail.length > 300 ? `${v.detail.slice(0, 300)}…` : v.detail}`)
  }
  return 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
