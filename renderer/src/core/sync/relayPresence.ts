import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { applyAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness'
import type { ReplayFilter, RoomKeys } from '@shared/relay/crypto.ts'
import { b64, decodePresenceItems, type ClientFrame, type PresenceLane } from '@shared/relay/protocol.ts'

/**
 * Presence through the relay at scale (issue 13 #4), the client's half (the relay's:
 * electron/relay/presence.ts). This device's awareness state goes out in two lanes:
 *  - base: the state without the fast fields (who, which screen, what they type), when it changes
 *    and as a renewal every 10 s (at most once per `baseEveryMs`), marked hot while `isHot` says
 *    so (typing), so that a big room's watchers get it first;
 *  - motion: only the fast fields (`motionFields`: pointers), at most once per `motionEveryMs`; the
 *    relay sends them only to connections that watch motion — this device does while `wantsMotion`
 *    of its own state says its screen shows them (a board with pointers).
 * From the relay come at most a few presence items per room tick and the room's count (`here`):
 * base ones are applied as awareness updates, motion fields are merged into the state they
 * belong to, and a connection gone (left or expired on the relay) takes its states with it.
 */
export interface PresenceOptions {
  motionFields?: string[]
  isHot?: (state: Record<string, unknown>) => boolean
  wantsMotion?: (own: Record<string, unknown> | null) => boolean
  onHere?: (n: number) => void
  baseEveryMs?: number
  motionEveryMs?: number
}

const RENEW_MS = 10_000
const MAX_PRESENCE = 8192

type State = Record<string, unknown>

export class RelayPresence {
  private readonly motionFields: string[]
  /** what went out last, per lane: JSON of the state sent, and when */
  private sent: Record<PresenceLane, { key: string | null; at: number }> = { b: { key: null, at: 0 }, m: { key: null, at: 0 } }
  private timers: Record<PresenceLane, ReturnType<typeof setTimeout> | null> = { b: null, m: null }
  private watchingMotion: boolean | null = null
  /** a relay connection's awareness client ids, and the motion fields last heard per client id */
  private idsOf = new Map<string, Set<number>>()
  private motionOf = new Map<number, State>()
  here = 0

  constructor(
    private readonly awareness: Awareness,
    private readonly o: PresenceOptions,
    private readonly io: {
      keys: () => RoomKeys | null
      live: () => boolean
      send: (frame: ClientFrame) => boolean
      enqueue: (task: () => Promise<void>) => void
      replays: ReplayFilter
      origin: unknown
      trouble: (what: string) => void
    }
  ) {
    this.motionFields = o.motionFields ?? []
  }

  private own(): State | null {
    return (this.awareness.getLocalState() as State | null) ?? null
  }

  private split(state: State | null): { base: State | null; motion: State | null } {
    if (state === null) return { base: null, motion: null }
    const base: State = {}
    const motion: State = {}
    let anyMotion = false
    for (const [k, v] of Object.entries(state)) {
      if (this.motionFields.includes(k)) {
        motion[k] = v
        if (v !== null && v !== undefined) anyMotion = true
      } else base[k] = v
    }
    return { base, motion: anyMotion ? motion : null }
  }

  /** A new connection is caught up: everything goes out again, and what it watches. */
  connected(): void {
    this.sent = { b: { key: null, at: 0 }, m: { key: null, at: 0 } }
    this.watchingMotion = null
    this.changed()
  }

  /**
   * The connection dropped. The states it brought stay until awareness lets them time out (30 s)
   * or the next connection says they are gone: the same people may be here over WebRTC too.
   */
  disconnected(): void {
    this.idsOf.clear()
    this.motionOf.clear()
    if (this.here !== 0) {
      this.here = 0
      this.o.onHere?.(0)
    }
  }

  /** This device's presence changed (or was renewed). */
  changed(): void {
    if (!this.io.live()) return
    const own = this.own()
    const wants = this.o.wantsMotion?.(own) ?? false
    if (wants !== this.watchingMotion && this.io.send({ t: 'watch', motion: wants })) this.watchingMotion = wants
    const { base, motion } = this.split(own)
    const now = Date.now()
    const baseKey = JSON.stringify(base)
    if (baseKey !== this.sent.b.key || now - this.sent.b.at >= RENEW_MS) this.schedule('b', this.o.baseEveryMs ?? 1000)
    const motionKey = JSON.stringify(motion)
    if (motionKey !== (this.sent.m.key ?? 'null')) this.schedule('m', this.o.motionEveryMs ?? 200)
  }

  private schedule(lane: PresenceLane, every: number): void {
    if (this.timers[lane] !== null) return
    const wait = Math.max(0, this.sent[lane].at + every - Date.now())
    this.timers[lane] = setTimeout(() => {
      this.timers[lane] = null
      this.io.enqueue(() => this.sendLane(lane))
    }, wait)
  }

  private async sendLane(lane: PresenceLane): Promise<void> {
    const keys = this.io.keys()
    if (!keys || !this.io.live()) return
    const own = this.own()
    const { base, motion } = this.split(own)
    const me = this.awareness.clientID
    let plain: Uint8Array
    if (lane === 'b') {
      // an awareness update of our client id (y-protocols' layout) holding the base state only
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, me)
      encoding.writeVarUint(e, this.awareness.meta.get(me)?.clock ?? 0)
      encoding.writeVarString(e, JSON.stringify(base))
      plain = encoding.toUint8Array(e)
    } else {
      plain = new TextEncoder().encode(JSON.stringify({ c: me, f: motion ?? Object.fromEntries(this.motionFields.map((k) => [k, null])) }))
    }
    const sealed = b64.encode(await keys.seal(lane === 'b' ? 'awareness' : 'motion', plain))
    if (sealed.length > MAX_PRESENCE) return this.io.trouble('relay: this device’s presence is too big to send')
    const hot = base !== null && (this.o.isHot?.(base) ?? false)
    if (this.io.send({ t: 'aw', data: sealed, lane, hot })) this.sent[lane] = { key: JSON.stringify(lane === 'b' ? base : motion), at: Date.now() }
  }

  /** An `aws` frame from the relay. */
  received(items: string, here: number): void {
    if (here !== this.here) {
      this.here = here
      this.o.onHere?.(here)
    }
    const list = decodePresenceItems(items, MAX_PRESENCE)
    if (list === null) return this.io.trouble('relay: malformed presence items')
    for (const item of list) {
      // in the frame chain, in order: a presence opened (asynchronously) before its gone
      if (item.lane === 'g') {
        this.io.enqueue(async () => {
          const ids = [...(this.idsOf.get(item.from) ?? [])]
          this.idsOf.delete(item.from)
          for (const id of ids) this.motionOf.delete(id)
          if (ids.length) removeAwarenessStates(this.awareness, ids, this.io.origin)
        })
        continue
      }
      this.io.enqueue(async () => {
        const keys = this.io.keys()
        const sealed = b64.decode(item.data)
        if (!keys || !this.io.replays.admit(sealed)) return
        const plain = await keys.open(item.lane === 'b' ? 'awareness' : 'motion', sealed)
        if (!plain) return this.io.trouble('relay: a presence message that does not open with this space’s key')
        if (item.lane === 'b') this.applyBase(item.from, plain)
        else this.applyMotion(plain)
      })
    }
  }

  private applyBase(from: string, plain: Uint8Array): void {
    const ids = clientIdsOf(plain)
    if (ids === null) return this.io.trouble('relay: a malformed presence message')
    const me = this.awareness.clientID
    const known = this.idsOf.get(from) ?? new Set<number>()
    for (const id of ids) if (id !== me) known.add(id)
    this.idsOf.set(from, known)
    applyAwarenessUpdate(this.awareness, plain, this.io.origin)
    for (const id of ids) this.merge(id)
  }

  private applyMotion(plain: Uint8Array): void {
    let m: unknown
    try {
      m = JSON.parse(new TextDecoder().decode(plain))
    } catch {
      return this.io.trouble('relay: a malformed motion message')
    }
    const { c, f } = (m ?? {}) as { c?: unknown; f?: unknown }
    if (typeof c !== 'number' || c === this.awareness.clientID || !f || typeof f !== 'object' || Array.isArray(f)) return
    const fields: State = {}
    for (const k of this.motionFields) if (k in f) fields[k] = (f as State)[k]
    this.motionOf.set(c, fields)
    this.merge(c)
  }

  /** Puts a client's last motion fields into its state (a base update replaces the whole state). */
  private merge(id: number): void {
    const fields = this.motionOf.get(id)
    const state = this.awareness.getStates().get(id) as State | undefined
    if (!fields || !state) return
    if (Object.entries(fields).every(([k, v]) => JSON.stringify(state[k]) === JSON.stringify(v))) return
    this.awareness.states.set(id, { ...state, ...fields })
    this.awareness.emit('change', [{ added: [], updated: [id], removed: [] }, this.io.origin])
  }

  destroy(): void {
    for (const lane of ['b', 'm'] as const) {
      const t = this.timers[lane]
      if (t !== null) clearTimeout(t)
      this.timers[lane] = null
    }
    this.disconnected()
  }
}

/** The client ids an awareness update speaks for; null when it is not one. */
function clientIdsOf(update: Uint8Array): number[] | null {
  try {
    const d = decoding.createDecoder(update)
    const n = decoding.readVarUint(d)
    if (n > 64) return null
    const ids: number[] = []
    for (let i = 0; i < n; i++) {
      ids.push(decoding.readVarUint(d))
      decoding.readVarUint(d)
      decoding.readVarString(d)
    }
    return ids
  } catch {
    return null
  }
}
