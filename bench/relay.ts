import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { RelayProvider } from '../renderer/src/core/sync/relayProvider.ts'
import { referenceClient } from './relayRef.ts'
import { summarize, type Summary } from './stats.ts'

/**
 * Relay fan-out (issue 13): N node clients (Yjs + the app's relay provider + WebSockets) in one
 * room of the relay (`npm run server -- --memory`, its own process); one client edits, and the
 * figure is the time until every other client has the edit (p50/p95 over the samples). In the
 * same run, the same figure for the reference: a plain y-websocket server (bench/relayRef.ts; one
 * process, unencrypted, in memory) with plain y-protocols clients. Goal: within 1.5x of it.
 * Clients run in this process, each server in its own. Every wait is bounded.
 *
 *   npx tsx bench/relay.ts            (RELAY_BENCH_CLIENTS=200, RELAY_BENCH_SAMPLES=30)
 */
const ROOT = path.resolve(import.meta.dirname, '..')
const SPACE_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'
const WARMUP = 3

export interface FanoutRound {
  stack: 'relay' | 'y-websocket'
  clients: number
  /** edit → the last client has it */
  allHaveIt: Summary | null
  /** edit → a client has it, over every client and sample */
  perClient: Summary | null
  /**
   * CPU time per measured edit (ms): the clients' process (all of them) and the server's. Less
   * sensitive than the latencies to other work on the machine; null where /proc is not there.
   */
  cpuPerEdit: { clients: number; server: number | null }
}

