import { z } from 'zod'
import { OccurrenceOverride } from '@shared/sprint/cadence.ts'
import { TeamRecord } from '@shared/sprint/cadenceRecords.ts'
import { PersonSettings } from '@shared/sprint/people.ts'
import { Goal, Opportunity, PlanTicket, Question, SyncUpEntry, TimerRecord } from '@shared/sprint/sprintRecords.ts'
import { defineCollection } from '@core/collections/index.ts'

/**
 * The sprint feature's record collections. The names are the storage layout and stay inside
 * data/sprint: the UI reads and writes through the stores' hooks and commands.
 *
 * A space's root document (org space: every team; team space: itself and its org's copy):
 *   'cadence'     record 'org': sprint length, first start, zone, working days, holidays, sync-up
 *                 rules, org-wide ceremony settings (one field each)
 *   'teams'       team id → TeamRecord (a team's id is its team space's id)
 *   'occurrences' occurrence id → OccurrenceOverride
 *   'team'        record 'link': in a team space, the org it belongs to
 *   'people'      member id → PersonSettings (each member writes their own)
 * A team's document for sprint n (`sprint/<n>`, documents.ts):
 *   'goals', 'questions', 'plan'   ordered lists of the team sprint planning
 *   'syncup'      `${date}|${memberId}` → SyncUpEntry
 *   'timers'      date → the day's shared sync-up timer
 *   'opportunities' id → Opportunity (the retro inbox)
 */
export const AnyRecord = z.record(z.string(), z.unknown())
export type JsonRecord = z.infer<typeof AnyRecord>

export const CADENCE_RECORD = 'org'
export const TEAM_LINK_RECORD = 'link'

export const TeamLink = z.object({
  orgSpaceId: z.string().optional().catch(undefined),
  teamId: z.string().optional().catch(undefined)
})
export type TeamLink = z.infer<typeof TeamLink>

/** the cadence's top-level fields as stored (composeCadence validates them) */
export const CADENCE = defineCollection({ name: 'cadence', schema: AnyRecord })
export const TEAMS = defineCollection({ name: 'teams', schema: TeamRecord })
export const OCCURRENCES = defineCollection({ name: 'occurrences', schema: OccurrenceOverride })
/** the same records as plain JSON: the mirror copies what is stored, valid or not, field by field */
export const TEAMS_RAW = defineCollection({ name: 'teams', schema: AnyRecord })
export const OCCURRENCES_RAW = defineCollection({ name: 'occurrences', schema: AnyRecord })
export const TEAM_LINK = defineCollection({ name: 'team', schema: TeamLink })
export const PEOPLE = defineCollection({ name: 'people', schema: PersonSettings })

export const GOALS = defineCollection({ name: 'goals', schema: Goal, ordered: true })
export const QUESTIONS = defineCollection({ name: 'questions', schema: Question, ordered: true })
export const PLAN = defineCollection({ name: 'plan', schema: PlanTicket, ordered: true })
export const SYNCUP = defineCollection({ name: 'syncup', schema: SyncUpEntry })
export const TIMERS = defineCollection({ name: 'timers', schema: TimerRecord })
export const OPPORTUNITIES = defineCollection({ name: 'opportunities', schema: Opportunity })
