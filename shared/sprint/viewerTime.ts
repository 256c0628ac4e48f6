import { DateTime } from 'luxon'
import { toInstant } from './localTime.ts'

/**
 * Ceremony times as a viewer reads them: in the viewer's own zone, with the ceremony's zone
 * noted when it is another one ("12:00 in Europe/Berlin").
 */
export interface ViewerTime {
  /** the viewer's local date and times, 'YYYY-MM-DD' and 'HH:mm' */
  date: string
  start: string
  end: string
  /** "Wed 7 Jan" */
  day: string
  /** "16:00 in America/New_York", or null when the ceremony is in the viewer's zone */
  zoneNote: string | null
}

export function viewerTime(o: { start: string; end: string; zone: string }, viewerZone: string): ViewerTime {
  const start = toInstant(o.start).setZone(viewerZone)
  const end = toInstant(o.end).setZone(viewerZone)
  const there = toInstant(o.start).setZone(o.zone)
  const sameDay = there.toISODate() === start.toISODate()
  return {
    date: start.toISODate() ?? '',
    start: start.toFormat('HH:mm'),
    end: end.toFormat('HH:mm'),
    day: formatDay(start.toISODate() ?? ''),
    zoneNote: o.zone === viewerZone ? null : `${there.toFormat('HH:mm')}${sameDay ? '' : ` ${formatDay(there.toISODate() ?? '')}`} in ${o.zone}`
  }
}

/** "Wed 7 Jan" for '2026-01-07'. */
export function formatDay(date: string): string {
  const dt = DateTime.fromISO(date, { zone: 'utc', locale: 'en-GB' })
  return dt.isValid ? dt.toFormat('ccc d LLL') : date
}

/** "Wednesday 7 January 2026" for '2026-01-07'. */
export function formatLongDay(date: string): string {
  const dt = DateTime.fromISO(date, { zone: 'utc', locale: 'en-GB' })
  return dt.isValid ? dt.toFormat('cccc d LLLL yyyy') : date
}

/** "7 Jan – 20 Jan 2026" (the year once when both ends share it). */
export function formatDateRange(from: string, to: string): string {
  const a = DateTime.fromISO(from, { zone: 'utc', locale: 'en-GB' })
  const b = DateTime.fromISO(to, { zone: 'utc', locale: 'en-GB' })
  if (!a.isValid || !b.isValid) return `${from} – ${to}`
  return a.year === b.year ? `${a.toFormat('d LLL')} – ${b.toFormat('d LLL yyyy')}` : `${a.toFormat('d LLL yyyy')} – ${b.toFormat('d LLL yyyy')}`
}

/** The UTC offset of a zone at an instant, "UTC+1" / "UTC−4:30". */
export function zoneOffsetLabel(zone: string, instantMs: number): string {
  const minutes = DateTime.fromMillis(instantMs, { zone }).offset
  const sign = minutes < 0 ? '−' : '+'
  const abs = Math.abs(minutes)
  const h = Math.floor(abs / 60)
  const m = abs % 60
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`
}

/** Date and time of an instant in a zone, for an `<input type="datetime-local">`: 'YYYY-MM-DDTHH:mm'. */
export function toLocalInput(instant: string, zone: string): string {
  return toInstant(instant).setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm")
}

/** The instant of a `datetime-local` value read in a zone, as ISO with offset; null when invalid. */
export function fromLocalInput(value: string, zone: string): string | null {
  const dt = DateTime.fromISO(value, { zone })
  return dt.isValid ? dt.toISO({ suppressMilliseconds: true }) : null
}
