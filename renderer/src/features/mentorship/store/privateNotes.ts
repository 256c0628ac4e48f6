import { useLiveQuery } from 'dexie-react-hooks'
import { db, type PrivateNoteRow } from '@core/database/db.ts'

/**
 * Private notes live in a local table only: they are never written to a shared document, so no
 * peer can ever receive them (test/e2e checks the other peer's database).
 */
export function privateNoteId(spaceId: string, topic: string): string {
  return `${spaceId}/${topic}`
}

export function usePrivateNote(spaceId: string, topic: string): PrivateNoteRow | null | undefined {
  return useLiveQuery(async () => (await db().privateNotes.get(privateNoteId(spaceId, topic))) ?? null, [spaceId, topic])
}

export async function savePrivateNote(spaceId: string, topic: string, text: string): Promise<void> {
  const id = privateNoteId(spaceId, topic)
  if (!text.trim()) {
    await db().privateNotes.delete(id)
    return
  }
  await db().privateNotes.put({ id, spaceId, topic, text, updatedAt: Date.now() })
}
