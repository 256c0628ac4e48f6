import { db, type DocRow } from '../database/db.ts'

/**
 * A space's documents beyond its root: the id is derived from the space and a key that names
 * what it holds ("sprint/12", "journal"), so every peer opens the same room without an index.
 */
export function docIdFor(spaceId: string, key: string): string {
  return `${spaceId}/${key}`
}

export async function ensureDocRow(spaceId: string, key: string): Promise<DocRow> {
  const id = docIdFor(spaceId, key)
  const existing = await db().docs.get(id)
  if (existing) return existing
  await db().docs.put({ id, spaceId } as DocRow)
  return (await db().docs.get(id))!
}
