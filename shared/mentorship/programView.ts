/**
 * The org's program view (issue 15 #7), from the org's pair records only — never a journal:
 * participation over time (pairs running in each month).
 */

export interface MonthCount {
  /** 'YYYY-MM' */
  month: string
  active: number
}

/** Pairs running at some point of each of the last `months` months up to `today` (ISO day), oldest first. */
export function participationByMonth(pairs: readonly { startedAt: number; endedAt: number | null }[], today: string, months = 12): MonthCount[] {
  const [y, m] = today.split('-').map(Number) as [number, number]
  const out: MonthCount[] = []
  for (let i = Math.max(1, Math.min(60, months)) - 1; i >= 0; i--) {
    const start = Date.UTC(y, m - 1 - i, 1)
    const end = Date.UTC(y, m - i, 1)
    const active = pairs.filter((p) => p.startedAt > 0 && p.startedAt < end && (p.endedAt === null || p.endedAt >= start)).length
    out.push({ month: new Date(start).toISOString().slice(0, 7), active })
  }
  return out
}
