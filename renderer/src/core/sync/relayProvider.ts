import * as Y from 'yjs'
import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness'
import { nonceOf, ReplayFilter, roomKeys, type RoomKeys } from '@shared/relay/crypto.ts'
import { b64, parseRelayFrame, type ClientFrame, type RelayFrame } from '@shared/relay/protocol.ts'
import { compareSeq, SEQ_ZERO, type Seq } from '@shared/relay/seq.ts'
import { relayEndpoint } from '@shared/relay/urls.ts'

/**
 * A document's second provider (issue 13 #2), next to WebRTC on the same Y.Doc: it syncs through
 * an end-to-end-encrypted relay with a mailbox (electron/relay). Every update and presence message
 * is sealed here with a key derived from the space key (shared/relay/crypto.ts); the relay keeps
 * the sealed updates in order, so a device that comes online alone gets every edit since its
 * cursor, and its own edits made offline wait on the relay for the others.
 *
 * - The cursor (last log position applied) and whether this device has edits the relay may not
 *   have are kept per room and relay list (`CursorStore`: localStorage in the app). A device with
 *   no record but a document with content uploads its whole state once.
 * - Own edits are sent as they happen; each stays "in flight" until the relay hands it back in
 *   log order (its acknowledgement). Edits made while not connected, and those in flight when a
 *   connection drops, are merged into one update and sent after the next catch-up.
 * - When the relay asks (or after `snapshotAfter` updates), the whole document is sealed and
 *   uploaded as a snapshot covering the cursor; the relay then drops the updates it covers.
 * - The URLs are alternatives for one relay service (e.g. processes sharing one Redis): a
 *   connection that fails moves on to the next URL, with back-off (1 s … 30 s).
 * - Presence goes out at most once per `awarenessEveryMs` (the latest state), only this device's.
 */
export interface CursorStore {
  get(key: string): string | null
  set(key: string, value: string): void
}

export type RelayState = 'connecting' | 'catching-up' | 'synced' | 'offline' | 'refused'

export interface RelayProviderOptions {
  urls: string[]
  docId: string
  doc: Y.Doc
  spaceKey: string
  awareness?: Awareness
  /** updates from these origins came from elsewhere (another provider, storage): not sent */
  isRemoteOrigin?: (origin: unknown) => boolean
  cursors?: CursorStore
  WebSocketImpl?: typeof WebSocket
  awarenessEveryMs?: number
  snapshotAfter?: number
  onState?: (state: RelayState, detail?: string) => void
  onTrouble?: (what: string) => void
}

interface Saved {
  cursor: Seq | null
  dirty: boolean
}

