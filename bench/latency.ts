import { chromium } from '@playwright/test'
import type { SignalingServer } from '../electron/signaling/server.ts'
import { CHROMIUM_ARGS, chromiumPath, type Peer } from '../test/e2e/harness.ts'
import { createTeamSpace, firstRun, inBatches, inviteCode, join, launchBenchPeer, until, waitAllOnline } from './peers.ts'
import type { StaticServer } from './serve.ts'
import { summarize, type Summary } from './stats.ts'
import { installWatcher, installWireProbe, pageClock, seen, watchFor, wireStamps, type Seen } from './watch.ts'

/**
 * Edit-to-visible latency between n peers on loopback, each its own Chromium process, for two
 * stacks measured the same way:
 *   app  the web build: peer 0 creates a team space and invites, the others join with the code,
 *        and once every peer shows every other 'online now' the writers take turns setting the
 *        space description;
 *   raw  plain Yjs over y-webrtc, no app (bench/raw): every peer opens the page on the same room
 *        and password, and once every peer has a WebRTC connection to every other and has heard
 *        from each (awareness) the writers take turns setting the same field.
 * Latency = the time the receiving page's textarea holds the new value (MutationObserver) − the
 * time the writer blurred the field, both from performance.timeOrigin + performance.now() on this
 * machine (watch.ts).
 */
export type Stack = 'app' | 'raw'

export const NAMES = ['Ada', 'Bruce', 'Cleo', 'Dmitri', 'Esme', 'Farid', 'Gwen', 'Hiro', 'Ines', 'Jonas']

export const WARMUP_EDITS = 2 // per round, not counted: the first edits after the mesh forms
export const SEEN_TIMEOUT_MS = 10_000 // an edit not seen by a peer within this is counted as missed
const ONLINE_TIMEOUT_MS = Number(process.env.BENCH_ONLINE_TIMEOUT_MS ?? 60_000)
const ROUND_SAMPLING_MS = 150_000 // a round stops sampling early past this (and says so)
const LAUNCH_CONCURRENCY = 3

interface Observation {
  edit: number
  writer: string
  receiver: string
  latencyMs: number
  toFrameMs: number
  via: Seen['via']
  /** where the time went (bench/watch.ts wire probe); null when a stamp is missing */
  writerMs: number | null
  wireMs: number | null
  receiverMs: number | null
}

/**
 * An edit's latency in three parts, from the wire probe (bench/watch.ts) on both sides:
 *   writer    blur → the writer's first data-channel send carrying the edit (the app's save path,
 *             the Yjs transaction and whatever runs before y-webrtc's send)
 *   wire      that send → the receiver's data-channel message event carrying it (the network on
 *             loopback, and the wait until the receiving page's main thread gets to it: on a
 *             machine with fewer cores than peers this is mostly every page's work per edit)
 *   receiver  that message event → the field shows the value (apply, listeners, render)
 */
export interface Breakdown {
  writerMs: Summary | null
  wireMs: Summary | null
  receiverMs: Summary | null
}

