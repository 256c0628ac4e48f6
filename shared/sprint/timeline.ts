import type { Cadence, SprintTeam } from './cadence.ts'
import { addDays, isoWeekday } from './localTime.ts'
import { type CeremonyOccurrence, type SprintRange, scheduleSprint, sprintRange } from './schedule.ts'

/**
 * The sprint timeline as the seed's diagram draws it: the sprint's days left to right, a row for
 * the org-wide meetings and one per team, each day's ceremonies in the order they happen.
 */
export interface TimelineColumn {
  date: string
  /** 1-based number among the sprint's working days; null on a holiday, a weekend day shown because
   * it is today, or a day a meeting was moved to */
  workingDay: number | null
  holiday: boolean
  today: boolean
}

export interface TimelineRow {
  /** a team id, or 'org' for the division and org ceremonies */
  id: string
  label: string
  /** one list per column, in order of start */
  cells: CeremonyOccurrence[][]
}

export interface SprintTimeline {
  sprint: number
  range: SprintRange
  /** today falls inside this sprint */
  current: boolean
  columns: TimelineColumn[]
  rows: TimelineRow[]
  occurrences: CeremonyOccurrence[]
}

export interface TimelineOptions {
  /** the viewer's today ('YYYY-MM-DD') */
  today: string
  /** only this team's row (and the org's) */
  teamId?: string
  orgLabel?: string
}

export function buildTimeline(cadence: Cadence, n: number, teams: readonly SprintTeam[], options: TimelineOptions): SprintTimeline {
  const range = sprintRange(cadence, n)
  const shown = options.teamId === undefined ? teams : teams.filter((t) => t.id === options.teamId)
  const occurrences = scheduleSprint(cadence, n, teams).filter(
    (o) => o.teamId === null || options.teamId === undefined || o.teamId === options.teamId
  )

  // the working days, the holidays that would have been working days, and any day a meeting was moved to
  const dates = new Set(range.workingDates)
  for (let d = range.startDate; d <= range.endDate; d = addDays(d, 1)) {
    if (cadence.holidays.includes(d) && cadence.workingDays.includes(isoWeekday(d))) dates.add(d)
  }
  for (const o of occurrences) dates.add(o.localDate)
  // today is marked even on a weekend, so the viewer sees where the sprint stands
  if (options.today >= range.startDate && options.today <= range.endDate) dates.add(options.today)
  const columns: TimelineColumn[] = [...dates].sort().map((date) => {
    const index = range.workingDates.indexOf(date)
    return {
      date,
      workingDay: index >= 0 ? index + 1 : null,
      holiday: cadence.holidays.includes(date),
      today: date === options.today
    }
  })
  const columnOf = new Map(columns.map((c, i) => [c.date, i]))

  const rowFor = (id: string, label: string): TimelineRow => ({ id, label, cells: columns.map(() => []) })
  const rows = [rowFor('org', options.orgLabel ?? 'Whole org'), ...shown.map((t) => rowFor(t.id, t.name))]
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]))
  for (const o of occurrences) {
    const row = rows[rowIndex.get(o.teamId ?? 'org') ?? -1]
    const column = columnOf.get(o.localDate)
    if (row && column !== undefined) row.cells[column]?.push(o)
  }
  return {
    sprint: n,
    range,
    current: options.today >= range.startDate && options.today <= range.endDate,
    columns,
    rows,
    occurrences
  }
}
