import * as Y from 'yjs'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import type { Awareness } from 'y-protocols/awareness'
import { nonceOf, ReplayFilter, roomKeys, type RoomKeys } from '@shared/relay/crypto.ts'
import { b64, parseRelayFrame, type ClientFrame, type RelayFrame } from '@shared/relay/protocol.ts'
import { compareSeq, SEQ_ZERO, type Seq } from '@shared/relay/seq.ts'
import { relayEndpoint } from '@shared/relay/urls.ts'
import { RelayPresence, type PresenceOptions } from './relayPresence.ts'

/**
 * A document's second provider (issue 13 #2), next to WebRTC on the same Y.Doc: it syncs through
 * an end-to-end-encrypted relay with a mailbox (electron/relay). Every update and presence message
 * is sealed here with a key derived from the space key (shared/relay/crypto.ts); the relay keeps
 * the sealed updates in order, so a device that comes online alone gets every edit since its
 * cursor, and its own edits made offline wait on the relay for the others.
 *
 * - The cursor (last log position applied, stored once the document holding it is stored) and
 *   the document's state vector and delete set when the relay last had everything are kept per
 *   room and relay list (`CursorStore`: localStorage in the app). After each catch-up, whatever
 *   the document has beyond them is sent as one update (nothing when it has nothing new); a
 *   device with no record sends its whole state.
 * - Own edits are sent as they happen; each stays "in flight" until the relay hands it back in
 *   log order (its acknowledgement). Edits made while not connected, and those in flight when a
 *   connection drops, are merged into one update and sent after the next catch-up.
 * - When the relay asks (one client of a room at a time, once the room holds many updates), the
 *   whole document is sealed and
 *   uploaded as a snapshot covering the cursor; the relay then drops the updates it covers.
 * - The URLs are alternatives for one relay service (e.g. processes sharing one Redis): a
 *   connection that fails moves on to the next URL, with back-off (1 s … 30 s).
 * - Presence (only this device's) goes out in two lanes, base and motion, each throttled, and
 *   comes back a few items per relay tick with the room's count (relayPresence.ts, issue 13 #4).
 */
export interface CursorStore {
  get(key: string): string | null
  set(key: string, value: string): void
}

/** `sending`: caught up, and own edits are on their way (not yet acknowledged) */
export type RelayState = 'connecting' | 'catching-up' | 'synced' | 'sending' | 'offline' | 'refused'

export interface RelayProviderOptions {
  urls: string[]
  docId: string
  doc: Y.Doc
  spaceKey: string
  awareness?: Awareness
  /** updates from these origins came from elsewhere (another provider, storage): not sent */
  isRemoteOrigin?: (origin: unknown) => boolean
  cursors?: CursorStore
  /**
   * Resolves once what was applied to the document so far is in durable storage (y-dexie): the
   * cursor is stored only then, so that a crash or a closed app never leaves a stored cursor past
   * updates the stored document lacks (they would never be fetched again).
   */
  whenStored?: () => Promise<void>
  WebSocketImpl?: typeof WebSocket
  /** base presence goes out at most once per this many ms (default 1000) */
  awarenessEveryMs?: number
  /** what of the presence is fast (motion) and hot, and what this screen watches (relayPresence.ts) */
  presence?: Omit<PresenceOptions, 'baseEveryMs'>
  /** the cursor is stored at most once per this many ms (default 1000) */
  cursorEveryMs?: number
  /** at most one snapshot per this many ms (default 10 s) */
  snapshotEveryMs?: number
  onState?: (state: RelayState, detail?: string) => void
  onTrouble?: (what: string) => void
}

interface Saved {
  cursor: Seq | null
  /**
   * What the relay held of this document when everything was acknowledged: the state vector
   * (base64url) and a hash of the delete set. Whatever the document has beyond them (edits made
   * while no provider ran: offline, before the relay was named, a crash before an acknowledgement)
   * is sent after the next catch-up.
   */
  sv: string | null
  ds: string | null
}