export interface RoundResult {
  stack: Stack
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
  breakdown: Breakdown
  clockSpreadMs: number | null
  setupMs: number
  samplingMs: number
  samplingCutShort: boolean
  pageErrors: string[]
  raw: Observation[]
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function withTimeout<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
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

export function emptyRound(stack: Stack, peers: number, samplesPlanned: number, status: RoundResult['status']): RoundResult {
  return {
    stack,
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
    breakdown: { writerMs: null, wireMs: null, receiverMs: null },
    clockSpreadMs: null,
    setupMs: 0,
    samplingMs: 0,
    samplingCutShort: false,
    pageErrors: [],
    raw: []
  }
}

/** n app peers in one team space, every one showing every other online. */
async function setUpApp(n: number, web: StaticServer, signal: SignalingServer, launched: Peer[], log: (s: string) => void): Promise<Peer[]> {
  log(`launching ${n} Chromium processes…`)
  const peers = await inBatches(NAMES.slice(0, n), LAUNCH_CONCURRENCY, async (name) => {
    const peer = await launchBenchPeer(name, web.url, signal.url, installWireProbe)
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
  return peers
}

interface RawWindow {
  __raw: { connected(): number; heard(): number }
}

/** n raw pages in one room with one password, every one connected to every other over WebRTC. */
async function setUpRaw(n: number, web: StaticServer, signal: SignalingServer, launched: Peer[], log: (s: string) => void): Promise<Peer[]> {
  log(`launching ${n} Chromium processes (raw Yjs + y-webrtc)…`)
  const room = `tandem-bench-raw-${n}-${Math.random().toString(36).slice(2, 10)}`
  const password = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2)
  const urlOf = (name: string) => `${web.url}bench/raw/index.html?${new URLSearchParams({ signaling: signal.url, room, password, name })}`
  const peers = await inBatches(NAMES.slice(0, n), LAUNCH_CONCURRENCY, async (name) => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 60_000 })
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 820 } })
      await installWireProbe(context)
      const page = await context.newPage()
      const peer: Peer = { name, browser, context, page, errors: [], close: () => browser.close() }
      launched.push(peer)
      page.setDefaultTimeout(30_000)
      page.on('pageerror', (err) => peer.errors.push(`${name}: ${err.message}`))
      await page.goto(urlOf(name))
      await page.waitForFunction(() => !!(window as unknown as Partial<RawWindow>).__raw)
      return peer
    } catch (err) {
      await browser.close().catch(() => {})
      throw err
    }
  })
  log(`waiting until every page is connected to all ${n - 1} others over WebRTC and has heard from each (at most ${ONLINE_TIMEOUT_MS / 1000} s)…`)
  await until(`every raw page connected to and heard from ${n - 1} others`, ONLINE_TIMEOUT_MS, async () => {
    const counts = await Promise.all(
      peers.map((p) => p.page.evaluate(() => Math.min((window as unknown as RawWindow).__raw.connected(), (window as unknown as RawWindow).__raw.heard())))
    )
    return counts.every((c) => c >= n - 1)
  }, 200)
  return peers
}

export async function runRound(stack: Stack, n: number, samples: number, web: StaticServer, signal: SignalingServer): Promise<RoundResult> {
  const result = emptyRound(stack, n, samples, 'ok')
  const launched: Peer[] = []
  const allPeers: number[] = []
  const log = (line: string) => console.log(`[${stack} ${n} peers] ${line}`)
  const started = Date.now()
  const finish = () => {
    result.observations = result.raw.length
    result.latencyMs = summarize(result.raw.map((o) => o.latencyMs))
    result.toNextFrameMs = summarize(result.raw.map((o) => o.toFrameMs))
    result.allPeersMs = summarize(allPeers)
    const part = (k: 'writerMs' | 'wireMs' | 'receiverMs') => summarize(result.raw.map((o) => o[k]).filter((x): x is number => x !== null))
    result.breakdown = { writerMs: part('writerMs'), wireMs: part('wireMs'), receiverMs: part('receiverMs') }
  }
  try {
    const peers = await (stack === 'app' ? setUpApp : setUpRaw)(n, web, signal, launched, log)
    for (const p of peers) {
      await p.page.getByLabel('Space description').waitFor()
      await installWatcher(p.page)
    }
    result.clockSpreadMs = await clockSpread(peers)
    result.setupMs = Date.now() - started
    log(`all connected after ${(result.setupMs / 1000).toFixed(1)} s; clock spread ${result.clockSpreadMs} ms`)

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
        const sentAt = (await wireStamps(writer.page, token)).sentAt
        const gotAt = await Promise.all(receivers.map(async (r, k) => (seenBy[k] ? (await wireStamps(r.page, token)).gotAt : null)))
        seenBy.forEach((s, k) => {
          const receiver = receivers[k]!.name
          if (!s) {
            result.missed.push({ edit, writer: writer.name, receiver })
            return
          }
          const latencyMs = s.seenAt - committedAt
          last = Math.max(last, latencyMs)
          const got = gotAt[k] ?? null
          result.raw.push({
            edit,
            writer: writer.name,
            receiver,
            latencyMs: round1(latencyMs),
            toFrameMs: round1(s.frameAt - committedAt),
            via: s.via,
            writerMs: sentAt === null ? null : round1(sentAt - committedAt),
            wireMs: sentAt === null || got === null ? null : round1(got - sentAt),
            receiverMs: got === null ? null : round1(s.seenAt - got)
          })
          result.detectedBy[s.via]++
        })
        if (seenBy.every(Boolean)) allPeers.push(last)
      }
      await sleep(150 + Math.random() * 250) // jitter, so edits do not line up with periodic work
    }
    result.samplingMs = Date.now() - samplingStarted
    finish()
    log(
      `${result.edits} edits, ${result.observations} observations, ${result.missed.length} missed; ` +
        `median ${result.latencyMs?.median ?? '–'} ms, p95 ${result.latencyMs?.p95 ?? '–'} ms`
    )
  } catch (err) {
    result.status = 'failed'
    result.error = (err as Error).message.split('\n')[0]
    if (!result.setupMs) result.setupMs = Date.now() - started
    finish()
    console.error(`[${stack} ${n} peers] FAILED: ${(err as Error).message}`)
  } finally {
    result.pageErrors = launched.flatMap((p) => p.errors)
    await Promise.allSettled(launched.map((p) => withTimeout(`closing ${p.name}`, 20_000, p.close())))
  }
  return result
}

