import { base64urlnopad } from '@scure/base'
import { isSeq, type Seq } from './seq.ts'

/**
 * The relay's wire (issue 13 #2): one WebSocket per room, JSON text frames, sealed bytes as
 * base64url. The relay speaks first with a fresh challenge; the client joins a room by signing it.
 *
 *   relay → client  {t:'challenge', nonce, log}                 log: which log positions belong to (RelayStore.logId)
 *   client → relay  {t:'join', room, verifier, proof, since}     since: the client's cursor or null
 *   relay → client  {t:'welcome', head, created}, then {t:'snap', covers, data}?, {t:'up', seq, data}*,
 *                   {t:'synced', head, entries, bytes}; later every accepted update of the room
 *                   (the sender's own too: its acknowledgement) in log order, and presence {t:'aws', …}
 *   client → relay  {t:'up', data}  {t:'snap', covers, data}  {t:'aw', …}  {t:'watch', motion}  {t:'ping'}
 *   relay → client  {t:'compact'} (please upload a snapshot), {t:'snapped', covers},
 *                   {t:'error', code, reason}, {t:'pong'}
 *
 * Presence (issue 13 #4; electron/relay/presence.ts): a client publishes its presence in two
 * lanes, `{t:'aw', data, lane:'b'|'m', hot}` — 'b' (base) its awareness state without the fields
 * that change fast, 'm' (motion) only those (pointers); `hot` marks a state others should see
 * first (typing). It says which lanes it wants with `{t:'watch', motion}`. The relay keeps the
 * latest of each lane per connection, lets it expire when not renewed, and sends each watcher at
 * most a few of them per room tick: `{t:'aws', items, here}` — `items` is `from.lane.data` joined
 * with `,` (lane 'g': that connection's presence is gone, no data), `here` how many connections of
 * the room have a presence.
 *
 * Every field is checked here, before the relay or the client acts on a frame; nothing throws.
 */
export const RELAY_PATH = '/relay'

export type ClientFrame =
  | { t: 'join'; room: string; verifier: string; proof: string; since: Seq | null }
  | { t: 'up'; data: string }
  | { t: 'snap'; covers: Seq; data: string }
  | { t: 'aw'; data: string; lane: PresenceLane; hot: boolean }
  | { t: 'watch'; motion: boolean }
  | { t: 'ping' }

export type RelayFrame =
  | { t: 'challenge'; nonce: string; log: string | null }
  | { t: 'welcome'; head: Seq; created: boolean }
  | { t: 'snap'; covers: Seq; data: string }
  | { t: 'up'; seq: Seq; data: string }
  | { t: 'synced'; head: Seq; entries: number; bytes: number; reset: boolean }
  | { t: 'aws'; items: string; here: number }
  | { t: 'compact' }
  | { t: 'snapped'; covers: Seq }
  | { t: 'error'; code: RelayErrorCode; reason: string }
  | { t: 'pong' }

export type RelayErrorCode = 'not-member' | 'bad-frame' | 'quota' | 'rate' | 'not-joined' | 'busy' | 'snapshot'

/** WebSocket close codes of the relay (4000–4999 are the application's). */
export const RELAY_CLOSE = {
  notMember: 4003,
  badFrame: 4400,
  rate: 4429,
  full: 1013,
  tooBig: 1009,
  shutdown: 1001
} as const

/** 'b': base presence (the awareness state without fast fields), 'm': motion (the fast fields) */
export type PresenceLane = 'b' | 'm'

export interface PresenceItem {
  from: string
  /** 'g': gone (the connection left, or its presence expired) */
  lane: PresenceLane | 'g'
  data: string
}

/** a connection's id in presence items */
export const PRESENCE_FROM_RE = /^[A-Za-z0-9_-]{1,24}$/

export function encodePresenceItems(items: PresenceItem[]): string {
  return items.map((i) => `${i.from}.${i.lane}.${i.data}`).join(',')
}

/** The items of an `aws` frame; null when one is malformed. */
export function decodePresenceItems(text: string, maxData: number): PresenceItem[] | null {
  if (text === '') return []
  const items: PresenceItem[] = []
  for (const part of text.split(',')) {
    const [from, lane, data, extra] = part.split('.')
    if (extra !== undefined || from === undefined || lane === undefined || data === undefined || !PRESENCE_FROM_RE.test(from)) return null
    if (lane === 'g') {
      if (data !== '') return null
    } else if (lane !== 'b' && lane !== 'm') return null
    else if (!isB64(data, maxData)) return null
    items.push({ from, lane, data })
  }
  return items
}

export const ROOM_RE = /^tr-[0-9a-f]{64}$/
export const LOG_ID_RE = /^[A-Za-z0-9_-]{8,64}$/
const B64URL_RE = /^[A-Za-z0-9_-]*$/

export type Parsed<T> = { ok: true; frame: T } | { ok: false; reason: string }
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason })

/** base64url text of at most `max` characters that decodes. */
export function isB64(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max || !B64URL_RE.test(value)) return false
  try {
    base64urlnopad.decode(value)
    return true
  } catch {
    return false
  }
}

