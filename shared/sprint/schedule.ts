import type { Cadence, SprintTeam } from './cadence.ts'
import { CEREMONIES, CEREMONY_KINDS, type CeremonyKind, type CeremonyScope, type Participants } from './ceremonies.ts'
import { addDays, daysBetween, toInstant, toUtcIso, zonedDateTime } from './localTime.ts'
import { type OncePerSprintKind, dayAnchor, placeOnWorkingDay, sprintStartDate, sprintWorkingDates, syncUpDates } from './placement.ts'
import { type CeremonySeries, divisionDelegates, resolveCeremonySeries } from './settings.ts'

/**
 * Sprints and their ceremonies in time. Sprint n covers the org-local calendar days
 * [firstSprintStart + (n-1)·length, firstSprintStart + n·length), from local midnight to local
 * midnight in the org's zone. Every ceremony is a wall-clock time on a date in a zone, turned into
 * an instant with luxon, so a 12:00 Europe/Berlin sync-up is at 12:00 in Berlin on both sides of a
 * DST change (11:00Z in winter, 10:00Z in summer).
 */
export interface SprintRange {
  number: number
  /** First and last local date of the sprint (inclusive), in the org zone. */
  startDate: string
  endDate: string
  /** Local midnight at the start, and at the start of the next sprint (exclusive), in UTC. */
  start: string
  end: string
  zone: string
  /** Working dates of the sprint (working weekdays minus holidays). */
  workingDates: string[]
}

export function sprintRange(cadence: Cadence, n: number): SprintRange {
  const startDate = sprintStartDate(cadence, n)
  const nextStart = addDays(startDate, cadence.sprintLengthDays)
  return {
    number: n,
    startDate,
    endDate: addDays(nextStart, -1),
    start: toUtcIso(zonedDateTime(startDate, '00:00', cadence.timezone)),
    end: toUtcIso(zonedDateTime(nextStart, '00:00', cadence.timezone)),
    zone: cadence.timezone,
    workingDates: sprintWorkingDates(cadence, n)
  }
}

/** The number of the sprint containing `instant`, or null before the first sprint. */
export function sprintAt(cadence: Cadence, instant: string | Date): number | null {
  const localDate = toInstant(instant).setZone(cadence.timezone).toISODate()
  if (!localDate) return null
  const days = daysBetween(cadence.firstSprintStart, localDate)
  if (days < 0) return null
  return Math.floor(days / cadence.sprintLengthDays) + 1
}

export interface CeremonyOccurrence {
  /** Stable id `${kind}:${teamId | 'org'}:${plannedDate}`: the key of occurrence overrides. */
  id: string
  kind: CeremonyKind
  scope: CeremonyScope
  sprint: number
  teamId: string | null
  zone: string
  /** Local date the cadence places it on (before an occurrence override moves it). */
  plannedDate: string
  /** Local date and time it actually starts, in `zone`. */
  localDate: string
  localStart: string
  /** Start and end instants, ISO in UTC. */
  start: string
  end: string
  durationMinutes: number
  participants: Participants
  /** Division sprint planning only: whom each team sends, for the teams that chose. */
  delegates?: Record<string, Participants>
  /** Cancelled for this one date (listed so the UI can show and undo it). */
  cancelled: boolean
  /** Moved away from its planned date or time, or lengthened/shortened, by an occurrence override. */
  moved: boolean
  note?: string
}

export function occurrenceId(kind: CeremonyKind, teamId: string | null, plannedDate: string): string {
  return `${kind}:${teamId ?? 'org'}:${plannedDate}`
}

function occurrence(cadence: Cadence, sprint: number, series: CeremonySeries, plannedDate: string): CeremonyOccurrence {
  const id = occurrenceId(series.kind, series.teamId, plannedDate)
  const override = cadence.occurrences[id]
  const planned = zonedDateTime(plannedDate, series.localStart, series.zone)
  const start = override?.start ? toInstant(override.start).setZone(series.zone) : planned
  const durationMinutes = override?.durationMinutes ?? series.durationMinutes
  const result: CeremonyOccurrence = {
    id,
    kind: series.kind,
    scope: CEREMONIES[series.kind].scope,
    sprint,
    teamId: series.teamId,
    zone: series.zone,
    plannedDate,
    localDate: start.toISODate() ?? plannedDate,
    localStart: start.toFormat('HH:mm'),
    start: toUtcIso(start),
    end: toUtcIso(start.plus({ minutes: durationMinutes })),
    durationMinutes,
    participants: series.participants,
    cancelled: override?.cancelled ?? false,
    moved: start.toMillis() !== planned.toMillis() || durationMinutes !== series.durationMinutes
  }
  if (override?.note) result.note = override.note
  return result
}

/** Planned date of a once-per-sprint ceremony in sprint n, given the sprint's working dates. */
export function plannedDateOf(cadence: Cadence, kind: OncePerSprintKind, workingDates: readonly string[]): string | undefined {
  return placeOnWorkingDay(workingDates, dayAnchor(cadence, kind))
}

/**
 * Every ceremony of sprint n: for each team its planning, sync-ups, scrum and retrospective (unless
 * the team cancelled that ceremony), and once for the org the division sprint planning and the
 * sprint retro & demo. Sorted by start, then by the diagram's order, then by team id.
 * Occurrences cancelled by an occurrence override are included with `cancelled: true`.
 */
export function scheduleSprint(cadence: Cadence, n: number, teams: readonly SprintTeam[]): CeremonyOccurrence[] {
  const ids = teams.map((t) => t.id)
  if (new Set(ids).size !== ids.length) throw new Error('Two teams have the same id.')
  const workingDates = sprintWorkingDates(cadence, n)
  const result: CeremonyOccurrence[] = []
  for (const team of teams) {
    const series = (kind: CeremonyKind) => resolveCeremonySeries(cadence, kind, team)
    const held = (kind: OncePerSprintKind) => (series(kind).cancelled ? undefined : plannedDateOf(cadence, kind, workingDates))
    for (const kind of ['team-sprint-planning', 'team-scrum', 'team-retrospective'] as const) {
      const date = held(kind)
      if (date) result.push(occurrence(cadence, n, series(kind), date))
    }
    const syncUp = series('daily-sync-up')
    if (!syncUp.cancelled) {
      const dates = syncUpDates(cadence, workingDates, {
        retrospectiveDate: held('team-retrospective'),
        planningDate: held('team-sprint-planning')
      })
      for (const date of dates) result.push(occurrence(cadence, n, syncUp, date))
    }
  }
  for (const kind of ['division-sprint-planning', 'sprint-retro-demo'] as const) {
    const date = plannedDateOf(cadence, kind, workingDates)
    if (!date) continue
    const item = occurrence(cadence, n, resolveCeremonySeries(cadence, kind, null), date)
    if (kind === 'division-sprint-planning') item.delegates = divisionDelegates(cadence, teams)
    result.push(item)
  }
  const order = (kind: CeremonyKind) => CEREMONY_KINDS.indexOf(kind)
  return result.sort(
    (a, b) => a.start.localeCompare(b.start) || order(a.kind) - order(b.kind) || (a.teamId ?? '').localeCompare(b.teamId ?? '')
  )
}

/** The occurrences that will take place (cancelled ones left out). */
export function heldOccurrences(occurrences: readonly CeremonyOccurrence[]): CeremonyOccurrence[] {
  return occurrences.filter((o) => !o.cancelled)
}
