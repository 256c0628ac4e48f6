/**
 * The relay URLs a space names (its root document's `meta.relays`, and invites): ws:// or wss://,
 * at most RELAY_URLS_MAX of them, each at most 256 characters. Any member can write the list, so
 * it is read defensively: anything else is left out.
 */
export const RELAY_URLS_MAX = 4
const MAX_URL = 256

export type RelayUrlCheck = { ok: true; url: string } | { ok: false; error: string }

const HOST = String.raw`(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)`
const RELAY_RE = new RegExp(`^(wss?)://${HOST}(?::(\\d{1,5}))?(/[A-Za-z0-9._~/-]*)?$`)

export function checkRelayUrl(input: string): RelayUrlCheck {
  const text = input.trim()
  if (!text) return { ok: false, error: 'Type a relay address, e.g. wss://relay.example.org.' }
  if (text.length > MAX_URL) return { ok: false, error: `A relay address has at most ${MAX_URL} characters.` }
  const m = RELAY_RE.exec(text)
  if (!m) {
    if (!/^wss?:\/\//i.test(text)) return { ok: false, error: 'A relay address starts with wss:// (or ws:// on your own network).' }
    return { ok: false, error: `"${text.slice(0, 60)}" is not a relay address: wss://host[:port][/path], no user name, query or #fragment.` }
  }
  const port = m[3]
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return { ok: false, error: 'A port is between 1 and 65535.' }
  const path = (m[4] ?? '').replace(/\/+$/, '')
  return { ok: true, url: `${m[1]}://${m[2]!.toLowerCase()}${port !== undefined ? ':' + port : ''}${path}` }
}

/** The well-formed relay URLs of a value a peer wrote (distinct, in order, at most RELAY_URLS_MAX). */
export function readRelayUrls(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const out: string[] = []
  for (const v of value.slice(0, 16)) {
    if (typeof v !== 'string') continue
    const r = checkRelayUrl(v)
    if (r.ok && !out.includes(r.url)) out.push(r.url)
    if (out.length === RELAY_URLS_MAX) break
  }
  return out
}

/** The relay's WebSocket endpoint for a relay URL (the server serves it under /relay). */
export function relayEndpoint(url: string): string {
  return /^wss?:\/\/[^/]+$/.test(url) ? url + '/relay' : url
}
