/**
 * Positions in a room's log. A sequence number is `<ms>-<n>` as Redis Streams write their ids
 * (the embedded store writes `<n>-0`), compared as two whole numbers, never as text.
 */
export type Seq = string

const SEQ_RE = /^(\d{1,16})-(\d{1,16})$/

export function isSeq(value: unknown): value is Seq {
  return typeof value === 'string' && SEQ_RE.test(value)
}

function parts(seq: Seq): [number, number] {
  const m = SEQ_RE.exec(seq)
  if (!m) throw new Error(`not a log position: ${seq.slice(0, 40)}`)
  return [Number(m[1]), Number(m[2])]
}

/** <0 when a is before b, 0 when equal, >0 after. */
export function compareSeq(a: Seq, b: Seq): number {
  const [a1, a2] = parts(a)
  const [b1, b2] = parts(b)
  return a1 !== b1 ? a1 - b1 : a2 - b2
}

/** The position right after `seq` (what Redis' XTRIM MINID keeps from, to drop `seq` and before). */
export function seqAfter(seq: Seq): Seq {
  const [a, b] = parts(seq)
  return `${a}-${b + 1}`
}

/** The embedded store's n-th position. */
export function seqOf(n: number): Seq {
  return `${n}-0`
}

export const SEQ_ZERO: Seq = '0-0'
