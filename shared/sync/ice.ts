/**
 * ICE servers (issue 13 #1, NAT traversal): what a user types for STUN and TURN, what an invite may
 * carry, the RTCConfiguration every WebRTC connection gets, and what a connectivity test means.
 * Pure: the renderer gathers candidates (features/settings/iceProbe.ts), this decides.
 *
 * URLs follow RFC 7064 (`stun:` / `stuns:` host [":" port]) and RFC 7065 (`turn:` / `turns:` host
 * [":" port] ["?transport=" udp|tcp]); Chromium throws on anything else when a connection is
 * created, so nothing malformed may reach it.
 */

/** Public STUN servers: they only tell a device its public address (no data passes through them). */
export const DEFAULT_STUN_URLS = ['stun:stun.l.google.com:19302', 'stun:stun1.l.google.com:19302', 'stun:stun.cloudflare.com:3478']

/** A TURN server: relays the (DTLS-encrypted) traffic between peers that cannot reach each other. */
export interface TurnServer {
  url: string
  username: string
  credential: string
}

/** A TURN server of this device's settings; `inInvites`: put into the invites this device sends. */
export interface DeviceTurnServer extends TurnServer {
  inInvites: boolean
}

/** This device's ICE settings. */
export interface IceSettings {
  stunUrls: string[]
  turnServers: DeviceTurnServer[]
  /** "Relay only": every connection goes through a TURN server (iceTransportPolicy 'relay') */
  relayOnly: boolean
}

export const ICE_LIMITS = {
  url: 256,
  username: 256,
  credential: 256,
  stunUrls: 10,
  turnServers: 10,
  /** TURN servers an invite carries */
  inviteTurn: 4
} as const

export const DEFAULT_ICE_SETTINGS: IceSettings = { stunUrls: DEFAULT_STUN_URLS, turnServers: [], relayOnly: false }

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const HOST = String.raw`(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)`
const STUN_RE = new RegExp(`^(stuns?):${HOST}(?::(\\d{1,5}))?$`, 'i')
const TURN_RE = new RegExp(`^(turns?):${HOST}(?::(\\d{1,5}))?(?:\\?transport=(udp|tcp))?$`, 'i')

/** One STUN or TURN URL, checked and written the one way (scheme and host lower case). */
export function parseIceUrl(input: string, kind: 'stun' | 'turn'): Parsed<string> {
  const text = input.trim()
  const example = kind === 'stun' ? 'stun:stun.example.org:3478' : 'turn:turn.example.org:3478'
  if (!text) return { ok: false, error: `Enter a ${kind.toUpperCase()} server address, like ${example}.` }
  if (text.length > ICE_LIMITS.url) return { ok: false, error: `"${text.slice(0, 40)}…" is too long for a server address.` }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase()
  const wanted = kind === 'stun' ? ['stun', 'stuns'] : ['turn', 'turns']
  if (scheme === undefined || !wanted.includes(scheme)) {
    const other = kind === 'stun' ? ['turn', 'turns'] : ['stun', 'stuns']
    if (scheme !== undefined && other.includes(scheme)) {
      return {
        ok: false,
        error: `"${text}" is a ${scheme.startsWith('turn') ? 'TURN' : 'STUN'} server; add it under ${scheme.startsWith('turn') ? 'TURN servers' : 'STUN servers'}.`
      }
    }
    return { ok: false, error: `"${text}" must start with ${wanted.map((s) => s + ':').join(' or ')}, like ${example}.` }
  }
  if (text.slice(scheme.length + 1).startsWith('//')) {
    return { ok: false, error: `"${text}" has "//" after "${scheme}:"; write it without, like ${example}.` }
  }
  const match = (kind === 'stun' ? STUN_RE : TURN_RE).exec(text)
  if (!match) {
    if (kind === 'stun' && text.includes('?')) return { ok: false, error: `"${text}": a STUN address takes no "?…" options.` }
    if (kind === 'turn' && text.includes('?')) return { ok: false, error: `"${text}": the only option is ?transport=udp or ?transport=tcp.` }
    return { ok: false, error: `"${text}" is not a server address; it looks like ${example}.` }
  }
  const [, , host, port, transport] = match as unknown as [string, string, string, string | undefined, string | undefined]
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return { ok: false, error: `"${text}" has no valid port (1–65535).` }
  }
  return {
    ok: true,
    value: `${scheme}:${host.toLowerCase()}${port !== undefined ? ':' + Number(port) : ''}${transport ? '?transport=' + transport.toLowerCase() : ''}`
  }
}

