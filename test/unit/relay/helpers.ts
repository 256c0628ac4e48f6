import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { startSignalingServer, type SignalingServer } from '../../../electron/signaling/server.ts'
import { createRelay, type RelayOptions } from '../../../electron/relay/server.ts'
import type { RelayStore } from '../../../electron/relay/store.ts'
import { RelayProvider, type CursorStore, type RelayProviderOptions } from '@core/sync/relayProvider.ts'

/** Bounded waits: every loop in these tests ends, by count and by time. */
export const WAIT_MS = 10_000

export function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Polls `check` (every 20 ms, at most `ms`) until it is true. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = WAIT_MS): Promise<void> {
  const end = Date.now() + ms
  for (let i = 0; i < ms / 20 + 1; i++) {
    if (await check()) return
    if (Date.now() > end) break
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`)
}

export const SPACE_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8' // 32 bytes, base64url
export const OTHER_KEY = 'HxwdHhsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA'

export function tmpDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tandem-${name}-`))
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

const running: { close(): Promise<void> }[] = []

/** A signaling server with a relay on 127.0.0.1, stopped by cleanup(). */
export async function startRelay(store: RelayStore, options: Partial<RelayOptions> = {}): Promise<SignalingServer & { logs: string[] }> {
  const logs: string[] = []
  const relay = createRelay({ store, log: (l) => logs.push(l), ...options })
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, relay, log: (l) => logs.push(l) })
  running.push(server)
  return Object.assign(server, { logs })
}

export function forget(server: { close(): Promise<void> }): void {
  const i = running.indexOf(server)
  if (i >= 0) running.splice(i, 1)
}

const providers: RelayProvider[] = []

export function memoryCursors(): CursorStore & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return { map, get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v) }
}

/** A node client: a Y.Doc with the app's relay provider over `ws`. */
export function peer(urls: string[], options: Partial<RelayProviderOptions> & { doc?: Y.Doc } = {}) {
  const doc = options.doc ?? new Y.Doc()
  const troubles: string[] = []
  const provider = new RelayProvider({
    urls,
    docId: 'space-doc-1',
    spaceKey: SPACE_KEY,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    cursors: memoryCursors(),
    onTrouble: (t) => troubles.push(t),
    ...options,
    doc
  })
  providers.push(provider)
  return { doc, provider, troubles, text: () => doc.getText('t').toString() }
}

export async function cleanup(): Promise<void> {
  for (const p of providers.splice(0)) p.destroy()
  for (const s of running.splice(0)) await withTimeout(s.close(), 'server close')
}

// ── redis-server: started by the test on a free 127.0.0.1 port, stopped after ──

export interface RedisServer {
  url: string
  port: number
  stop(): Promise<void>
  /** every key and value in it, as text (for "no plaintext stored" checks) */
  dumpText(): string
}

export function redisServerPath(): string {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (fs.existsSync(p)) return p
  // never skipped: CI installs it (.ci/run); a machine without it fails here, saying so
  throw new Error('redis-server is not installed (Debian: apt-get install redis-server); the relay’s Redis tests need it')
}

export async function startRedis(): Promise<RedisServer> {
  const bin = redisServerPath()
  const port = await freePort()
  const dir = tmpDir('redis')
  const child: ChildProcess = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  await until(() => out.includes('Ready to accept connections') || child.exitCode !== null, 'redis-server to start')
  if (child.exitCode !== null) throw new Error(`redis-server did not start: ${out.slice(-500)}`)
  const cli = fs.existsSync('/usr/bin/redis-cli') ? '/usr/bin/redis-cli' : 'redis-cli'
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dumpText() {
      const keys = execFileSync(cli, ['-p', String(port), '--scan']).toString().split('\n').filter(Boolean)
      let text = keys.join('\n')
      for (const k of keys) {
        const type = execFileSync(cli, ['-p', String(port), 'TYPE', k]).toString().trim()
        const cmd = type === 'stream' ? ['XRANGE', k, '-', '+'] : type === 'hash' ? ['HGETALL', k] : ['GET', k]
        text += '\n' + execFileSync(cli, ['-p', String(port), ...cmd]).toString()
      }
      return text
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await withTimeout(exited, 'redis-server to stop')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A raw relay connection for protocol tests. */
export async function rawClient(url: string) {
  const ws = new WebSocket(url + '/relay')
  const frames: Record<string, unknown>[] = []
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  ws.on('message', (d) => frames.push(JSON.parse(d.toString()) as Record<string, unknown>))
  ws.on('error', () => {})
  await withTimeout(new Promise((r) => ws.once('open', r)), 'relay connection')
  await until(() => frames.some((f) => f.t === 'challenge'), 'challenge')
  return {
    ws,
    frames,
    closed,
    challenge: () => frames.find((f) => f.t === 'challenge')!.nonce as string,
    send: (f: unknown) => ws.send(typeof f === 'string' ? f : JSON.stringify(f)),
    next: async (t: string, after = 0) => {
      await until(() => frames.slice(after).some((f) => f.t === t), `a ${t} frame`)
      return frames.slice(after).find((f) => f.t === t)!
    }
  }
}

/** Every file under `dir`, concatenated. */
export function filesText(dir: string): string {
  let text = ''
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name)
    if (fs.statSync(p).isFile()) text += fs.readFileSync(p, 'latin1')
  }
  return text
}
