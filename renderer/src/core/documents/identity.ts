import type * as Y from 'yjs'
import type { DexieYDocMeta } from 'y-dexie'
import { observeSourceOf } from '@shared/spaces/observe.ts'

/**
 * Which document of which space a Y.Doc is: `<space id>` for a space's root document,
 * `<space id>/<key>` for another ("sprint/12", "journal"). Seals of records include it
 * (core/collections/signing.ts), so a record sealed in one document does not read as its author's
 * in another (a card copied from sprint 3's board into sprint 4's, or into another space).
 *
 * Every stored document is a y-dexie row's (`spaces.doc`, `docs.doc`): its identity comes from the
 * row it was made for, whoever loads it. A member's copies for observers (`~observe/sprint/12`) and
 * an observer's (`sprint/12` of the team space) are copies of the same document: they carry the
 * identity of the document they copy (shared/spaces/observe.ts), so the seals copied with them hold.
 * A document made for a while from stored states (a backup's readable export) is given its
 * identity with `bindDocument` before anything reads it. Any other document (a test's, a throwaway)
 * has none: its records' seals cover their collection and id only.
 */
const bound = new WeakMap<Y.Doc, string>()

/** The identity of a space's document (`key` null or '': its root). */
export function documentIdentity(spaceId: string, key: string | null): string {
  if (!key) return spaceId
  const source = observeSourceOf(key)
  return source === null ? `${spaceId}/${key}` : documentIdentity(spaceId, source)
}

/** Gives a document not made for a stored row (a backup's document read for export) its identity. */
export function bindDocument(doc: Y.Doc, identity: string): void {
  bound.set(doc, identity)
}

/** The document's identity, or null when it has none (not a stored document, and not bound). */
export function identityOf(doc: Y.Doc): string | null {
  const given = bound.get(doc)
  if (given !== undefined) return given
  const meta = doc.meta as Partial<DexieYDocMeta> | null | undefined
  if (!meta || typeof meta.parentId !== 'string' || meta.parentProp !== 'doc') return null
  if (meta.parentTable === 'spaces') return documentIdentity(meta.parentId, null)
  if (meta.parentTable !== 'docs') return null
  // a docs row's id is `<space id>/<key>` (rows.ts docIdFor); space ids hold no '/'
  const at = meta.parentId.indexOf('/')
  return at > 0 ? documentIdentity(meta.parentId.slice(0, at), meta.parentId.slice(at + 1)) : null
}
