import { z } from 'zod'
import {
  Cadence,
  CeremonySettings,
  DEFAULT_SPRINT_LENGTH_DAYS,
  DEFAULT_WORKING_DAYS,
  OccurrenceOverride,
  type SprintTeam,
  TeamCeremonySettings,
  TeamId,
  suggestFirstSprintStart
} from './cadence.ts'
import { CeremonyKind } from './ceremonies.ts'
import { TimeZoneName, addDays } from './localTime.ts'
import { FIELD_LIMITS, RefText } from '../text/limits.ts'
import { isSpaceKey } from '../spaces/key.ts'

/**
 * The cadence as a space document stores it: records that peers edit one field at a time.
 *
 *   'cadence'     record 'org': the Cadence's top-level fields (everything but teams/occurrences)
 *   'teams'       team id → TeamRecord (name, zone, that team's ceremony settings, its space)
 *   'occurrences' occurrence id → OccurrenceOverride
 *
 * An org space holds every team; a team space holds the same three collections with only its own
 * team (see cadenceMirror.ts for how the two stay in step). `composeCadence` turns the records
 * back into one validated Cadence; a malformed record from a peer is left out, not thrown.
 */
export const CADENCE_FIELDS = [
  'sprintLengthDays',
  'firstSprintStart',
  'timezone',
  'workingDays',
  'holidays',
  'syncUp',
  'ceremonies'
] as const
export type CadenceFieldName = (typeof CADENCE_FIELDS)[number]
export type CadenceFields = Pick<Cadence, CadenceFieldName>

/** One team as the org (and the team itself) records it. Bad optional values read as absent. */
export const TeamRecord = z.object({
  name: z.string().max(FIELD_LIMITS.name).catch(''),
  timezone: TimeZoneName.optional().catch(undefined),
  ceremonies: z.partialRecord(CeremonyKind, TeamCeremonySettings).optional().catch(undefined),
  /**
   * the team's own space (its id only: org members who are not in the team ask to join). Records
   * written before issue 10 #19 also hold `spaceKey`, which is never read and is taken out by the
   * first team member's device that sees it (features/sprint/store/teamAccess.ts).
   */
  spaceId: RefText.optional().catch(undefined),
  /**
   * while the team lets the org observe it: the key of the copies observers read (its sync-up,
   * never its retro: shared/spaces/observe.ts); written by the team's members' devices
   */
  observeKey: z.string().refine(isSpaceKey).optional().catch(undefined),
  createdAt: z.number().optional().catch(undefined)
})
export type TeamRecord = z.infer<typeof TeamRecord>

/** Org-wide settings of every ceremony, read leniently: one bad entry drops only itself. */
function cleanCeremonies(value: unknown): Cadence['ceremonies'] {
  const out: Cadence['ceremonies'] = {}
  if (!value || typeof value !== 'object') return out
  for (const [kind, settings] of Object.entries(value)) {
    const k = CeremonyKind.safeParse(kind)
    const s = CeremonySettings.safeParse(settings)
    if (k.success && s.success) out[k.data] = s.data
  }
  return out
}

export interface ComposedCadence {
  cadence: Cadence
  /** The teams in the document, by name; a team without a name is called by `fallbackName`. */
  teams: SprintTeam[]
}

/** The full Cadence from stored records, or null when the top-level fields are missing or invalid. */
export function composeCadence(
  fields: Record<string, unknown> | null,
  teams: readonly (TeamRecord & { id: string })[],
  occurrences: readonly (OccurrenceOverride & { id: string })[],
  fallbackName: (teamId: string) => string = () => 'Team'
): ComposedCadence | null {
  if (!fields) return null
  const top: Record<string, unknown> = {}
  for (const name of CADENCE_FIELDS) if (fields[name] !== undefined) top[name] = fields[name]
  top.ceremonies = cleanCeremonies(fields.ceremonies)
  const parsed = Cadence.safeParse({ ...top, teams: {}, occurrences: {} })
  if (!parsed.success) return null
  const cadence = parsed.data
  const sprintTeams: SprintTeam[] = []
  for (const team of teams) {
    if (!TeamId.safeParse(team.id).success) continue
    cadence.teams[team.id] = { ceremonies: team.ceremonies ?? {} }
    const entry: SprintTeam = { id: team.id, name: team.name.trim() || fallbackName(team.id) }
    if (team.timezone) entry.timezone = team.timezone
    sprintTeams.push(entry)
  }
  for (const { id, ...override } of occurrences) cadence.occurrences[id] = override
  sprintTeams.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  return { cadence, teams: sprintTeams }
}

/**
 * Where a new team's (or org's) first sprint starts: the default sprint weekday (Wednesday) on or
 * before `today`, so the sprint that is running now is sprint 1 and the team can hold today's
 * sync-up and plan this sprint at once. (`suggestFirstSprintStart` gives the next one instead.)
 */
export function currentDefaultSprintStart(today: string): string {
  return suggestFirstSprintStart(addDays(today, -6))
}

/** The default cadence of a new org or of a team without an org. */
export function defaultCadenceFields(today: string, timezone: string): CadenceFields {
  return {
    sprintLengthDays: DEFAULT_SPRINT_LENGTH_DAYS,
    firstSprintStart: currentDefaultSprintStart(today),
    timezone,
    workingDays: [...DEFAULT_WORKING_DAYS],
    holidays: [],
    syncUp: { skipOnRetrospectiveDay: true, skipOnPlanningDay: false },
    ceremonies: {}
  }
}

/** The stored top-level fields of a validated cadence (what a team space mirrors from its org). */
export function cadenceFieldsOf(cadence: Cadence): CadenceFields {
  const out = {} as Record<CadenceFieldName, unknown>
  for (const name of CADENCE_FIELDS) out[name] = cadence[name]
  return out as CadenceFields
}

/**
 * Checks an edit of the top-level fields against the rules of the cadence; returns the first
 * problem as a sentence, or null when the edit can be saved.
 */
export function cadenceEditError(current: CadenceFields, patch: Partial<CadenceFields>): string | null {
  const result = Cadence.safeParse({ ...current, ...patch })
  if (result.success) return null
  const issue = result.error.issues[0]
  const where = issue?.path.join('.') ?? ''
  const labels: Record<string, string> = {
    sprintLengthDays: 'Sprint length',
    firstSprintStart: 'First sprint start',
    timezone: 'Time zone',
    workingDays: 'Working days',
    holidays: 'Holidays'
  }
  const label = labels[where.split('.')[0] ?? ''] ?? where
  return label ? `${label}: ${issue?.message ?? 'not valid'}` : (issue?.message ?? 'Not valid.')
}
