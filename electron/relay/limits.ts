/** A token bucket: `rate` per second, at most `burst` saved up. */
export class Bucket {
  private tokens: number
  private at: number
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now
  ) {
    this.tokens = burst
    this.at = now()
  }

  take(n: number): boolean {
    const t = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.at) / 1000) * this.rate)
    this.at = t
    if (this.tokens < n) return false
    this.tokens -= n
    return true
  }
}
