import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RoomPresence } from '../../../electron/relay/presence.ts'
import { decodePresenceItems, type RelayFrame } from '@shared/relay/protocol.ts'

/**
 * The relay's presence rounds (electron/relay/presence.ts) with many connections and a fake clock:
 * what one watcher receives per second stays under the same bound as the room grows from 10 to
 * 200 people, all of them moving their pointer 5 times a second and renewing their presence.
 */
beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const OPTIONS = { everyMs: 500, perTick: 16, ttlMs: 45_000 }
const STATE = 'A'.repeat(300) // a sealed base presence, base64 (about this size in the app)
const POINTER = 'B'.repeat(120)

function room(n: number) {
  const presence = new RoomPresence(OPTIONS)
  const got = new Map<string, { bytes: number; frames: number; items: number; motion: number; here: number }>()
  for (let i = 0; i < n; i++) {
    const id = `c${i}`
    const g = { bytes: 0, frames: 0, items: 0, motion: 0, here: 0 }
    got.set(id, g)
    presence.watch(
      id,
      (f: RelayFrame) => {
        if (f.t !== 'aws') return
        const items = decodePresenceItems(f.items, 1 << 20)!
        g.frames++
        g.bytes += JSON.stringify(f).length
        g.items += items.length
        g.motion += items.filter((x) => x.lane === 'm').length
        g.here = f.here
      },
      i % 2 === 0 // half show a board (pointers)
    )
  }
  return { presence, got }
}

describe('relay presence rounds', () => {
  it('bytes per watcher per second stay bounded as the room grows from 10 to 200', () => {
    const perSecond: Record<number, number> = {}
    for (const n of [10, 50, 200]) {
      const { presence, got } = room(n)
      const seconds = 20
      for (let ms = 0; ms < seconds * 1000; ms += 200) {
        for (let i = 0; i < n; i++) {
          // a base presence once a second (a renewal or a change), a pointer move every 200 ms
          if (ms % 1000 === 0) presence.publish(`c${i}`, { lane: 'b', hot: false, data: STATE })
          presence.publish(`c${i}`, { lane: 'm', hot: false, data: POINTER })
        }
        vi.advanceTimersByTime(200)
      }
      const worst = Math.max(...[...got.values()].map((g) => g.bytes))
      perSecond[n] = worst / seconds
      for (const [id, g] of got) {
        // at most one frame per 500 ms round, at most 16 items each
        expect(g.frames).toBeLessThanOrEqual((seconds * 1000) / OPTIONS.everyMs + 1)
        expect(g.items).toBeLessThanOrEqual(g.frames * OPTIONS.perTick)
        if (Number(id.slice(1)) % 2 === 1) expect(g.motion).toBe(0)
        expect(g.here).toBe(n)
      }
      presence.close()
    }
    // the bound: two rounds a second of 16 items of at most STATE's size, plus the frame
    const bound = (1000 / OPTIONS.everyMs) * (OPTIONS.perTick * (STATE.length + 16) + 60)
    for (const n of [10, 50, 200]) expect(perSecond[n]).toBeLessThanOrEqual(bound)
    // and it is the bound that holds a big room, not the room's size: forwarding everything to a
    // watcher of 200 would be 200 × (1 base + 5 pointers) messages a second
    expect(perSecond[200]! * 10).toBeLessThan(200 * (STATE.length + 5 * POINTER.length))
  })

  it('hot first: among 200 people, those typing reach a newcomer in its first round', () => {
    const { presence } = room(0)
    for (let i = 0; i < 200; i++) presence.publish(`p${i}`, { lane: 'b', hot: i === 150 || i === 199, data: STATE })
    const frames: string[] = []
    presence.watch('newcomer', (f) => f.t === 'aws' && frames.push(f.items), false)
    vi.advanceTimersByTime(OPTIONS.everyMs)
    const first = decodePresenceItems(frames[0]!, 1 << 20)!
    expect(first).toHaveLength(OPTIONS.perTick)
    expect(first.slice(0, 2).map((i) => i.from)).toEqual(['p150', 'p199'])
    // the rest follow, 16 a round, each once
    vi.advanceTimersByTime(OPTIONS.everyMs * 20)
    const all = frames.flatMap((f) => decodePresenceItems(f, 1 << 20)!.map((i) => i.from))
    expect(new Set(all).size).toBe(200)
    expect(all).toHaveLength(200)
    presence.close()
  })

  it('a presence not renewed expires; leaving is told at once', () => {
    const { presence, got } = room(2)
    presence.publish('x', { lane: 'b', hot: false, data: STATE })
    presence.publish('y', { lane: 'b', hot: false, data: STATE })
    vi.advanceTimersByTime(OPTIONS.everyMs)
    expect(got.get('c0')!.here).toBe(2)
    presence.publish('y', { lane: 'g' })
    vi.advanceTimersByTime(OPTIONS.everyMs)
    expect(got.get('c0')!.here).toBe(1)
    // x says nothing more: gone after the time to live (the sweep runs on its own)
    vi.advanceTimersByTime(OPTIONS.ttlMs + OPTIONS.ttlMs / 3 + OPTIONS.everyMs)
    expect(got.get('c0')!.here).toBe(0)
    presence.close()
  })
})
