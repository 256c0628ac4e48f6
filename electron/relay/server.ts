import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { WebSocketServer, WebSocket, type RawData } from 'ws'
import { checkProof, newChallenge } from '../../shared/relay/crypto.ts'
import { DEFAULT_QUOTA, wantsSnapshot, type LogEntry, type RoomQuota } from '../../shared/relay/mailbox.ts'
import { b64, parseClientFrame, RELAY_CLOSE, type ClientFrame, type RelayErrorCode, type RelayFrame } from '../../shared/relay/protocol.ts'
import { compareSeq, SEQ_ZERO, type Seq } from '../../shared/relay/seq.ts'
import { Bucket } from './limits.ts'
import { AddressCounter, addressOf } from '../signaling/limits.ts'
import type { RelayStore } from './store.ts'
import { decodePacket, encodePacket, RoomPresence } from './presence.ts'

/**
 * The relay (issue 13 #2): end-to-end-encrypted rooms with a mailbox, served on the signaling
 * server's port under /relay. It sees only sealed bytes and room ids; a connection joins a room
 * by signing a fresh challenge with the room's membership key, checked against the verifier the
 * room was created with (shared/relay/crypto.ts); then it gets what it missed since its cursor
 * and every update accepted later, in log order, and may write updates, snapshots and presence.
 */
export interface RelayOptions {
  store: RelayStore
  quota?: Partial<RoomQuota>
  /** base64 characters of one sealed message (and so, about, one frame) */
  maxMessageChars?: number
  /** messages per second per connection, and their burst */
  messagesPerSecond?: number
  messageBurst?: number
  /** bytes per second per connection, and their burst */
  bytesPerSecond?: number
  byteBurst?: number
  /** presence messages per second per connection, both lanes (the rest are dropped, not refused) */
  awarenessPerSecond?: number
  /** base64 characters of one sealed presence message */
  maxPresenceChars?: number
  /** presence goes out to a room's watchers at most once per this many ms… */
  presenceEveryMs?: number
  /** …at most this many items to each (issue 13 #4: bounded bytes per client, whatever the room's size) */
  presencePerTick?: number
  /** a presence not renewed within this time is gone (clients renew theirs every 15 s) */
  presenceTtlMs?: number
  maxConnections?: number
  /** connections from one IP address (one per open document and device: behind a proxy or a NAT of many people, raise it) */
  maxConnectionsPerAddress?: number
  /** bytes waiting to be sent to one connection; one further behind is closed */
  maxBufferedBytes?: number
  /** a room is asked for a snapshot at most once per this many ms (one client at a time) */
  snapshotAskEveryMs?: number
  /** a connection that has not joined a room within this time is closed */
  joinTimeoutMs?: number
  log?: (line: string) => void
}

export const RELAY_DEFAULTS = {
  maxMessageChars: 4 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 400,
  bytesPerSecond: 2 * 1024 * 1024,
  byteBurst: 16 * 1024 * 1024,
  awarenessPerSecond: 8,
  maxPresenceChars: 8192,
  presenceEveryMs: 500,
  presencePerTick: 16,
  presenceTtlMs: 45_000,
  maxConnections: 4096,
  maxConnectionsPerAddress: 1024,
  maxBufferedBytes: 32 * 1024 * 1024,
  joinTimeoutMs: 10_000,
  snapshotAskEveryMs: 10_000
} as const

export interface RelayStats {
  connections: number
  rooms: number
  accepted: number
  refused: number
  rejected: number
  snapshots: number
  /** presence rounds that sent something, over all rooms */
  presenceTicks: number
}

export interface Relay {
  /** hands an HTTP upgrade on the relay's path to the relay */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void
  stats(): RelayStats
  readonly store: RelayStore
  close(): Promise<void>
}

interface Conn {
  id: string
  ws: WebSocket
  challenge: Uint8Array
  room: string | null
  /** catching up: live entries wait here until the catch-up is sent */
  waiting: LogEntry[] | null
  lastSent: Seq
  unsubscribe: (() => void) | null
  messages: Bucket
  bytes: Bucket
  awareness: Bucket
  /** it published a presence (its leaving is told) */
  present: boolean
  busy: Promise<void>
}

