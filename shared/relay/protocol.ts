import { base64urlnopad } from '@scure/base'
import { isSeq, type Seq } from './seq.ts'

/**
 * The relay's wire (issue 13 #2): one WebSocket per room, JSON text frames, sealed bytes as
 * base64url. The relay speaks first with a fresh challenge; the client joins a room by signing it.
 *
 *   relay → client  {t:'challenge', nonce}
 *   client → relay  {t:'join', room, verifier, proof, since}     since: the client's cursor or null
 *   relay → client  {t:'welcome', head, created}, then {t:'snap', covers, data}?, {t:'up', seq, data}*,
 *                   {t:'synced', head, entries, bytes}; later every accepted update of the room
 *                   (the sender's own too: its acknowledgement) in log order, and {t:'aw', data}
 *   client → relay  {t:'up', data}  {t:'snap', covers, data}  {t:'aw', data}  {t:'ping'}
 *   relay → client  {t:'compact'} (please upload a snapshot), {t:'snapped', covers},
 *                   {t:'error', code, reason}, {t:'pong'}
 *
 * Every field is checked here, before the relay or the client acts on a frame; nothing throws.
 */
export const RELAY_PATH = '/relay'

export type ClientFrame =
  | { t: 'join'; room: string; verifier: string; proof: string; since: Seq | null }
  | { t: 'up'; data: string }
  | { t: 'snap'; covers: Seq; data: string }
  | { t: 'aw'; data: string }
  | { t: 'ping' }

export type RelayFrame =
  | { t: 'challenge'; nonce: string }
  | { t: 'welcome'; head: Seq; created: boolean }
  | { t: 'snap'; covers: Seq; data: string }
  | { t: 'up'; seq: Seq; data: string }
  | { t: 'synced'; head: Seq; entries: number; bytes: number; reset: boolean }
  | { t: 'aw'; data: string }
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

export const ROOM_RE = /^tr-[0-9a-f]{64}$/
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
    case 'aw':
      if (!isB64(o.data, maxData)) return bad(`${o.t}: data is not a sealed message`)
      return { ok: true, frame: { t: o.t, data: o.data } }
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
      return isB64(o.nonce, 64) ? { ok: true, frame: { t: 'challenge', nonce: o.nonce } } : bad('challenge malformed')
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
    case 'aw':
      return isB64(o.data, maxData) ? { ok: true, frame: { t: 'aw', data: o.data } } : bad('aw malformed')
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
