import type * as Y from 'yjs'
import { type LateReason, LateReasonSchema, LateTicketFields, type LateTicket, customReason, reasonCatalog } from '../../../../shared/retro/lateTickets.ts'
import { RETRO_SETTINGS_ID, RetroSettings } from '../../../../shared/retro/orgShare.ts'
import { newId } from '../../../../shared/spaces/key.ts'
import { patchRecord, readCollection, readRecord, removeRecord, useDocRead } from '../collections.ts'
import { LATE_REASONS, LATE_TICKETS, RETRO_SETTINGS } from './names.ts'

/**
 * Tickets that took longer than expected, in a space's root document: a team's own entries (every
 * sprint), or an org's copies from the teams that share them (orgMirror.ts). Reasons: the default
 * list plus the space's `lateReasons` (record id = reason id).
 */
const ReasonFields = LateReasonSchema.omit({ id: true })

export function readLateTickets(doc: Y.Doc): LateTicket[] {
  return readCollection(doc, LATE_TICKETS, LateTicketFields)
}

export function readCustomReasons(doc: Y.Doc): LateReason[] {
  return readCollection(doc, LATE_REASONS, ReasonFields).sort((a, b) => a.label.localeCompare(b.label))
}

export interface LateTicketData {
  tickets: LateTicket[]
  /** defaults + the space's own reasons */
  catalog: LateReason[]
  custom: LateReason[]
}

const DEFAULT_IDS = new Set(reasonCatalog().map((r) => r.id))

function readData(doc: Y.Doc): LateTicketData {
  // a peer's record may not shadow a default reason (the catalog refuses duplicate ids)
  const custom = readCustomReasons(doc).filter((r) => !DEFAULT_IDS.has(r.id))
  return { tickets: readLateTickets(doc), catalog: reasonCatalog(custom), custom }
}
const EMPTY: LateTicketData = { tickets: [], catalog: reasonCatalog(), custom: [] }

export function useLateTicketData(doc: Y.Doc | null): LateTicketData {
  return useDocRead(doc, readData, EMPTY)
}

/** Creates (id null) or replaces an entry. Returns its id. */
export function saveLateTicket(doc: Y.Doc, id: string | null, fields: ReturnType<typeof LateTicketFields.parse>): string {
  const recordId = id ?? newId()
  patchRecord(doc, LATE_TICKETS, recordId, { ...fields })
  return recordId
}

export function removeLateTicket(doc: Y.Doc, id: string): void {
  removeRecord(doc, LATE_TICKETS, id)
}

/** Adds a reason to the team's list; throws a readable error for a name it already has. */
export function addReason(doc: Y.Doc, catalog: readonly LateReason[], teamId: string, label: string): LateReason {
  const reason = customReason(catalog, teamId, label)
  const { id, ...fields } = reason
  patchRecord(doc, LATE_REASONS, id, fields)
  return reason
}

export function readRetroSettings(doc: Y.Doc): RetroSettings {
  return readRecord(doc, RETRO_SETTINGS, RETRO_SETTINGS_ID, RetroSettings) ?? { shareWithOrg: false }
}
const NO_SETTINGS: RetroSettings = { shareWithOrg: false }

export function useRetroSettings(doc: Y.Doc | null): RetroSettings {
  return useDocRead(doc, readRetroSettings, NO_SETTINGS)
}

export function saveRetroSettings(doc: Y.Doc, patch: Partial<RetroSettings>): void {
  patchRecord(doc, RETRO_SETTINGS, RETRO_SETTINGS_ID, patch)
}
