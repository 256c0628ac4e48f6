import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import type { z } from 'zod'

/**
 * Records in a shared document: a collection is a Y.Map of id → Y.Map of fields, so two people
 * editing different fields of one record both keep their edit (last writer wins per field only).
 * Reads are validated with a zod schema; a malformed record from a peer is skipped, not thrown.
 */
export type WithId<T> = T & { id: string }

function collection(doc: Y.Doc, name: string): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(name)
}

export function readCollection<T>(doc: Y.Doc, name: string, schema: z.ZodType<T>): WithId<T>[] {
  const out: WithId<T>[] = []
  collection(doc, name).forEach((fields, id) => {
    if (!(fields instanceof Y.Map)) return
    const parsed = schema.safeParse(fields.toJSON())
    if (parsed.success) out.push({ ...(parsed.data as T), id })
  })
  return out
}

export function readRecord<T>(doc: Y.Doc, name: string, id: string, schema: z.ZodType<T>): WithId<T> | null {
  const fields = collection(doc, name).get(id)
  if (!(fields instanceof Y.Map)) return null
  const parsed = schema.safeParse(fields.toJSON())
  return parsed.success ? { ...(parsed.data as T), id } : null
}

/** Creates or updates a record; only the given fields change. Values must be plain JSON. */
export function patchRecord(doc: Y.Doc, name: string, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const map = collection(doc, name)
    let record = map.get(id)
    if (!(record instanceof Y.Map)) {
      record = new Y.Map<unknown>()
      map.set(id, record)
    }
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) record.delete(k)
      else record.set(k, v)
    }
  })
}

export function removeRecord(doc: Y.Doc, name: string, id: string): void {
  collection(doc, name).delete(id)
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
