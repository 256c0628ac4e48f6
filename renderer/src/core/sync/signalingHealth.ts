import { create } from 'zustand'
import type { WebrtcProvider } from 'y-webrtc'
import { retryPauseMs, signalingVerdict, type SignalingState } from '@shared/sync/signalingHealth.ts'

/**
 * Follows the signaling connections of every provider (y-webrtc shares one per server URL) and
 * decides when to stop retrying an unreachable server and when to try again. The sync manager
 * asks `shouldConnect()` before linking documents, and calls `onChange` targets to re-link.
 */
export const useSignalingHealth = create<{ state: SignalingState }>(() => ({ state: { kind: 'ok' } }))

interface ConnLike {
  url: string
  connected: boolean
  on(event: 'connect' | 'disconnect', f: () => void): void
}

const CHECK_EVERY_MS = 1_000

export class SignalingHealth {
  private conns = new Set<ConnLike>()
  private noneSince: number | null = null
  private attempt = 0
  private pausedUntil: number | null = null
  private urls: string[] = []
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(private readonly relink: () => void) {}

  /** The servers in the settings now (a server no longer listed is not followed or retried). */
  setUrls(urls: string[]): void {
    if (urls.join(' ') === this.urls.join(' ')) return
    this.urls = urls
    this.conns = new Set([...this.conns].filter((c) => urls.includes(c.url)))
    this.reset()
  }

  /** Watches the signaling connections of a provider that just connected. */
  follow(provider: WebrtcProvider): void {
    for (const conn of provider.signalingConns as unknown as ConnLike[]) {
      if (this.conns.has(conn)) continue
      this.conns.add(conn)
      // a connection dropped from the watch (servers changed, reset) says nothing any more
      const check = () => this.conns.has(conn) && this.check()
      conn.on('connect', check)
      conn.on('disconnect', check)
    }
    this.noneSince ??= Date.now()
    this.timer ??= setInterval(() => this.check(), CHECK_EVERY_MS)
  }

  /** False while paused after giving up on every server. */
  shouldConnect(): boolean {
    return this.pausedUntil === null || Date.now() >= this.pausedUntil
  }

  /** Try every server again now (the user asked, or the network came back). */
  tryNow(): void {
    this.pausedUntil = null
    this.noneSince = Date.now()
    useSignalingHealth.setState({ state: { kind: 'connecting', since: this.noneSince } })
    this.relink()
  }

  /** Nothing to follow: offline, or no servers. */
  reset(): void {
    this.noneSince = null
    this.attempt = 0
    this.pausedUntil = null
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.conns.clear()
    useSignalingHealth.setState({ state: { kind: 'ok' } })
  }

  private check(): void {
    const now = Date.now()
    if (this.pausedUntil !== null) {
      if (now >= this.pausedUntil) this.tryNow()
      return
    }
    const anyConnected = [...this.conns].some((c) => c.connected)
    if (anyConnected) {
      this.noneSince = null
      this.attempt = 0
      useSignalingHealth.setState({ state: { kind: 'ok' } })
      return
    }
    this.noneSince ??= now
    const verdict = signalingVerdict(false, this.noneSince, now)
    if (verdict === 'connecting') {
      const current = useSignalingHealth.getState().state
      if (current.kind !== 'connecting') useSignalingHealth.setState({ state: { kind: 'connecting', since: this.noneSince } })
      return
    }
    // give up for a while: stop y-webrtc's endless retries, say so, and try again later
    this.pausedUntil = now + retryPauseMs(this.attempt++)
    this.conns.clear()
    useSignalingHealth.setState({ state: { kind: 'unreachable', urls: this.urls, nextTryAt: this.pausedUntil } })
    this.relink()
  }
}
