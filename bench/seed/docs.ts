import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { keepVersioned } from '@core/documents/index.ts'
import { db } from '@core/database/db.ts'
import { ensureDocRow } from '@core/documents/rows.ts'
import { DocLink } from '@core/sync/docLink.ts'

/**
 * Loading documents for the seed, the way the app does: a space's root document through y-dexie
 * (as data/spaces.ts and the stores' own `with…Doc` helpers); a space's other documents as the
 * sync manager's `retain` loads them (its row, y-dexie, the layout version, a DocLink), minus the
 * connection and the 20 s linger: the seed writes hundreds of documents one after another, and
 * every loaded document re-reads the updates table on every write (y-dexie's liveQuery), so
 * lingering ones would slow it down for nothing. The seed page never connects anywhere.
 */
export async function withRootDoc<T>(spaceId: string, f: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const row = await db().spaces.get(spaceId)
  if (!row) throw new Error(`seed: space ${spaceId} is not on this device`)
  const provider = DexieYProvider.load(row.doc)
  try {
    await provider.whenLoaded
    return await f(row.doc)
  } finally {
    DexieYProvider.release(row.doc)
  }
}

export async function withSharedDoc<T>(spaceId: string, key: string, f: (link: DocLink) => T | Promise<T>): Promise<T> {
  const row = await ensureDocRow(spaceId, key)
  const provider = DexieYProvider.load(row.doc)
  try {
    await provider.whenLoaded
    const stopVersioning = keepVersioned(row.doc, key)
    const link = new DocLink(row.id, row.doc, { onPeers: () => {}, onDecryptError: () => {}, onPresence: () => {}, onTrouble: () => {} })
    try {
      return await f(link)
    } finally {
      link.destroy()
      stopVersioning()
    }
  } finally {
    DexieYProvider.release(row.doc)
  }
}

/** What a generator reports as it goes (the bench prints it). */
export type Log = (line: string) => void

/** Runs `f` over `items`, at most `limit` at a time (IndexedDB round trips overlap); results in order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, f: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await f(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
