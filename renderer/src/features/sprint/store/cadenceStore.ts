import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { CeremonySettings, OccurrenceOverride, TeamCeremonySettings } from '@shared/sprint/cadence.ts'
import type { CeremonyKind } from '@shared/sprint/ceremonies.ts'
import type { StoredCadence } from '@shared/sprint/cadenceMirror.ts'
import { type CadenceFields, type ComposedCadence, type TeamRecord, composeCadence, defaultCadenceFields } from '@shared/sprint/cadenceRecords.ts'
import { collection, useRecord, useRecords, type Rec } from '@core/collections/index.ts'
import { createdByOf } from '@core/spaces/spaceDoc.ts'
import {
  CADENCE,
  CADENCE_RECORD,
  OCCURRENCES,
  OCCURRENCES_RAW,
  TEAMS,
  TEAMS_RAW,
  TEAM_LINK,
  TEAM_LINK_RECORD,
  type JsonRecord,
  TeamLink
} from './collections.ts'

/**
 * The cadence in a space's root document (org space: every team; team space: itself), as
 * records (shared/sprint/cadenceRecords.ts; the collections are in collections.ts): the
 * top-level fields, the teams, one-off changes of meetings, and in a team space the org it
 * belongs to. Team and org keep each other's copies up to date (mirror.ts, run by services.ts).
 */
export { TeamLink }

/**
 * The name under which teams are stored.
 * @deprecated only for features/retro/org/OrgInsightsTab.tsx until it reads `useOrgTeams(orgDoc)`.
 */
export const TEAMS_COLLECTION = 'teams'

/** A team as its org (or the team itself) records it. */
export type TeamEntry = Rec<TeamRecord>

function withoutId(record: Rec<JsonRecord> | null): JsonRecord | null {
  if (!record) return null
  const { id: _id, ...fields } = record
  return fields
}

function byId(records: readonly Rec<JsonRecord>[]): Record<string, JsonRecord> {
  const out: Record<string, JsonRecord> = {}
  for (const { id, ...fields } of records) out[id] = fields
  return out
}

/** The records as they are stored, as plain JSON, for the mirror. */
export function readStoredCadence(doc: Y.Doc): StoredCadence {
  return {
    cadence: withoutId(collection(doc, CADENCE).get(CADENCE_RECORD)),
    teams: byId(collection(doc, TEAMS_RAW).list()),
    occurrences: byId(collection(doc, OCCURRENCES_RAW).list())
  }
}

export interface SprintSetup {
  /** the validated cadence and teams; null when not set up (or what is stored does not validate) */
  composed: ComposedCadence | null
  teamRecords: readonly TeamEntry[]
  /** a cadence record exists (it may still be invalid) */
  hasCadence: boolean
  link: TeamLink | null
  /** who created the space (its meta): the one device that fills in default settings */
  createdBy: string | null
}

function setupOf(
  doc: Y.Doc,
  cadence: Rec<JsonRecord> | null,
  teamRecords: readonly TeamEntry[],
  occurrences: readonly Rec<OccurrenceOverride>[],
  link: TeamLink | null,
  fallbackName: (teamId: string) => string
): SprintSetup {
  const fields = withoutId(cadence)
  return {
    composed: composeCadence(fields, teamRecords, occurrences, fallbackName),
    teamRecords,
    hasCadence: fields !== null,
    link: link ? { orgSpaceId: link.orgSpaceId, teamId: link.teamId } : null,
    createdBy: createdByOf(doc)
  }
}

const DEFAULT_NAME = () => 'Team'
/** the last setup read per document, kept while its records (collections keep an unchanged record's identity) and names are the same */
const lastSetup = new WeakMap<Y.Doc, { inputs: readonly unknown[]; setup: SprintSetup }>()

/**
 * The space's cadence, teams and link, composed again only when one of those records (or the
 * space's creator, or a name the fallback gives) changed: services read it after every change of the
 * root document, a description edit included.
 */
export function readSprintSetup(doc: Y.Doc, fallbackName: (teamId: string) => string = DEFAULT_NAME): SprintSetup {
  const teams = collection(doc, TEAMS).list()
  const inputs = [
    collection(doc, CADENCE).get(CADENCE_RECORD),
    teams,
    collection(doc, OCCURRENCES).list(),
    collection(doc, TEAM_LINK).get(TEAM_LINK_RECORD),
    createdByOf(doc),
    // the names the fallback gives (callers pass a new function each time)
    teams.map((t) => (t.name.trim() ? '' : fallbackName(t.id))).join('\n')
  ] as const
  const last = lastSetup.get(doc)
  if (last && last.inputs.every((x, i) => x === inputs[i])) return last.setup
  const setup = setupOf(doc, inputs[0], inputs[1], inputs[2], inputs[3], fallbackName)
  lastSetup.set(doc, { inputs, setup })
  return setup
}

