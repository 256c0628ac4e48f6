import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, WebSocket, type RawData } from 'ws'
import { readFrame, sealedKey, withClients, type Message } from './frames.ts'
import { AddressCounter, CLOSE, CLOSE_GRACE_MS, addressOf } from './limits.ts'
import { TopicTable } from './relay.ts'
import { ReplayGuard } from './replay.ts'
import type { Relay } from '../relay/server.ts'
import { RELAY_PATH } from '../../shared/relay/protocol.ts'

/**
 * A signaling server speaking y-webrtc's protocol: clients subscribe to topics (hashed room
 * names) and publish to them; the server relays a publish, as received, to every subscriber of its
 * topic. Messages are sealed with the room key by the clients, so this server sees neither content
 * nor keys. Bounded: message size and nesting, topics per connection, connections in all and per
 * address, bytes waiting to be sent per connection, a ping timeout, and replayed sealed payloads.
 */
export interface SignalingOptions {
  host?: string
  port?: number
  maxMessageBytes?: number
  maxTopicsPerConnection?: number
  maxTopicLength?: number
  maxConnections?: number
  /** connections from one IP address; more are refused with close code 1013 */
  maxConnectionsPerAddress?: number
  /** bytes waiting to be sent to one connection; one that falls further behind is closed (1008) */
  maxBufferedBytes?: number
  /** nesting of objects and arrays in a message; deeper ones are dropped unread */
  maxJsonDepth?: number
  /** a connection that has not answered a ping (pong) within this time is cut */
  pingTimeoutMs?: number
  /** how long a relayed sealed payload is remembered, so that a replay of it is dropped */
  replayWindowMs?: number
  replayMaxPerTopic?: number
  replayMaxEntries?: number
  /** the end-to-end-encrypted relay with a mailbox (electron/relay), served on the same port under /relay */
  relay?: Relay
  log?: (line: string) => void
}

export interface SignalingStats {
  connections: number
  topics: number
  relayed: number
  rejected: number
  /** publishes dropped because their sealed payload was already relayed in the topic */
  replays?: number
  /** connections closed because they did not read what was sent to them */
  tooSlow?: number
  /** connections refused: server full or too many from one address */
  refused?: number
  /** bytes waiting to be sent, over all connections */
  buffered?: number
  /** sealed payloads remembered against replays */
  remembered?: number
}

export interface SignalingServer {
  readonly url: string
  readonly port: number
  stats(): SignalingStats
  close(): Promise<void>
}

export const SIGNALING_DEFAULTS = {
  host: '127.0.0.1',
  port: 4444,
  maxMessageBytes: 64 * 1024,
  maxTopicsPerConnection: 256,
  maxTopicLength: 128,
  maxConnections: 1024,
  maxConnectionsPerAddress: 64,
  maxBufferedBytes: 1024 * 1024,
  maxJsonDepth: 8,
  pingTimeoutMs: 30_000,
  replayWindowMs: 10 * 60_000,
  replayMaxPerTopic: 1024,
  replayMaxEntries: 65_536
} as const

interface Peer {
  conn: WebSocket
  label: string
  address: string
  awaitingPong: boolean
}

const PONG = Buffer.from(JSON.stringify({ type: 'pong' }))
const TOO_MANY_TOPICS = Buffer.from(JSON.stringify({ type: 'error', reason: 'too many topics' }))

