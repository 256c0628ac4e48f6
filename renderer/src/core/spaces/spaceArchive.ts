import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { db, type DocRow, type IdentityRow, type PrivateNoteRow, type SpaceRow, type TandemDb } from '../database/db.ts'
import { docIdFor, ensureDocRow } from '../documents/rows.ts'
import { documentKindFor, rootDocumentKind } from '../documents/kinds.ts'
import { storedVersion } from '../documents/versions.ts'
import { upsertSelf } from './spaceDoc.ts'

/**
 * A space's documents as whole Yjs states, read out and merged back in (issue 14: backups and
 * restore). Merging is Y.applyUpdate, a CRDT merge: applying a state the document already holds
 * changes nothing, and an old state over newer data loses nothing.
 */

/** A space's documents: the root (key null) and every other one (its key, e.g. "sprint/12"). */
export async function spaceDocumentKeys(spaceId: string): Promise<(string | null)[]> {
  const ids = (await db().docs.where('spaceId').equals(spaceId).primaryKeys()) as string[]
  const prefix = `${spaceId}/`
  return [null, ...ids.filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)).sort()]
}

async function rowDoc(spaceId: string, key: string | null, create: boolean): Promise<Y.Doc | null> {
  if (key === null) return (await db().spaces.get(spaceId))?.doc ?? null
  const row: DocRow | undefined = create ? await ensureDocRow(spaceId, key) : await db().docs.get(docIdFor(spaceId, key))
  return row?.doc ?? null
}

/** Runs `f` on the loaded document (loaded for the call if nobody holds it, shared if someone does). */
async function withLoaded<T>(doc: Y.Doc, f: (doc: Y.Doc) => T): Promise<T> {
  const provider = DexieYProvider.load(doc)
  try {
    await provider.whenLoaded
    return f(doc)
  } finally {
    DexieYProvider.release(doc)
  }
}

export interface DocumentState {
  key: string | null
  state: Uint8Array
  /** the layout version recorded in it */
  layout: number
}

/** One document's whole state (null when the document is gone). */
export async function readDocumentState(spaceId: string, key: string | null): Promise<DocumentState | null> {
  const doc = await rowDoc(spaceId, key, false)
  if (!doc) return null
  return withLoaded(doc, (d) => ({ key, state: Y.encodeStateAsUpdate(d), layout: storedVersion(d) }))
}

/** The layout this app supports for a document (null: a kind no feature registered, any layout reads). */
export function supportedLayout(key: string | null): number | null {
  return key === null ? rootDocumentKind().version : (documentKindFor(key)?.version ?? null)
}

/** The backup names a space this device has with another key: refused, nothing changed. */
export class RestoreConflictError extends Error {
  constructor(readonly spaceId: string) {
    super('This device already has this space with another key, so the backup was not merged into it (one of them may not be the real space). Nothing of it was changed.')
    this.name = 'RestoreConflictError'
  }
}

/**
 * Makes sure this device has the space: an absent space is added with the backup's id, kind,
 * name and key; a space already here must have the same key
 * (a backup with another key for it is refused: RestoreConflictError, nothing changed). Returns
 * whether it was added.
 */
export async function ensureSpaceFromBackup(space: { id: string; kind: SpaceRow['kind']; name: string; key: string; status: SpaceRow['status']; rekey?: { record: string; epoch: number } | undefined }): Promise<boolean> {
  const existing = await db().spaces.get(space.id)
  if (existing) {
    if (existing.key !== space.key) throw new RestoreConflictError(space.id)
    return false
  }
  const rekey = space.rekey ? { keyRecord: space.rekey.record, keyEpoch: space.rekey.epoch } : {}
  await db().spaces.add({ id: space.id, kind: space.kind, name: space.name, key: space.key, status: space.status, ...rekey, joinedAt: Date.now(), keyVerified: false } as SpaceRow)
  return true
}

/** Adds or refreshes this device's member entry in a space's root document. */
export async function recordSelf(spaceId: string, me: IdentityRow): Promise<void> {
  const doc = await rowDoc(spaceId, null, false)
  if (doc) await withLoaded(doc, (d) => upsertSelf(d, { id: me.deviceId, name: me.name, color: me.color }, Date.now()))
}

/** Checks that a state is a Yjs update this app can read, without touching any stored document. */
export function isReadableState(state: Uint8Array): boolean {
  try {
    const probe = new Y.Doc()
    Y.applyUpdate(probe, state)
    probe.destroy()
    return true
  } catch {
    return false
  }
}

/** Merges a state into the space's document (created when missing); true when anything changed. */
export async function mergeDocumentState(spaceId: string, key: string | null, state: Uint8Array): Promise<boolean> {
  const doc = await rowDoc(spaceId, key, true)
  if (!doc) throw new Error('This space is no longer on this device.')
  return withLoaded(doc, (d) => {
    const before = Y.encodeStateVector(d)
    Y.applyUpdate(d, state, 'tandem-restore')
    const after = Y.encodeStateVector(d)
    return before.length !== after.length || before.some((b, i) => b !== after[i])
  })
}

export async function privateNotesOf(spaceId: string): Promise<PrivateNoteRow[]> {
  return db().privateNotes.where('spaceId').equals(spaceId).toArray()
}

/** Puts back private notes this device lacks or holds an older version of; returns how many changed. */
export async function mergePrivateNotes(spaceId: string, notes: readonly Omit<PrivateNoteRow, 'spaceId'>[]): Promise<number> {
  let changed = 0
  await db().transaction('rw', db().privateNotes, async () => {
    for (const n of notes) {
      const here = await db().privateNotes.get(n.id)
      if (here && (here.spaceId !== spaceId || here.updatedAt >= n.updatedAt)) continue
      await db().privateNotes.put({ ...n, spaceId })
      changed++
    }
  })
  return changed
}

/** The y-dexie tables holding the stored updates of a table's documents. */
function updatesTablesOf(d: TandemDb, table: 'spaces' | 'docs'): string[] {
  return (d.table(table).schema.yProps ?? []).map((p) => p.updatesTable)
}

export interface StoredDocumentSize {
  key: string | null
  /** bytes of the stored updates (before y-dexie compacts them) */
  bytes: number
  updates: number
}

/** What a space takes on this device: each document's stored updates, and its private notes. */
export async function spaceStoredSizes(spaceId: string): Promise<{ documents: StoredDocumentSize[]; privateNotesBytes: number }> {
  const d = db()
  const keys = await spaceDocumentKeys(spaceId)
  const documents: StoredDocumentSize[] = []
  for (const key of keys) {
    const k = key === null ? spaceId : docIdFor(spaceId, key)
    let bytes = 0
    let updates = 0
    for (const t of updatesTablesOf(d, key === null ? 'spaces' : 'docs')) {
      await d
        .table(t)
        .where('k')
        .equals(k)
        .each((row: { u?: Uint8Array }) => {
          updates++
          bytes += row.u?.byteLength ?? 0
        })
    }
    documents.push({ key, bytes, updates })
  }
  let privateNotesBytes = 0
  for (const n of await privateNotesOf(spaceId)) privateNotesBytes += n.text.length * 2 + n.topic.length * 2
  return { documents, privateNotesBytes }
}
