import { describe, expect, it } from 'vitest'
import { clockOffset, formatCountdown, timerRemaining } from '@shared/sync/clock.ts'

describe('shared timers across skewed clocks', () => {
  const start = 1_800_000_000_000
  const timer = { startedAt: start, durationMs: 15 * 60_000, startedBy: 'ana' }

  it('peers whose clocks differ by minutes see the same remaining time', () => {
    const trueNow = start + 4 * 60_000 // four minutes in, by the starter's clock
    const skews = [0, 3 * 60_000, -7 * 60_000] // each peer's clock minus the starter's
    const remaining = skews.map((skew) => {
      const localNow = trueNow + skew
      const offsetOfStarter = -skew // starter's clock − ours
      return timerRemaining(timer, localNow, offsetOfStarter)
    })
    expect(remaining).toEqual([11 * 60_000, 11 * 60_000, 11 * 60_000])
  })

  it('without the offset a skewed clock would be wrong (the offset matters)', () => {
    expect(timerRemaining(timer, start + 4 * 60_000 + 3 * 60_000, 0)).toBe(8 * 60_000)
  })

  it('never goes below zero and freezes while paused', () => {
    expect(timerRemaining(timer, start + 60 * 60_000, 0)).toBe(0)
    const paused = { ...timer, pausedAt: start + 5 * 60_000 }
    expect(timerRemaining(paused, start + 50 * 60_000, 0)).toBe(10 * 60_000)
  })

  it('the median offset ignores one slow delivery', () => {
    expect(clockOffset([180_000, 180_010, 179_995, 185_000, 180_004])).toBe(180_004)
    expect(clockOffset([])).toBe(0)
    expect(clockOffset([10, 20])).toBe(15)
  })

  it('formats a countdown rounding up', () => {
    expect(formatCountdown(15 * 60_000)).toBe('15:00')
    expect(formatCountdown(59_001)).toBe('1:00')
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(-5)).toBe('0:00')
  })
})
