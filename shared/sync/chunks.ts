/**
 * Large sync messages over WebRTC data channels. Chromium refuses a message over 256 KiB (and
 * y-webrtc used to swallow the error, so a big document or a big import never arrived and every
 * later edit waited behind it). A message larger than one frame is split into chunk frames and
 * put back together on the other side; smaller messages travel unchanged.
 *
 * Chunk frame: [CHUNK_TAG][id u32][index u32][count u32][payload]. y-webrtc's own messages start
 * with a message type of 0–4, so the tag never collides with them.
 */
export const CHUNK_TAG = 0x4d
const HEADER_BYTES = 13

/** Frames stay well under every browser's data-channel limit (Chromium: 256 KiB). */
export const MAX_FRAME_BYTES = 64 * 1024

export interface ReassemblyLimits {
  /** the largest whole message accepted (a document's whole state can be big) */
  maxMessageBytes: number
  /** how many messages may be half-received at once from one peer */
  maxPending: number
  /** a half-received message with no new chunk for this long is dropped */
  staleAfterMs: number
}

export const DEFAULT_LIMITS: ReassemblyLimits = {
  maxMessageBytes: 128 * 1024 * 1024,
  maxPending: 4,
  staleAfterMs: 120_000
}

/** Splits a message into frames of at most `maxFrame` bytes (the message itself if it fits). */
export function splitMessage(message: Uint8Array, id: number, maxFrame = MAX_FRAME_BYTES): Uint8Array[] {
  if (message.length <= maxFrame && message[0] !== CHUNK_TAG) return [message]
  const room = maxFrame - HEADER_BYTES
  const count = Math.max(1, Math.ceil(message.length / room))
  const frames: Uint8Array[] = []
  for (let index = 0; index < count; index++) {
    const payload = message.subarray(index * room, (index + 1) * room)
    const frame = new Uint8Array(HEADER_BYTES + payload.length)
    const view = new DataView(frame.buffer)
    frame[0] = CHUNK_TAG
    view.setUint32(1, id >>> 0)
    view.setUint32(5, index)
    view.setUint32(9, count)
    frame.set(payload, HEADER_BYTES)
    frames.push(frame)
  }
  return frames
}

export type Received =
  | { kind: 'whole'; message: Uint8Array }
  | { kind: 'partial' }
  | { kind: 'refused'; reason: string }

interface Pending {
  count: number
  parts: Uint8Array[]
  bytes: number
  lastAt: number
}

/** Puts one peer's chunk frames back together, within bounds; never throws. */
export class Reassembler {
  private pending = new Map<number, Pending>()

  constructor(private readonly limits: ReassemblyLimits = DEFAULT_LIMITS) {}

  accept(frame: Uint8Array, now: number): Received {
    if (frame.length === 0) return { kind: 'refused', reason: 'empty message' }
    if (frame[0] !== CHUNK_TAG) return { kind: 'whole', message: frame }
    if (frame.length <= HEADER_BYTES) return { kind: 'refused', reason: 'chunk without payload' }
    this.dropStale(now)
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
    const id = view.getUint32(1)
    const index = view.getUint32(5)
    const count = view.getUint32(9)
    const payload = frame.subarray(HEADER_BYTES)
    if (count < 1 || index >= count) return this.refuse(id, `chunk ${index} of ${count}`)
    let entry = this.pending.get(id)
    if (!entry) {
      if (index !== 0) return { kind: 'refused', reason: `chunk ${index} of a message whose start never came` }
      if (this.pending.size >= this.limits.maxPending) return { kind: 'refused', reason: 'too many messages in flight' }
      entry = { count, parts: [], bytes: 0, lastAt: now }
      this.pending.set(id, entry)
    }
    // a data channel is ordered: chunks arrive one after the other
    if (entry.count !== count || entry.parts.length !== index) return this.refuse(id, 'chunks out of order')
    entry.bytes += payload.length
    if (entry.bytes > this.limits.maxMessageBytes) return this.refuse(id, 'message too large')
    entry.parts.push(payload.slice())
    entry.lastAt = now
    if (entry.parts.length < count) return { kind: 'partial' }
    this.pending.delete(id)
    return { kind: 'whole', message: concat(entry.parts, entry.bytes) }
  }

  /** Bytes held for half-received messages. */
  get heldBytes(): number {
    let total = 0
    for (const p of this.pending.values()) total += p.bytes
    return total
  }

  private refuse(id: number, reason: string): Received {
    this.pending.delete(id)
    return { kind: 'refused', reason }
  }

  private dropStale(now: number): void {
    for (const [id, p] of this.pending) if (now - p.lastAt > this.limits.staleAfterMs) this.pending.delete(id)
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
