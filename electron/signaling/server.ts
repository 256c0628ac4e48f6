import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket, type RawData } from 'ws'

/**
 * A signaling server speaking y-webrtc's protocol: clients subscribe to topics (hashed room
 * names) and publish to them; the server relays a publish to every subscriber of its topic.
 * Messages are sealed with the room key by the clients, so this server sees neither content nor
 * keys. Bounded: message size, topics per connection, connections, and a ping timeout.
 */
export interface SignalingOptions {
  host?: string
  port?: number
  maxMessageBytes?: number
  maxTopicsPerConnection?: number
  maxTopicLength?: number
  maxConnections?: number
  pingTimeoutMs?: number
  log?: (line: string) => void
}

export interface SignalingServer {
  readonly url: string
  readonly port: number
  stats(): { connections: number; topics: number; relayed: number; rejected: number }
  close(): Promise<void>
}

export const SIGNALING_DEFAULTS = {
  host: '127.0.0.1',
  port: 4444,
  maxMessageBytes: 64 * 1024,
  maxTopicsPerConnection: 256,
  maxTopicLength: 128,
  maxConnections: 1024,
  pingTimeoutMs: 30_000
} as const

interface Message {
  type?: unknown
  topics?: unknown
  topic?: unknown
  [key: string]: unknown
}

function parse(data: RawData): Message | null {
  try {
    const value: unknown = JSON.parse(data.toString())
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Message) : null
  } catch {
    return null
  }
}

export async function startSignalingServer(options: SignalingOptions = {}): Promise<SignalingServer> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  const o = { ...SIGNALING_DEFAULTS, ...given } as typeof SIGNALING_DEFAULTS & SignalingOptions
  const log = options.log ?? ((line: string) => console.log(`[signal] ${line}`))
  const topics = new Map<string, Set<WebSocket>>()
  let relayed = 0
  let rejected = 0

  const httpServer = http.createServer((req, res) => {
    if (req.url === '/health' || req.url === '/healthz') {
      const body = JSON.stringify({ ok: true, connections: wss.clients.size, topics: topics.size, relayed })
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(body)
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('Tandem signaling server: connect with a WebSocket; GET /health for status.\n')
  })
  const wss = new WebSocketServer({ server: httpServer, maxPayload: o.maxMessageBytes })

  const send = (conn: WebSocket, message: object) => {
    if (conn.readyState !== conn.OPEN) return
    try {
      conn.send(JSON.stringify(message))
    } catch {
      conn.close()
    }
  }

  wss.on('connection', (conn, req) => {
    const peer = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`
    if (wss.clients.size > o.maxConnections) {
      log(`refused ${peer}: ${o.maxConnections} connections already`)
      conn.close(1013, 'server full')
      return
    }
    const subscribed = new Set<string>()
    let alive = true
    const pinger = setInterval(() => {
      if (!alive) {
        log(`closing ${peer}: no pong within ${o.pingTimeoutMs} ms`)
        conn.terminate()
        return
      }
      alive = false
      try {
        conn.ping()
      } catch {
        conn.terminate()
      }
    }, o.pingTimeoutMs)
    conn.on('pong', () => (alive = true))
    conn.on('error', (err) => {
      rejected++
      log(`connection ${peer} error: ${err.message}`)
    })
    conn.on('close', () => {
      clearInterval(pinger)
      for (const topic of subscribed) {
        const subs = topics.get(topic)
        subs?.delete(conn)
        if (subs && subs.size === 0) topics.delete(topic)
      }
      subscribed.clear()
    })
    conn.on('message', (data) => {
      alive = true
      const message = parse(data)
      if (!message || typeof message.type !== 'string') {
        rejected++
        return
      }
      switch (message.type) {
        case 'subscribe': {
          const wanted = Array.isArray(message.topics) ? message.topics : []
          for (const topic of wanted) {
            if (typeof topic !== 'string' || topic.length === 0 || topic.length > o.maxTopicLength) continue
            if (!subscribed.has(topic) && subscribed.size >= o.maxTopicsPerConnection) {
              rejected++
              log(`${peer} hit the limit of ${o.maxTopicsPerConnection} topics`)
              send(conn, { type: 'error', reason: 'too many topics' })
              break
            }
            let subs = topics.get(topic)
            if (!subs) topics.set(topic, (subs = new Set()))
            subs.add(conn)
            subscribed.add(topic)
          }
          break
        }
        case 'unsubscribe': {
          const unwanted = Array.isArray(message.topics) ? message.topics : []
          for (const topic of unwanted) {
            if (typeof topic !== 'string') continue
            const subs = topics.get(topic)
            subs?.delete(conn)
            if (subs && subs.size === 0) topics.delete(topic)
            subscribed.delete(topic)
          }
          break
        }
        case 'publish': {
          if (typeof message.topic !== 'string') break
          const receivers = topics.get(message.topic)
          if (!receivers) break
          const out = { ...message, clients: receivers.size }
          for (const receiver of receivers) send(receiver, out)
          relayed++
          break
        }
        case 'ping':
          send(conn, { type: 'pong' })
          break
        default:
          rejected++
      }
    })
  })

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(o.port, o.host, () => {
      httpServer.off('error', reject)
      resolve()
    })
  })
  const port = (httpServer.address() as AddressInfo).port
  const url = `ws://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`
  log(`listening on ${url} (health: http://${o.host}:${port}/health)`)

  return {
    url,
    port,
    stats: () => ({ connections: wss.clients.size, topics: topics.size, relayed, rejected }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close(() => httpServer.close(() => resolve()))
        httpServer.closeAllConnections()
      })
  }
}
