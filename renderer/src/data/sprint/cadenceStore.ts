import type * as Y from 'yjs'
import { z } from 'zod'
import type { CeremonySettings, OccurrenceOverride as OccurrenceOverrideType, TeamCeremonySettings } from '../../../../shared/sprint/cadence.ts'
import { OccurrenceOverride } from '../../../../shared/sprint/cadence.ts'
import type { CeremonyKind } from '../../../../shared/sprint/ceremonies.ts'
import type { StoredCadence } from '../../../../shared/sprint/cadenceMirror.ts'
import { type CadenceFields, type ComposedCadence, TeamRecord, composeCadence } from '../../../../shared/sprint/cadenceRecords.ts'
import { createdByOf } from './spaceRoot.ts'
import { patchRecord, readCollection, readRecord, transact, useDocRead, type WithId } from '../collections.ts'
import { clearRecord, jsonRecord, jsonRecords, replaceRecord } from './records.ts'

/**
 * The cadence in a space's root document (org space: every team; team space: itself), as
 * records (shared/sprint/cadenceRecords.ts):
 *   'cadence'     → 'org': sprint length, first start, zone, working days, holidays, sync-up rules,
 *                   org-wide ceremony settings (one field each)
 *   'teams'       → team id: TeamRecord (a team's id is its team space's id)
 *   'occurrences' → occurrence id: OccurrenceOverride
 *   'team'        → 'link': in a team space, the org it belongs to
 * Team and org keep each other's copies up to date (mirror.ts).
 */
export const CADENCE_COLLECTION = 'cadence'
export const CADENCE_RECORD = 'org'
export const TEAMS_COLLECTION = 'teams'
export const OCCURRENCES_COLLECTION = 'occurrences'
export const TEAM_LINK_COLLECTION = 'team'
export const TEAM_LINK_RECORD = 'link'

export const TeamLink = z.object({
  orgSpaceId: z.string().optional().catch(undefined),
  teamId: z.string().optional().catch(undefined)
})
export type TeamLink = z.infer<typeof TeamLink>

/** The records as plain JSON, for the mirror. */
export function readStoredCadence(doc: Y.Doc): StoredCadence {
  return {
    cadence: jsonRecord(doc, CADENCE_COLLECTION, CADENCE_RECORD),
    teams: jsonRecords(doc, TEAMS_COLLECTION),
    occurrences: jsonRecords(doc, OCCURRENCES_COLLECTION)
  }
}

export interface SprintSetup {
  /** the validated cadence and teams; null when not set up (or what is stored does not validate) */
  composed: ComposedCadence | null
  teamRecords: WithId<TeamRecord>[]
  /** a cadence record exists (it may still be invalid) */
  hasCadence: boolean
  link: TeamLink | null
  /** who created the space (its meta): the one device that fills in default settings */
  createdBy: string | null
}

export function readSprintSetup(doc: Y.Doc, fallbackName: (teamId: string) => string = () => 'Team'): SprintSetup {
  const fields = jsonRecord(doc, CADENCE_COLLECTION, CADENCE_RECORD)
  const teamRecords = readCollection(doc, TEAMS_COLLECTION, TeamRecord)
  const occurrences = readCollection(doc, OCCURRENCES_COLLECTION, OccurrenceOverride)
  return {
    composed: composeCadence(fields, teamRecords, occurrences, fallbackName),
    teamRecords,
    hasCadence: fields !== null,
    link: readRecord(doc, TEAM_LINK_COLLECTION, TEAM_LINK_RECORD, TeamLink),
    createdBy: createdByOf(doc)
  }
}

const NOT_SET_UP: SprintSetup = { composed: null, teamRecords: [], hasCadence: false, link: null, createdBy: null }

export function useSprintSetup(doc: Y.Doc | null, fallbackName?: string): SprintSetup {
  return useDocRead(doc, (d) => readSprintSetup(d, () => fallbackName || 'Team'), NOT_SET_UP, [fallbackName])
}

/** Drops undefined values (and empty objects) before a value goes into a document. */
function clean<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

export function saveCadenceFields(doc: Y.Doc, patch: Partial<CadenceFields>): void {
  patchRecord(doc, CADENCE_COLLECTION, CADENCE_RECORD, patch)
}

export function saveTeamRecord(doc: Y.Doc, teamId: string, patch: Partial<TeamRecord>): void {
  patchRecord(doc, TEAMS_COLLECTION, teamId, patch)
}

export function clearTeamRecord(doc: Y.Doc, teamId: string): void {
  clearRecord(doc, TEAMS_COLLECTION, teamId)
}

/** One team's settings of one ceremony (null: back to the org's defaults). */
export function saveTeamCeremony(doc: Y.Doc, teamId: string, kind: CeremonyKind, settings: TeamCeremonySettings | null): void {
  transact(doc, () => {
    const current = readRecord(doc, TEAMS_COLLECTION, teamId, TeamRecord)?.ceremonies ?? {}
    const next = { ...current }
    const kept = settings ? clean(settings) : {}
    if (Object.keys(kept).length) next[kind] = kept
    else delete next[kind]
    patchRecord(doc, TEAMS_COLLECTION, teamId, { ceremonies: next })
  })
}

/** The org-wide settings of one ceremony (null: back to the seed's defaults). */
export function saveOrgCeremony(doc: Y.Doc, kind: CeremonyKind, settings: CeremonySettings | null): void {
  transact(doc, () => {
    const fields = jsonRecord(doc, CADENCE_COLLECTION, CADENCE_RECORD) ?? {}
    const current = (fields.ceremonies && typeof fields.ceremonies === 'object' ? fields.ceremonies : {}) as Record<string, unknown>
    const next = { ...current }
    const kept = settings ? clean(settings) : {}
    if (Object.keys(kept).length) next[kind] = kept
    else delete next[kind]
    patchRecord(doc, CADENCE_COLLECTION, CADENCE_RECORD, { ceremonies: next })
  })
}

/** One meeting moved, shortened or cancelled; null puts it back where the cadence places it. */
export function saveOccurrenceOverride(doc: Y.Doc, occurrenceId: string, override: OccurrenceOverrideType | null): void {
  if (!override || Object.keys(clean(override)).length === 0) return clearRecord(doc, OCCURRENCES_COLLECTION, occurrenceId)
  replaceRecord(doc, OCCURRENCES_COLLECTION, occurrenceId, {
    start: override.start,
    durationMinutes: override.durationMinutes,
    cancelled: override.cancelled || undefined,
    note: override.note?.trim() || undefined
  })
}

export function saveTeamLink(doc: Y.Doc, link: TeamLink): void {
  patchRecord(doc, TEAM_LINK_COLLECTION, TEAM_LINK_RECORD, link)
}

/** The team space stops following its org. */
export function clearTeamLink(doc: Y.Doc): void {
  clearRecord(doc, TEAM_LINK_COLLECTION, TEAM_LINK_RECORD)
}
