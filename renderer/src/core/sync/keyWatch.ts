import { decideKey, freshKeyEvidence, heardOurKey, heardUnreadable, probed, settle, type KeyEvidence, type KeyVerdict } from '@shared/sync/keyVerdict.ts'

export interface KeyWatchEvents {
  /** what to tell the user changed */
  onVerdict(verdict: KeyVerdict): void
  /** ask the room: publish a sealed key-check that asks for an answer */
  probe(): void
  /** a message opened with our key for the first time: store that the key is proven */
  onVerified(): void
}

/**
 * One space's key, watched: collects what its rooms say (messages our key cannot open, messages
 * from another peer that it does open), asks the room while the key is unproven, and reports the
 * verdict of shared/sync/keyVerdict.ts whenever it changes, also when only time has passed.
 */
export class KeyWatch {
  private evidence: KeyEvidence
  private verdict: KeyVerdict | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private disposed = false

  constructor(
    verified: boolean,
    private readonly events: KeyWatchEvents,
    private readonly now: () => number = Date.now
  ) {
    this.evidence = freshKeyEvidence(verified)
    this.review()
  }

  get verified(): boolean {
    return this.evidence.verified
  }

  /** A message in one of the space's rooms could not be opened with our key. */
  unreadable(): void {
    if (this.disposed) return
    this.evidence = heardUnreadable(this.evidence, this.now())
    this.review()
  }

  /** A message from another peer opened with our key (or another device of ours proved it). */
  opened(): void {
    if (this.disposed) return
    const next = heardOurKey(this.evidence)
    // already proven: every further message says the same (signaling carries many)
    if (next === this.evidence) return
    const was = this.evidence.verified
    this.evidence = next
    if (!was) this.events.onVerified()
    this.review()
  }

  dispose(): void {
    this.disposed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private review(): void {
    if (this.disposed) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const now = this.now()
    this.evidence = settle(this.evidence, now)
    const decision = decideKey(this.evidence, now)
    if (decision.probe) {
      this.evidence = probed(this.evidence, now)
      this.events.probe()
    }
    if (decision.verdict !== this.verdict) {
      this.verdict = decision.verdict
      this.events.onVerdict(decision.verdict)
    }
    if (decision.reviewAt !== null) this.timer = setTimeout(() => this.review(), Math.max(0, decision.reviewAt - now))
  }
}
