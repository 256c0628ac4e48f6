/** Close codes the server uses, each with a reason a client can show. */
export const CLOSE = {
  /** refused: the server or this address has too many connections (RFC 6455 "try again later") */
  full: 1013,
  /** closed: the connection did not read what was sent to it (RFC 6455 "policy violation") */
  tooSlow: 1008
} as const

/** How long a refused or too-slow connection gets to read its close frame before it is cut. */
export const CLOSE_GRACE_MS = 2000

/** The address a connection counts against: an IPv4 client is the same over IPv4 and IPv6. */
export function addressOf(remote: string | undefined): string {
  if (!remote) return 'unknown'
  const lower = remote.toLowerCase()
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower
}

/** Connections held per address, refusing past `max`. */
export class AddressCounter {
  private readonly counts = new Map<string, number>()

  constructor(private readonly max: number) {}

  get addresses(): number {
    return this.counts.size
  }

  acquire(address: string): boolean {
    const held = this.counts.get(address) ?? 0
    if (held >= this.max) return false
    this.counts.set(address, held + 1)
    return true
  }

  release(address: string): void {
    const held = this.counts.get(address) ?? 0
    if (held <= 1) this.counts.delete(address)
    else this.counts.set(address, held - 1)
  }
}
