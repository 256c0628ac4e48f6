import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startSignalingServer, type SignalingOptions, type SignalingServer } from '../../../electron/signaling/server.ts'

const WAIT_MS = 2000

let servers: SignalingServer[] = []
let clients: WebSocket[] = []

afterEach(async () => {
  for (const c of clients) c.terminate()
  clients = []
  await Promise.all(servers.map((s) => withTimeout(s.close(), 'server close')))
  servers = []
})

function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function start(options: SignalingOptions = {}) {
  const logs: string[] = []
  const server = await startSignalingServer({ host: '127.0.0.1', port: 0, log: (l) => logs.push(l), ...options })
  servers.push(server)
  return { server, logs }
}

interface Client {
  ws: WebSocket
  messages: Record<string, unknown>[]
  send(message: unknown): void
  next(predicate?: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>
  closed: Promise<{ code: number }>
}

async function connect(server: SignalingServer, options: WebSocket.ClientOptions = {}): Promise<Client> {
  const ws = new WebSocket(server.url, options)
  clients.push(ws)
  const messages: Record<string, unknown>[] = []
  const waiters: { predicate: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = []
  let seen = 0
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Record<string, unknown>
    messages.push(message)
    for (const w of [...waiters]) {
      if (w.predicate(message)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(message)
      }
    }
  })
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })))
  await withTimeout(new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject)), 'open')
  return {
    ws,
    messages,
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
async function settle(client: Client) {
  client.send({ type: 'ping' })
  await client.next((m) => m.type === 'pong')
}

describe('signaling server', () => {
  it('relays a publish to every subscriber of the topic, with a clients count, and not to others', async () => {
    const { server } = await start()
    const [a, b, other] = await Promise.all([connect(server), connect(server), connect(server)])
    a.send({ type: 'subscribe', topics: ['room-1'] })
    b.send({ type: 'subscribe', topics: ['room-1', 'room-2'] })
    other.send({ type: 'subscribe', topics: ['room-2'] })
    await Promise.all([settle(a), settle(b), settle(other)])

    a.send({ type: 'publish', topic: 'room-1', data: { sealed: 'xyz' } })
    const atB = await b.next((m) => m.type === 'publish')
    expect(atB).toEqual({ type: 'publish', topic: 'room-1', data: { sealed: 'xyz' }, clients: 2 })
    // the publisher is a subscriber too, so y-webrtc sees its own message
    expect(await a.next((m) => m.type === 'publish')).toEqual(atB)

    await settle(other)
    expect(other.messages.filter((m) => m.type === 'publish')).toEqual([])
    expect(server.stats()).toMatchObject({ connections: 3, topics: 2, relayed: 1 })
  })

  it('stops relaying after unsubscribe and forgets empty topics', async () => {
    const { server } = await start()
    const [a, b] = await Promise.all([connect(server), connect(server)])
    a.send({ type: 'subscribe', topics: ['room-1'] })
    b.send({ type: 'subscribe', topics: ['room-1'] })
    await Promise.all([settle(a), settle(b)])

    b.send({ type: 'unsubscribe', topics: ['room-1'] })
    await settle(b)
    a.send({ type: 'publish', topic: 'room-1', data: 1 })
    expect(await a.next((m) => m.type === 'publish')).toMatchObject({ clients: 1 })
    await settle(b)
    expect(b.messages.filter((m) => m.type === 'publish')).toEqual([])

    a.send({ type: 'unsubscribe', topics: ['room-1'] })
    await settle(a)
    expect(server.stats().topics).toBe(0)
  })

  it('answers ping with pong', async () => {
    const { server } = await start()
    const a = await connect(server)
    a.send({ type: 'ping' })
    expect(await a.next()).toEqual({ type: 'pong' })
  })

  it('serves GET /health as JSON with counts', async () => {
    const { server } = await start()
    const a = await connect(server)
    a.send({ type: 'subscribe', topics: ['t1', 't2'] })
    a.send({ type: 'publish', topic: 't1', data: 'x' })
    await a.next((m) => m.type === 'publish')
    const res = await withTimeout(fetch(`http://127.0.0.1:${server.port}/health`), 'health')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(await res.json()).toEqual({ ok: true, connections: 1, topics: 2, relayed: 1 })
    const other = await withTimeout(fetch(`http://127.0.0.1:${server.port}/`), 'index')
    expect(other.status).toBe(404)
    await other.text()
  })

  it('ignores malformed messages, counts them and keeps the connection', async () => {
    const { server } = await start()
    const a = await connect(server)
    for (const junk of ['{not json', 'null', '[1,2]', '42', JSON.stringify({ type: 7 }), JSON.stringify({ type: 'explode' })]) a.send(junk)
    await settle(a)
    expect(a.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.stats().rejected).toBe(6)
  })

  it('closes a connection that sends a message over maxMessageBytes, and only that one', async () => {
    const { server } = await start({ maxMessageBytes: 1024 })
    const [a, b] = await Promise.all([connect(server), connect(server)])
    a.send({ type: 'publish', topic: 't', data: 'x'.repeat(2000) })
    const { code } = await withTimeout(a.closed, 'close')
    expect(code).toBe(1009)
    await settle(b)
    expect(b.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.stats().rejected).toBe(1)
  })

  it('enforces maxTopicsPerConnection with an error message', async () => {
    const { server, logs } = await start({ maxTopicsPerConnection: 2 })
    const a = await connect(server)
    a.send({ type: 'subscribe', topics: ['t1', 't2', 't3', 't4'] })
    expect(await a.next((m) => m.type === 'error')).toEqual({ type: 'error', reason: 'too many topics' })
    expect(server.stats().topics).toBe(2)
    // topics already held can be subscribed again without error
    a.send({ type: 'subscribe', topics: ['t1'] })
    await settle(a)
    expect(a.messages.filter((m) => m.type === 'error')).toHaveLength(1)
    expect(logs.some((l) => l.includes('limit of 2 topics'))).toBe(true)
    expect(a.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('skips topics that are not strings, empty or too long', async () => {
    const { server } = await start({ maxTopicLength: 8 })
    const a = await connect(server)
    a.send({ type: 'subscribe', topics: [1, '', 'x'.repeat(9), 'ok', null] })
    await settle(a)
    expect(server.stats().topics).toBe(1)
  })

  it('terminates a client that does not answer pings', async () => {
    const { server, logs } = await start({ pingTimeoutMs: 100 })
    const silent = await connect(server, { autoPong: false })
    const lively = await connect(server)
    const { code } = await withTimeout(silent.closed, 'the silent client to be dropped')
    expect(code).toBe(1006) // terminated: no close frame
    expect(logs.some((l) => l.includes('no pong within 100 ms'))).toBe(true)
    // a client that answers pings stays connected through several rounds
    await new Promise((r) => setTimeout(r, 350))
    expect(lively.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.stats().connections).toBe(1)
  })

  it('refuses connections over maxConnections', async () => {
    const { server } = await start({ maxConnections: 1 })
    await connect(server)
    const extra = await connect(server)
    const { code } = await withTimeout(extra.closed, 'the extra client to be refused')
    expect(code).toBe(1013)
  })

  it('close() resolves and drops connected clients', async () => {
    const { server } = await start()
    const a = await connect(server)
    a.send({ type: 'subscribe', topics: ['t'] })
    await settle(a)
    servers = servers.filter((s) => s !== server)
    await withTimeout(server.close(), 'close')
    await withTimeout(a.closed, 'the client to see the close')
    await expect(fetch(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow()
  })
})
