import { type SharedTimer, timerRemaining } from '../sync/clock.ts'

/**
 * The daily sync-up's 15-minute timer, one per team and day, shared by every peer. The moments in
 * it are in the clock of whoever last started or resumed it (`startedBy`); each peer reads them
 * through its measured offset to that clock (shared/sync/clock.ts), so peers whose clocks differ
 * by minutes still show the same time left.
 *
 * Every command returns the whole timer: it is stored as one record and written in full, so two
 * people pressing buttons at once end with one of their timers, never a mix of both.
 */
export const SYNC_UP_DURATION_MS = 15 * 60_000

export type TimerState = 'idle' | 'running' | 'paused' | 'done'

export function timerState(timer: SharedTimer | null, localNow: number, starterOffset: number): TimerState {
  if (!timer) return 'idle'
  if (timerRemaining(timer, localNow, starterOffset) === 0) return 'done'
  return timer.pausedAt !== undefined ? 'paused' : 'running'
}

export function startTimer(localNow: number, me: string, durationMs = SYNC_UP_DURATION_MS): SharedTimer {
  return { startedAt: localNow, durationMs, startedBy: me }
}

/** Freezes the timer; the pause moment is written in the starter's clock, as the start is. */
export function pauseTimer(timer: SharedTimer, localNow: number, starterOffset: number): SharedTimer {
  if (timer.pausedAt !== undefined) return timer
  return { ...timer, pausedAt: localNow + starterOffset }
}

/** Runs a paused timer on from where it stopped; the resumer's clock becomes the timer's clock. */
export function resumeTimer(timer: SharedTimer, localNow: number, me: string): SharedTimer {
  if (timer.pausedAt === undefined) return timer
  const elapsed = Math.max(0, timer.pausedAt - timer.startedAt)
  return { startedAt: localNow - elapsed, durationMs: timer.durationMs, startedBy: me }
}