export async function startSignalingServer(options: SignalingOptions = {}): Promise<SignalingServer> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
  const o = { ...SIGNALING_DEFAULTS, ...given } as typeof SIGNALING_DEFAULTS & SignalingOptions
  const log = options.log ?? ((line: string) => console.log(`[signal] ${line}`))
  const peers = new Set<Peer>()
  const table = new TopicTable<Peer>()
  const perAddress = new AddressCounter(o.maxConnectionsPerAddress)
  const replay = new ReplayGuard({ windowMs: o.replayWindowMs, maxPerTopic: o.replayMaxPerTopic, maxEntries: o.replayMaxEntries })
  const count = { relayed: 0, rejected: 0, replays: 0, tooSlow: 0, refused: 0 }

  const httpServer = http.createServer((req, res) => {
    if (req.url === '/health' || req.url === '/healthz') {
      const relay = options.relay ? { relay: { store: options.relay.store.kind, ...options.relay.stats() } } : {}
      const body = JSON.stringify({ ok: true, connections: peers.size, topics: table.size, relayed: count.relayed, ...relay })
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(body)
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('Tandem signaling server: connect with a WebSocket; GET /health for status.\n')
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxMessageBytes })
  wss.on('error', (err) => log(`server error: ${err.message}`))
  // one port: /relay (and below) goes to the relay when there is one, anything else is signaling
  httpServer.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === RELAY_PATH || path.startsWith(RELAY_PATH + '/')) {
      if (options.relay) options.relay.handleUpgrade(req, socket, head)
      else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  /** Closes with a code and reason the client can read, and cuts it if it does not read them. */
  const closeWith = (conn: WebSocket, code: number, reason: string) => {
    conn.close(code, reason)
    setTimeout(() => conn.terminate(), CLOSE_GRACE_MS).unref()
  }

  /**
   * Sends unless the connection is already too far behind: then it is closed instead, so that what
   * waits for it stays under maxBufferedBytes (or one message, if that is larger).
   */
  const send = (peer: Peer, frame: Buffer) => {
    const { conn } = peer
    if (conn.readyState !== WebSocket.OPEN) return
    if (conn.bufferedAmount > 0 && conn.bufferedAmount + frame.length > o.maxBufferedBytes) {
      count.tooSlow++
      log(`closing ${peer.label}: too slow, ${conn.bufferedAmount} bytes still waiting`)
      table.leaveAll(peer)
      closeWith(conn, CLOSE.tooSlow, `too slow: more than ${o.maxBufferedBytes} bytes waiting`)
      return
    }
    conn.send(frame, { binary: false })
  }

  const subscribe = (peer: Peer, wanted: unknown[]) => {
    for (const topic of wanted) {
      if (typeof topic !== 'string' || topic.length === 0 || topic.length > o.maxTopicLength) continue
      if (!table.has(peer, topic) && table.topicsOf(peer) >= o.maxTopicsPerConnection) {
        count.rejected++
        log(`${peer.label} hit the limit of ${o.maxTopicsPerConnection} topics`)
        send(peer, TOO_MANY_TOPICS)
        return
      }
      table.subscribe(peer, topic)
    }
  }

  const publish = (message: Message, text: string): boolean => {
    const { topic, data } = message
    if (typeof topic !== 'string' || topic.length === 0 || topic.length > o.maxTopicLength) return false
    // a string is a sealed message: check it is one (else every peer's decoder throws) and name it
    const key = typeof data === 'string' ? sealedKey(topic, data) : null
    if (typeof data === 'string' && key === null) return false
    const receivers = table.subscribers(topic)
    if (receivers.length === 0) return true
    if (key !== null && replay.seen(topic, key)) {
      count.replays++
      return true
    }
    const frame = Buffer.from(withClients(text, receivers.length))
    for (const receiver of receivers) send(receiver, frame)
    count.relayed++
    return true
  }

  /** Acts on one frame; false when it is malformed (it is then dropped: only its sender lost it). */
  const handle = (peer: Peer, data: RawData, isBinary: boolean): boolean => {
    const read = readFrame(data, isBinary, o.maxJsonDepth)
    if (!read.ok) return false
    const { message, text } = read
    switch (message.type) {
      case 'subscribe':
        if (!Array.isArray(message.topics)) return false
        subscribe(peer, message.topics)
        return true
      case 'unsubscribe':
        if (!Array.isArray(message.topics)) return false
        for (const topic of message.topics as unknown[]) if (typeof topic === 'string') table.unsubscribe(peer, topic)
        return true
      case 'publish':
        return publish(message, text)
      case 'ping':
        send(peer, PONG)
        return true
      default:
        return false
    }
  }

  wss.on('connection', (conn, req) => {
    const address = addressOf(req.socket.remoteAddress)
    const label = `${address}:${req.socket.remotePort ?? '?'}`
    conn.on('error', (err) => {
      count.rejected++
      log(`connection ${label} error: ${err.message}`)
    })
    const refusal =
      peers.size >= o.maxConnections
        ? ['server full', `${o.maxConnections} connections already`]
        : !perAddress.acquire(address)
          ? ['too many connections from this address', `${o.maxConnectionsPerAddress} connections from ${address} already`]
          : null
    if (refusal) {
      count.refused++
      log(`refused ${label}: ${refusal[1]}`)
      closeWith(conn, CLOSE.full, refusal[0]!)
      return
    }
    const peer: Peer = { conn, label, address, awaitingPong: false }
    peers.add(peer)
    // only a pong proves the client is there: other traffic does not, however much of it
    conn.on('pong', () => (peer.awaitingPong = false))
    conn.on('close', () => {
      peers.delete(peer)
      perAddress.release(address)
      table.leaveAll(peer)
    })
    conn.on('message', (data, isBinary) => {
      try {
        if (!handle(peer, data, isBinary)) count.rejected++
      } catch (err) {
        count.rejected++
        log(`a message from ${label} failed: ${(err as Error).message}`)
      }
    })
  })

  const pinger = setInterval(() => {
    for (const peer of peers) {
      if (peer.awaitingPong) {
        log(`closing ${peer.label}: no pong within ${o.pingTimeoutMs} ms`)
        peer.conn.terminate()
        continue
      }
      peer.awaitingPong = true
      peer.conn.ping()
    }
  }, o.pingTimeoutMs)
  pinger.unref()

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject)
      httpServer.listen(o.port, o.host, () => {
        httpServer.off('error', reject)
        resolve()
      })
    })
  } catch (err) {
    clearInterval(pinger)
    throw err
  }
  const port = (httpServer.address() as AddressInfo).port
  const url = `ws://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`
  log(`listening on ${url} (health: http://${o.host}:${port}/health)`)

  return {
    url,
    port,
    stats: () => {
      let buffered = 0
      for (const peer of peers) buffered += peer.conn.bufferedAmount
      return { connections: peers.size, topics: table.size, ...count, buffered, remembered: replay.size }
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(pinger)
        for (const client of wss.clients) client.terminate()
        const relayClosed = options.relay ? options.relay.close() : Promise.resolve()
        wss.close(() => httpServer.close(() => void relayClosed.then(() => resolve(), () => resolve())))
        httpServer.closeAllConnections()
      })
  }
}
