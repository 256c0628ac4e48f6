import { randomBytes } from 'node:crypto'
import WebSocket from 'ws'
import { startSignalingServer, type SignalingOptions, type SignalingServer } from '../../../electron/signaling/server.ts'

export const WAIT_MS = 2000

let servers: SignalingServer[] = []
let clients: WebSocket[] = []

/** afterEach: drops every client and server the test made. */
export async function cleanup(): Promise<void> {
  for (const c of clients) c.terminate()
  clients = []
  await Promise.all(servers.map((s) => withTimeout(s.close(), 'server close')))
  servers = []
}

/** For a test that closes its server itself. */
export function forget(server: SignalingServer): void {
  servers = servers.filter((s) => s !== server)
}

export function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function start(options: SignalingOptions = {}) {
  const logs: string[] = []
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, log: (l) => logs.push(l), ...options })
  servers.push(server)
  return { server, logs }
}

export interface Client {
  ws: WebSocket
  messages: Record<string, unknown>[]
  /** every text frame as received */
  raw: string[]
  send(message: unknown): void
  next(predicate?: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>
  closed: Promise<{ code: number; reason: string }>
}

export async function connect(server: SignalingServer, options: WebSocket.ClientOptions = {}): Promise<Client> {
  const ws = new WebSocket(server.url, options)
  clients.push(ws)
  const messages: Record<string, unknown>[] = []
  const raw: string[] = []
  const waiters: { predicate: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = []
  let seen = 0
  ws.on('message', (data) => {
    const text = data.toString()
    raw.push(text)
    const message = JSON.parse(text) as Record<string, unknown>
    messages.push(message)
    for (const w of [...waiters]) {
      if (w.predicate(message)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(message)
      }
    }
  })
  ws.on('error', () => {}) // a refused or cut connection: the test looks at `closed`
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  )
  await withTimeout(new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject)), 'open')
  return {
    ws,
    messages,
    raw,
    closed,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: (predicate = () => true) => {
      const already = messages.slice(seen).find(predicate)
      if (already) {
        seen = messages.indexOf(already) + 1
        return Promise.resolve(already)
      }
      return withTimeout(
        new Promise<Record<string, unknown>>((resolve) =>
          waiters.push({
            predicate,
            resolve: (m) => {
              seen = messages.indexOf(m) + 1
              resolve(m)
            }
          })
        ),
        'a message'
      )
    }
  }
}

/** A round trip through the server: once the pong is back, every earlier message was handled. */
export async function settle(client: Client) {
  client.send({ type: 'ping' })
  await client.next((m) => m.type === 'pong')
}

export const publishes = (client: Client) => client.messages.filter((m) => m.type === 'publish')

/** Polls `check` every 10 ms, at most `ms` long. */
export async function until(check: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited >= ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await sleep(10)
  }
}

/** lib0's variable-length unsigned integer, optionally spelt with `extra` needless bytes. */
export function varUint(n: number, extra = 0): number[] {
  const out: number[] = []
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f))
    n = Math.floor(n / 128)
  }
  if (extra === 0) return [...out, n]
  out.push(0x80 | n)
  for (let i = 1; i < extra; i++) out.push(0x80)
  return [...out, 0]
}

/**
 * Bytes laid out like a message y-webrtc sealed (lib0: "AES-GCM", IV, ciphertext); the server
 * cannot tell random bytes from a real ciphertext.
 */
export function sealedBytes(
  parts: { algorithm?: string; iv?: Uint8Array; cipher?: Uint8Array; lengthExtra?: number } = {}
): Buffer {
  const algorithm = Buffer.from(parts.algorithm ?? 'AES-GCM')
  const iv = parts.iv ?? randomBytes(12)
  const cipher = parts.cipher ?? randomBytes(48)
  const extra = parts.lengthExtra ?? 0
  return Buffer.from([
    ...varUint(algorithm.length),
    ...algorithm,
    ...varUint(iv.length, extra),
    ...iv,
    ...varUint(cipher.length, extra),
    ...cipher
  ])
}

export const sealed = (parts?: Parameters<typeof sealedBytes>[0]) => sealedBytes(parts).toString('base64')