function round1(x: number): number {
  return Math.round(x * 10) / 10
}

// ---------------------------------------------------------------- report

export const BUDGET = { peers: 10, medianMs: 50, p95Ms: 150 }
/** issue 9, item 8: edit-to-visible at 10 peers within 2× the raw stack's median */
export const RAW_TARGET = { peers: 10, ratio: 2 }

export interface Ratio {
  peers: number
  /** app ÷ raw, measured in the same run; null when either round did not run */
  median: number | null
  p95: number | null
  appMedianMs: number | null
  rawMedianMs: number | null
  appP95Ms: number | null
  rawP95Ms: number | null
}

export interface LatencyReport {
  date: string
  machine: { cores: number; cpu: string; memoryGB: number; os: string; node: string }
  chromium: string
  /** 1-minute load average when each round started (other work on the machine shows here) */
  load: Record<string, number>
  method: string
  rawStack: string
  budget: typeof BUDGET
  rawTarget: typeof RAW_TARGET
  runtimeMs: number
  /** the app's rounds */
  rounds: RoundResult[]
  /** the raw stack's rounds, in the same run */
  rawRounds: RoundResult[]
  ratios: Ratio[]
}

export const METHOD =
  'each edit sets the space description on one peer (writers rotate); latency = time the receiving page\'s textarea holds the new value ' +
  '(MutationObserver after React commits) − time the writer blurred the field (when the app saves), both from performance.timeOrigin + performance.now() ' +
  `on the same machine; ${WARMUP_EDITS} warm-up edits per round not counted; "next frame" adds the wait for the frame that paints it; ` +
  '"all peers" is, per edit, the time until the last receiver had it; raw and app rounds of the same size run back to back'

export const RAW_STACK =
  "bench/raw: a Y.Doc with one map value, y-webrtc 10.3.0 from node_modules with the repository's patch (patches/y-webrtc+10.3.0.patch: error events and an optional wire, " +
  'which the raw page does not set), the app\'s provider options (password, so signaling is AES-GCM sealed with a PBKDF2 key; maxConns 30; filterBcConns; no ICE servers), ' +
  "the same signaling server (electron/signaling/server.ts on 127.0.0.1); the receiver's observer writes the value into the field as React does (value and text content); " +
  'no app: no IndexedDB, no chunked wire, no presence, no React'

