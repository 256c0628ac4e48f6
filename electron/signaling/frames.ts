import { Buffer, isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import type { RawData } from 'ws'

/**
 * What the server reads from a frame: only the fields it needs to route it. A frame is relayed as
 * the text it arrived in, never parsed-then-serialised again (serialising a deeply nested value
 * throws, and it would change what the peers sealed).
 */
export interface Message {
  type: string
  topics?: unknown
  topic?: unknown
  data?: unknown
}

export type ReadResult = { ok: true; text: string; message: Message } | { ok: false; reason: string }

const fail = (reason: string): ReadResult => ({ ok: false, reason })

/** Reads one frame; never throws. ws has already bounded its size and checked text frames' UTF-8. */
export function readFrame(data: RawData, isBinary: boolean, maxDepth: number): ReadResult {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
  if (isBinary && !isUtf8(bytes)) return fail('a binary frame that is not UTF-8 text')
  const text = bytes.toString('utf8')
  if (!withinDepth(text, maxDepth)) return fail(`nested deeper than ${maxDepth}`)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return fail('not JSON')
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('not a JSON object')
  if (typeof (value as { type?: unknown }).type !== 'string') return fail('no type')
  return { ok: true, text, message: value as Message }
}

/**
 * True when no object or array in `text` is nested deeper than `max`: one pass over the
 * characters, before anything is parsed. Exact for valid JSON; invalid JSON fails to parse later.
 */
export function withinDepth(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: the next character is escaped
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return false
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return true
}

/**
 * The received publish as it came, plus y-webrtc's `clients` count spliced before its closing
 * brace (a repeated key: JSON.parse keeps the last one, so a sender cannot set it). `text` must be
 * a JSON object with at least one member, which readFrame and a string `type` guarantee.
 */
export function withClients(text: string, clients: number): string {
  let end = text.length - 1
  while (end > 0 && isJsonSpace(text.charCodeAt(end))) end--
  return `${text.slice(0, end)},"clients":${clients}}`
}

const isJsonSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const GCM_TAG_BYTES = 16

/**
 * A publish's `data`, when it is a string, is a message sealed by y-webrtc (or Tandem's key check):
 * base64 of lib0's encoding of `"AES-GCM"`, the IV and the ciphertext. Returns a key naming the
 * sealed content within its topic — the same for every spelling of the same IV and ciphertext
 * (base64 padding bits, over-long length prefixes) — or null when `data` is not such a message
 * (it would only make every peer's decoder throw).
 */
export function sealedKey(topic: string, data: string): string | null {
  if (data.length === 0 || !BASE64.test(data)) return null
  const bytes = Buffer.from(data, 'base64')
  const at = { pos: 0 }
  const algorithm = readVarBytes(bytes, at)
  if (!algorithm || algorithm.toString('latin1') !== 'AES-GCM') return null
  const iv = readVarBytes(bytes, at)
  const cipher = readVarBytes(bytes, at)
  if (!iv || !cipher || iv.length === 0 || cipher.length < GCM_TAG_BYTES || at.pos !== bytes.length) return null
  const topicBytes = Buffer.from(topic, 'utf8')
  const lengths = Buffer.alloc(8)
  lengths.writeUInt32BE(topicBytes.length, 0)
  lengths.writeUInt32BE(iv.length, 4)
  return createHash('sha256').update(lengths).update(topicBytes).update(iv).update(cipher).digest('base64').slice(0, 22)
}

/** lib0's readVarUint8Array: a variable-length unsigned length, then that many bytes. */
function readVarBytes(bytes: Buffer, at: { pos: number }): Buffer | null {
  let length = 0
  for (let shift = 0; ; shift += 7) {
    if (at.pos >= bytes.length || shift > 28) return null // no length here needs more than 5 bytes
    const b = bytes[at.pos++]!
    length += (b & 0x7f) * 2 ** shift
    if (b < 0x80) break
  }
  if (at.pos + length > bytes.length) return null
  const out = bytes.subarray(at.pos, at.pos + length)
  at.pos += length
  return out
}
