import type { DateTime } from 'luxon'
import type { Cadence } from './cadence.ts'
import type { CeremonyKind } from './ceremonies.ts'
import { addDays, daysBetween, isoWeekday, toInstant, toUtcIso, zonedDateTime } from './localTime.ts'
import { type CeremonyOccurrence, plannedDateOf } from './schedule.ts'
import { sprintWorkingDates } from './placement.ts'
import type { CeremonySeries } from './settings.ts'

/**
 * Turns the occurrences of one ceremony series (one ceremony of one team, or one org ceremony)
 * into a recurrence, the way calendars store it:
 *
 * - daily sync-up: weekly on the cadence's working weekdays (FREQ=WEEKLY;BYDAY=MO,TU,…);
 * - the other ceremonies: once per sprint (FREQ=WEEKLY;INTERVAL=2 for two-week sprints, or
 *   FREQ=DAILY;INTERVAL=<days> when the sprint is not whole weeks), on the date the cadence gives
 *   sprint 1 without holidays, shifted by whole sprints;
 * - bounded by UNTIL at the last slot used; slots with nothing held (holidays, the sync-up that
 *   gives way to the retrospective, cancelled meetings) become EXDATEs;
 * - an occurrence that differs from its slot (moved by a holiday or by hand, other length) becomes
 *   an exception: same UID, RECURRENCE-ID = the slot it replaces.
 * A series with a single held occurrence is one plain event.
 */
export interface SeriesRecurrence {
  kind: CeremonyKind
  teamId: string | null
  zone: string
  /** DTSTART: the first slot (or the single occurrence's start), in `zone`. */
  start: DateTime
  durationMinutes: number
  /** RRULE value without the 'RRULE:' prefix, or null for a single event. */
  rrule: string | null
  exdates: DateTime[]
  exceptions: { recurrenceId: DateTime; occurrence: CeremonyOccurrence }[]
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const

function utcStamp(dt: DateTime): string {
  return dt.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")
}

interface SlotRule {
  /** The slot date an occurrence belongs to. */
  slotOf: (o: CeremonyOccurrence) => string
  /** Every slot date from `first` to `last`, inclusive. */
  slotsBetween: (first: string, last: string) => string[]
  rrule: string
}

function slotRule(cadence: Cadence, kind: CeremonyKind): SlotRule {
  const length = cadence.sprintLengthDays
  if (kind === 'daily-sync-up') {
    const days = [...cadence.workingDays].sort((a, b) => a - b)
    return {
      slotOf: (o) => o.plannedDate,
      slotsBetween: (first, last) =>
        Array.from({ length: daysBetween(first, last) + 1 }, (_, i) => addDays(first, i)).filter((d) => days.includes(isoWeekday(d))),
      rrule: `FREQ=WEEKLY;BYDAY=${days.map((d) => BYDAY[d - 1]).join(',')};WKST=MO`
    }
  }
  const regular = plannedDateOf(cadence, kind, sprintWorkingDates(cadence, 1, { ignoreHolidays: true }))
  if (!regular) throw new Error('The cadence has no working days.')
  return {
    slotOf: (o) => addDays(regular, (o.sprint - 1) * length),
    slotsBetween: (first, last) =>
      Array.from({ length: Math.floor(daysBetween(first, last) / length) + 1 }, (_, i) => addDays(first, i * length)),
    rrule: length % 7 === 0 ? `FREQ=WEEKLY;INTERVAL=${length / 7}` : `FREQ=DAILY;INTERVAL=${length}`
  }
}

/** The recurrence of one series; `occurrences` are that series' occurrences, cancelled ones included. */
export function seriesRecurrence(
  cadence: Cadence,
  series: CeremonySeries,
  occurrences: readonly CeremonyOccurrence[]
): SeriesRecurrence | null {
  const held = occurrences.filter((o) => !o.cancelled)
  const [only] = held
  if (!only) return null
  const base = { kind: series.kind, teamId: series.teamId, zone: series.zone }
  const rule = slotRule(cadence, series.kind)
  const slotInstant = (date: string) => zonedDateTime(date, series.localStart, series.zone)
  if (held.length === 1) {
    const start = toInstant(only.start).setZone(series.zone)
    return { ...base, start, durationMinutes: only.durationMinutes, rrule: null, exdates: [], exceptions: [] }
  }
  const bySlot = new Map(held.map((o) => [rule.slotOf(o), o]))
  const slotDates = [...bySlot.keys()].sort()
  const first = slotDates[0] ?? only.plannedDate
  const last = slotDates[slotDates.length - 1] ?? first
  const exdates: DateTime[] = []
  const exceptions: SeriesRecurrence['exceptions'] = []
  for (const date of rule.slotsBetween(first, last)) {
    const slot = slotInstant(date)
    const occurrence = bySlot.get(date)
    if (!occurrence) exdates.push(slot)
    else if (occurrence.start !== toUtcIso(slot) || occurrence.durationMinutes !== series.durationMinutes) {
      exceptions.push({ recurrenceId: slot, occurrence })
    }
  }
  return {
    ...base,
    start: slotInstant(first),
    durationMinutes: series.durationMinutes,
    rrule: `${rule.rrule};UNTIL=${utcStamp(slotInstant(last))}`,
    exdates,
    exceptions
  }
}
