import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { z } from 'zod'

/**
 * Records in a shared document. Each record is its own root-level Y.Map named
 * `<collection>::<id>`: root types never replace each other, so two peers that create the same
 * record id while apart (an imported opportunity, a carried action item) merge field by field,
 * and two people editing different fields of one record both keep their edit. Reads are validated
 * with a zod schema; a malformed record from a peer is skipped, not thrown. Deleting leaves a
 * tombstone (`__deleted`) with every other field removed.
 */
export type WithId<T> = T & { id: string }

const SEP = '::'
const DELETED = '__deleted'

function recordName(name: string, id: string): string {
  return `${name}${SEP}${id}`
}

/** Ids of a collection's records, including ones that arrived from peers and were never opened here. */
function recordIds(doc: Y.Doc, name: string): string[] {
  const prefix = name + SEP
  const ids: string[] = []
  for (const key of doc.share.keys()) if (key.startsWith(prefix)) ids.push(key.slice(prefix.length))
  return ids
}

function readFields(doc: Y.Doc, name: string, id: string): Record<string, unknown> | null {
  const fields = doc.getMap<unknown>(recordName(name, id)).toJSON() as Record<string, unknown>
  if (fields[DELETED] || Object.keys(fields).length === 0) return null
  return fields
}

export function readCollection<T>(doc: Y.Doc, name: string, schema: z.ZodType<T>): WithId<T>[] {
  const out: WithId<T>[] = []
  for (const id of recordIds(doc, name)) {
    const fields = readFields(doc, name, id)
    if (!fields) continue
    const parsed = schema.safeParse(fields)
    if (parsed.success) out.push({ ...(parsed.data as T), id })
  }
  return out
}

export function readRecord<T>(doc: Y.Doc, name: string, id: string, schema: z.ZodType<T>): WithId<T> | null {
  if (!doc.share.has(recordName(name, id))) return null
  const fields = readFields(doc, name, id)
  if (!fields) return null
  const parsed = schema.safeParse(fields)
  return parsed.success ? { ...(parsed.data as T), id } : null
}

/** Creates or updates a record; only the given fields change. Values must be plain JSON. */
export function patchRecord(doc: Y.Doc, name: string, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const record = doc.getMap<unknown>(recordName(name, id))
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) record.delete(k)
      else record.set(k, v)
    }
  })
}

export function removeRecord(doc: Y.Doc, name: string, id: string): void {
  doc.transact(() => {
    const record = doc.getMap<unknown>(recordName(name, id))
    for (const key of [...record.keys()]) record.delete(key)
    record.set(DELETED, true)
  })
}

/** Runs several changes as one update (one sync message, one undo step). */
export function transact(doc: Y.Doc, f: () => void): void {
  doc.transact(f)
}

/** Re-reads whenever the document changes. */
export function useDocRead<T>(doc: Y.Doc | null | undefined, read: (doc: Y.Doc) => T, fallback: T, deps: unknown[] = []): T {
  const [value, setValue] = useState<{ doc: Y.Doc | null; v: T }>({ doc: null, v: fallback })
  useEffect(() => {
    if (!doc) return
    const update = () => setValue({ doc, v: read(doc) })
    update()
    doc.on('update', update)
    return () => doc.off('update', update)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, ...deps])
  return doc && value.doc === doc ? value.v : fallback
}

export function useCollection<T>(doc: Y.Doc | null | undefined, name: string, schema: z.ZodType<T>): WithId<T>[] {
  return useDocRead(doc, (d) => readCollection(d, name, schema), EMPTY as WithId<T>[], [name])
}

const EMPTY: never[] = []

/** A shared rich-text body, bound to an editor by the features (TipTap's Collaboration extension). */
export function richText(doc: Y.Doc, name: string): Y.XmlFragment {
  return doc.getXmlFragment(name)
}
