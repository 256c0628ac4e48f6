/**
 * Plain ws:// is allowed only inside this computer and the local network: the bundled signaling
 * server on localhost, or hosted by a teammate on the LAN. Everywhere else signaling must use
 * wss://, so that nobody between here and the server reads or rewrites it. The CSP cannot say this
 * (it has no IP ranges; see CONNECT_SOURCES in security.ts), so main enforces it on every request.
 */

/** Names that only ever resolve inside this computer or the local network. */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.home.arpa', '.internal']

function ipv4Octets(host: string): number[] | null {
  const parts = host.split('.')
  if (parts.length !== 4) return null
  const octets = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN))
  return octets.every((o) => o >= 0 && o <= 255) ? octets : null
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 127 || // loopback
    a === 10 || // RFC 1918
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) // link-local
  )
}

function isPrivateIpv6(address: string): boolean {
  const a = address.toLowerCase()
  if (a === '::1') return true
  // an IPv4 address written as IPv6 (URL parsing writes it as ::ffff:c0a8:101)
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a)
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16)
    const lo = parseInt(mapped[2]!, 16)
    return isPrivateIpv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff])
  }
  const first = parseInt(a.split(':')[0] || '0', 16)
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 // link-local fe80::/10
  )
}

/** Whether a URL hostname (as `new URL().hostname` gives it) is loopback or on the local network. */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (host.startsWith('[') && host.endsWith(']')) return isPrivateIpv6(host.slice(1, -1))
  const v4 = ipv4Octets(host)
  if (v4) return isPrivateIpv4(v4)
  if (/^[\d.]+$/.test(host)) return false
  return host === 'localhost' || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)
}

export type WebSocketDecision = { allow: true } | { allow: false; reason: string }

/** ws:// only to loopback and local-network hosts; wss:// anywhere; other schemes are not ours to judge here. */
export function webSocketDecision(url: string): WebSocketDecision {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return { allow: false, reason: 'not a URL' }
  }
  if (u.protocol !== 'ws:') return { allow: true }
  if (isLocalNetworkHost(u.hostname)) return { allow: true }
  return {
    allow: false,
    reason: `plain ws:// to ${u.host} would cross the internet unencrypted; use wss://${u.host}${u.pathname === '/' ? '' : u.pathname}`
  }
}

/** The part of session.webRequest the guard needs. */
export interface WebRequestLike {
  onBeforeRequest(
    filter: { urls: string[] },
    listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void
  ): void
}

/** Cancels ws:// requests to hosts outside the local network, saying why once per host. */
export function installWebSocketGuard(webRequest: WebRequestLike, log: { warn(message: string): void }): void {
  const warned = new Set<string>()
  webRequest.onBeforeRequest({ urls: ['ws://*/*'] }, (details, callback) => {
    const decision = webSocketDecision(details.url)
    if (!decision.allow) {
      if (!warned.has(decision.reason)) {
        warned.add(decision.reason)
        log.warn(`signaling: refused ${details.url.slice(0, 200)}: ${decision.reason}`)
      }
    }
    callback({ cancel: !decision.allow })
  })
}