const MAX_DATA = 4 * 1024 * 1024
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
  private saved: Saved = { cursor: null, dirty: false }
  private readonly cursors: CursorStore | undefined
  /** local updates not sent yet (offline) and sent but not yet handed back by the relay */
  private pending: Uint8Array[] = []
  private inFlight = new Map<string, Uint8Array>()
  private replays = new ReplayFilter()
  /** frames are opened one at a time, in order */
  private chain: Promise<void> = Promise.resolve()
  private sinceSnapshot = 0
  private lastSnapshotAt = 0
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null
  private lastAwarenessSent = 0
  private syncedWaiters: (() => void)[] = []

  constructor(private readonly o: RelayProviderOptions) {
    this.cursors = o.cursors ?? defaultCursors()
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
    this.storeKeyRoom = `tandem.relay.${this.o.urls.join(' ')}.${this.keys.room}`
    this.saved = this.load()
    // edits of an earlier run never acknowledged, or a device that never synced with this relay
    // and holds something: whatever it holds may be missing there
    this.needFull = this.saved.dirty || (this.saved.cursor === null && this.o.doc.store.clients.size > 0)
    this.connect()
  }

  private storeKeyRoom = ''
  /** send the whole state after the next catch-up */
  private needFull = false

  private load(): Saved {
    try {
      const raw = this.cursors?.get(this.storeKeyRoom)
      if (!raw) return { cursor: null, dirty: false }
      const v = JSON.parse(raw) as Partial<Saved>
      return { cursor: typeof v.cursor === 'string' ? v.cursor : null, dirty: v.dirty === true }
    } catch {
      return { cursor: null, dirty: true }
    }
  }

  private save(): void {
    try {
      this.cursors?.set(this.storeKeyRoom, JSON.stringify(this.saved))
    } catch {
      // storage full: the next start uploads the whole state again, which is safe
    }
  }

  /** resolves once the relay has handed over everything it held for us (now or later) */
  whenSynced(): Promise<void> {
    if (this.state === 'synced') return Promise.resolve()
    return new Promise((resolve) => this.syncedWaiters.push(resolve))
  }

  get cursor(): Seq | null {
    return this.saved.cursor
  }

  /** updates sent and not yet acknowledged, or waiting to be sent */
  get unacknowledged(): number {
    return this.pending.length + this.inFlight.size + this.sealing
  }

  /** updates being sealed, about to be sent */
  private sealing = 0

  private setState(state: RelayState, detail?: string): void {
    this.state = state
    this.o.onState?.(state, detail)
    if (state === 'synced') for (const w of this.syncedWaiters.splice(0)) w()
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
        this.sendFrame({ t: 'join', room: keys.room, verifier: keys.verifier, proof: keys.prove(b64.decode(f.nonce)), since: this.saved.cursor })
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
            this.saved.cursor = f.head
            this.needFull = true
          }
          this.failures = 0
          await this.flush()
          this.setState('synced')
          if (f.entries >= (this.o.snapshotAfter ?? 500)) await this.uploadSnapshot()
        })
        return
      case 'aw':
        this.enqueue(async () => {
          const sealed = b64.decode(f.data)
          if (!this.o.awareness || !this.replays.admit(sealed)) return
          const plain = await keys.open('awareness', sealed)
          if (plain) applyAwarenessUpdate(this.o.awareness, plain, this)
          else this.o.onTrouble?.('relay: a presence message that does not open with this space’s key')
        })
        return
      case 'compact':
        this.enqueue(() => this.uploadSnapshot())
        return
      case 'snapped':
        this.sinceSnapshot = 0
        return
      case 'error':
        this.o.onTrouble?.(`relay: ${f.reason}`)
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
    if (this.saved.cursor === null || compareSeq(position, this.saved.cursor) > 0) this.saved.cursor = position
    if (f.t === 'up') this.sinceSnapshot++
    this.saved.dirty = this.unacknowledged > 0
    this.save()
  }

  /** Sends what waited: edits made offline (merged), or the whole state when we cannot know. */
  private async flush(): Promise<void> {
    let update: Uint8Array | null = null
    if (this.needFull) update = Y.encodeStateAsUpdate(this.o.doc)
    else if (this.pending.length > 0) update = Y.mergeUpdates(this.pending)
    this.needFull = false
    this.pending = []
    if (update) await this.send(update)
    this.saved.dirty = this.unacknowledged > 0
    this.save()
  }

  private async send(update: Uint8Array): Promise<void> {
    const sealed = await this.keys!.seal('update', update)
    const nonce = nonceOf(sealed)!
    if (this.state !== 'synced' && this.state !== 'catching-up') {
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
    if (!this.saved.dirty) {
      this.saved.dirty = true
      this.save()
    }
    if (this.state !== 'synced') {
      this.pending.push(update)
      return
    }
    this.sealing++
    this.enqueue(async () => {
      try {
        await this.send(update)
      } finally {
        this.sealing--
      }
    })
  }

  private async uploadSnapshot(): Promise<void> {
    const cursor = this.saved.cursor
    if (!this.keys || this.state !== 'synced' || cursor === null || compareSeq(cursor, SEQ_ZERO) <= 0) return
    const now = Date.now()
    if (now - this.lastSnapshotAt < 10_000) return
    this.lastSnapshotAt = now
    // the document holds every update up to the cursor (applied in order), so it covers them
    const sealed = await this.keys.seal('snapshot', Y.encodeStateAsUpdate(this.o.doc))
    this.sendFrame({ t: 'snap', covers: cursor, data: b64.encode(sealed) })
  }

  private onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === this || this.destroyed) return
    const me = this.o.doc.clientID
    if (!added.includes(me) && !updated.includes(me) && !removed.includes(me)) return
    if (this.awarenessTimer) return
    const every = this.o.awarenessEveryMs ?? 1000
    const wait = Math.max(0, this.lastAwarenessSent + every - Date.now())
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = null
      this.lastAwarenessSent = Date.now()
      this.enqueue(async () => {
        if (!this.keys || !this.o.awareness || this.state !== 'synced') return
        const sealed = await this.keys.seal('awareness', encodeAwarenessUpdate(this.o.awareness, [me]))
        this.sendFrame({ t: 'aw', data: b64.encode(sealed) })
      })
    }, wait)
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.o.doc.off('update', this.onUpdate)
    this.o.awareness?.off('update', this.onAwareness)
    if (this.retry) clearTimeout(this.retry)
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer)
    // edits not acknowledged: the next start sends the whole state
    if (this.unacknowledged > 0) {
      this.saved.dirty = true
      this.save()
    }
    const ws = this.ws
    this.ws = null
    ws?.close(1000, 'bye')
    this.setState('offline')
  }
}
