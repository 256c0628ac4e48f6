import { Reassembler, splitMessage } from '@shared/sync/chunks.ts'

/**
 * How y-webrtc puts messages on a peer's data channel (patches/y-webrtc+10.3.0.patch calls
 * `wire.send` and `wire.receive`): big messages go in chunks, in order, paced by the channel's
 * buffer; a failed send is reported and the connection dropped, so that y-webrtc connects again
 * and the sync handshake sends whatever did not arrive.
 */

/** The part of a y-webrtc WebrtcConn (and its simple-peer) the wire uses. */
export interface PeerConn {
  remotePeerId: string
  /** the data channel is open (y-webrtc sets it on 'connect', before the sync handshake) */
  connected?: boolean
  closed: boolean
  peer: { send(data: Uint8Array): void; destroy(): void; destroyed?: boolean; bufferSize?: number }
}

export interface Wire {
  send(conn: PeerConn, message: Uint8Array): void
  /** the whole message once its last chunk is here, null while parts are missing or refused */
  receive(conn: PeerConn, data: Uint8Array): Uint8Array | null
}

export interface WireEvents {
  onSendError(peerId: string, error: unknown): void
  onRefused(peerId: string, reason: string): void
}

/** Above this many bytes waiting in the channel, the next chunk waits (Chromium closes at 16 MiB). */
const HIGH_WATER_BYTES = 1024 * 1024
const WAIT_MS = 25
/** a channel that does not drain for this long is treated as failed */
const GIVE_UP_MS = 60_000

interface Outbox {
  frames: Uint8Array[]
  waiting: ReturnType<typeof setTimeout> | null
  stalledSince: number | null
}

export function chunkedWire(events: WireEvents): Wire {
  const outboxes = new WeakMap<PeerConn, Outbox>()
  const inboxes = new WeakMap<PeerConn, Reassembler>()
  let nextId = Math.floor(Math.random() * 0xffffffff)

  const drop = (conn: PeerConn) => {
    try {
      conn.peer.destroy()
    } catch {
      // already gone
    }
  }

  const fail = (conn: PeerConn, box: Outbox, error: unknown) => {
    box.frames = []
    if (box.waiting) clearTimeout(box.waiting)
    box.waiting = null
    events.onSendError(conn.remotePeerId, error)
    drop(conn)
  }

  const pump = (conn: PeerConn, box: Outbox) => {
    box.waiting = null
    while (box.frames.length > 0) {
      if (conn.closed || conn.peer.destroyed) {
        box.frames = []
        return
      }
      if ((conn.peer.bufferSize ?? 0) > HIGH_WATER_BYTES) {
        const now = Date.now()
        box.stalledSince ??= now
        if (now - box.stalledSince > GIVE_UP_MS) return fail(conn, box, new Error('the connection stopped draining'))
        box.waiting = setTimeout(() => pump(conn, box), WAIT_MS)
        return
      }
      box.stalledSince = null
      try {
        conn.peer.send(box.frames.shift()!)
      } catch (error) {
        // y-webrtc broadcasts to connections still being set up too, whose data channel is not
        // open yet: dropping one for that would kill it before it starts. Nothing is lost by
        // letting the message go: once the channel is open, the sync handshake sends the whole
        // state each side lacks and every presence state. (A channel can be open before
        // y-webrtc's 'connect' — the peer's handshake then arrives first — so such a send is
        // tried, never skipped: it carries our answer.)
        if (conn.connected === false) {
          box.frames = []
          return
        }
        return fail(conn, box, error)
      }
    }
  }

  return {
    send(conn, message) {
      let box = outboxes.get(conn)
      if (!box) outboxes.set(conn, (box = { frames: [], waiting: null, stalledSince: null }))
      nextId = (nextId + 1) >>> 0
      box.frames.push(...splitMessage(message, nextId))
      // frames keep their order: a small message never overtakes a big one still being sent
      if (!box.waiting) pump(conn, box)
    },
    receive(conn, data) {
      let inbox = inboxes.get(conn)
      if (!inbox) inboxes.set(conn, (inbox = new Reassembler()))
      const got = inbox.accept(data, Date.now())
      if (got.kind === 'whole') return got.message
      if (got.kind === 'refused') {
        // what was lost in between comes again with the next connection's sync handshake
        events.onRefused(conn.remotePeerId, got.reason)
        drop(conn)
      }
      return null
    }
  }
}
