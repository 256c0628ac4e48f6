import { useMemo } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { db, type DraftCardRow } from './db.ts'

/**
 * Retro cards on this device only: drafts written during the write phase (peers' copies of the
 * board do not contain them until reveal), and the ids of cards this device authored (anonymous
 * cards carry no author in the shared document, so only this table knows they are mine).
 */
export function useDraftCards(boardId: string): DraftCardRow[] {
  return useLiveQuery(() => db().draftCards.where('boardId').equals(boardId).sortBy('createdAt'), [boardId]) ?? []
}

export async function saveDraftCard(card: DraftCardRow): Promise<void> {
  await db().draftCards.put(card)
}

export async function deleteDraftCard(id: string): Promise<void> {
  await db().draftCards.delete(id)
}

/** Takes every draft of a board out of the local table (they are being published). */
export async function takeDraftCards(boardId: string): Promise<DraftCardRow[]> {
  return db().transaction('rw', db().draftCards, async () => {
    const drafts = await db().draftCards.where('boardId').equals(boardId).sortBy('createdAt')
    await db().draftCards.bulkDelete(drafts.map((d) => d.id))
    return drafts
  })
}

export function useMyCardIds(boardId: string): Set<string> {
  const rows = useLiveQuery(() => db().myCards.where('boardId').equals(boardId).toArray(), [boardId])
  return useMemo(() => new Set((rows ?? []).map((r) => r.id)), [rows])
}

export async function rememberMyCard(boardId: string, id: string): Promise<void> {
  await db().myCards.put({ id, boardId })
}
