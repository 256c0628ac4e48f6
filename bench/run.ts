/**
 * Edit-to-visible latency between peers on loopback (`npm run bench`).
 *
 * For 2, 5 and 10 peers, each its own Chromium process: peer 0 creates a team space and invites,
 * the others join with the code, and once every peer shows every other peer 'online now' the
 * writers take turns (sample i is written by peer i mod n) setting the space description to a
 * unique token. Every other peer watches its own description textarea; latency is the time it
 * holds the token minus the time the writer blurred the textarea (which is when the app saves).
 * All peers are on this machine, so their wall clocks are the same clock; a clock check is
 * recorded anyway.
 *
 * Writes bench/results/latency.json and bench/results/latency.md. Reports figures next to the
 * ARCHITECTURE budget and never fails on them; exits non-zero only if a round could not run.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startSignalingServer, type SignalingServer } from '../electron/signaling/server.ts'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath, type Peer } from '../test/e2e/harness.ts'
import { createTeamSpace, firstRun, inBatches, inviteCode, join, launchBenchPeer, waitAllOnline } from './peers.ts'
import { serveStatic, type StaticServer } from './serve.ts'
import { summarize, type Summary } from './stats.ts'
import { installWatcher, pageClock, seen, watchFor, type Seen } from './watch.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const RESULTS = path.join(ROOT, 'bench/results')

const PLAN = [
  { peers: 2, samples: 20 },
  { peers: 5, samples: 15 },
  { peers: 10, samples: 10 }
]
const NAMES = ['Ada', 'Bruce', 'Cleo', 'Dmitri', 'Esme', 'Farid', 'Gwen', 'Hiro', 'Ines', 'Jonas']
const BUDGET = { peers: 10, medianMs: 50, p95Ms: 150 }

const WARMUP_EDITS = 2 // per round, not counted: the first edits after the mesh forms
const SEEN_TIMEOUT_MS = 10_000 // an edit not seen by a peer within this is counted as missed
const ONLINE_TIMEOUT_MS = Number(process.env.BENCH_ONLINE_TIMEOUT_MS ?? 60_000)
const ROUND_SAMPLING_MS = 150_000 // a round stops sampling early past this (and says so)
const LAUNCH_CONCURRENCY = 3
const WATCHDOG_MS = 15 * 60_000 // the whole bench, hard

interface Observation {
  edit: number
  writer: string
  receiver: string
  latencyMs: number
  toFrameMs: number
  via: Seen['via']
}

interface RoundResult {
  peers: number
  status: 'ok' | 'failed' | 'skipped'
  error?: string
  samplesPlanned: number
  /** counted edits (warm-up excluded) */
  edits: number
  /** receiver observations: edits × (peers − 1), less any missed */
  observations: number
  missed: { edit: number; writer: string; receiver: string }[]
  latencyMs: Summary | null
  toNextFrameMs: Summary | null
  /** per edit, until the last receiver had it */
  allPeersMs: Summary | null
  detectedBy: { mutation: number; frame: number }
  clockSpreadMs: number | null
  setupMs: number
  samplingMs: number
  samplingCutShort: boolean
  pageErrors: string[]
  raw: Observation[]
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function withTimeout<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)
      })
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * How far apart the pages' clocks are from this process's (same clock, so this should be ~0):
 * per page, the offset at the smallest of a few round trips; returns max − min over pages.
 */
async function clockSpread(peers: readonly Peer[]): Promise<number> {
  const offsets: number[] = []
  for (const p of peers) {
    let best = { rtt: Infinity, offset: 0 }
    for (let i = 0; i < 5; i++) {
      const t0 = performance.timeOrigin + performance.now()
      const tp = await pageClock(p.page)
      const t1 = performance.timeOrigin + performance.now()
      if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: tp - (t0 + t1) / 2 }
    }
    offsets.push(best.offset)
  }
  return Math.round((Math.max(...offsets) - Math.min(...offsets)) * 10) / 10
}

