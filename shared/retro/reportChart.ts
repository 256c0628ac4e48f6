/**
 * Geometry for the late-ticket report's charts, in chart units (the SVG scales them): stacked bars
 * of counts per reason, a value axis with round ticks. Pure, so the chart and its table always
 * show the same numbers.
 */
export interface StackRow {
  key: string
  label: string
  /** reason id → count */
  counts: Readonly<Record<string, number>>
}

export interface Segment {
  reasonId: string
  value: number
  /** cumulative count where this segment starts and ends */
  from: number
  to: number
}

export interface StackBar {
  key: string
  label: string
  total: number
  segments: Segment[]
}

/** One bar per row; segments in `reasonOrder` (the report's top reasons first), zero counts left out. */
export function stackBars(rows: readonly StackRow[], reasonOrder: readonly string[]): StackBar[] {
  return rows.map((row) => {
    let at = 0
    const segments: Segment[] = []
    const ids = [...reasonOrder, ...Object.keys(row.counts).filter((id) => !reasonOrder.includes(id)).sort()]
    for (const reasonId of ids) {
      const value = Object.hasOwn(row.counts, reasonId) ? row.counts[reasonId]! : 0
      if (value <= 0) continue
      segments.push({ reasonId, value, from: at, to: at + value })
      at += value
    }
    return { key: row.key, label: row.label, total: at, segments }
  })
}

/**
 * A count axis from 0: the top is a round number at or above `max`, ticks every 1, 2 or 5 × 10ⁿ,
 * at most `maxTicks` steps. An empty chart still has an axis of 0…1.
 */
export function countAxis(max: number, maxTicks = 5): { top: number; ticks: number[] } {
  const m = Math.max(1, Math.ceil(max))
  let step: number | undefined
  for (let magnitude = 1; step === undefined; magnitude *= 10) {
    step = [1, 2, 5].map((f) => f * magnitude).find((s) => Math.ceil(m / s) <= maxTicks)
  }
  const top = Math.ceil(m / step) * step
  const ticks: number[] = []
  for (let t = 0; t <= top; t += step) ticks.push(t)
  return { top, ticks }
}

/** Where a value sits along an axis of `length` units whose top is `top`. */
export const scale = (value: number, top: number, length: number): number => (top <= 0 ? 0 : (value / top) * length)