/** The STUN list as typed: one per line (or separated by spaces or commas); duplicates once. */
export function parseStunUrls(text: string): Parsed<string[]> {
  const entries = text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean)
  const urls: string[] = []
  for (const entry of entries) {
    const url = parseIceUrl(entry, 'stun')
    if (!url.ok) return url
    if (!urls.includes(url.value)) urls.push(url.value)
  }
  if (urls.length > ICE_LIMITS.stunUrls) return { ok: false, error: `At most ${ICE_LIMITS.stunUrls} STUN servers; a few are enough.` }
  return { ok: true, value: urls }
}

export type TurnFieldErrors = Partial<Record<keyof TurnServer, string>>

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

/** A TURN server as typed in the form: each field's problem, or the server. */
export function parseTurnServer(input: TurnServer): { ok: true; value: TurnServer } | { ok: false; errors: TurnFieldErrors } {
  const errors: TurnFieldErrors = {}
  const url = parseIceUrl(input.url, 'turn')
  if (!url.ok) errors.url = url.error
  const username = input.username.trim()
  if (!username) errors.username = 'A TURN server needs the username its operator gave you.'
  else if (username.length > ICE_LIMITS.username || CONTROL.test(username)) errors.username = `The username must be one line of at most ${ICE_LIMITS.username} characters.`
  const credential = input.credential
  if (!credential) errors.credential = 'A TURN server needs the credential (password) its operator gave you.'
  else if (credential.length > ICE_LIMITS.credential || CONTROL.test(credential)) {
    errors.credential = `The credential must be one line of at most ${ICE_LIMITS.credential} characters.`
  }
  if (!url.ok || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { url: url.value, username, credential } }
}

/** Same server, same account (the credential may have changed). */
export function sameTurn(a: TurnServer, b: TurnServer): boolean {
  return a.url === b.url && a.username === b.username
}

/** A list of TURN servers from storage or a peer: only well-formed entries, each once, bounded. */
export function readTurnServers(value: unknown, max: number = ICE_LIMITS.turnServers): TurnServer[] {
  if (!Array.isArray(value)) return []
  const out: TurnServer[] = []
  for (const item of value.slice(0, 64)) {
    if (out.length >= max) break
    if (typeof item !== 'object' || item === null) continue
    const { url, username, credential } = item as Record<string, unknown>
    if (typeof url !== 'string' || typeof username !== 'string' || typeof credential !== 'string') continue
    const parsed = parseTurnServer({ url, username, credential })
    if (parsed.ok && !out.some((s) => sameTurn(s, parsed.value))) out.push(parsed.value)
  }
  return out
}

/** The stored ICE settings, read defensively (anything malformed falls back to its default). */
export function readIceSettings(values: Record<string, unknown>): IceSettings {
  const stun = Array.isArray(values.stunUrls) ? parseStunUrls(values.stunUrls.filter((u): u is string => typeof u === 'string').join('\n')) : null
  const rawTurn = Array.isArray(values.turnServers) ? values.turnServers : []
  const turnServers: DeviceTurnServer[] = readTurnServers(rawTurn).map((server) => {
    const raw = rawTurn.find((r: unknown) => typeof r === 'object' && r !== null && sameTurn(r as TurnServer, server)) as { inInvites?: unknown } | undefined
    return { ...server, inInvites: raw?.inInvites === true }
  })
  return {
    stunUrls: stun?.ok ? stun.value : DEFAULT_ICE_SETTINGS.stunUrls,
    turnServers,
    relayOnly: values.relayOnly === true
  }
}

/** What the RTCPeerConnection of a space's connections gets (the DOM type, spelled out for shared/). */
export interface RtcConfig {
  iceServers: { urls: string | string[]; username?: string; credential?: string }[]
  iceTransportPolicy: 'all' | 'relay'
}

/**
 * The configuration of a space's connections: this device's STUN and TURN servers and the TURN
 * servers that came with the space's invite (used for that space only). Relay only: STUN is left
 * out (it could not be used).
 */
export function rtcConfigFor(settings: IceSettings, spaceTurn: readonly TurnServer[] = []): RtcConfig {
  const turn: TurnServer[] = []
  for (const s of [...settings.turnServers, ...spaceTurn]) if (!turn.some((t) => sameTurn(t, s))) turn.push(s)
  const iceServers: RtcConfig['iceServers'] = []
  if (!settings.relayOnly && settings.stunUrls.length > 0) iceServers.push({ urls: [...settings.stunUrls] })
  for (const t of turn) iceServers.push({ urls: t.url, username: t.username, credential: t.credential })
  return { iceServers, iceTransportPolicy: settings.relayOnly ? 'relay' : 'all' }
}

