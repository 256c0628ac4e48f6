import type * as Y from 'yjs'
import { z } from 'zod'
import { patchRecord, readCollection, readRecord } from '../collections.ts'

/**
 * Plain-JSON access to records (collections.ts) for the sprint data. Records whose ids come back
 * (a meeting's override, a day's timer, the org's record of a team) are cleared, never removed:
 * a removed record stays removed for good, while an emptied one reads as absent and can be
 * written again.
 */
export const AnyRecord = z.record(z.string(), z.unknown())
export type JsonRecord = z.infer<typeof AnyRecord>

/** Every record of a collection as plain JSON, by id. */
export function jsonRecords(doc: Y.Doc, name: string): Record<string, JsonRecord> {
  const out: Record<string, JsonRecord> = {}
  for (const { id, ...fields } of readCollection(doc, name, AnyRecord)) out[id] = fields
  return out
}

export function jsonRecord(doc: Y.Doc, name: string, id: string): JsonRecord | null {
  const record = readRecord(doc, name, id, AnyRecord)
  if (!record) return null
  const { id: _id, ...fields } = record
  return fields
}

/** Empties a record: it reads as absent, and a later patch brings it back. */
export function clearRecord(doc: Y.Doc, name: string, id: string): void {
  const fields = jsonRecord(doc, name, id)
  if (!fields) return
  patchRecord(doc, name, id, Object.fromEntries(Object.keys(fields).map((k) => [k, undefined])))
}

/** Replaces a record's fields with these (fields it had and these lack are deleted). */
export function replaceRecord(doc: Y.Doc, name: string, id: string, fields: JsonRecord): void {
  const old = jsonRecord(doc, name, id) ?? {}
  patchRecord(doc, name, id, { ...Object.fromEntries(Object.keys(old).map((k) => [k, undefined])), ...fields })
}
