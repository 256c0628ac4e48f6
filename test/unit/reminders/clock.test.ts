import { describe, expect, it } from 'vitest'
import { MAX_TIMER_MS, systemClock, type TimerPrimitives } from '../../../electron/main/reminders/clock.ts'

/** Timer primitives on a hand-moved clock: what systemClock asks of the platform, recorded. */
function primitives(start = 0) {
  let now = start
  let seq = 0
  const timers = new Map<number, { at: number; callback: () => void }>()
  const delays: number[] = []
  const p: TimerPrimitives = {
    now: () => now,
    setTimeout: (callback, ms) => {
      delays.push(ms)
      const id = seq++
      timers.set(id, { at: now + ms, callback })
      return id
    },
    clearTimeout: (id) => void timers.delete(id as number)
  }
  /** lets time pass, running due timers in order */
  const pass = (ms: number) => {
    const end = now + ms
    for (;;) {
      const [id, next] = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? []
      if (id === undefined || !next || next.at > end) break
      timers.delete(id)
      now = next.at
      next.callback()
    }
    now = end
  }
  return { p, pass, delays, timers, setNow: (t: number) => void (now = t) }
}

describe('systemClock', () => {
  it('waits longer than the platform limit as a chain of shorter timers', () => {
    const { p, pass, delays } = primitives()
    let fired = 0
    const wait = 60 * 86_400_000 // 60 days: about 2.4 times 2^31-1 ms
    systemClock(p).setTimer(() => fired++, wait)
    pass(wait - 1)
    expect(fired).toBe(0)
    pass(1)
    expect(fired).toBe(1)
    expect(delays.every((d) => d <= MAX_TIMER_MS)).toBe(true)
    expect(delays.length).toBe(3)
    expect(delays.reduce((a, b) => a + b)).toBe(wait)
  })

  it('fires a short timer once, and a cancelled one never', () => {
    const { p, pass } = primitives()
    const clock = systemClock(p)
    let a = 0
    let b = 0
    clock.setTimer(() => a++, 1000)
    const cancel = clock.setTimer(() => b++, 3 * MAX_TIMER_MS)
    pass(MAX_TIMER_MS + 5)
    cancel()
    pass(5 * MAX_TIMER_MS)
    expect([a, b]).toEqual([1, 0])
  })

  it('reads the wall clock at each link of the chain: set forward, it fires on time', () => {
    const { p, pass, setNow } = primitives(0)
    let fired = 0
    systemClock(p).setTimer(() => fired++, 3 * MAX_TIMER_MS)
    pass(MAX_TIMER_MS - 10)
    setNow(3 * MAX_TIMER_MS) // the clock is set forward past the target
    pass(10)
    expect(fired).toBe(1)
  })
})