export function ratiosOf(app: readonly RoundResult[], raw: readonly RoundResult[]): Ratio[] {
  const sizes = [...new Set([...app, ...raw].map((r) => r.peers))].sort((a, b) => a - b)
  const div = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b <= 0 ? null : Math.round((a / b) * 100) / 100)
  return sizes.map((peers) => {
    const a = app.find((r) => r.peers === peers && r.status === 'ok')?.latencyMs ?? undefined
    const r = raw.find((x) => x.peers === peers && x.status === 'ok')?.latencyMs ?? undefined
    return {
      peers,
      median: div(a?.median, r?.median),
      p95: div(a?.p95, r?.p95),
      appMedianMs: a?.median ?? null,
      rawMedianMs: r?.median ?? null,
      appP95Ms: a?.p95 ?? null,
      rawP95Ms: r?.p95 ?? null
    }
  })
}

function verdict(value: number | undefined | null, budget: number): string {
  if (value === undefined || value === null) return 'not measured'
  return value < budget ? 'pass' : 'over'
}

function roundRows(rounds: readonly RoundResult[]): string[] {
  const fmt = (s: Summary | null, k: keyof Summary) => (s ? String(s[k]) : '–')
  return rounds.map(
    (r) =>
      `| ${r.peers} | ${r.status} | ${r.edits}/${r.samplesPlanned} | ${r.observations} | ${r.missed.length} | ` +
      `${fmt(r.latencyMs, 'median')} | ${fmt(r.latencyMs, 'p95')} | ${fmt(r.latencyMs, 'min')} | ${fmt(r.latencyMs, 'max')} | ` +
      `${fmt(r.toNextFrameMs, 'median')} / ${fmt(r.toNextFrameMs, 'p95')} | ${fmt(r.allPeersMs, 'median')} / ${fmt(r.allPeersMs, 'p95')} | ` +
      `${(r.setupMs / 1000).toFixed(1)} |`
  )
}

const HEADER = [
  '| peers | status | edits | observations | missed | median ms | p95 ms | min ms | max ms | next frame median / p95 ms | all peers median / p95 ms | setup s |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
]

