/**
 * When a document edit could not be written to this device's storage, Tandem keeps it in memory
 * and tries again on this schedule: doubling waits, capped, and a bounded number of automatic
 * tries (after that the user's "Try again now" or the next failed write starts it again).
 */
export interface SaveRetryPolicy {
  firstDelayMs: number
  maxDelayMs: number
  maxAttempts: number
}

export const SAVE_RETRY: SaveRetryPolicy = { firstDelayMs: 2_000, maxDelayMs: 60_000, maxAttempts: 8 }

/** The wait before automatic try number `attempt` (0 first), or null once the tries are used up. */
export function saveRetryDelayMs(attempt: number, policy: SaveRetryPolicy = SAVE_RETRY): number | null {
  if (!Number.isInteger(attempt) || attempt < 0 || attempt >= policy.maxAttempts) return null
  return Math.min(policy.firstDelayMs * 2 ** attempt, policy.maxDelayMs)
}

/** Why an edit is not saved, in the user's words, from the storage error's name. */
export function saveFailureReason(errorName: string | null): string {
  if (errorName === 'QuotaExceededError') return 'The storage on this computer is full, so Tandem cannot write them to disk.'
  return `Tandem could not write them to this computer's storage (${errorName ?? 'unknown error'}).`
}

/** "in 8 s", "in 2 min": when the next automatic try is due. */
export function formatRetryIn(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return seconds < 60 ? `in ${seconds} s` : `in ${Math.ceil(seconds / 60)} min`
}