const NOT_SET_UP: SprintSetup = { composed: null, teamRecords: [], hasCadence: false, link: null, createdBy: null }

/** The space's cadence, teams and link; re-read only when one of those records changes. */
export function useSprintSetup(doc: Y.Doc | null, fallbackName?: string): SprintSetup {
  const cadence = useRecord(doc, CADENCE, CADENCE_RECORD)
  const teams = useRecords(doc, TEAMS)
  const occurrences = useRecords(doc, OCCURRENCES)
  const link = useRecord(doc, TEAM_LINK, TEAM_LINK_RECORD)
  return useMemo(
    () => (doc ? setupOf(doc, cadence, teams, occurrences, link, () => fallbackName || 'Team') : NOT_SET_UP),
    [doc, cadence, teams, occurrences, link, fallbackName]
  )
}

/** The teams an org space lists (each with its team space's id and key), or a team space's own record. */
export function useOrgTeams(orgDoc: Y.Doc | null): readonly TeamEntry[] {
  return useRecords(orgDoc, TEAMS)
}

/** In a team space: the org it follows (null when none). */
export function useTeamLink(teamDoc: Y.Doc | null): TeamLink | null {
  return useRecord(teamDoc, TEAM_LINK, TEAM_LINK_RECORD)
}

/** Drops undefined values (and empty objects) before a value goes into a document. */
function clean<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

export function saveCadenceFields(doc: Y.Doc, patch: Partial<CadenceFields>): void {
  collection(doc, CADENCE).upsert(CADENCE_RECORD, patch)
}

/** The default cadence (two-week sprints from this week's Wednesday, Monday to Friday). */
export function setUpDefaultCadence(doc: Y.Doc, today: string, zone: string): void {
  saveCadenceFields(doc, defaultCadenceFields(today, zone))
}

export function saveTeamRecord(doc: Y.Doc, teamId: string, patch: Partial<TeamRecord>): void {
  collection(doc, TEAMS).upsert(teamId, patch)
}

/** The org's record of a team goes (cleared, not removed: the team can be listed again). */
export function clearTeamRecord(doc: Y.Doc, teamId: string): void {
  collection(doc, TEAMS).clear(teamId)
}

/** One team's settings of one ceremony (null: back to the org's defaults). */
export function saveTeamCeremony(doc: Y.Doc, teamId: string, kind: CeremonyKind, settings: TeamCeremonySettings | null): void {
  const current = collection(doc, TEAMS).get(teamId)?.ceremonies ?? {}
  const next = { ...current }
  const kept = settings ? clean(settings) : {}
  if (Object.keys(kept).length) next[kind] = kept
  else delete next[kind]
  collection(doc, TEAMS).upsert(teamId, { ceremonies: next })
}

/** The org-wide settings of one ceremony (null: back to the seed's defaults). */
export function saveOrgCeremony(doc: Y.Doc, kind: CeremonyKind, settings: CeremonySettings | null): void {
  const cadence = collection(doc, CADENCE)
  const stored = cadence.get(CADENCE_RECORD)?.ceremonies
  const current = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>
  const next = { ...current }
  const kept = settings ? clean(settings) : {}
  if (Object.keys(kept).length) next[kind] = kept
  else delete next[kind]
  cadence.upsert(CADENCE_RECORD, { ceremonies: next })
}

/** One meeting moved, shortened or cancelled; null puts it back where the cadence places it. */
export function saveOccurrenceOverride(doc: Y.Doc, occurrenceId: string, override: OccurrenceOverride | null): void {
  const occurrences = collection(doc, OCCURRENCES)
  // cleared, never removed: the same meeting can be changed again
  if (!override || Object.keys(clean(override)).length === 0) return occurrences.clear(occurrenceId)
  occurrences.replace(
    occurrenceId,
    clean({
      start: override.start,
      durationMinutes: override.durationMinutes,
      cancelled: override.cancelled || undefined,
      note: override.note?.trim() || undefined
    })
  )
}

export function saveTeamLink(doc: Y.Doc, link: TeamLink): void {
  collection(doc, TEAM_LINK).upsert(TEAM_LINK_RECORD, link)
}

/** The team space stops following its org. */
export function clearTeamLink(doc: Y.Doc): void {
  collection(doc, TEAM_LINK).clear(TEAM_LINK_RECORD)
}
