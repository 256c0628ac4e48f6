import type { Cadence } from './cadence.ts'
import { addDays, daysBetween, isoWeekday } from './localTime.ts'
import { sprintWorkingDates } from './placement.ts'

/**
 * Days as people use them in the sprint views: which sprint a calendar date belongs to, and which
 * day a daily sync-up page opens on. "Today" itself is `todayIn` (shared/time/dates.ts).
 */

/** The sprint an org-local calendar date belongs to, or null before the first sprint. */
export function sprintOfDate(cadence: Cadence, date: string): number | null {
  const days = daysBetween(cadence.firstSprintStart, date)
  if (days < 0) return null
  return Math.floor(days / cadence.sprintLengthDays) + 1
}

/** The sprint to show by default: the one running on `today`, or sprint 1 before the first. */
export function currentSprint(cadence: Cadence, today: string): number {
  return sprintOfDate(cadence, today) ?? 1
}

export function isWorkingDate(cadence: Cadence, date: string): boolean {
  return cadence.workingDays.includes(isoWeekday(date)) && !cadence.holidays.includes(date)
}

/**
 * The working date nearest `date` in a direction (1: on or after, -1: on or before), looking at
 * most a year away; null when the cadence has no working day in that time.
 */
export function nearestWorkingDate(cadence: Cadence, date: string, direction: 1 | -1 = 1): string | null {
  for (let i = 0; i <= 366; i++) {
    const candidate = addDays(date, i * direction)
    if (isWorkingDate(cadence, candidate)) return candidate
  }
  return null
}

/**
 * The day a sync-up page opens on: today when it is a working day, else the next working day,
 * and the first working day of sprint 1 when today is before the first sprint.
 */
export function defaultSyncUpDate(cadence: Cadence, today: string): string {
  if (sprintOfDate(cadence, today) === null) {
    return sprintWorkingDates(cadence, 1)[0] ?? cadence.firstSprintStart
  }
  return nearestWorkingDate(cadence, today, 1) ?? today
}

/** The working day before or after `date` (crossing into the next or previous sprint). */
export function stepWorkingDate(cadence: Cadence, date: string, direction: 1 | -1): string | null {
  const next = nearestWorkingDate(cadence, addDays(date, direction), direction)
  if (next === null) return null
  return sprintOfDate(cadence, next) === null ? null : next
}
