/**
 * Whether this device can reach its signaling servers, and when to try again. A server that
 * cannot be reached is retried by y-webrtc every 2.5 s forever; past a grace period Tandem stops
 * trying, says so plainly, and tries again later with growing pauses (or at once on request).
 */
export const UNREACHABLE_AFTER_MS = 12_000
const PAUSES_MS = [15_000, 30_000, 60_000, 120_000, 300_000]

/** The pause before try number `attempt` (0 = the first pause after giving up). */
export function retryPauseMs(attempt: number): number {
  return PAUSES_MS[Math.min(Math.max(0, attempt), PAUSES_MS.length - 1)]!
}

export type SignalingState =
  | { kind: 'ok' }
  | { kind: 'connecting'; since: number }
  | { kind: 'unreachable'; urls: string[]; nextTryAt: number }

/**
 * What to tell the user, from whether any server is connected now and since when none has been.
 * `noneSince`: when the last server was lost (or trying started); null while one is connected.
 */
export function signalingVerdict(anyConnected: boolean, noneSince: number | null, now: number): 'ok' | 'connecting' | 'give-up' {
  if (anyConnected || noneSince === null) return 'ok'
  return now - noneSince >= UNREACHABLE_AFTER_MS ? 'give-up' : 'connecting'
}
