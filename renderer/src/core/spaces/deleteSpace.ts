import { db, type TandemDb } from '../database/db.ts'

/** The y-dexie tables holding the stored updates of a table's documents (`$<table>_<prop>_updates`). */
function updatesTablesOf(d: TandemDb, table: 'spaces' | 'docs'): string[] {
  return (d.table(table).schema.yProps ?? []).map((p) => p.updatesTable)
}

/**
 * Deletes everything this device holds of a space, in one transaction: its row, its other
 * documents' rows, the stored updates of every one of its documents (y-dexie keeps those in
 * tables of their own and does not delete them with the row), its private notes, and the retro
 * drafts and card ids of its boards (board ids are `<spaceId>/<docKey>`), and the planning-poker
 * votes still waiting on this device for a reveal.
 */
export async function deleteSpaceLocally(spaceId: string): Promise<void> {
  const d = db()
  const rootUpdates = updatesTablesOf(d, 'spaces')
  const docUpdates = updatesTablesOf(d, 'docs')
  const tables = [d.spaces, d.docs, d.privateNotes, d.draftCards, d.myCards, d.pokerVotes, ...[...rootUpdates, ...docUpdates].map((t) => d.table(t))]
  await d.transaction('rw', tables, async () => {
    const docIds = (await d.docs.where('spaceId').equals(spaceId).primaryKeys()) as string[]
    for (const t of rootUpdates) await d.table(t).where('k').equals(spaceId).delete()
    for (const t of docUpdates) if (docIds.length) await d.table(t).where('k').anyOf(docIds).delete()
    await d.docs.bulkDelete(docIds)
    await d.privateNotes.where('spaceId').equals(spaceId).delete()
    await d.draftCards.where('boardId').startsWith(`${spaceId}/`).delete()
    await d.myCards.where('boardId').startsWith(`${spaceId}/`).delete()
    await d.pokerVotes.where('spaceId').equals(spaceId).delete()
    await d.spaces.delete(spaceId)
  })
}