/** A flat JSON object with a string `t`; anything nested or larger than `maxChars` is refused. */
function readObject(text: string, maxChars: number): { ok: true; o: Record<string, unknown> } | { ok: false; reason: string } {
  if (text.length > maxChars) return { ok: false, reason: `longer than ${maxChars} characters` }
  // flat frames only: one object, no nesting (counted before parsing)
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > 1) return { ok: false, reason: 'nested' }
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'not JSON' }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' }
  const o = value as Record<string, unknown>
  if (typeof o.t !== 'string') return { ok: false, reason: 'no type' }
  return { ok: true, o }
}

/** What the relay reads from a client; `maxData`: base64 characters one sealed message may have. */
export function parseClientFrame(text: string, maxData: number): Parsed<ClientFrame> {
  const r = readObject(text, maxData + 1024)
  if (!r.ok) return bad(r.reason)
  const o = r.o
  switch (o.t) {
    case 'join':
      if (typeof o.room !== 'string' || !ROOM_RE.test(o.room)) return bad('join: room is not a room id')
      if (!isB64(o.verifier, 64) || !isB64(o.proof, 128)) return bad('join: verifier or proof malformed')
      if (o.since !== null && !isSeq(o.since)) return bad('join: since is not a position')
      return { ok: true, frame: { t: 'join', room: o.room, verifier: o.verifier, proof: o.proof, since: o.since } }
    case 'up':
      if (!isB64(o.data, maxData)) return bad('up: data is not a sealed message')
      return { ok: true, frame: { t: 'up', data: o.data } }
    case 'aw':
      if (!isB64(o.data, maxData)) return bad('aw: data is not a sealed message')
      if (o.lane !== undefined && o.lane !== 'b' && o.lane !== 'm') return bad('aw: lane is b or m')
      return { ok: true, frame: { t: 'aw', data: o.data, lane: o.lane === 'm' ? 'm' : 'b', hot: o.hot === true } }
    case 'watch':
      if (typeof o.motion !== 'boolean') return bad('watch: motion is true or false')
      return { ok: true, frame: { t: 'watch', motion: o.motion } }
    case 'snap':
      if (!isSeq(o.covers)) return bad('snap: covers is not a position')
      if (!isB64(o.data, maxData)) return bad('snap: data is not a sealed message')
      return { ok: true, frame: { t: 'snap', covers: o.covers, data: o.data } }
    case 'ping':
      return { ok: true, frame: { t: 'ping' } }
    default:
      return bad(`unknown type ${JSON.stringify(String(o.t).slice(0, 20))}`)
  }
}

/** What the client reads from the relay. */
export function parseRelayFrame(text: string, maxData: number): Parsed<RelayFrame> {
  const r = readObject(text, maxData + 1024)
  if (!r.ok) return bad(r.reason)
  const o = r.o
  switch (o.t) {
    case 'challenge':
      if (o.log !== undefined && (typeof o.log !== 'string' || !LOG_ID_RE.test(o.log))) return bad('challenge: log is not a log id')
      return isB64(o.nonce, 64) ? { ok: true, frame: { t: 'challenge', nonce: o.nonce, log: typeof o.log === 'string' ? o.log : null } } : bad('challenge malformed')
    case 'welcome':
      return isSeq(o.head) ? { ok: true, frame: { t: 'welcome', head: o.head, created: o.created === true } } : bad('welcome malformed')
    case 'snap':
      return isSeq(o.covers) && isB64(o.data, maxData) ? { ok: true, frame: { t: 'snap', covers: o.covers, data: o.data } } : bad('snap malformed')
    case 'up':
      return isSeq(o.seq) && isB64(o.data, maxData) ? { ok: true, frame: { t: 'up', seq: o.seq, data: o.data } } : bad('up malformed')
    case 'synced':
      return isSeq(o.head) && typeof o.entries === 'number' && typeof o.bytes === 'number'
        ? { ok: true, frame: { t: 'synced', head: o.head, entries: o.entries, bytes: o.bytes, reset: o.reset === true } }
        : bad('synced malformed')
    case 'aws':
      return typeof o.items === 'string' && o.items.length <= maxData + 1024 && Number.isInteger(o.here) && (o.here as number) >= 0
        ? { ok: true, frame: { t: 'aws', items: o.items, here: o.here as number } }
        : bad('aws malformed')
    case 'compact':
      return { ok: true, frame: { t: 'compact' } }
    case 'snapped':
      return isSeq(o.covers) ? { ok: true, frame: { t: 'snapped', covers: o.covers } } : bad('snapped malformed')
    case 'error':
      return typeof o.code === 'string' && typeof o.reason === 'string'
        ? { ok: true, frame: { t: 'error', code: o.code as RelayErrorCode, reason: o.reason.slice(0, 200) } }
        : bad('error malformed')
    case 'pong':
      return { ok: true, frame: { t: 'pong' } }
    default:
      return bad('unknown type')
  }
}

export const b64 = {
  encode: (bytes: Uint8Array): string => base64urlnopad.encode(bytes),
  decode: (text: string): Uint8Array => base64urlnopad.decode(text)
}
