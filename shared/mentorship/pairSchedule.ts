import ical from 'ical-generator'
import { DateTime, IANAZone } from 'luxon'

/**
 * Sessions on the calendar (issue 15 #6): the pair's next session at a time in the scheduler's zone,
 * shown in both people's zones, and the pair's sessions as an .ics file (held ones as whole days,
 * the planned one at its time). Bounded: names and the agenda are cut, at most 500 sessions.
 */

export interface PlannedSession {
  date: string
  /** 'HH:mm' in `zone` */
  time: string
  zone: string
  minutes: number
  agenda: string
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

export function isPlannable(p: { date: string | null; time: string | null; zone: string | null }): p is { date: string; time: string; zone: string } {
  return !!p.date && !!p.time && TIME.test(p.time) && !!p.zone && p.zone.length <= 100 && IANAZone.isValidZone(p.zone)
}

/** The instant of a wall-clock time in a zone (a time skipped by DST moves forward, as calendars do). */
export function sessionStart(p: { date: string; time: string; zone: string }): DateTime {
  return DateTime.fromISO(`${p.date}T${p.time}`, { zone: p.zone })
}

/** "Thu, Jun 4, 14:00 Europe/Berlin" for each zone, without repeating a zone. */
export function inZones(p: { date: string; time: string; zone: string }, zones: readonly (string | null | undefined)[]): string[] {
  const start = sessionStart(p)
  const seen = new Set<string>()
  const out: string[] = []
  for (const zone of [p.zone, ...zones]) {
    if (!zone || seen.has(zone) || zone.length > 100 || !IANAZone.isValidZone(zone)) continue
    seen.add(zone)
    out.push(`${start.setZone(zone).toFormat('ccc, LLL d, HH:mm')} ${zone}`)
  }
  return out
}

const cut = (text: string, n: number) => text.replace(/[\r\n]+/g, ' ').slice(0, n)

export interface PairCalendarInput {
  spaceId: string
  title: string
  participants: readonly string[]
  sessions: readonly { id: string; title: string; date: string | null; durationMinutes: number | null }[]
  next: PlannedSession | null
}

/** The pair's sessions as an iCalendar file: each dated session a whole day, the next one at its time. */
export function pairCalendar(input: PairCalendarInput): string {
  const calendar = ical({ name: cut(`${input.title || 'Mentoring pair'} · sessions`, 200), prodId: '//Tandem//Mentoring pair//EN' })
  const who = input.participants.filter(Boolean).map((p) => cut(p, 100)).join(' & ')
  for (const s of input.sessions.slice(0, 500)) {
    if (!s.date) continue
    const day = DateTime.fromISO(s.date, { zone: 'utc' })
    if (!day.isValid) continue
    calendar.createEvent({
      id: `session-${cut(s.id, 100)}-${cut(input.spaceId, 100)}@tandem`,
      start: day.toJSDate(),
      end: day.plus({ days: 1 }).toJSDate(),
      allDay: true,
      summary: cut(`${s.title || 'Session'} · ${who}`, 300),
      description: s.durationMinutes ? `${s.durationMinutes} minutes` : undefined
    })
  }
  if (input.next) {
    const start = sessionStart(input.next)
    if (start.isValid) {
      calendar.createEvent({
        id: `next-${cut(input.spaceId, 100)}@tandem`,
        start: start.toUTC().toJSDate(),
        end: start.plus({ minutes: Math.max(5, Math.min(600, input.next.minutes || 60)) }).toUTC().toJSDate(),
        summary: cut(`Mentoring session · ${who}`, 300),
        description: cut(input.next.agenda, 2000) || undefined
      })
    }
  }
  return calendar.toString()
}
