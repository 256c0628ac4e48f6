import { DateTime } from 'luxon'

/**
 * A VTIMEZONE component for an IANA zone, built from luxon's (the platform's Intl) zone data: one
 * STANDARD or DAYLIGHT sub-component per UTC-offset change between `fromMs` and `toMs`, each with
 * its own DTSTART (RFC 5545 §3.6.5 allows that instead of an RRULE), plus one for the offset in
 * force at `fromMs`. Exact for the covered years, which is all a bounded export needs, and the same
 * rules luxon used to compute the instants.
 */
const STEP_MS = 86_400_000

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset
}

/** First minute at which the offset differs from the one at `lo` (lo < change ≤ hi). */
function findChange(zone: string, lo: number, hi: number): number {
  const before = offsetAt(zone, lo)
  let a = lo
  let b = hi
  while (b - a > 60_000) {
    const mid = a + Math.floor((b - a) / 120_000) * 60_000
    if (offsetAt(zone, mid) === before) a = mid
    else b = mid
  }
  return b
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`
}

/** Wall-clock time (as iCalendar local date-time) of an instant read with a given offset. */
function wallClock(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms + offsetMinutes * 60_000, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss")
}

function component(zone: string, ms: number, from: number, to: number): string[] {
  // en-US: the same TZNAME on every machine, whatever the user's locale
  const at = DateTime.fromMillis(ms, { zone, locale: 'en-US' })
  const type = at.isInDST ? 'DAYLIGHT' : 'STANDARD'
  return [
    `BEGIN:${type}`,
    `DTSTART:${wallClock(ms, from)}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `TZNAME:${at.offsetNameShort ?? formatOffset(to)}`,
    `END:${type}`
  ]
}

export interface OffsetChange {
  /** UTC milliseconds of the change. */
  at: number
  from: number
  to: number
}

/** The zone's UTC-offset changes in [fromMs, toMs]. */
export function offsetChanges(zone: string, fromMs: number, toMs: number): OffsetChange[] {
  const changes: OffsetChange[] = []
  let previous = offsetAt(zone, fromMs)
  for (let t = fromMs; t < toMs; t += STEP_MS) {
    const next = Math.min(t + STEP_MS, toMs)
    const offset = offsetAt(zone, next)
    if (offset !== previous) {
      changes.push({ at: findChange(zone, t, next), from: previous, to: offset })
      previous = offset
    }
  }
  return changes
}

/** The VTIMEZONE text (lines joined with CRLF) for `zone`, valid from `fromMs` to `toMs`. */
export function vtimezone(zone: string, fromMs: number, toMs: number): string {
  const initial = offsetAt(zone, fromMs)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`, ...component(zone, fromMs, initial, initial)]
  for (const change of offsetChanges(zone, fromMs, toMs)) lines.push(...component(zone, change.at, change.from, change.to))
  lines.push('END:VTIMEZONE')
  return lines.join('\r\n')
}