export function latencyMarkdown(report: LatencyReport): string {
  const lines = [
    '# Edit-to-visible latency between peers (loopback)',
    '',
    `- date: ${report.date}`,
    `- machine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGB} GB, ${report.machine.os}`,
    `- Chromium ${report.chromium} (headless, one process per peer), Node ${report.machine.node}`,
    `- load average (1 min) as each round started: ${Object.entries(report.load)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (on ${report.machine.cores} cores; other work on the machine shows here)`,
    `- runtime: ${(report.runtimeMs / 1000).toFixed(0)} s`,
    `- method: ${report.method}`,
    '',
    '## The app',
    '',
    ...HEADER,
    ...roundRows(report.rounds),
    '',
    '## The raw stack (plain Yjs over y-webrtc, no app), same run',
    '',
    `Raw stack: ${report.rawStack}.`,
    '',
    ...HEADER,
    ...roundRows(report.rawRounds),
    '',
    '## The app as a multiple of the raw stack (same run)',
    '',
    '| peers | app median ms | raw median ms | median ratio | app p95 ms | raw p95 ms | p95 ratio |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...report.ratios.map(
      (r) =>
        `| ${r.peers} | ${r.appMedianMs ?? '–'} | ${r.rawMedianMs ?? '–'} | ${r.median === null ? '–' : `${r.median}×`} | ${r.appP95Ms ?? '–'} | ${r.rawP95Ms ?? '–'} | ${r.p95 === null ? '–' : `${r.p95}×`} |`
    )
  ]
  const parts = (s: Summary | null) => (s ? `${s.median} / ${s.p95}` : '–')
  const sizes = [...new Set([...report.rounds, ...report.rawRounds].map((r) => r.peers))].sort((a, b) => a - b)
  lines.push(
    '',
    '## Where the time goes (median / p95 ms, same observations)',
    '',
    '| peers | stack | writer: blur → first send | wire: send → receiver\'s message event | receiver: message event → field shows it | whole |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...sizes.flatMap((peers) =>
      (['app', 'raw'] as const).flatMap((stack) => {
        const r = (stack === 'app' ? report.rounds : report.rawRounds).find((x) => x.peers === peers)
        if (!r?.breakdown) return []
        return [`| ${peers} | ${stack} | ${parts(r.breakdown.writerMs)} | ${parts(r.breakdown.wireMs)} | ${parts(r.breakdown.receiverMs)} | ${parts(r.latencyMs)} |`]
      })
    ),
    '',
    'From a probe in both stacks (bench/watch.ts): the time of each data-channel message sent and received, and of the first one carrying the edit. ' +
      '"wire" is the loopback network plus the wait until the receiving page\'s main thread gets to the message: with more peers than cores it is mostly ' +
      'the work every page does per edit (each receiver also sends the update on to every peer, as y-webrtc does). Medians of the parts do not add up to the median of the whole.'
  )
  const ten = report.rounds.find((r) => r.peers === BUDGET.peers)
  const med = ten?.status === 'ok' ? ten.latencyMs?.median : undefined
  const p95 = ten?.status === 'ok' ? ten.latencyMs?.p95 : undefined
  const ratio = report.ratios.find((r) => r.peers === RAW_TARGET.peers)?.median ?? null
  lines.push(
    '',
    `## Budgets (${BUDGET.peers} peers on loopback)`,
    '',
    '| figure | measured | budget | verdict |',
    '| --- | ---: | ---: | --- |',
    `| median (ARCHITECTURE.md) | ${med ?? '–'} ms | < ${BUDGET.medianMs} ms | ${verdict(med, BUDGET.medianMs)} |`,
    `| p95 (ARCHITECTURE.md) | ${p95 ?? '–'} ms | < ${BUDGET.p95Ms} ms | ${verdict(p95, BUDGET.p95Ms)} |`,
    `| median as a multiple of the raw stack's (issue 9) | ${ratio === null ? '–' : `${ratio}×`} | ≤ ${RAW_TARGET.ratio}× | ${ratio === null ? 'not measured' : ratio <= RAW_TARGET.ratio ? 'pass' : 'over'} |`,
    '',
    'Reported only; the bench never fails on a budget.'
  )
  const notes: string[] = []
  for (const r of [...report.rounds, ...report.rawRounds]) {
    const who = `${r.stack} ${r.peers} peers`
    if (r.error) notes.push(`- ${who}: ${r.status}: ${r.error}`)
    if (r.samplingCutShort) notes.push(`- ${who}: sampling stopped at its time limit (${r.edits} of ${r.samplesPlanned} edits).`)
    if (r.missed.length) notes.push(`- ${who}: ${r.missed.length} observation(s) not seen within ${SEEN_TIMEOUT_MS / 1000} s (left out of the figures).`)
    if (r.detectedBy.frame) notes.push(`- ${who}: ${r.detectedBy.frame} of ${r.observations} observation(s) caught by the frame poll rather than the MutationObserver (up to one frame late).`)
    if (r.pageErrors.length) notes.push(`- ${who}: page errors: ${r.pageErrors.slice(0, 5).join(' | ')}`)
    if (r.clockSpreadMs !== null && Math.abs(r.clockSpreadMs) > 2) notes.push(`- ${who}: page clocks spread ${r.clockSpreadMs} ms apart (measured through CDP round trips).`)
  }
  if (notes.length) lines.push('', '## Notes', '', ...notes)
  const all = [...report.rounds, ...report.rawRounds]
  lines.push(
    '',
    `Samples are small (p95 of ${all.map((r) => `${r.observations} observations (${r.stack}, ${r.peers} peers)`).join(', ')}); percentiles interpolate between closest ranks. ` +
      'Raw observations are in latency.json.',
    ''
  )
  return lines.join('\n')
}