const MAX_DATA = 4 * 1024 * 1024
/** what the relay holds of the document is recorded at most this often (and at the end) */
const ALL_EVERY_MS = 10_000
const BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000]
const REFUSED_RETRY_MS = 5 * 60_000

function defaultCursors(): CursorStore | undefined {
  const ls = (globalThis as { localStorage?: Storage }).localStorage
  if (!ls) return undefined
  return { get: (k) => ls.getItem(k), set: (k, v) => ls.setItem(k, v) }
}

export class RelayProvider {
  state: RelayState = 'connecting'
  private keys: RoomKeys | null = null
  private ws: WebSocket | null = null
  private urlIndex = 0
  private failures = 0
  private retry: ReturnType<typeof setTimeout> | null = null
  private destroyed = false
  private saved: Saved = { cursor: null, sv: null, ds: null }
  private readonly cursors: CursorStore | undefined
  /** local updates not sent yet (offline) and sent but not yet handed back by the relay */
  private pending: Uint8Array[] = []
  private inFlight = new Map<string, Uint8Array>()
  private replays = new ReplayFilter()
  /** frames are opened one at a time, in order */
  private chain: Promise<void> = Promise.resolve()
  /** own updates in flight when the last snapshot was sealed (it holds them) */
  private coveredBySnapshot: string[] = []
  private lastSnapshotAt = 0
  private readonly presence: RelayPresence | null
  private syncedWaiters: (() => void)[] = []

  constructor(private readonly o: RelayProviderOptions) {
    this.cursors = o.cursors ?? defaultCursors()
    this.presence = o.awareness
      ? new RelayPresence(
          o.awareness,
          { ...o.presence, baseEveryMs: o.awarenessEveryMs },
          {
            keys: () => this.keys,
            live: () => this.live && this.ws !== null,
            send: (frame) => this.sendFrame(frame),
            enqueue: (task) => this.enqueue(task),
            replays: this.replays,
            origin: this,
            trouble: (what) => this.o.onTrouble?.(what)
          }
        )
      : null
    o.doc.on('update', this.onUpdate)
    o.awareness?.on('update', this.onAwareness)
    void this.start()
  }

  private async start(): Promise<void> {
    try {
      this.keys = await roomKeys(this.o.docId, this.o.spaceKey)
    } catch (err) {
      this.setState('offline', `cannot derive the relay keys: ${(err as Error).message}`)
      return
    }
    if (this.destroyed) return
    this.connect()
  }

  /**
   * The cursor is kept per relay log (issue 13: a position means something in its own log only):
   * the relay names its log in its challenge (processes sharing one Redis name the same log, and a
   * relay that lost its data names a new one); one that does not is keyed by its URL. So moving
   * between a space's relays, or naming another, neither skips updates (another relay's
   * position) nor fetches again what this relay already handed over.
   */
  private storeKey = ''
  private readonly logs = new Map<string, { saved: Saved; applied: Seq | null }>()

  private useLog(key: string): void {
    if (key === this.storeKey) return
    if (this.storeKey) this.logs.set(this.storeKey, { saved: this.saved, applied: this.applied })
    this.storeKey = key
    const held = this.logs.get(key)
    this.saved = held?.saved ?? this.load(key)
    this.applied = held?.applied ?? this.saved.cursor
  }

  private load(key: string): Saved {
    try {
      // before cursors were kept per log, one was kept per list of URLs: with one URL, it is that relay's
      const legacy = this.o.urls.length === 1 ? `tandem.relay.${this.o.urls[0]}.${this.keys!.room}` : null
      const raw = this.cursors?.get(key) ?? (legacy ? this.cursors?.get(legacy) : null)
      if (!raw) return { cursor: null, sv: null, ds: null }
      const v = JSON.parse(raw) as Partial<Saved>
      const str = (x: unknown) => (typeof x === 'string' ? x : null)
      return { cursor: str(v.cursor), sv: str(v.sv), ds: str(v.ds) }
    } catch {
      return { cursor: null, sv: null, ds: null }
    }
  }

