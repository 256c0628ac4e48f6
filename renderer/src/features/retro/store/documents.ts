import { useLiveQuery } from 'dexie-react-hooks'
import type * as Y from 'yjs'
import { SPRINT_DOC_PREFIX, sprintDocKey } from '@shared/sprint/sprintRecords.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { useSharedDoc } from '@core/sync/useSharedDoc.ts'
import { db, type SpaceRow } from '@core/database/db.ts'
import { useLoadedDoc } from '@core/spaces/hooks.ts'

/**
 * The documents the retrospective lives in (collections.ts says what each holds): a space's root
 * document, and a space's sprint document `sprint/<n>` (the team's board, the org's escalations).
 * Loaded here for the store's hooks and commands; the UI never holds them.
 */

/** A space's root document, loaded while a retro view shows it; null while loading or when not here. */
export function useRetroRootDoc(spaceId: string | null | undefined): Y.Doc | null {
  const row = useLiveQuery(async () => (spaceId ? ((await db().spaces.get(spaceId)) ?? null) : null), [spaceId])
  return useLoadedDoc(row && row.status === 'active' ? row.doc : undefined)
}

/** A space's sprint document, loaded and synced while a view shows it (null while loading). */
export function useSprintDocLink(spaceId: string | null | undefined, sprint: number | null): DocLink | null {
  return useSharedDoc(sprint === null ? null : spaceId, sprintDocKey(sprint ?? 0))
}

/** The sprint a document key names (`sprint/12` → 12), or null for any other key. */
export function sprintOfKey(key: string): number | null {
  if (!key.startsWith(SPRINT_DOC_PREFIX)) return null
  const n = Number(key.slice(SPRINT_DOC_PREFIX.length))
  return Number.isInteger(n) && n > 0 ? n : null
}

/** Runs `f` on a space's sprint document, keeping it loaded and synced meanwhile. */
export async function withSprintDoc<T>(spaceId: string, sprint: number, f: (doc: Y.Doc) => T): Promise<T> {
  const key = sprintDocKey(sprint)
  const link = await syncManager.retain(spaceId, key)
  try {
    return f(link.doc)
  } finally {
    syncManager.release(spaceId, key)
  }
}

/** The spaces on this device of one kind (active ones), by name: for "share with which org?". */
export function useLocalSpaces(kind: SpaceRow['kind']): SpaceRow[] {
  return useLiveQuery(async () => (await db().spaces.orderBy('name').toArray()).filter((r) => r.kind === kind && r.status === 'active'), [kind]) ?? NONE
}
const NONE: SpaceRow[] = []
