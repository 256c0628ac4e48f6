import { useLiveQuery } from 'dexie-react-hooks'
import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { db, type SpaceRow } from '@core/database/db.ts'
import { useSpaceRootDoc as useSharedRootDoc } from '@core/spaces/hooks.ts'

/**
 * A space's root document for the sprint feature: loaded while a component shows it (the same
 * way core/spaces/hooks.ts does for the space home), and loaded for the length of a command.
 */
export type SpaceDoc = Y.Doc

/** The space's row (undefined while reading, null when the space is not on this device). */
export function useSpaceRow(spaceId: string | null | undefined): SpaceRow | null | undefined {
  return useLiveQuery(async () => (spaceId ? ((await db().spaces.get(spaceId)) ?? null) : null), [spaceId])
}

/** The loaded root document of a space on this device (see core/spaces/hooks.ts). */
export const useSpaceRootDoc = useSharedRootDoc

/** Runs `f` on a space's loaded root document (kept loaded until `f` has finished). */
export async function withSpaceRootDoc<T>(spaceId: string, f: (doc: Y.Doc, row: SpaceRow) => T | Promise<T>): Promise<T> {
  const row = await db().spaces.get(spaceId)
  if (!row) throw new Error('This space is no longer on this device.')
  const provider = DexieYProvider.load(row.doc)
  try {
    await provider.whenLoaded
    return await f(row.doc, row)
  } finally {
    DexieYProvider.release(row.doc)
  }
}
