import { useMemo } from 'react'
import type * as Y from 'yjs'
import { type LateReason, LateTicketFields, type LateTicket, customReason, reasonCatalog } from '@shared/retro/lateTickets.ts'
import { RETRO_SETTINGS_ID, type RetroSettings } from '@shared/retro/orgShare.ts'
import { newId } from '@shared/spaces/key.ts'
import { collection, useRecord, useRecords, type Rec } from '@core/collections/index.ts'
import { LATE_REASONS, LATE_TICKETS, RETRO_SETTINGS } from './collections.ts'

/**
 * Tickets that took longer than expected, in a space's root document: a team's own entries (every
 * sprint), or an org's copies from the teams that share them (orgShare.ts). Reasons: the default
 * list plus the space's `lateReasons` (record id = reason id).
 */
export function readLateTickets(doc: Y.Doc): readonly LateTicket[] {
  return collection(doc, LATE_TICKETS).list()
}

const byLabel = (a: LateReason, b: LateReason) => a.label.localeCompare(b.label)

export function readCustomReasons(doc: Y.Doc): LateReason[] {
  return [...collection(doc, LATE_REASONS).list()].sort(byLabel)
}

export interface LateTicketData {
  tickets: readonly LateTicket[]
  /** defaults + the space's own reasons */
  catalog: LateReason[]
  custom: LateReason[]
}

const DEFAULT_IDS = new Set(reasonCatalog().map((r) => r.id))

function lateTicketData(tickets: readonly LateTicket[], reasons: readonly Rec<Omit<LateReason, 'id'>>[]): LateTicketData {
  // a peer's record may not shadow a default reason (the catalog refuses duplicate ids)
  const custom = reasons.filter((r) => !DEFAULT_IDS.has(r.id)).sort(byLabel)
  return { tickets, catalog: reasonCatalog(custom), custom }
}

/** A space's late tickets and reasons (null doc: none yet). */
export function useLateTicketData(doc: Y.Doc | null): LateTicketData {
  const tickets = useRecords(doc, LATE_TICKETS)
  const reasons = useRecords(doc, LATE_REASONS)
  return useMemo(() => lateTicketData(tickets, reasons), [tickets, reasons])
}

/** Creates (id null) or replaces an entry. Returns its id. */
export function saveLateTicket(doc: Y.Doc, id: string | null, fields: ReturnType<typeof LateTicketFields.parse>): string {
  const recordId = id ?? newId()
  collection(doc, LATE_TICKETS).patch(recordId, { ...fields })
  return recordId
}

export function removeLateTicket(doc: Y.Doc, id: string): void {
  collection(doc, LATE_TICKETS).remove(id)
}

/** Adds a reason to the team's list; throws a readable error for a name it already has. */
export function addReason(doc: Y.Doc, catalog: readonly LateReason[], teamId: string, label: string): LateReason {
  const reason = customReason(catalog, teamId, label)
  const { id, ...fields } = reason
  collection(doc, LATE_REASONS).upsert(id, fields)
  return reason
}

const NO_SETTINGS: RetroSettings = { shareWithOrg: false }

/** The team's retro settings as stored, or null when nobody has written them yet. */
export function storedRetroSettings(doc: Y.Doc): RetroSettings | null {
  return collection(doc, RETRO_SETTINGS).get(RETRO_SETTINGS_ID)
}

export function readRetroSettings(doc: Y.Doc): RetroSettings {
  return storedRetroSettings(doc) ?? NO_SETTINGS
}

export function useRetroSettings(doc: Y.Doc | null): RetroSettings {
  return useRecord(doc, RETRO_SETTINGS, RETRO_SETTINGS_ID) ?? NO_SETTINGS
}

export function saveRetroSettings(doc: Y.Doc, patch: Partial<RetroSettings>): void {
  collection(doc, RETRO_SETTINGS).upsert(RETRO_SETTINGS_ID, patch)
}