function emptyRound(peers: number, samplesPlanned: number, status: RoundResult['status']): RoundResult {
  return {
    peers,
    status,
    samplesPlanned,
    edits: 0,
    observations: 0,
    missed: [],
    latencyMs: null,
    toNextFrameMs: null,
    allPeersMs: null,
    detectedBy: { mutation: 0, frame: 0 },
    clockSpreadMs: null,
    setupMs: 0,
    samplingMs: 0,
    samplingCutShort: false,
    pageErrors: [],
    raw: []
  }
}

async function runRound(n: number, samples: number, web: StaticServer, signal: SignalingServer): Promise<RoundResult> {
  const result = emptyRound(n, samples, 'ok')
  const launched: Peer[] = []
  const allPeers: number[] = []
  const log = (line: string) => console.log(`[${n} peers] ${line}`)
  const started = Date.now()
  try {
    // --- setup: n browsers, one space, everyone in it and online
    log(`launching ${n} Chromium processes…`)
    const peers = await inBatches(NAMES.slice(0, n), LAUNCH_CONCURRENCY, async (name) => {
      const peer = await launchBenchPeer(name, web.url, signal.url)
      launched.push(peer)
      await firstRun(peer)
      return peer
    })
    const host = peers[0]!
    const spaceName = `Bench ${n}`
    await createTeamSpace(host.page, spaceName)
    const code = await inviteCode(host.page)
    log(`space created; ${n - 1} joining…`)
    await inBatches(peers.slice(1), LAUNCH_CONCURRENCY, (p) => join(p.page, code, spaceName))
    log(`waiting until every peer shows all ${n - 1} others online (at most ${ONLINE_TIMEOUT_MS / 1000} s)…`)
    await waitAllOnline(peers, ONLINE_TIMEOUT_MS)
    for (const p of peers) {
      await p.page.getByLabel('Space description').waitFor()
      await installWatcher(p.page)
    }
    result.clockSpreadMs = await clockSpread(peers)
    result.setupMs = Date.now() - started
    log(`all online after ${(result.setupMs / 1000).toFixed(1)} s; clock spread ${result.clockSpreadMs} ms`)

    // --- sampling
    const samplingStarted = Date.now()
    const total = WARMUP_EDITS + samples
    for (let i = 0; i < total; i++) {
      if (Date.now() - samplingStarted > ROUND_SAMPLING_MS) {
        result.samplingCutShort = true
        log(`sampling stopped after ${ROUND_SAMPLING_MS / 1000} s`)
        break
      }
      const warmup = i < WARMUP_EDITS
      const edit = i - WARMUP_EDITS
      const writer = peers[i % n]!
      const receivers = peers.filter((p) => p !== writer)
      const token = `bench ${n}/${i} ${Math.random().toString(36).slice(2, 10)}`

      await Promise.all(receivers.map((r) => watchFor(r.page, token, SEEN_TIMEOUT_MS)))
      const field = writer.page.getByLabel('Space description')
      await field.fill(token)
      const committedAt = await field.evaluate((el) => {
        const t = performance.timeOrigin + performance.now()
        ;(el as HTMLTextAreaElement).blur()
        return t
      })
      const seenBy = await Promise.all(
        receivers.map((r) => withTimeout(`${r.name} reporting edit ${i}`, SEEN_TIMEOUT_MS + 10_000, seen(r.page, token)))
      )
      if (!warmup) {
        result.edits++
        let last = -Infinity
        seenBy.forEach((s, k) => {
          const receiver = receivers[k]!.name
          if (!s) {
            result.missed.push({ edit, writer: writer.name, receiver })
            return
          }
          const latencyMs = s.seenAt - committedAt
          last = Math.max(last, latencyMs)
          result.raw.push({ edit, writer: writer.name, receiver, latencyMs: round1(latencyMs), toFrameMs: round1(s.frameAt - committedAt), via: s.via })
          result.detectedBy[s.via]++
        })
        if (seenBy.every(Boolean)) allPeers.push(last)
      }
      await sleep(150 + Math.random() * 250) // jitter, so edits do not line up with periodic work
    }
    result.samplingMs = Date.now() - samplingStarted
    result.observations = result.raw.length
    result.latencyMs = summarize(result.raw.map((o) => o.latencyMs))
    result.toNextFrameMs = summarize(result.raw.map((o) => o.toFrameMs))
    result.allPeersMs = summarize(allPeers)
    log(
      `${result.edits} edits, ${result.observations} observations, ${result.missed.length} missed; ` +
        `median ${result.latencyMs?.median ?? '–'} ms, p95 ${result.latencyMs?.p95 ?? '–'} ms`
    )
  } catch (err) {
    result.status = 'failed'
    result.error = (err as Error).message.split('\n')[0]
    if (!result.setupMs) result.setupMs = Date.now() - started
    result.observations = result.raw.length
    result.latencyMs = summarize(result.raw.map((o) => o.latencyMs))
    result.toNextFrameMs = summarize(result.raw.map((o) => o.toFrameMs))
    result.allPeersMs = summarize(allPeers)
    console.error(`[${n} peers] FAILED: ${(err as Error).message}`)
  } finally {
    result.pageErrors = launched.flatMap((p) => p.errors)
    await Promise.allSettled(launched.map((p) => withTimeout(`closing ${p.name}`, 20_000, p.close())))
  }
  return result
}