  private save(key = this.storeKey, saved = this.saved): void {
    if (!key) return
    try {
      this.cursors?.set(key, JSON.stringify(saved))
    } catch {
      // storage full: the next start uploads the whole state again, which is safe
    }
  }

  /** resolves once the relay has handed over everything it held for us (now or later) */
  whenSynced(): Promise<void> {
    if (this.live) return Promise.resolve()
    return new Promise((resolve) => this.syncedWaiters.push(resolve))
  }

  /** the last log position applied to the document (the stored cursor may be behind it) */
  get cursor(): Seq | null {
    return this.applied
  }

  private applied: Seq | null = null
  private storingCursor = false
  private cursorTimer: ReturnType<typeof setTimeout> | null = null

  /**
   * Stores the cursor soon: at most once per `cursorEveryMs` (default 1 s), not at every update —
   * reading the document's state vector and delete set costs as much as applying an update. The
   * stored cursor only ever lags behind what the document holds; a start from a lagging one
   * fetches a few updates again, which change nothing.
   */
  private storeCursorSoon(): void {
    if (this.destroyed || this.cursorTimer !== null) return
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null
      void this.storeCursor()
    }, this.o.cursorEveryMs ?? 1000)
  }

  /** when the state vector and delete-set hash were last taken for the stored record */
  private allAt = 0

  /**
   * Stores the applied position as the cursor once the document holding it is stored; and, at
   * most every 10 s and at the end (`last`), what the relay holds of the document. That record may
   * lag: a start from an older one sends the relay a little more than it lacks, never less.
   */
  private async storeCursor(last = false): Promise<void> {
    if (this.storingCursor) return
    this.storingCursor = true
    let target: Seq | null = null
    // this log's: a connection to another relay may come meanwhile
    const key = this.storeKey
    const saved = this.saved
    try {
      target = this.applied
      // everything this document holds is on the relay now (or came from elsewhere: WebRTC peers
      // and other tabs send their own)
      let all: { sv: string; ds: string } | null = null
      if (this.live && this.unacknowledged === 0 && (last || Date.now() - this.allAt >= ALL_EVERY_MS)) {
        this.allAt = Date.now()
        const sv = Y.encodeStateVector(this.o.doc)
        all = { sv: b64.encode(sv), ds: deleteSetHash(this.o.doc, sv) }
      }
      await this.o.whenStored?.()
      saved.cursor = target
      if (all) {
        saved.sv = all.sv
        saved.ds = all.ds
      }
      this.save(key, saved)
    } catch (err) {
      this.o.onTrouble?.(`relay: could not store the cursor: ${(err as Error).message}`)
    } finally {
      this.storingCursor = false
    }
    // what was applied meanwhile, in the next round
    if (this.applied !== target || this.storeKey !== key) this.storeCursorSoon()
  }

  /** updates sent and not yet acknowledged, or waiting to be sent */
  get unacknowledged(): number {
    return this.pending.length + this.inFlight.size + this.sealing
  }

  /** updates being sealed, about to be sent */
  private sealing = 0

  /** caught up with the relay: own edits go out as they are made */
  private get live(): boolean {
    return this.state === 'synced' || this.state === 'sending'
  }

  private setState(state: RelayState, detail?: string): void {
    if (state === this.state && detail === undefined) return
    this.state = state
    this.o.onState?.(state, detail)
    if (this.live) for (const w of this.syncedWaiters.splice(0)) w()
  }

  /** synced or sending, as own edits wait for their acknowledgement */
  private tellSending(): void {
    if (this.live) this.setState(this.unacknowledged > 0 ? 'sending' : 'synced')
  }

  private connect(): void {
    if (this.destroyed || !this.keys) return
    const url = relayEndpoint(this.o.urls[this.urlIndex % this.o.urls.length]!)
    const WS = this.o.WebSocketImpl ?? WebSocket
    let ws: WebSocket
    try {
      ws = new WS(url)
    } catch (err) {
      this.o.onTrouble?.(`relay ${url}: ${(err as Error).message}`)
      this.scheduleRetry()
      return
    }
    this.ws = ws
    this.setState('connecting')
    ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== 'string') return
      const parsed = parseRelayFrame(ev.data, MAX_DATA)
      if (!parsed.ok) {
        this.o.onTrouble?.(`relay: a malformed frame (${parsed.reason})`)
        return
      }
      this.onFrame(ws, parsed.frame)
    }
    ws.onclose = (ev: CloseEvent) => {
      if (this.ws !== ws) return
      this.ws = null
      this.presence?.disconnected()
      // what was in flight may not have been stored: send it again after the next catch-up
      this.pending.unshift(...this.inFlight.values())
      this.inFlight.clear()
      if (this.destroyed) return
      if (ev.code === 4003) {
        this.setState('refused', ev.reason || 'not a member')
        this.retry = setTimeout(() => this.connect(), REFUSED_RETRY_MS)
        return
      }
      this.setState('offline', ev.reason || `closed (${ev.code})`)
      this.urlIndex++
      this.scheduleRetry()
    }
    ws.onerror = () => {}
  }

  private scheduleRetry(): void {
    if (this.destroyed) return
    const base = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)]!
    this.failures++
    this.retry = setTimeout(() => this.connect(), base / 2 + Math.random() * (base / 2))
  }

  private sendFrame(frame: ClientFrame): boolean {
    const ws = this.ws
    if (!ws || ws.readyState !== 1) return false
    ws.send(JSON.stringify(frame))
    return true
  }

  private onFrame(ws: WebSocket, f: RelayFrame): void {
    const keys = this.keys!
    switch (f.t) {
      case 'challenge':
        // in the chain: whatever the last connection handed over is applied (to its log) first
        this.enqueue(async () => {
          if (this.ws !== ws) return
          this.useLog(f.log ? `tandem.relay.log.${f.log}.${keys.room}` : `tandem.relay.url.${ws.url}.${keys.room}`)
          this.sendFrame({ t: 'join', room: keys.room, verifier: keys.verifier, proof: keys.prove(b64.decode(f.nonce)), since: this.applied })
        })
        return
      case 'welcome':
        this.setState('catching-up')
        return
      case 'snap':
      case 'up':
        this.enqueue(async () => {
          if (this.ws !== ws) return
          await this.applyEntry(f)
        })
        return
      case 'synced':
        this.enqueue(async () => {
          if (this.ws !== ws) return
          // the relay lost what it had (or is another one): it gets everything from us again
          if (f.reset) {
            this.applied = f.head
            this.saved.sv = null
            this.saved.ds = null
          }
          this.failures = 0
          await this.flush()
          this.setState('synced')
          this.tellSending()
          this.presence?.connected()
        })
        return
      case 'aws':
        this.presence?.received(f.items, f.here)
        return
      case 'compact':
        this.enqueue(() => this.uploadSnapshot())
        return
      case 'snapped':
        // the snapshot held the whole document: the updates in flight when it was taken are on the
        // relay now, even one it refused (room full) before
        this.enqueue(async () => {
          for (const nonce of this.coveredBySnapshot) this.inFlight.delete(nonce)
          this.coveredBySnapshot = []
          this.tellSending()
          this.storeCursorSoon()
        })
        return
      case 'error':
        this.o.onTrouble?.(`relay: ${f.reason}`)
        // a room full: the relay asks for a snapshot too ('compact'), which then carries the edit
        return
      case 'pong':
        return
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((err: unknown) => this.o.onTrouble?.(`relay: ${(err as Error).message}`))
  }

  private async applyEntry(f: Extract<RelayFrame, { t: 'snap' | 'up' }>): Promise<void> {
    const keys = this.keys!
    const sealed = b64.decode(f.data)
    const position = f.t === 'up' ? f.seq : f.covers
    const nonce = nonceOf(sealed)
    const own = nonce !== null ? this.inFlight.get(nonce) : undefined
    if (own) {
      // our own update, handed back in log order: the relay has it
      this.inFlight.delete(nonce!)
      this.replays.admit(sealed)
    } else {
      if (!this.replays.admit(sealed)) {
        this.o.onTrouble?.('relay: a message seen before was sent again; ignored')
        return
      }
      const plain = await keys.open(f.t === 'up' ? 'update' : 'snapshot', sealed)
      if (!plain) {
        this.o.onTrouble?.('relay: an update that does not open with this space’s key; ignored')
      } else {
        Y.applyUpdate(this.o.doc, plain, this)
      }
    }
    if (this.applied === null || compareSeq(position, this.applied) > 0) this.applied = position
    this.storeCursorSoon()
    if (own) this.tellSending()
  }

  /**
   * Sends what the relay may lack: the document beyond what it had when everything was last
   * acknowledged (edits waiting in this run are part of it), or the whole state when that is not
   * known. Nothing when nothing changed since.
   */
  private async flush(): Promise<void> {
    const doc = this.o.doc
    this.pending = []
    let update: Uint8Array | null = null
    if (this.saved.sv === null) {
      if (doc.store.clients.size > 0) update = Y.encodeStateAsUpdate(doc)
    } else {
      const sv = b64.decode(this.saved.sv)
      if (aheadOf(doc, sv) || deleteSetHash(doc) !== this.saved.ds) update = Y.encodeStateAsUpdate(doc, sv)
    }
    if (update) await this.send(update)
    this.storeCursorSoon()
  }

  private async send(update: Uint8Array): Promise<void> {
    const sealed = await this.keys!.seal('update', update)
    const nonce = nonceOf(sealed)!
    if (!this.live && this.state !== 'catching-up') {
      this.pending.push(update)
      return
    }
    this.inFlight.set(nonce, update)
    if (!this.sendFrame({ t: 'up', data: b64.encode(sealed) })) {
      this.inFlight.delete(nonce)
      this.pending.push(update)
    }
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.destroyed || this.o.isRemoteOrigin?.(origin)) return
    if (!this.live) {
      this.pending.push(update)
      return
    }
    this.sealing++
    this.tellSending()
    this.enqueue(async () => {
      try {
        await this.send(update)
      } finally {
        this.sealing--
      }
    })
  }

  private async uploadSnapshot(): Promise<void> {
    const cursor = this.applied
    if (!this.keys || !this.live || cursor === null || compareSeq(cursor, SEQ_ZERO) <= 0) return
    const now = Date.now()
    if (now - this.lastSnapshotAt < (this.o.snapshotEveryMs ?? 10_000)) return
    this.lastSnapshotAt = now
    // the document holds every update up to the cursor (applied in order), so it covers them
    this.coveredBySnapshot = [...this.inFlight.keys()]
    const sealed = await this.keys.seal('snapshot', Y.encodeStateAsUpdate(this.o.doc))
    this.sendFrame({ t: 'snap', covers: cursor, data: b64.encode(sealed) })
  }

  private onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === this || this.destroyed) return
    const me = this.o.doc.clientID
    if (!added.includes(me) && !updated.includes(me) && !removed.includes(me)) return
    this.presence?.changed()
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.o.doc.off('update', this.onUpdate)
    this.o.awareness?.off('update', this.onAwareness)
    if (this.retry) clearTimeout(this.retry)
    this.presence?.destroy()
    if (this.cursorTimer !== null) clearTimeout(this.cursorTimer)
    this.cursorTimer = null
    // the last round now, with what the relay holds (while still connected)
    if (this.storeKey) void this.storeCursor(true)
    const ws = this.ws
    this.ws = null
    ws?.close(1000, 'bye')
    this.setState('offline')
  }
}

/** Whether the document has structs beyond the state vector `sv`. */
function aheadOf(doc: Y.Doc, sv: Uint8Array): boolean {
  const known = Y.decodeStateVector(sv)
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) if (clock > (known.get(client) ?? 0)) return true
  return false
}

/** A hash of the document's delete set (deletions do not move the state vector). */
function deleteSetHash(doc: Y.Doc, sv = Y.encodeStateVector(doc)): string {
  return bytesToHex(sha256(Y.encodeStateAsUpdate(doc, sv))).slice(0, 32)
}
