import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { db } from '@core/database/db.ts'
import { useSpaceRootDoc } from '@core/spaces/hooks.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { useSharedDoc } from '@core/sync/useSharedDoc.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { rekeyLegacyOrders, type CollectionDef } from '@core/collections/index.ts'
import { defineDocument, registerDocumentKind } from '@core/documents/index.ts'
import { ACTION_ITEMS, FIRST_STEPS, PROJECT_NOTES, PROJECTS, SESSIONS, THOUGHTS, TRACK_TICKETS, TRACKS } from './lists.ts'

/**
 * The documents the mentorship program lives in:
 * - an org space's root document holds the pool (loaded here the way core/spaces/hooks.ts loads it);
 * - a pair space's "journal" document holds everything the pair writes. It is a document of its
 *   own (sync/useSharedDoc.ts), not the root, because its link carries the awareness that the
 *   session editor's carets and the shared step timer's clock beacons need.
 */
export type SharedDoc = Y.Doc
export type PairLink = DocLink

export const PAIR_DOC_KEY = 'journal'

/**
 * The journal's layout versions. v2: every list item has an order key (v1 gave numbers, and a bug
 * gave every new item 0, so such lists showed by id); the items keep the order they show in.
 */
export const JOURNAL_DOC = defineDocument({
  name: 'journal',
  version: 2,
  migrations: {
    2: (doc) => {
      const lists: CollectionDef<unknown>[] = [SESSIONS, TRACKS, FIRST_STEPS, THOUGHTS, TRACK_TICKETS, PROJECTS, PROJECT_NOTES, ACTION_ITEMS]
      for (const list of lists) rekeyLegacyOrders(doc, list)
    }
  }
})
registerDocumentKind((key) => key === PAIR_DOC_KEY, JOURNAL_DOC)

/** The pair's journal document and its link (awareness), while the component shows it. */
export function usePairLink(spaceId: string): PairLink | null {
  return useSharedDoc(spaceId, PAIR_DOC_KEY)
}

/** Runs `f` on a pair's journal document, keeping it loaded and synced meanwhile. */
export async function withPairDoc<T>(spaceId: string, f: (doc: Y.Doc) => T): Promise<T> {
  const link = await syncManager.retain(spaceId, PAIR_DOC_KEY)
  try {
    return f(link.doc)
  } finally {
    syncManager.release(spaceId, PAIR_DOC_KEY)
  }
}

/** The loaded root document of a space on this device, or null (not here, or still loading). */
export function useRootDoc(spaceId: string): Y.Doc | null {
  return useSpaceRootDoc(spaceId)
}

/** Runs `f` on every org space's root document on this device. */
export async function forEachOrgDoc(f: (doc: Y.Doc, spaceId: string) => void): Promise<void> {
  const rows = await db().spaces.where('kind').equals('org').toArray()
  for (const row of rows) {
    const provider = DexieYProvider.load(row.doc)
    try {
      await provider.whenLoaded
      f(row.doc, row.id)
    } finally {
      DexieYProvider.release(row.doc)
    }
  }
}