function round1(x: number): number {
  return Math.round(x * 10) / 10
}

function verdict(value: number | undefined, budget: number): string {
  if (value === undefined) return 'not measured'
  return value < budget ? 'pass' : 'over'
}

function markdown(report: Report): string {
  const fmt = (s: Summary | null, k: keyof Summary) => (s ? String(s[k]) : '–')
  const lines = [
    '# Edit-to-visible latency between peers (loopback)',
    '',
    `- date: ${report.date}`,
    `- machine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGB} GB, ${report.machine.os}`,
    `- Chromium ${report.chromium} (headless, one process per peer), Node ${report.machine.node}`,
    `- runtime: ${(report.runtimeMs / 1000).toFixed(0)} s`,
    `- method: ${report.method}`,
    '',
    '| peers | status | edits | observations | missed | median ms | p95 ms | min ms | max ms | next frame median / p95 ms | all peers median / p95 ms | setup s |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const r of report.rounds) {
    lines.push(
      `| ${r.peers} | ${r.status} | ${r.edits}/${r.samplesPlanned} | ${r.observations} | ${r.missed.length} | ` +
        `${fmt(r.latencyMs, 'median')} | ${fmt(r.latencyMs, 'p95')} | ${fmt(r.latencyMs, 'min')} | ${fmt(r.latencyMs, 'max')} | ` +
        `${fmt(r.toNextFrameMs, 'median')} / ${fmt(r.toNextFrameMs, 'p95')} | ${fmt(r.allPeersMs, 'median')} / ${fmt(r.allPeersMs, 'p95')} | ` +
        `${(r.setupMs / 1000).toFixed(1)} |`
    )
  }
  const ten = report.rounds.find((r) => r.peers === BUDGET.peers)
  const med = ten?.status === 'ok' ? ten.latencyMs?.median : undefined
  const p95 = ten?.status === 'ok' ? ten.latencyMs?.p95 : undefined
  lines.push(
    '',
    `## Budget (ARCHITECTURE.md: ${BUDGET.peers} peers on loopback)`,
    '',
    '| figure | measured | budget | verdict |',
    '| --- | ---: | ---: | --- |',
    `| median | ${med ?? '–'} ms | < ${BUDGET.medianMs} ms | ${verdict(med, BUDGET.medianMs)} |`,
    `| p95 | ${p95 ?? '–'} ms | < ${BUDGET.p95Ms} ms | ${verdict(p95, BUDGET.p95Ms)} |`,
    '',
    'Reported only; the bench never fails on a budget.'
  )
  const notes: string[] = []
  for (const r of report.rounds) {
    if (r.error) notes.push(`- ${r.peers} peers: ${r.status}: ${r.error}`)
    if (r.samplingCutShort) notes.push(`- ${r.peers} peers: sampling stopped at its time limit (${r.edits} of ${r.samplesPlanned} edits).`)
    if (r.missed.length) notes.push(`- ${r.peers} peers: ${r.missed.length} observation(s) not seen within ${SEEN_TIMEOUT_MS / 1000} s (left out of the figures).`)
    if (r.detectedBy.frame) notes.push(`- ${r.peers} peers: ${r.detectedBy.frame} of ${r.observations} observation(s) caught by the frame poll rather than the MutationObserver (up to one frame late).`)
    if (r.pageErrors.length) notes.push(`- ${r.peers} peers: page errors: ${r.pageErrors.slice(0, 5).join(' | ')}`)
    if (r.clockSpreadMs !== null && Math.abs(r.clockSpreadMs) > 2) notes.push(`- ${r.peers} peers: page clocks spread ${r.clockSpreadMs} ms apart (measured through CDP round trips).`)
  }
  if (notes.length) lines.push('', '## Notes', '', ...notes)
  lines.push(
    '',
    `Samples are small (p95 of ${report.rounds.map((r) => `${r.observations} observations at ${r.peers} peers`).join(', ')}); percentiles interpolate between closest ranks. ` +
      'Raw observations are in latency.json.',
    ''
  )
  return lines.join('\n')
}

