/**
 * Time for the reminder service, injected so that tests run on a fake clock.
 *
 * `setTimer` never hands the platform a delay above MAX_TIMER_MS: Node and Chromium keep delays
 * in a signed 32-bit integer and fire a longer one at once (with a warning). A longer wait is a
 * chain of shorter timers, each re-reading the wall clock for what is left.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1

export interface Clock {
  /** the wall clock, ms since epoch */
  now(): number
  /** calls `callback` once, `delayMs` from now; returns a function that cancels it */
  setTimer(callback: () => void, delayMs: number): () => void
}

/** What the system clock is made of (the globals by default; a test passes its own). */
export interface TimerPrimitives {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const globalTimers: TimerPrimitives = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

export function systemClock(timers: TimerPrimitives = globalTimers): Clock {
  return {
    now: () => timers.now(),
    setTimer(callback, delayMs) {
      const target = timers.now() + Math.max(0, delayMs)
      let handle: unknown = null
      let cancelled = false
      const arm = () => {
        const left = target - timers.now()
        if (left <= 0) {
          handle = null
          callback()
          return
        }
        handle = timers.setTimeout(arm, Math.min(left, MAX_TIMER_MS))
      }
      handle = timers.setTimeout(arm, Math.min(Math.max(0, delayMs), MAX_TIMER_MS))
      return () => {
        if (cancelled) return
        cancelled = true
        if (handle !== null) timers.clearTimeout(handle)
      }
    }
  }
}
