import { DateTime } from 'luxon'
import { z } from 'zod'

/**
 * Calendar dates, as every feature stores them: ISO "YYYY-MM-DD" strings (sortable, time-zone free,
 * plain JSON for Yjs). Impossible dates such as 2026-02-30 are refused. "Today" depends on a zone
 * and an instant, so it is always computed from both (`todayIn`).
 */
export const IsoDate = z.iso.date({ error: 'must be a date like 2026-07-15' })
export type IsoDate = z.infer<typeof IsoDate>

export function isIsoDate(text: string): boolean {
  return IsoDate.safeParse(text).success
}

/** This device's IANA time zone ('UTC' when the runtime does not say). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** The calendar date in a zone at an instant (ms since epoch); an unknown zone counts as UTC. */
export function todayIn(zone: string, nowMs: number): IsoDate {
  return DateTime.fromMillis(nowMs, { zone }).toISODate() ?? new Date(nowMs).toISOString().slice(0, 10)
}