export function createRelay(options: RelayOptions): Relay {
  const o = { ...RELAY_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof RELAY_DEFAULTS & RelayOptions
  const quota: RoomQuota = { ...DEFAULT_QUOTA, ...options.quota }
  const store = options.store
  const log = options.log ?? ((line: string) => console.log(`[relay] ${line}`))
  const conns = new Set<Conn>()
  const roomsOpen = new Map<string, number>()
  /** each open room's presence in this process, fed by the store (every process's messages) */
  const presences = new Map<string, { presence: RoomPresence; unsubscribe: Promise<() => void> }>()
  let presenceTicksClosed = 0
  const presenceOf = (room: string): RoomPresence => {
    let held = presences.get(room)
    if (!held) {
      const presence = new RoomPresence({ everyMs: o.presenceEveryMs, perTick: o.presencePerTick, ttlMs: o.presenceTtlMs })
      const unsubscribe = store.subscribe(room, {
        entry: () => {},
        awareness: (data, from) => {
          const packet = decodePacket(data)
          if (packet) presence.publish(from, packet)
        }
      })
      held = { presence, unsubscribe }
      presences.set(room, held)
    }
    return held.presence
  }
  const leavePresence = (c: Conn, room: string) => {
    const held = presences.get(room)
    if (!held) return
    held.presence.unwatch(c.id)
    if (c.present) store.publishAwareness(room, encodePacket({ lane: 'g' }), c.id)
    if (!held.presence.idle) return
    presences.delete(room)
    presenceTicksClosed += held.presence.ticks
    held.presence.close()
    void held.unsubscribe.then((stop) => stop()).catch(() => {})
  }
  const count = { accepted: 0, refused: 0, rejected: 0, snapshots: 0 }
  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxMessageChars + 1024 })
  const perAddress = new AddressCounter(o.maxConnectionsPerAddress)

  /** a frame as UTF-8 bytes, or already encoded (sent as a text frame either way) */
  const send = (c: Conn, frame: RelayFrame | Buffer) => {
    if (c.ws.readyState !== WebSocket.OPEN) return
    if (c.ws.bufferedAmount > o.maxBufferedBytes) {
      log(`closing a connection: too slow, ${c.ws.bufferedAmount} bytes waiting`)
      c.ws.close(1008, 'too slow')
      setTimeout(() => c.ws.terminate(), 2000).unref()
      return
    }
    c.ws.send(Buffer.isBuffer(frame) ? frame : Buffer.from(JSON.stringify(frame)), { binary: false })
  }
  /**
   * An update's frame, serialised once and sent as the same bytes to every connection of the room
   * (the entry object is shared by all of a room's listeners; the sealed data is never touched).
   */
  const upFrames = new WeakMap<LogEntry, Buffer>()
  const upFrame = (entry: LogEntry): Buffer => {
    let bytes = upFrames.get(entry)
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify({ t: 'up', seq: entry.seq, data: entry.data } satisfies RelayFrame))
      upFrames.set(entry, bytes)
    }
    return bytes
  }
  const fail = (c: Conn, code: RelayErrorCode, reason: string) => send(c, { t: 'error', code, reason })
  /** asks one client of a room for a snapshot, at most once per 10 s per room (not every client at once) */
  const lastAsk = new Map<string, number>()
  const askSnapshot = (c: Conn) => {
    const now = Date.now()
    if (c.room === null || now - (lastAsk.get(c.room) ?? -Infinity) < o.snapshotAskEveryMs) return
    lastAsk.set(c.room, now)
    if (lastAsk.size > 100_000) lastAsk.clear()
    send(c, { t: 'compact' })
  }
  const closeWith = (c: Conn, code: number, reason: string) => {
    c.ws.close(code, reason)
    setTimeout(() => c.ws.terminate(), 2000).unref()
  }

  const deliver = (c: Conn, entry: LogEntry) => {
    if (c.waiting) {
      c.waiting.push(entry)
      return
    }
    if (compareSeq(entry.seq, c.lastSent) <= 0) return
    c.lastSent = entry.seq
    send(c, upFrame(entry))
  }

  const join = async (c: Conn, f: Extract<ClientFrame, { t: 'join' }>) => {
    if (c.room !== null) return fail(c, 'bad-frame', 'already in a room')
    const claimed = await store.claim(f.room, f.verifier)
    if (claimed === null) {
      count.refused++
      fail(c, 'busy', 'this relay holds no more rooms')
      return closeWith(c, RELAY_CLOSE.full, 'no room for more rooms')
    }
    if (claimed.verifier !== f.verifier || !checkProof(f.room, c.challenge, claimed.verifier, f.proof)) {
      count.refused++
      fail(c, 'not-member', 'not a member of this room: the proof does not match the room’s key')
      return closeWith(c, RELAY_CLOSE.notMember, 'not a member')
    }
    c.room = f.room
    c.waiting = []
    roomsOpen.set(f.room, (roomsOpen.get(f.room) ?? 0) + 1)
    c.unsubscribe = await store.subscribe(f.room, { entry: (e) => deliver(c, e), awareness: () => {} })
    // closed while joining: its close handler has run already
    if (c.ws.readyState !== WebSocket.OPEN) {
      c.unsubscribe()
      c.unsubscribe = null
      return
    }
    const r = await store.read(f.room, f.since)
    send(c, { t: 'welcome', head: r.head, created: claimed.created })
    c.lastSent = r.reset || f.since === null ? SEQ_ZERO : f.since
    if (r.snapshot) {
      send(c, { t: 'snap', covers: r.snapshot.covers, data: r.snapshot.data })
      c.lastSent = r.snapshot.covers
    }
    for (const e of r.entries) {
      c.lastSent = e.seq
      send(c, { t: 'up', seq: e.seq, data: e.data })
    }
    if (compareSeq(r.head, c.lastSent) > 0) c.lastSent = r.head
    send(c, { t: 'synced', head: r.head, entries: r.count, bytes: r.bytes, reset: r.reset })
    const waiting = c.waiting
    c.waiting = null
    for (const e of waiting) deliver(c, e)
    if (wantsSnapshot(r.bytes, r.count, quota)) askSnapshot(c)
    // presence: the count and base presence of the room from now on (motion once it asks)
    if (c.ws.readyState === WebSocket.OPEN) presenceOf(f.room).watch(c.id, (frame) => send(c, frame), false)
  }

  const handle = async (c: Conn, f: ClientFrame) => {
    if (f.t === 'ping') return send(c, { t: 'pong' })
    if (f.t === 'join') return join(c, f)
    if (c.room === null) return fail(c, 'not-joined', 'join a room first')
    switch (f.t) {
      case 'up': {
        const r = await store.append(c.room, f.data, quota)
        if (!r.ok) {
          fail(c, 'quota', `${r.reason}: upload a snapshot`)
          askSnapshot(c)
          return
        }
        count.accepted++
        if (wantsSnapshot(r.bytes, r.count, quota)) askSnapshot(c)
        return
      }
      case 'snap': {
        const verdict = await store.snapshot(c.room, f.covers, f.data, quota)
        if (verdict === 'accept') {
          count.snapshots++
          send(c, { t: 'snapped', covers: f.covers })
        } else fail(c, 'snapshot', `snapshot not taken: ${verdict}`)
        return
      }
      case 'aw':
        if (f.data.length > o.maxPresenceChars) {
          count.rejected++
          return fail(c, 'bad-frame', `presence longer than ${o.maxPresenceChars} characters`)
        }
        if (!c.awareness.take(1)) return // presence is thinned out, not refused
        c.present = true
        store.publishAwareness(c.room, encodePacket({ lane: f.lane, hot: f.hot, data: f.data }), c.id)
        return
      case 'watch':
        presences.get(c.room)?.presence.watch(c.id, (frame) => send(c, frame), f.motion)
        return
    }
  }

  wss.on('connection', (ws: WebSocket, req: http.IncomingMessage) => {
    const address = addressOf(req.socket.remoteAddress)
    if (conns.size >= o.maxConnections || !perAddress.acquire(address)) {
      count.refused++
      ws.close(RELAY_CLOSE.full, conns.size >= o.maxConnections ? 'relay full' : 'too many connections from this address')
      setTimeout(() => ws.terminate(), 2000).unref()
      return
    }
    const c: Conn = {
      id: randomBytes(9).toString('base64url'),
      ws,
      challenge: newChallenge(),
      room: null,
      waiting: null,
      lastSent: SEQ_ZERO,
      unsubscribe: null,
      messages: new Bucket(o.messagesPerSecond, o.messageBurst),
      bytes: new Bucket(o.bytesPerSecond, o.byteBurst),
      awareness: new Bucket(o.awarenessPerSecond, o.awarenessPerSecond * 4),
      present: false,
      busy: Promise.resolve()
    }
    conns.add(c)
    const joinTimer = setTimeout(() => {
      if (c.room === null) closeWith(c, RELAY_CLOSE.notMember, 'no join')
    }, o.joinTimeoutMs)
    joinTimer.unref()
    ws.on('error', () => {})
    ws.on('close', () => {
      clearTimeout(joinTimer)
      perAddress.release(address)
      conns.delete(c)
      c.unsubscribe?.()
      if (c.room !== null) {
        leavePresence(c, c.room)
        const n = (roomsOpen.get(c.room) ?? 1) - 1
        if (n <= 0) roomsOpen.delete(c.room)
        else roomsOpen.set(c.room, n)
      }
    })
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength
      if (!c.messages.take(1) || !c.bytes.take(size)) {
        count.rejected++
        fail(c, 'rate', 'too many messages: slow down')
        return closeWith(c, RELAY_CLOSE.rate, 'rate limit')
      }
      if (isBinary) {
        count.rejected++
        return fail(c, 'bad-frame', 'text frames only')
      }
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as Buffer).toString('utf8')
      const parsed = parseClientFrame(text, o.maxMessageChars)
      if (!parsed.ok) {
        count.rejected++
        return fail(c, 'bad-frame', parsed.reason)
      }
      // one frame at a time per connection, in order: the store is asynchronous
      c.busy = c.busy
        .then(() => handle(c, parsed.frame))
        .catch((err: unknown) => {
          count.rejected++
          log(`a frame failed: ${(err as Error).message}`)
          // the store failed (Redis away?): the client reconnects, catches up and sends again
          fail(c, 'busy', 'the relay could not store this; try again')
          closeWith(c, 1011, 'store unavailable')
        })
    })
    send(c, { t: 'challenge', nonce: b64.encode(c.challenge), log: store.logId })
  })

  return {
    store,
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
    },
    stats: () => ({
      connections: conns.size,
      rooms: roomsOpen.size,
      ...count,
      presenceTicks: presenceTicksClosed + [...presences.values()].reduce((n, p) => n + p.presence.ticks, 0)
    }),
    async close() {
      for (const p of presences.values()) p.presence.close()
      for (const c of conns) c.ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await store.close()
    }
  }
}
