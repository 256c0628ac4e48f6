import type { Cadence, DayAnchor } from './cadence.ts'
import type { CeremonyKind } from './ceremonies.ts'
import { addDays, isoWeekday } from './localTime.ts'

/**
 * On which day of a sprint each ceremony lands. With the default cadence (two weeks from a
 * Wednesday, Monday to Friday) the sprint's ten working days run Wed … Tue:
 *
 *   Wed  team sprint planning          first working day ("at the start of each sprint")
 *   …    daily sync-up                 every working day but the last (see SyncUpRules)
 *   Fri  division sprint planning      last-but-two working day ("towards the end of the sprint
 *                                      before individual team scrums": teams get their tickets
 *                                      before the weekend and estimate them on Monday)
 *   Mon  team scrum                    last-but-one working day ("the day before the end")
 *   Tue  team retrospective            last working day, early afternoon ("just before" the next)
 *   Tue  sprint retrospective & demo   last working day, afternoon ("at the very end of the
 *                                      sprint on Tuesday afternoon")
 *
 * Team sprint planning: the seed places it "directly after the sprint retrospective and demo" and
 * says it "marks the start of a new sprint". The retro & demo closes the last afternoon of the old
 * sprint, so "directly after" is the next working morning: the first working day of the new sprint
 * (10:00 by default). Holding it on the old sprint's Tuesday evening would put a sprint's first
 * meeting inside the previous sprint.
 *
 * Days are counted in working days (the cadence's weekdays minus its holidays). A holiday therefore
 * moves a ceremony anchored at the end of the sprint to the nearest preceding working day, and the
 * ceremonies before it move back with it, so the order of the diagram holds (a Tuesday holiday puts
 * retro & demo on Monday, team scrum on Friday, division planning on Thursday). A ceremony anchored
 * at the start moves to the next working day: the preceding one belongs to the previous sprint.
 * In a sprint with fewer working days than an anchor needs, the anchor stops at the sprint's edge.
 */
/** Every ceremony but the daily sync-up happens once per sprint. */
export type OncePerSprintKind = Exclude<CeremonyKind, 'daily-sync-up'>

export const DEFAULT_DAYS: Record<OncePerSprintKind, DayAnchor> = {
  'team-sprint-planning': { from: 'start', workingDay: 0 },
  'division-sprint-planning': { from: 'end', workingDay: 2 },
  'team-scrum': { from: 'end', workingDay: 1 },
  'team-retrospective': { from: 'end', workingDay: 0 },
  'sprint-retro-demo': { from: 'end', workingDay: 0 }
}

function checkSprintNumber(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Sprints are numbered from 1; got ${n}.`)
}

/** Local date (org zone) on which sprint `n` starts. */
export function sprintStartDate(cadence: Cadence, n: number): string {
  checkSprintNumber(n)
  return addDays(cadence.firstSprintStart, (n - 1) * cadence.sprintLengthDays)
}

/** The sprint's working dates in order; `ignoreHolidays` gives the regular pattern of the cadence. */
export function sprintWorkingDates(cadence: Cadence, n: number, options: { ignoreHolidays?: boolean } = {}): string[] {
  const start = sprintStartDate(cadence, n)
  const holidays = options.ignoreHolidays ? new Set<string>() : new Set(cadence.holidays)
  const dates: string[] = []
  for (let i = 0; i < cadence.sprintLengthDays; i++) {
    const date = addDays(start, i)
    if (cadence.workingDays.includes(isoWeekday(date)) && !holidays.has(date)) dates.push(date)
  }
  return dates
}

export function dayAnchor(cadence: Cadence, kind: OncePerSprintKind): DayAnchor {
  return cadence.ceremonies[kind]?.day ?? DEFAULT_DAYS[kind]
}

/** The working date an anchor points at, or undefined when the sprint has no working day at all. */
export function placeOnWorkingDay(workingDates: readonly string[], anchor: DayAnchor): string | undefined {
  if (workingDates.length === 0) return undefined
  const last = workingDates.length - 1
  const index = anchor.from === 'start' ? Math.min(anchor.workingDay, last) : Math.max(last - anchor.workingDay, 0)
  return workingDates[index]
}

/** The days of a team's sync-ups: every working date, minus the days the sync-up gives way. */
export function syncUpDates(
  cadence: Cadence,
  workingDates: readonly string[],
  team: { retrospectiveDate: string | undefined; planningDate: string | undefined }
): string[] {
  return workingDates.filter((date) => {
    if (cadence.syncUp.skipOnRetrospectiveDay && date === team.retrospectiveDate) return false
    if (cadence.syncUp.skipOnPlanningDay && date === team.planningDate) return false
    return true
  })
}
