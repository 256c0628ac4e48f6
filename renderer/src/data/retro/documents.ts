import { useLiveQuery } from 'dexie-react-hooks'
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

/** A space's root document, as features pass it around (they never import yjs). */
export type RootDoc = Y.Doc