export interface RelayBenchReport {
  date: string
  clients: number
  samples: number
  rounds: FanoutRound[]
  /** relay p50 and p95 as multiples of the reference's */
  ratio: { p50: number; p95: number } | null
  goal: string
  /** the machine's 1-minute load average when the part started and ended (2 cores shared: it matters) */
  load: { start: number; end: number }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

async function until(check: () => boolean, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms
  for (let i = 0; i < ms; i++) {
    if (check()) return
    if (Date.now() > end) break
    await new Promise((r) => setTimeout(r, 2))
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`)
}

async function startChild(args: string[], ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  await until(() => out.includes(ready) || child.exitCode !== null, `${args[0]} to start`, 30_000)
  if (child.exitCode !== null) throw new Error(`${args[0]} did not start: ${out}`)
  return child
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
  if (child.exitCode === null) child.kill('SIGKILL')
}

/** CPU time (ms) a process has used so far, from /proc (Linux), or null. */
function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    // utime and stime, fields 14 and 15, in clock ticks (USER_HZ, 100 on Linux)
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000
  } catch {
    return null
  }
}

async function measure(stack: FanoutRound['stack'], docs: Y.Doc[], samples: number, serverPid: number): Promise<FanoutRound> {
  const allHaveIt: number[] = []
  const perClient: number[] = []
  const seen = new Map<Y.Doc, number>()
  let t0 = 0
  let expected = -1
  let done: (() => void) | null = null
  for (const doc of docs) {
    doc.getMap('m').observe(() => {
      if (doc.getMap('m').get('v') !== expected || seen.has(doc)) return
      seen.set(doc, performance.now() - t0)
      if (seen.size === docs.length) done?.()
    })
  }
  let cpuAt = process.cpuUsage()
  let serverAt: number | null = null
  for (let s = 0; s < samples + WARMUP; s++) {
    if (s === WARMUP) {
      cpuAt = process.cpuUsage()
      serverAt = processCpuMs(serverPid)
    }
    const writer = docs[s % docs.length]!
    seen.clear()
    seen.set(writer, 0)
    expected = s
    const everyone = new Promise<void>((resolve, reject) => {
      done = resolve
      setTimeout(() => reject(new Error(`sample ${s} did not reach every client within 60 s (${stack})`)), 60_000).unref()
    })
    t0 = performance.now()
    writer.getMap('m').set('v', s)
    await everyone
    if (s < WARMUP) continue
    const times = [...seen.entries()].filter(([d]) => d !== writer).map(([, t]) => t)
    allHaveIt.push(Math.max(...times))
    perClient.push(...times)
  }
  const cpu = process.cpuUsage(cpuAt)
  const serverNow = processCpuMs(serverPid)
  const round = (ms: number) => Math.round(ms * 100) / 100
  return {
    stack,
    clients: docs.length,
    allHaveIt: summarize(allHaveIt),
    perClient: summarize(perClient),
    cpuPerEdit: {
      clients: round((cpu.user + cpu.system) / 1000 / samples),
      server: serverNow !== null && serverAt !== null ? round((serverNow - serverAt) / samples) : null
    }
  }
}

export async function runRelayBench(clients = 200, samples = 30, log = (l: string) => console.log(l)): Promise<RelayBenchReport> {
  const rounds: FanoutRound[] = []
  const load = () => Math.round(os.loadavg()[0]! * 10) / 10
  const loadStart = load()

  // the reference: a plain y-websocket server
  {
    const port = await freePort()
    const server = await startChild(['bench/relayRef.ts', '--port', String(port)], 'reference on')
    const docs = Array.from({ length: clients }, () => new Y.Doc())
    const conns = docs.map((doc) => referenceClient(`ws://127.0.0.1:${port}`, 'bench-room', doc, WebSocket))
    try {
      await Promise.race([Promise.all(conns.map((c) => c.synced)), new Promise((_, r) => setTimeout(() => r(new Error('reference clients did not sync')), 60_000))])
      log(`y-websocket reference: ${clients} clients synced`)
      rounds.push(await measure('y-websocket', docs, samples, server.pid!))
    } finally {
      for (const c of conns) c.close()
      await stop(server)
    }
  }

  // the relay: sealed, authenticated, with its mailbox (in memory)
  {
    const port = await freePort()
    const server = await startChild(['electron/relay/cli.ts', '--port', String(port), '--memory'], 'relay on')
    const docs = Array.from({ length: clients }, () => new Y.Doc())
    const providers = docs.map(
      (doc) =>
        new RelayProvider({
          urls: [`ws://127.0.0.1:${port}`],
          docId: 'bench-doc',
          doc,
          spaceKey: SPACE_KEY,
          WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
          cursors: { get: () => null, set: () => {} }
        })
    )
    try {
      await until(() => providers.every((p) => p.state === 'synced'), 'relay clients to sync', 60_000)
      log(`relay: ${clients} clients synced`)
      rounds.push(await measure('relay', docs, samples, server.pid!))
    } finally {
      for (const p of providers) p.destroy()
      await stop(server)
    }
  }

  const ref = rounds.find((r) => r.stack === 'y-websocket')?.allHaveIt
  const relay = rounds.find((r) => r.stack === 'relay')?.allHaveIt
  const ratio = ref && relay ? { p50: Math.round((relay.median / ref.median) * 100) / 100, p95: Math.round((relay.p95 / ref.p95) * 100) / 100 } : null
  return {
    date: new Date().toISOString(),
    clients,
    samples,
    rounds,
    ratio,
    goal: 'relay p50/p95 within 1.5x of the plain y-websocket server',
    load: { start: loadStart, end: load() }
  }
}

export function relayMarkdown(r: RelayBenchReport): string {
  const row = (x: FanoutRound) =>
    `| ${x.stack} | ${x.clients} | ${x.allHaveIt?.median ?? '—'} | ${x.allHaveIt?.p95 ?? '—'} | ${x.perClient?.median ?? '—'} | ${x.perClient?.p95 ?? '—'} | ${x.cpuPerEdit.clients} | ${x.cpuPerEdit.server ?? '—'} |`
  return [
    `# Relay fan-out (${r.date})`,
    '',
    `One edit by one of ${r.clients} node clients in one room; time until every other client has it (${r.samples} samples after ${WARMUP} warm-up; ms).`,
    'Relay: `npm run server -- --memory` (sealed with AES-GCM, members only, mailbox); reference: a plain y-websocket server (bench/relayRef.ts, unencrypted). Each server its own process; the clients share this one.',
    '',
    '| stack | clients | all have it p50 | p95 | per client p50 | p95 | CPU ms per edit: clients | server |',
    '|---|---|---|---|---|---|---|---|',
    ...r.rounds.map(row),
    '',
    r.ratio ? `Relay / reference: p50 ${r.ratio.p50}x, p95 ${r.ratio.p95}x (goal: within 1.5x).` : 'No ratio: a round did not run.',
    `Machine load (1 min, ${os.cpus().length} cores): ${r.load.start} at the start, ${r.load.end} at the end.`,
    ''
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = await runRelayBench(Number(process.env.RELAY_BENCH_CLIENTS ?? 200), Number(process.env.RELAY_BENCH_SAMPLES ?? 30))
  const out = path.join(ROOT, 'bench/results')
  writeFileSync(path.join(out, 'relay.json'), JSON.stringify(report, null, 2) + '\n')
  writeFileSync(path.join(out, 'relay.md'), relayMarkdown(report))
  console.log(relayMarkdown(report))
  process.exit(0)
}
