import { describe, expect, it } from 'vitest'
import { CHUNK_TAG, MAX_FRAME_BYTES, Reassembler, splitMessage } from '@shared/sync/chunks.ts'

function bytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24
  out[0] = 0 // a y-webrtc message starts with its type
  return out
}

/** byte equality without a deep-equal over millions of elements */
const same = (a: Uint8Array | null, b: Uint8Array) => a !== null && Buffer.from(a).equals(Buffer.from(b))

function roundTrip(message: Uint8Array, r = new Reassembler()): Uint8Array | null {
  let whole: Uint8Array | null = null
  const frames = splitMessage(message, 42)
  expect(Math.max(...frames.map((f) => f.length))).toBeLessThanOrEqual(MAX_FRAME_BYTES)
  for (const frame of frames) {
    const got = r.accept(frame, 0)
    if (got.kind === 'refused') throw new Error(got.reason)
    if (got.kind === 'whole') whole = got.message
  }
  return whole
}

describe('large sync messages in chunks', () => {
  it('sends a small message unchanged', () => {
    const m = bytes(100)
    expect(splitMessage(m, 1)).toEqual([m])
    expect(new Reassembler().accept(m, 0)).toEqual({ kind: 'whole', message: m })
  })

  it.each([MAX_FRAME_BYTES, MAX_FRAME_BYTES + 1, 300 * 1024, 2 * 1024 * 1024 + 17])('splits and reassembles %i bytes exactly', (n) => {
    const m = bytes(n)
    const frames = splitMessage(m, 9)
    expect(frames.length).toBe(n <= MAX_FRAME_BYTES ? 1 : Math.ceil(n / (MAX_FRAME_BYTES - 13)))
    expect(same(roundTrip(m), m)).toBe(true)
  })

  it('never mistakes a message that happens to start with the tag for a chunk', () => {
    const m = bytes(10)
    m[0] = CHUNK_TAG
    expect(roundTrip(m)).toEqual(m)
  })

  it('reassembles messages from one peer one after another, holding nothing afterwards', () => {
    const r = new Reassembler()
    for (let i = 0; i < 3; i++) expect(same(roundTrip(bytes(200_000, i), r), bytes(200_000, i))).toBe(true)
    expect(r.heldBytes).toBe(0)
  })

  it('refuses out-of-order, orphan and malformed chunks without throwing', () => {
    const frames = splitMessage(bytes(200_000), 5)
    const r = new Reassembler()
    expect(r.accept(frames[1]!, 0).kind).toBe('refused')
    expect(r.accept(frames[0]!, 0).kind).toBe('partial')
    expect(r.accept(frames[2]!, 0)).toMatchObject({ kind: 'refused', reason: 'chunks out of order' })
    expect(r.heldBytes).toBe(0)
    expect(r.accept(new Uint8Array([CHUNK_TAG, 1, 2]), 0).kind).toBe('refused')
    expect(r.accept(new Uint8Array(0), 0).kind).toBe('refused')
    const bad = frames[0]!.slice()
    new DataView(bad.buffer).setUint32(5, 9) // index past count
    expect(r.accept(bad, 0).kind).toBe('refused')
  })

  it('bounds what a peer can make it hold: size, messages in flight, and stale halves', () => {
    const small = new Reassembler({ maxMessageBytes: 100_000, maxPending: 2, staleAfterMs: 1000 })
    const big = splitMessage(bytes(300_000), 1)
    let last = small.accept(big[0]!, 0)
    for (let i = 1; i < big.length && last.kind === 'partial'; i++) last = small.accept(big[i]!, 0)
    expect(last).toMatchObject({ kind: 'refused', reason: 'message too large' })
    expect(small.heldBytes).toBe(0)

    expect(small.accept(splitMessage(bytes(90_000), 2)[0]!, 0).kind).toBe('partial')
    expect(small.accept(splitMessage(bytes(90_000), 3)[0]!, 0).kind).toBe('partial')
    expect(small.accept(splitMessage(bytes(90_000), 4)[0]!, 0)).toMatchObject({ kind: 'refused', reason: 'too many messages in flight' })
    // later, the stale halves are dropped and a new message is accepted
    expect(small.accept(splitMessage(bytes(90_000), 4)[0]!, 5000).kind).toBe('partial')
    expect(small.heldBytes).toBeLessThan(90_000)
  })
})