interface Report {
  date: string
  machine: { cores: number; cpu: string; memoryGB: number; os: string; node: string }
  chromium: string
  method: string
  budget: typeof BUDGET
  runtimeMs: number
  rounds: RoundResult[]
}

const METHOD =
  'each edit sets the space description on one peer (writers rotate); latency = time the receiving page\'s textarea holds the new value ' +
  '(MutationObserver after React commits) − time the writer blurred the field (when the app saves), both from performance.timeOrigin + performance.now() ' +
  `on the same machine; ${WARMUP_EDITS} warm-up edits per round not counted; "next frame" adds the wait for the frame that paints it; ` +
  '"all peers" is, per edit, the time until the last receiver had it'

async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 60_000 })
  try {
    return browser.version()
  } finally {
    await browser.close()
  }
}

async function main(): Promise<number> {
  const started = Date.now()
  const only = process.env.BENCH_PEERS?.split(',').map(Number)
  const plan = only ? PLAN.filter((r) => only.includes(r.peers)) : PLAN
  const report: Report = {
    date: new Date().toISOString(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.versions.node
    },
    chromium: 'unknown',
    method: METHOD,
    budget: BUDGET,
    runtimeMs: 0,
    rounds: []
  }
  let web: StaticServer | null = null
  let signal: SignalingServer | null = null
  try {
    report.chromium = await chromiumVersion()
    web = await serveStatic(path.join(ROOT, 'dist-web'))
    signal = await startSignalingServer({ host: '127.0.0.1', port: 0, log: () => {} })
    console.log(`web build at ${web.url}, signaling at ${signal.url}, Chromium ${report.chromium}, ${report.machine.cores} cores`)
    for (const { peers, samples } of plan) {
      report.rounds.push(await runRound(peers, samples, web, signal))
    }
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`)
    for (const { peers, samples } of plan) {
      if (!report.rounds.some((r) => r.peers === peers)) report.rounds.push({ ...emptyRound(peers, samples, 'skipped'), error: (err as Error).message })
    }
  } finally {
    await Promise.allSettled([web?.close(), signal?.close()])
    report.runtimeMs = Date.now() - started
    mkdirSync(RESULTS, { recursive: true })
    writeFileSync(path.join(RESULTS, 'latency.json'), JSON.stringify(report, null, 2) + '\n')
    writeFileSync(path.join(RESULTS, 'latency.md'), markdown(report))
    console.log(`wrote ${path.relative(ROOT, RESULTS)}/latency.json and latency.md in ${(report.runtimeMs / 1000).toFixed(0)} s`)
  }
  const failed = report.rounds.filter((r) => r.status !== 'ok')
  if (failed.length) console.error(`bench: ${failed.map((r) => `${r.peers} peers ${r.status}`).join(', ')}`)
  return failed.length ? 1 : 0
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
