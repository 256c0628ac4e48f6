import ical, { type ICalCalendar } from 'ical-generator'
import { DateTime } from 'luxon'
import type { Cadence, SprintTeam } from './cadence.ts'
import { CEREMONIES, CEREMONY_KINDS, type CeremonyKind, describeCeremony } from './ceremonies.ts'
import { toInstant } from './localTime.ts'
import { type SeriesRecurrence, seriesRecurrence } from './recurrence.ts'
import { type CeremonyOccurrence, scheduleSprint } from './schedule.ts'
import { resolveCeremonySeries } from './settings.ts'
import { vtimezone } from './vtimezone.ts'

/**
 * iCalendar (.ics) export of the ceremonies of a range of sprints, for one team or the whole org.
 *
 * - One VEVENT series per ceremony and team, with a stable UID `<ceremony>-<team id>@tandem`
 *   (`<ceremony>-<orgId>@tandem` for org ceremonies): importing a newer export updates the series
 *   instead of adding a copy. The export replaces the series as a whole, so export the whole range
 *   you want in people's calendars.
 * - Recurrences, EXDATEs and RECURRENCE-ID exceptions as in recurrence.ts.
 * - Times are local with TZID (the team's or the org's IANA zone), and the calendar carries a
 *   VTIMEZONE for every zone used, generated from the same zone data that placed the meetings
 *   (vtimezone.ts), so clients resolve the zone from the file itself. X-WR-TIMEZONE names the org zone.
 */
export interface IcsExportOptions {
  /** All teams of the org (names for summaries, zones, division delegates). */
  teams: readonly SprintTeam[]
  /** A team's calendar: its ceremonies plus the division and org ones. Absent: the whole org. */
  teamId?: string
  fromSprint: number
  toSprint: number
  /** Only these ceremonies (default: all). */
  kinds?: readonly CeremonyKind[]
  /** Used in the UIDs of org ceremonies, so two orgs' calendars do not collide. Default 'org'. */
  orgId?: string
  calendarName?: string
  /** DTSTAMP of every event (default: now). */
  stamp?: string | Date
  /** SEQUENCE of every event: raise it when re-sending an export (default 0). */
  sequence?: number
}

export function ceremonyUid(kind: CeremonyKind, teamId: string | null, orgId = 'org'): string {
  return `${kind}-${teamId ?? orgId}@tandem`
}

/** The occurrences an export covers: the same selection as `exportIcs`, cancelled ones included. */
export function exportedOccurrences(cadence: Cadence, options: IcsExportOptions): CeremonyOccurrence[] {
  if (options.fromSprint > options.toSprint) throw new RangeError('fromSprint is after toSprint.')
  if (options.teamId !== undefined && !options.teams.some((t) => t.id === options.teamId)) {
    throw new Error(`Unknown team ${options.teamId}.`)
  }
  const kinds = options.kinds ?? CEREMONY_KINDS
  const result: CeremonyOccurrence[] = []
  for (let n = options.fromSprint; n <= options.toSprint; n++) {
    for (const o of scheduleSprint(cadence, n, options.teams)) {
      const forTeam = options.teamId === undefined || o.teamId === null || o.teamId === options.teamId
      if (forTeam && kinds.includes(o.kind)) result.push(o)
    }
  }
  return result
}

function summaryOf(kind: CeremonyKind, teamId: string | null, teams: readonly SprintTeam[]): string {
  const label = CEREMONIES[kind].label
  const team = teams.find((t) => t.id === teamId)
  return team ? `${label} · ${team.name}` : label
}

function addSeries(calendar: ICalCalendar, recurrence: SeriesRecurrence, options: IcsExportOptions): void {
  const id = ceremonyUid(recurrence.kind, recurrence.teamId, options.orgId)
  const common = {
    id,
    summary: summaryOf(recurrence.kind, recurrence.teamId, options.teams),
    description: describeCeremony(recurrence.kind),
    timezone: recurrence.zone,
    sequence: options.sequence ?? 0,
    ...(options.stamp !== undefined ? { stamp: toInstant(options.stamp) } : {})
  }
  const exdates = recurrence.exdates.length
    ? `\nEXDATE;TZID=${recurrence.zone}:${recurrence.exdates.map((d) => d.setZone(recurrence.zone).toFormat("yyyyMMdd'T'HHmmss")).join(',')}`
    : ''
  calendar.createEvent({
    ...common,
    start: recurrence.start,
    end: recurrence.start.plus({ minutes: recurrence.durationMinutes }),
    ...(recurrence.rrule ? { repeating: `RRULE:${recurrence.rrule}${exdates}` } : {})
  })
  for (const { recurrenceId, occurrence } of recurrence.exceptions) {
    const start = toInstant(occurrence.start).setZone(recurrence.zone)
    calendar.createEvent({
      ...common,
      recurrenceId,
      start,
      end: start.plus({ minutes: occurrence.durationMinutes }),
      ...(occurrence.note ? { description: `${occurrence.note}\n\n${common.description}` } : {})
    })
  }
}

/** Years of zone data the calendar needs: a year either side of everything exported. */
function zoneSpan(occurrences: readonly CeremonyOccurrence[]): { fromMs: number; toMs: number } {
  const times = occurrences.flatMap((o) => [toInstant(o.start).toMillis(), toInstant(o.end).toMillis()])
  const first = DateTime.fromMillis(Math.min(...times), { zone: 'utc' })
  const last = DateTime.fromMillis(Math.max(...times), { zone: 'utc' })
  return {
    fromMs: DateTime.utc(first.year - 1, 1, 1).toMillis(),
    toMs: DateTime.utc(last.year + 2, 1, 1).toMillis()
  }
}

/**
 * Text for a property ical-generator does not escape: control characters (a line break would
 * start a new property, e.g. a whole injected VEVENT) become spaces.
 */
function oneLine(text: string): string {
  let out = ''
  for (const ch of text) out += ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch
  return out.replace(/ {2,}/g, ' ').trim()
}

/** The .ics text for the chosen team (or the org) and sprints. */
export function exportIcs(cadence: Cadence, options: IcsExportOptions): string {
  const occurrences = exportedOccurrences(cadence, options)
  const team = options.teams.find((t) => t.id === options.teamId)
  const span = occurrences.length ? zoneSpan(occurrences) : { fromMs: 0, toMs: 0 }
  const calendar = ical({
    // ical-generator escapes event text but writes the calendar's name as it is: one line only
    name: oneLine(options.calendarName ?? (team ? `${team.name} · sprint ceremonies` : 'Sprint ceremonies')),
    prodId: '//Tandem//Sprint ceremonies//EN',
    timezone: { name: null, generator: (zone) => vtimezone(zone, span.fromMs, span.toMs) }
  })
  calendar.x('X-WR-TIMEZONE', oneLine(cadence.timezone))
  const bySeries = new Map<string, CeremonyOccurrence[]>()
  for (const o of occurrences) {
    const key = `${o.kind}\u0000${o.teamId ?? ''}`
    bySeries.set(key, [...(bySeries.get(key) ?? []), o])
  }
  for (const list of bySeries.values()) {
    const [first] = list
    if (!first) continue
    const owner = first.teamId === null ? null : (options.teams.find((t) => t.id === first.teamId) ?? null)
    const recurrence = seriesRecurrence(cadence, resolveCeremonySeries(cadence, first.kind, owner), list)
    if (recurrence) addSeries(calendar, recurrence, options)
  }
  return calendar.toString()
}
