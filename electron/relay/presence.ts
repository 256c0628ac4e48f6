import { encodePresenceItems, type PresenceItem, type PresenceLane, type RelayFrame } from '../../shared/relay/protocol.ts'

/**
 * Presence at scale (issue 13 #4): what the relay does with the room's sealed presence messages so
 * that 200 people in one room do not flood each other. It cannot read them; it keeps, per room and
 * connection (`from`, of this process or another: Redis), the latest message of each lane — 'b'
 * base (who, where, typing), 'm' motion (pointers) — and:
 *  - forwards at a bounded rate: once per `everyMs` per room at most, each watcher gets one frame
 *    with at most `perTick` items — those changed since it last got them, hot ones (typing) first,
 *    then the oldest change — and the room's count (`here`). So the bytes a client receives per
 *    second are bounded by perTick × the largest message / everyMs, however many people are in
 *    the room; the rest waits for the next tick (only its latest state is ever sent);
 *  - sends motion only to connections that watch it (a screen with pointers);
 *  - lets a presence not renewed within `ttlMs` expire (clients renew theirs every 15 s), and
 *    tells watchers when one is gone (closed connection or expired), so no stale person lingers.
 */
export interface PresenceOptions {
  everyMs: number
  perTick: number
  ttlMs: number
}

interface Held {
  base: string | null
  motion: string | null
  hot: boolean
  at: number
}

/** bits of what a watcher is owed of one connection */
const BASE = 1
const MOTION = 2
const GONE = 4

interface Watcher {
  motion: boolean
  /** connection → what changed since this watcher got it (insertion order: oldest change first) */
  owed: Map<string, number>
  send(frame: RelayFrame): void
  lastHere: number
}

/** A message of the room's presence as the store carries it between processes: lane, hot, data. */
export type PresencePacket = { lane: PresenceLane; hot: boolean; data: string } | { lane: 'g' }

export function encodePacket(p: PresencePacket): string {
  return p.lane === 'g' ? 'g' : `${p.lane}${p.hot ? '1' : '0'}${p.data}`
}

export function decodePacket(text: string): PresencePacket | null {
  const lane = text[0]
  if (lane === 'g') return text.length === 1 ? { lane: 'g' } : null
  if ((lane !== 'b' && lane !== 'm') || (text[1] !== '0' && text[1] !== '1') || text.length < 3) return null
  return { lane, hot: text[1] === '1', data: text.slice(2) }
}

export class RoomPresence {
  private readonly held = new Map<string, Held>()
  private readonly watchers = new Map<string, Watcher>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private lastTick = 0
  /** ticks that sent something (for the tests' bounds and /health) */
  ticks = 0

  constructor(
    private readonly o: PresenceOptions,
    private readonly now: () => number = Date.now
  ) {}

  /** A connection of this process starts watching: it is owed everyone's presence. */
  watch(id: string, send: (frame: RelayFrame) => void, motion: boolean): void {
    const existing = this.watchers.get(id)
    const w: Watcher = existing ?? { motion, owed: new Map(), send, lastHere: -1 }
    const gained = motion && !w.motion
    w.motion = motion
    if (!existing) {
      this.watchers.set(id, w)
      for (const [from, h] of this.held) if (from !== id) w.owed.set(from, (h.base ? BASE : 0) | (motion && h.motion ? MOTION : 0))
    } else if (gained) {
      for (const [from, h] of this.held) if (from !== id && h.motion) w.owed.set(from, (w.owed.get(from) ?? 0) | MOTION)
    }
    this.schedule()
  }

  unwatch(id: string): void {
    this.watchers.delete(id)
  }

  get watching(): number {
    return this.watchers.size
  }

  /** how many connections of the room have a presence */
  get here(): number {
    let n = 0
    for (const h of this.held.values()) if (h.base) n++
    return n
  }

  /** A presence message of the room (from any process). */
  publish(from: string, p: PresencePacket): void {
    if (p.lane === 'g') return this.gone(from)
    const h = this.held.get(from) ?? { base: null, motion: null, hot: false, at: 0 }
    h.at = this.now()
    if (p.lane === 'b') {
      h.base = p.data
      h.hot = p.hot
    } else h.motion = p.data
    this.held.set(from, h)
    const bit = p.lane === 'b' ? BASE : MOTION
    for (const [id, w] of this.watchers) {
      if (id === from || (bit === MOTION && !w.motion)) continue
      w.owed.set(from, ((w.owed.get(from) ?? 0) & ~GONE) | bit)
    }
    this.schedule()
  }

  private gone(from: string): void {
    if (!this.held.delete(from)) return
    for (const [id, w] of this.watchers) if (id !== from) w.owed.set(from, GONE)
    this.schedule()
  }

  private schedule(): void {
    if (this.timer !== null) return
    const wait = Math.max(0, this.lastTick + this.o.everyMs - this.now())
    this.timer = setTimeout(() => this.tick(), wait)
    this.timer.unref?.()
  }

  /** One round: expire, then each watcher gets what it is owed, at most perTick items. */
  tick(): void {
    this.timer = null
    this.lastTick = this.now()
    const stale = this.lastTick - this.o.ttlMs
    for (const [from, h] of this.held) if (h.at < stale) this.gone(from)
    const here = this.here
    let sent = false
    let more = false
    for (const w of this.watchers.values()) {
      const items: PresenceItem[] = []
      const take = (hotOnly: boolean) => {
        for (const [from, bits] of w.owed) {
          if (items.length >= this.o.perTick) return
          const h = this.held.get(from)
          if (hotOnly && !h?.hot) continue
          const gone = !h || (bits & GONE) !== 0
          const base = !gone && (bits & BASE) !== 0 && h.base !== null
          const motion = !gone && (bits & MOTION) !== 0 && h.motion !== null && w.motion
          const n = gone ? 1 : Number(base) + Number(motion)
          if (items.length > 0 && items.length + n > this.o.perTick) return
          w.owed.delete(from)
          if (gone) items.push({ from, lane: 'g', data: '' })
          if (base) items.push({ from, lane: 'b', data: h.base! })
          if (motion) items.push({ from, lane: 'm', data: h.motion! })
        }
      }
      take(true)
      take(false)
      if (w.owed.size > 0) more = true
      if (items.length === 0 && w.lastHere === here) continue
      w.lastHere = here
      w.send({ t: 'aws', items: encodePresenceItems(items), here })
      sent = true
    }
    if (sent) this.ticks++
    // what did not fit goes in the next round
    if (more) this.schedule()
    this.sweepLater()
  }

  private sweepTimer: ReturnType<typeof setTimeout> | null = null

  /** while presences are held, a round now and then expires those not renewed */
  private sweepLater(): void {
    if (this.sweepTimer !== null || this.held.size === 0) return
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = null
      if (this.timer === null) this.tick()
      else this.sweepLater()
    }, Math.max(this.o.everyMs, this.o.ttlMs / 3))
    this.sweepTimer.unref?.()
  }

  /** whether the room's presence holds nothing and nobody watches it */
  get idle(): boolean {
    return this.watchers.size === 0
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    if (this.sweepTimer !== null) clearTimeout(this.sweepTimer)
    this.timer = null
    this.sweepTimer = null
  }
}