/**
 * The TURN servers an invite to a space carries: the space's own (those its invite brought) and
 * this device's servers marked for invites — never another space's.
 */
export function turnForInvite(spaceTurn: readonly TurnServer[], deviceTurn: readonly DeviceTurnServer[]): TurnServer[] {
  const out: TurnServer[] = []
  const candidates = [...spaceTurn, ...deviceTurn.filter((s) => s.inInvites)]
  for (const s of candidates) {
    if (out.length >= ICE_LIMITS.inviteTurn) break
    if (!out.some((t) => sameTurn(t, s))) out.push({ url: s.url, username: s.username, credential: s.credential })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// "Test connectivity": what the candidates gathered against each server mean.

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay'

/** What gathering candidates against one server gave (features/settings/iceProbe.ts). */
export interface ServerProbe {
  url: string
  kind: 'stun' | 'turn'
  /** candidate types gathered */
  types: CandidateType[]
  /** icecandidateerror events for this server */
  errors: { code: number; text: string }[]
  /** gathering did not complete within the time allowed */
  timedOut: boolean
}

export type Reach = 'relay' | 'stun' | 'host' | 'none'

export interface ServerVerdict {
  url: string
  ok: boolean
  message: string
}

export interface ProbeVerdict {
  reach: Reach
  /** one plain sentence for the whole test */
  headline: string
  servers: ServerVerdict[]
}

function errorSentence(kind: 'stun' | 'turn', errors: ServerProbe['errors'], timedOut: boolean, seconds: number): string {
  const codes = errors.map((e) => e.code)
  const detail = errors.find((e) => e.text)?.text
  if (kind === 'turn' && codes.includes(401)) return 'it refused the username or credential (401 Unauthorized); check both.'
  if (codes.includes(403)) return 'it refused this device (403 Forbidden): its operator does not allow it.'
  if (codes.includes(486)) return 'this account has no allocation left (486 quota reached).'
  if (codes.includes(508)) return 'it is out of capacity (508).'
  if (codes.includes(701)) {
    return `it could not be reached${detail ? ` (${detail})` : ''}; check the address and port, and that a firewall lets it through.`
  }
  if (errors.length > 0) return `it answered with an error (${errors.map((e) => `${e.code}${e.text ? ' ' + e.text : ''}`).join('; ')}).`
  if (timedOut) return `it did not answer within ${seconds} s; check the address and port, and that a firewall lets it through.`
  return 'it gave nothing: it did not answer.'
}

/** Plain sentences for a connectivity test: the best way peers can reach this device, and each server. */
export function judgeProbe(probes: readonly ServerProbe[], hostTypes: readonly CandidateType[], seconds: number): ProbeVerdict {
  const servers: ServerVerdict[] = probes.map((p) => {
    if (p.kind === 'turn' && p.types.includes('relay')) return { url: p.url, ok: true, message: 'TURN reachable: it relays for this device (relay candidate).' }
    if (p.kind === 'stun' && p.types.includes('srflx')) return { url: p.url, ok: true, message: 'STUN reachable: it sees this device’s public address (srflx candidate).' }
    const why = errorSentence(p.kind, p.errors, p.timedOut, seconds)
    if (p.kind === 'turn' && p.types.includes('srflx')) return { url: p.url, ok: false, message: `It answers but relays nothing: ${why}` }
    return { url: p.url, ok: false, message: `Not reachable: ${why}` }
  })
  const relay = servers.some((s, i) => s.ok && probes[i]!.kind === 'turn')
  const stun = probes.some((p) => p.types.includes('srflx'))
  const host = hostTypes.includes('host') || probes.some((p) => p.types.includes('host'))
  const reach: Reach = relay ? 'relay' : stun ? 'stun' : host ? 'host' : 'none'
  const headline = {
    relay: 'TURN reachable (relay): peers can connect through a TURN server even from strict networks.',
    stun: 'STUN reachable (srflx), no TURN relay: peers on other networks connect when their routers allow it; strict networks need a TURN server.',
    host:
      probes.length === 0
        ? 'Host only: no STUN or TURN server is set, so only peers on the same network can connect.'
        : 'Host only: only peers on the same network can connect; no STUN or TURN server answered.',
    none: 'No connectivity: this device gathered no candidate at all (is WebRTC blocked?).'
  }[reach]
  return { reach, headline, servers }
}
