/**
 * `npm run bench`: how fast Tandem is, measured in Chromium on this machine. One command; it
 * builds what it serves (bench/build.ts: the app's web build and the bench's own pages, into
 * node_modules/.cache/tandem-bench/), starts its own static server and signaling server on 127.0.0.1 free ports, and
 * runs three parts:
 *
 *   raw      the raw stack reference: plain Yjs over y-webrtc, no app (bench/raw), edit-to-visible
 *            latency between 2, 5 and 10 peers, each its own Chromium process
 *   latency  the same for the app (bench/latency.ts); raw and app rounds of one size run back to
 *            back, and latency.{json,md} give every app figure also as a multiple of the raw one,
 *            and for both stacks where an edit's time goes: the writer (blur → first send), the
 *            wire (send → the receiver's message event) and the receiver (→ the field shows it)
 *   scale    a two-year dataset written through the stores in the page (bench/seed), then open →
 *            interactive of the heaviest screens and the cost of one remote edit (bench/scale.ts)
 *   relay    relay fan-out: 200 node clients in one room, edit → all have it, p50/p95, against a
 *            plain y-websocket server in the same run (bench/relay.ts → bench/results/relay.*)
 *   matching precision@1 of the mentoring pool's matching on a corpus of choices, and the whole-pool
 *            assignment against greedy (bench/matching.ts → bench/results/matching.*; no browser, a second)
 *
 * Results: bench/results/latency.{json,md} (raw + latency) and bench/results/scale.{json,md}.
 * Figures are reported next to their targets; the bench never fails on a target and exits
 * non-zero only when a part could not run. Whole run: about 15 minutes on 2 cores.
 *
 * Environment:
 *   BENCH_ONLY=raw,latency,scale,relay   run only these parts (default: all four). latency.{json,md}
 *                                  are written when raw or latency ran, scale.{json,md} when scale ran
 *   BENCH_PEERS=2,10               only these peer counts in raw and latency
 *   BENCH_SCALE=0.1                a smaller dataset of the same shape (try-outs; 1 = the real one)
 *   BENCH_SKIP_BUILD=1             serve what the last run built (node_modules/.cache/tandem-bench)
 *   BENCH_ONLINE_TIMEOUT_MS        how long peers may take to all see each other (default 60000)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { startSignalingServer, type SignalingServer } from '../electron/signaling/server.ts'
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/harness.ts'
import { buildApp, buildPages, PAGES_OUT, WEB_OUT } from './build.ts'
import { emptyRound, latencyMarkdown, METHOD, RAW_STACK, RAW_TARGET, BUDGET, ratiosOf, runRound, type LatencyReport, type Stack } from './latency.ts'
import { runScale, scaledDataset, scaleMarkdown } from './scale.ts'
import { serveStatic, type StaticServer } from './serve.ts'
import { relayMarkdown, runRelayBench } from './relay.ts'
import { matchingSummary, runMatchingBench, writeMatchingResults } from './matching.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const RESULTS = path.join(ROOT, 'bench/results')

const PLAN = [
  { peers: 2, samples: 20 },
  { peers: 5, samples: 15 },
  { peers: 10, samples: 10 }
]
const PARTS = ['raw', 'latency', 'scale', 'relay', 'matching'] as const
type Part = (typeof PARTS)[number]

const WATCHDOG_MS = 28 * 60_000 // the whole bench, hard

function machine() {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.versions.node
  }
}

async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 60_000 })
  try {
    return browser.version()
  } finally {
    await browser.close()
  }
}

function partsToRun(): Set<Part> {
  const asked = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean)
  if (!asked?.length) return new Set(PARTS)
  const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p))
  if (unknown.length) throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`)
  return new Set(asked as Part[])
}

const loadNow = () => Math.round(os.loadavg()[0]! * 10) / 10

async function main(): Promise<number> {
  const started = Date.now()
  const parts = partsToRun()
  if (parts.has('matching')) {
    const matching = runMatchingBench()
    writeMatchingResults(RESULTS, matching)
    console.log(matchingSummary(matching))
  }
  const only = process.env.BENCH_PEERS?.split(',').map(Number)
  const plan = only ? PLAN.filter((r) => only.includes(r.peers)) : PLAN
  const scale = Number(process.env.BENCH_SCALE ?? 1)
  const failures: string[] = []
  let web: StaticServer | null = null
  let signal: SignalingServer | null = null

  const latency: LatencyReport = {
    date: new Date().toISOString(),
    machine: machine(),
    chromium: 'unknown',
    load: {},
    method: METHOD,
    rawStack: RAW_STACK,
    budget: BUDGET,
    rawTarget: RAW_TARGET,
    runtimeMs: 0,
    rounds: [],
    rawRounds: [],
    ratios: []
  }
  const stacks: Stack[] = [...(parts.has('raw') ? (['raw'] as const) : []), ...(parts.has('latency') ? (['app'] as const) : [])]
  let scaleReport: Awaited<ReturnType<typeof runScale>> | null = null

  try {
    if (process.env.BENCH_SKIP_BUILD && existsSync(path.join(WEB_OUT, 'index.html')) && existsSync(PAGES_OUT)) {
      console.log('bench: BENCH_SKIP_BUILD: serving the last build')
    } else {
      const t0 = Date.now()
      await buildApp()
      await buildPages()
      console.log(`bench: built the app and the bench pages in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
    }
    const chromiumName = await chromiumVersion()
    latency.chromium = chromiumName
    web = await serveStatic(WEB_OUT, { '/bench/': PAGES_OUT })
    signal = await startSignalingServer({ host: '127.0.0.1', port: 0, log: () => {} })
    console.log(`bench: parts ${[...parts].join(', ')}; web build at ${web.url}, signaling at ${signal.url}, Chromium ${chromiumName}, ${os.cpus().length} cores, load ${loadNow()}`)

    // raw and app rounds of one size back to back, so both see the same machine
    const latencyStarted = Date.now()
    for (const { peers, samples } of plan) {
      for (const stack of stacks) {
        latency.load[`${stack} ${peers}`] = loadNow()
        const round = await runRound(stack, peers, samples, web, signal)
        ;(stack === 'raw' ? latency.rawRounds : latency.rounds).push(round)
        if (round.status !== 'ok') failures.push(`${stack} ${peers} peers ${round.status}`)
      }
    }
    latency.runtimeMs = Date.now() - latencyStarted

    if (parts.has('scale')) {
      const config = scaledDataset(scale)
      scaleReport = await runScale({
        web,
        signal,
        config,
        chromium: chromiumName,
        warmOpens: 7,
        coldOpens: 3,
        remoteEdits: 20,
        log: (line) => console.log(`[scale] ${line}`)
      })
      if (scale < 1) scaleReport.status = scaleReport.status === 'ok' ? 'partial' : scaleReport.status
      if (scaleReport.status === 'failed') failures.push(`scale failed: ${scaleReport.error ?? ''}`)
    }

    // relay fan-out against a plain y-websocket server, 200 node clients (bench/relay.ts)
    if (parts.has('relay')) {
      const relay = await runRelayBench(200, 30, (line) => console.log(`[relay] ${line}`))
      mkdirSync(RESULTS, { recursive: true })
      writeFileSync(path.join(RESULTS, 'relay.json'), JSON.stringify(relay, null, 2) + '\n')
      writeFileSync(path.join(RESULTS, 'relay.md'), relayMarkdown(relay))
      console.log(`bench: wrote bench/results/relay.json, relay.md (relay/reference p50 ${relay.ratio?.p50 ?? '?'}x)`)
    }
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`)
    failures.push((err as Error).message.split('\n')[0]!)
    for (const { peers, samples } of plan) {
      for (const stack of stacks) {
        const list = stack === 'raw' ? latency.rawRounds : latency.rounds
        if (!list.some((r) => r.peers === peers)) list.push({ ...emptyRound(stack, peers, samples, 'skipped'), error: (err as Error).message })
      }
    }
  } finally {
    await Promise.allSettled([web?.close(), signal?.close()])
    mkdirSync(RESULTS, { recursive: true })
    const wrote: string[] = []
    if (stacks.length) {
      latency.ratios = ratiosOf(latency.rounds, latency.rawRounds)
      writeFileSync(path.join(RESULTS, 'latency.json'), JSON.stringify(latency, null, 2) + '\n')
      writeFileSync(path.join(RESULTS, 'latency.md'), latencyMarkdown(latency))
      wrote.push('latency.json', 'latency.md')
    }
    if (scaleReport) {
      if (scale < 1) scaleReport.error = `${scaleReport.error ? `${scaleReport.error}; ` : ''}BENCH_SCALE=${scale}: a smaller dataset than the one asked for`
      writeFileSync(path.join(RESULTS, 'scale.json'), JSON.stringify(scaleReport, null, 2) + '\n')
      writeFileSync(path.join(RESULTS, 'scale.md'), scaleMarkdown(scaleReport))
      wrote.push('scale.json', 'scale.md')
    }
    console.log(`bench: wrote ${wrote.map((f) => `bench/results/${f}`).join(', ') || 'nothing'} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  if (failures.length) console.error(`bench: ${failures.join('; ')}`)
  return failures.length ? 1 : 0
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} min; giving up`)
  process.exit(2)
}, WATCHDOG_MS)
watchdog.unref()

main().then(
  (code) => {
    process.exitCode = code
  },
  (err) => {
    console.error(err)
    process.exitCode = 1
  }
)
