import { describe, expect, it } from 'vitest'
import { ReplayGuard } from '../../../electron/signaling/replay.ts'

function guard(options: { windowMs?: number; maxPerTopic?: number; maxEntries?: number } = {}) {
  let now = 0
  const g = new ReplayGuard({ windowMs: 1000, maxPerTopic: 100, maxEntries: 1000, ...options, now: () => now })
  return { g, advance: (ms: number) => (now += ms) }
}

describe('ReplayGuard', () => {
  it('reports a key seen within the window, and forgets it after', () => {
    const { g, advance } = guard()
    expect(g.seen('t', 'a')).toBe(false)
    expect(g.seen('t', 'a')).toBe(true)
    advance(999)
    expect(g.seen('t', 'a')).toBe(true)
    expect(g.seen('t', 'b')).toBe(false)
    advance(1)
    expect(g.seen('t', 'a')).toBe(false) // expired, remembered afresh
    expect(g.size).toBe(2)
    advance(1000)
    expect(g.seen('t', 'c')).toBe(false)
    expect(g.size).toBe(1) // a and b expired
  })

  it('keeps at most maxPerTopic keys per topic, forgetting that topic’s oldest', () => {
    const { g } = guard({ maxPerTopic: 3 })
    for (const k of ['a1', 'a2', 'a3', 'a4']) g.seen('a', k)
    g.seen('b', 'b1')
    expect(g.size).toBe(4)
    expect(g.seen('b', 'b1')).toBe(true)
    expect(g.seen('a', 'a4')).toBe(true)
    expect(g.seen('a', 'a1')).toBe(false) // pushed out by a4, now remembered again
  })

  it('keeps at most maxEntries keys in all, forgetting the oldest', () => {
    const { g } = guard({ maxEntries: 5 })
    for (let i = 0; i < 50; i++) g.seen(`t${i % 7}`, `k${i}`)
    expect(g.size).toBe(5)
    expect(g.seen('t3', 'k45')).toBe(true)
    expect(g.seen('t0', 'k0')).toBe(false)
  })

  it('remembers nothing when a bound is zero', () => {
    const { g } = guard({ windowMs: 0 })
    expect(g.seen('t', 'a')).toBe(false)
    expect(g.seen('t', 'a')).toBe(false)
    expect(g.size).toBe(0)
  })
})
