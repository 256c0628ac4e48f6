import { describe, expect, it } from 'vitest'
import { timerRemaining } from '@shared/sync/clock.ts'
import { SYNC_UP_DURATION_MS, pauseTimer, resumeTimer, startTimer, timerState } from '@shared/sprint/syncUpTimer.ts'

// Ada's clock is right; Bo's is 3 minutes ahead, Cy's 2 minutes behind
const SKEW = { ada: 0, bo: 180_000, cy: -120_000 }
type Who = keyof typeof SKEW
const clockOf = (who: Who, trueNow: number) => trueNow + SKEW[who]
/** offset of `starter`'s clock as `viewer` measures it: theirs − ours */
const offset = (viewer: Who, starter: Who) => SKEW[starter] - SKEW[viewer]

describe('the sync-up timer across skewed clocks', () => {
  const t0 = 1_780_000_000_000

  it('shows the same time left to everyone, running and paused', () => {
    const timer = startTimer(clockOf('ada', t0), 'ada')
    expect(timer.durationMs).toBe(SYNC_UP_DURATION_MS)
    const now = t0 + 61_000
    for (const viewer of ['ada', 'bo', 'cy'] as const) {
      expect(timerRemaining(timer, clockOf(viewer, now), offset(viewer, 'ada'))).toBe(SYNC_UP_DURATION_MS - 61_000)
      expect(timerState(timer, clockOf(viewer, now), offset(viewer, 'ada'))).toBe('running')
    }
    // Bo pauses at t0 + 2 min; everyone sees 13:00 left, later too
    const paused = pauseTimer(timer, clockOf('bo', t0 + 120_000), offset('bo', 'ada'))
    expect(pauseTimer(paused, clockOf('bo', t0 + 130_000), 0)).toBe(paused)
    for (const viewer of ['ada', 'bo', 'cy'] as const) {
      expect(timerRemaining(paused, clockOf(viewer, t0 + 600_000), offset(viewer, 'ada'))).toBe(13 * 60_000)
      expect(timerState(paused, clockOf(viewer, t0 + 600_000), offset(viewer, 'ada'))).toBe('paused')
    }
    // Cy resumes at t0 + 10 min: the timer is now in Cy's clock, 13:00 left from then
    const resumed = resumeTimer(paused, clockOf('cy', t0 + 600_000), 'cy')
    expect(resumed.startedBy).toBe('cy')
    expect(resumed.pausedAt).toBeUndefined()
    expect(resumeTimer(resumed, 0, 'ada')).toBe(resumed)
    for (const viewer of ['ada', 'bo', 'cy'] as const) {
      expect(timerRemaining(resumed, clockOf(viewer, t0 + 660_000), offset(viewer, 'cy'))).toBe(12 * 60_000)
    }
    expect(timerState(resumed, clockOf('ada', t0 + 600_000 + 13 * 60_000), offset('ada', 'cy'))).toBe('done')
    expect(timerState(null, 0, 0)).toBe('idle')
  })
})
