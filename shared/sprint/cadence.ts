import { z } from 'zod'
import { CeremonyKind, Participants } from './ceremonies.ts'
import { FIELD_LIMITS } from '../text/limits.ts'
import { IsoDate } from '../time/dates.ts'
import { IsoWeekday, LocalTime, TimeZoneName, addDays, isoWeekday } from './localTime.ts'

/**
 * The sprint cadence of an org: how long a sprint is, when the first one starts, the org's time
 * zone and working calendar, and every edit to where and when the ceremonies happen.
 *
 * Layers of settings, the later one winning:
 *   1. the seed's defaults (`CEREMONIES` in ceremonies.ts, `DEFAULT_DAYS` in placement.ts);
 *   2. `ceremonies[kind]`: org-wide time, duration and day for a ceremony;
 *   3. `teams[teamId].ceremonies[kind]`: one team's time, duration, participants, or "we don't hold
 *      this one" (cancelled). Team times are in the team's own zone when it has one;
 *   4. `occurrences[occurrenceId]`: one meeting moved, shortened or cancelled. The id is the stable
 *      `${kind}:${teamId | 'org'}:${plannedLocalDate}` of `scheduleSprint` (see schedule.ts).
 */

/** Sprints start on Wednesday by default: the sprint then ends on a Tuesday, the seed's retro & demo day. */
export const DEFAULT_SPRINT_START_WEEKDAY = 3
export const DEFAULT_SPRINT_LENGTH_DAYS = 14
export const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5] as const

/** Team ids appear inside occurrence ids, so they may not contain ':' or spaces; 'org' is reserved. */
export const TeamId = z.string().max(FIELD_LIMITS.id).regex(/^[^\s:]+$/, 'A team id has no spaces or colons.').refine((id) => id !== 'org', {
  message: '"org" is reserved for org-wide ceremonies.'
})

export const DurationMinutes = z.number().int().min(5).max(8 * 60)

/**
 * Which working day of the sprint a ceremony lands on: `from: 'start', workingDay: 0` is the first
 * working day, `from: 'end', workingDay: 1` the last-but-one. Counted in working days, so holidays
 * and weekends move a ceremony and keep the order of the ceremonies (see placement.ts).
 */
export const DayAnchor = z.object({
  from: z.enum(['start', 'end']),
  workingDay: z.number().int().min(0).max(60)
})
export type DayAnchor = z.infer<typeof DayAnchor>

/** Org-wide settings of one ceremony. `day` is ignored for the daily sync-up. */
export const CeremonySettings = z.object({
  start: LocalTime.optional(),
  durationMinutes: DurationMinutes.optional(),
  day: DayAnchor.optional()
})
export type CeremonySettings = z.infer<typeof CeremonySettings>

/**
 * One team's settings of one ceremony. For team ceremonies all fields apply. For the division
 * sprint planning only `participants` applies: whom this team sends ("Teams may decide who to send
 * to this meeting"). Team settings of the org-wide retro & demo are ignored.
 */
export const TeamCeremonySettings = z.object({
  start: LocalTime.optional(),
  durationMinutes: DurationMinutes.optional(),
  participants: Participants.optional(),
  cancelled: z.boolean().optional()
})
export type TeamCeremonySettings = z.infer<typeof TeamCeremonySettings>

export const TeamSettings = z.object({
  ceremonies: z.partialRecord(CeremonyKind, TeamCeremonySettings).prefault({})
})
export type TeamSettings = z.infer<typeof TeamSettings>

/** One meeting changed: moved to another instant, another length, or cancelled. */
export const OccurrenceOverride = z.object({
  start: z.iso.datetime({ offset: true }).optional(),
  durationMinutes: DurationMinutes.optional(),
  cancelled: z.boolean().optional(),
  note: z.string().max(500).optional()
})
export type OccurrenceOverride = z.infer<typeof OccurrenceOverride>

/**
 * The seed says sync-up "happens daily", and also that "on nine out of ten working days, the only
 * scheduled meeting is a 15-minute sync up". We read the second sentence as: ten working days, nine
 * sync-ups; on the tenth (the last day: team retrospective, then sprint retro & demo) the team
 * already meets, so the sync-up gives way. Both switches are editable.
 */
export const SyncUpRules = z.object({
  skipOnRetrospectiveDay: z.boolean().default(true),
  skipOnPlanningDay: z.boolean().default(false)
})
export type SyncUpRules = z.infer<typeof SyncUpRules>

export const Cadence = z.object({
  sprintLengthDays: z.number().int().min(1).max(91).default(DEFAULT_SPRINT_LENGTH_DAYS),
  /** Local date (org zone) on which sprint 1 starts. */
  firstSprintStart: IsoDate,
  /** The org's IANA time zone: sprint boundaries and org/division ceremonies use it. */
  timezone: TimeZoneName,
  workingDays: z
    .array(IsoWeekday)
    .min(1)
    .refine((days) => new Set(days).size === days.length, { message: 'A working day is listed twice.' })
    .default([...DEFAULT_WORKING_DAYS]),
  /** Dates (org calendar) without ceremonies; they are skipped and ceremonies move (placement.ts). */
  holidays: z.array(IsoDate).max(FIELD_LIMITS.items * 4).default([]),
  syncUp: SyncUpRules.prefault({}),
  ceremonies: z.partialRecord(CeremonyKind, CeremonySettings).prefault({}),
  teams: z.record(TeamId, TeamSettings).prefault({}),
  occurrences: z.record(z.string().min(1), OccurrenceOverride).prefault({})
})
export type Cadence = z.infer<typeof Cadence>
export type CadenceInput = z.input<typeof Cadence>

/** A team as the schedule needs it; `timezone` places the team's own ceremonies in its zone. */
export const SprintTeam = z.object({
  id: TeamId,
  name: z.string().min(1),
  timezone: TimeZoneName.optional()
})
export type SprintTeam = z.infer<typeof SprintTeam>

/** The first default sprint start on or after `date`: the next Wednesday. */
export function suggestFirstSprintStart(date: string): string {
  const ahead = (DEFAULT_SPRINT_START_WEEKDAY - isoWeekday(date) + 7) % 7
  return addDays(date, ahead)
}
