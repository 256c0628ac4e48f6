import { DateTime, IANAZone } from 'luxon'
import { z } from 'zod'

/**
 * Calendar dates and wall-clock times, and the step from "12:00 on 2026-03-30 in Europe/Berlin" to
 * an instant. Dates are ISO strings ('2026-03-30', shared/time/dates.ts); date arithmetic is done on the calendar (in UTC,
 * where every day has 24 hours), never by adding milliseconds in a zone, so DST cannot shift a day.
 */
/** A local wall-clock time, 'HH:mm', 00:00 to 23:59. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30.')
export type LocalTime = z.infer<typeof LocalTime>

/** the longest IANA zone name is 32 characters; a longer one is refused before the zone database is asked */
export const TimeZoneName = z.string().max(100, { abort: true, message: 'A time zone name is at most 100 characters.' }).refine((zone) => IANAZone.isValidZone(zone), {
  message: 'Use an IANA time zone such as Europe/Berlin.'
})

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const IsoWeekday = z.number().int().min(1).max(7)

const DAY_MS = 86_400_000

function dateToUtcMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date: ${date}`)
  return ms
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS)
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(dateToUtcMs(date)).getUTCDay()
  return day === 0 ? 7 : day
}

export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':')
  return Number(h) * 60 + Number(m)
}

export function formatMinutes(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/**
 * The instant of a wall-clock time on a date in a zone. A time that does not exist (inside a
 * spring-forward gap) moves forward by the gap, as luxon does.
 */
export function zonedDateTime(date: string, time: string, zone: string): DateTime {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone })
  if (!dt.isValid) throw new RangeError(`Invalid local time ${date} ${time} in ${zone}: ${dt.invalidExplanation ?? ''}`)
  return dt
}

/** An instant as an ISO string in UTC, to the second: '2026-03-30T10:00:00Z'. */
export function toUtcIso(dt: DateTime): string {
  return dt.toUTC().toISO({ suppressMilliseconds: true }) ?? ''
}

/** Parses an ISO instant (with offset or Z; without one it is read as UTC) or a Date. */
export function toInstant(instant: string | Date): DateTime {
  const dt = typeof instant === 'string'
    ? DateTime.fromISO(instant, { zone: 'utc', setZone: true })
    : DateTime.fromJSDate(instant, { zone: 'utc' })
  if (!dt.isValid) throw new RangeError(`Not an instant: ${String(instant)}`)
  return dt
}
