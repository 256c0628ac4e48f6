/**
 * Everything random in a fuzz run comes from its seed, so a failing seed replays exactly.
 *
 * - `Rng`: mulberry32, for the choice of operations and the network's behaviour.
 * - The stores draw ids (`newId`, @noble/hashes `randomBytes`) and Yjs draws client ids (the
 *   throwaway client of an anonymous write: lib0 `random.uint32`) from `crypto.getRandomValues`.
 *   `installSeededCrypto` puts a delegating function on `globalThis.crypto`: while a run is active
 *   it answers from that run's own generator, otherwise from the real one. lib0 binds the function
 *   when it is first imported, so this module must be imported before yjs (the first import of
 *   the entry points); `checkSeededCrypto` proves it worked before a run starts.
 * - `Date.now` (castAt, createdAt, the age of an empty group) is the run's simulated clock, each
 *   peer with its own skew: see `Clock`.
 */

/** mulberry32: a tiny, fast, well-mixed 32-bit generator. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Rng {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  float(): number {
    return this.next()
  }

  /** an integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /** a key of `weights`, drawn in proportion to its weight */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][]
    const total = entries.reduce((s, [, w]) => s + w, 0)
    let x = this.next() * total
    for (const [k, w] of entries) {
      if (x < w) return k
      x -= w
    }
    return entries[entries.length - 1]![0]
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[out[i], out[j]] = [out[j]!, out[i]!]
    }
    return out
  }
}

type GetRandomValues = <T extends ArrayBufferView | null>(array: T) => T

const STATE = Symbol.for('tandem.fuzz.seededCrypto')
interface SeededState {
  real: GetRandomValues
  source: (() => number) | null
}
const holder = globalThis as unknown as Record<symbol, SeededState | undefined>

/** Idempotent; see the module comment. */
export function installSeededCrypto(): void {
  if (holder[STATE]) return
  const crypto = globalThis.crypto
  const real = crypto.getRandomValues.bind(crypto) as GetRandomValues
  const state: SeededState = { real, source: null }
  holder[STATE] = state
  const seeded: GetRandomValues = (array) => {
    const source = state.source
    if (!source || array === null) return state.real(array)
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(source() * 256)
    return array
  }
  Object.defineProperty(crypto, 'getRandomValues', { value: seeded, writable: true, configurable: true, enumerable: true })
}

/** From now on ids and client ids come from `seed` (null: the real generator again). */
export function seedCrypto(seed: number | null): void {
  const state = holder[STATE]
  if (!state) throw new Error('installSeededCrypto() first')
  state.source = seed === null ? null : mulberry32(seed ^ 0x5eed1d5)
}

/**
 * The run's clock: a shared "real" time that only moves forward, and each peer reading it with its
 * own skew (peers' clocks disagree, as they do). `Date.now` is replaced while a run is active.
 */
export class Clock {
  now: number
  /** whose clock `Date.now` reads; null: the true time */
  reader: number | null = null
  private original: (() => number) | null = null

  constructor(
    start: number,
    private readonly skews: readonly number[]
  ) {
    this.now = start
  }

  advance(ms: number): void {
    this.now += ms
  }

  read(): number {
    return this.now + (this.reader === null ? 0 : this.skews[this.reader]!)
  }

  /** runs `f` with `Date.now` reading peer `peer`'s clock */
  async as<T>(peer: number, f: () => T | Promise<T>): Promise<T> {
    const before = this.reader
    this.reader = peer
    try {
      return await f()
    } finally {
      this.reader = before
    }
  }

  install(): void {
    if (this.original) return
    this.original = Date.now
    Date.now = () => this.read()
  }

  uninstall(): void {
    if (!this.original) return
    Date.now = this.original
    this.original = null
  }
}

// before anything imports yjs (lib0 binds `getRandomValues` when it loads): see the module comment
installSeededCrypto()
