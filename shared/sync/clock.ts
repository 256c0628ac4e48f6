/**
 * Peers' clocks may differ by minutes. Each peer tells the others its clock now and then (in
 * presence); a receiver notes `offset = theirClock − ourClock` at arrival (transit on a peer link
 * is milliseconds). A moment written by a peer in its own clock is then read in ours as
 * `moment − offset`. With several samples we take the median, which shrugs off a slow delivery.
 */
export function clockOffset(samples: readonly number[]): number {
  if (samples.length === 0) return 0
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** A shared countdown: started by one peer, in that peer's clock. */
export interface SharedTimer {
  /** when it started, in the starter's clock (ms since epoch) */
  startedAt: number
  durationMs: number
  /** who started it (their member id): whose clock `startedAt` and `pausedAt` are in */
  startedBy: string
  /** set while paused: the moment of the pause, in the starter's clock */
  pausedAt?: number | undefined
}

/**
 * Milliseconds left on a shared timer, as this peer sees it. `starterOffset` is the starter's
 * clock minus ours (0 if unknown). Never negative; frozen while paused.
 */
export function timerRemaining(timer: SharedTimer, localNow: number, starterOffset: number): number {
  const nowInStarterClock = timer.pausedAt ?? localNow + starterOffset
  const elapsed = Math.max(0, nowInStarterClock - timer.startedAt)
  return Math.max(0, timer.durationMs - elapsed)
}

/** "14:05" style: minutes and seconds, rounding up so 0:00 appears only when time is up. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${String(s).padStart(2, '0')}`
}
