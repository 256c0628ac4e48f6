/**
 * Remembers which sealed payloads were relayed in which topic, for a time window, so that a replay
 * of one (by anyone who knows the room name and heard it) is dropped. The server cannot open sealed
 * messages; peers seal each message with a fresh IV, so an identical payload is never legitimate.
 *
 * Bounded in time (`windowMs`) and memory: at most `maxPerTopic` payloads per topic and
 * `maxEntries` in all; past a bound the oldest are forgotten first. Best effort: a flood of
 * distinct payloads into a topic pushes its oldest ones out of memory early.
 */
export interface ReplayOptions {
  windowMs: number
  maxPerTopic: number
  maxEntries: number
  now?: () => number
}

interface Entry {
  topic: string
  expiresAt: number
}

export class ReplayGuard {
  /** key → entry, in insertion order, which is also expiry order (one window, a monotonic clock) */
  private readonly entries = new Map<string, Entry>()
  /** topic → its keys, oldest first */
  private readonly byTopic = new Map<string, Set<string>>()
  private readonly now: () => number

  constructor(private readonly options: ReplayOptions) {
    this.now = options.now ?? (() => performance.now())
  }

  get size(): number {
    return this.entries.size
  }

  /**
   * True if `key` (a payload, already bound to its topic) was relayed within the window: drop it.
   * Otherwise remembers it and returns false.
   */
  seen(topic: string, key: string): boolean {
    const now = this.now()
    this.expire(now)
    if (this.entries.has(key)) return true
    const { windowMs, maxPerTopic, maxEntries } = this.options
    if (windowMs <= 0 || maxPerTopic <= 0 || maxEntries <= 0) return false
    const held = this.byTopic.get(topic)
    if (held && held.size >= maxPerTopic) this.forget(held.values().next().value!)
    if (this.entries.size >= maxEntries) this.forget(this.entries.keys().next().value!)
    let keys = this.byTopic.get(topic)
    if (!keys) this.byTopic.set(topic, (keys = new Set()))
    keys.add(key)
    this.entries.set(key, { topic, expiresAt: now + windowMs })
    return false
  }

  private expire(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) return
      this.forget(key)
    }
  }

  private forget(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    const keys = this.byTopic.get(entry.topic)
    keys?.delete(key)
    if (keys && keys.size === 0) this.byTopic.delete(entry.topic)
  }
}
