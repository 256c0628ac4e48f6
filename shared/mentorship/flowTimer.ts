import { timerRemaining, type SharedTimer } from '../sync/clock.ts'

/**
 * The step timer a pair shares during the intro and the lesson-plan meeting. Its moments are in
 * the clock of whoever last started or resumed it (`startedBy`); every peer reads them through its
 * measured offset to that clock (shared/sync/clock.ts), so both see the same time left even when
 * their clocks disagree. Every command returns the whole timer, written as one value: two people
 * pressing at once end with one of their timers, never a mix.
 */

export type TimerState = 'idle' | 'running' | 'paused' | 'done'

export function timerState(timer: SharedTimer | null, localNow: number, starterOffset: number): TimerState {
  if (!timer) return 'idle'
  if (timerRemaining(timer, localNow, starterOffset) === 0) return 'done'
  return timer.pausedAt !== undefined ? 'paused' : 'running'
}

export function startTimer(minutes: number, me: string, localNow: number): SharedTimer {
  return { startedAt: localNow, durationMs: minutes * 60_000, startedBy: me }
}

/** Freezes the timer; the pause moment is written in the starter's clock, as the start is. */
export function pauseTimer(timer: SharedTimer, localNow: number, starterOffset: number): SharedTimer {
  if (timer.pausedAt !== undefined) return timer
  return { ...timer, pausedAt: localNow + starterOffset }
}

/** Runs on from where it was paused, now in the clock of the person resuming it. */
export function resumeTimer(timer: SharedTimer, me: string, localNow: number, starterOffset: number): SharedTimer {
  if (timer.pausedAt === undefined) return timer
  const remaining = timerRemaining(timer, localNow, starterOffset)
  return { startedAt: localNow - (timer.durationMs - remaining), durationMs: timer.durationMs, startedBy: me }
}

/** Time used so far, as a fraction 0–1 (for a progress bar). */
export function timerProgress(timer: SharedTimer | null, localNow: number, starterOffset: number): number {
  if (!timer || timer.durationMs <= 0) return 0
  return 1 - timerRemaining(timer, localNow, starterOffset) / timer.durationMs
}
