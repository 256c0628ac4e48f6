import { useLiveQuery } from 'dexie-react-hooks'
import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { db, type SpaceRow } from '../db.ts'
import { useLoadedDoc } from '../spaces.ts'

/** A space's root document, loaded while a retro view shows it; null while loading or when not here. */
export function useRetroRootDoc(spaceId: string | null | undefined): Y.Doc | null {
  const row = useLiveQuery(async () => (spaceId ? ((await db().spaces.get(spaceId)) ?? null) : null), [spaceId])
  return useLoadedDoc(row && row.status === 'active' ? row.doc : undefined)
}

/** The spaces on this device of one kind (active ones), by name: for "share with which org?". */
export function useLocalSpaces(kind: SpaceRow['kind']): SpaceRow[] {
  return useLiveQuery(async () => (await db().spaces.orderBy('name').toArray()).filter((r) => r.kind === kind && r.status === 'active'), [kind]) ?? NONE
}
const NONE: SpaceRow[] = []

/** Runs `f` on a space's loaded root document. */
export async function withRootDoc<T>(spaceId: string, f: (doc: Y.Doc) => T): Promise<T> {
  const row = await db().spaces.get(spaceId)
  if (!row || row.status !== 'active') throw new Error('That space is not on this device.')
  const provider = DexieYProvider.load(row.doc)
  try {
    await provider.whenLoaded
    return f(row.doc)
  } finally {
    DexieYProvider.release(row.doc)
  }
}

/** A space's root document, as features pass it around (they never import yjs). */
export type RootDoc = Y.Doc
