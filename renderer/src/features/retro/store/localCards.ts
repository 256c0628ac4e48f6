import { useMemo } from 'react'
import { liveQuery } from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import { db, type DraftCardRow } from '@core/database/db.ts'

/**
 * Retro cards on this device only: drafts written during the write phase (peers' copies of the
 * board do not contain them until reveal), and the ids of cards this device authored (anonymous
 * cards carry no author in the shared document, so only this table knows they are mine). A row's
 * `boardId` is the board document's id, `<spaceId>/sprint/<n>`.
 */
export function useDraftCards(boardDocId: string): DraftCardRow[] {
  return useLiveQuery(() => db().draftCards.where('boardId').equals(boardDocId).sortBy('createdAt'), [boardDocId]) ?? NO_DRAFTS
}
const NO_DRAFTS: DraftCardRow[] = []

export async function saveDraftCard(card: DraftCardRow): Promise<void> {
  await db().draftCards.put(card)
}

export async function deleteDraftCard(id: string): Promise<void> {
  await db().draftCards.delete(id)
}

/**
 * Where the drafts that wait for a reveal come from, for the service that publishes them
 * (services.ts). The app's is the local table; tests give their own.
 */
export interface DraftSource {
  /** Calls `f` now and whenever the space's drafts change, with them grouped by board document id. */
  watch(spaceId: string, f: (byBoard: ReadonlyMap<string, readonly DraftCardRow[]>) => void): () => void
  /** Forgets drafts that are in the shared document now. */
  remove(ids: readonly string[]): Promise<void>
  /** This device's member id (a named draft is published with it as author). */
  meId(): Promise<string | null>
}

export const localDrafts: DraftSource = {
  watch(spaceId, f) {
    const sub = liveQuery(() => db().draftCards.where('boardId').startsWith(`${spaceId}/`).sortBy('createdAt')).subscribe({
      next: (rows) => {
        const byBoard = new Map<string, DraftCardRow[]>()
        for (const row of rows) {
          const list = byBoard.get(row.boardId)
          if (list) list.push(row)
          else byBoard.set(row.boardId, [row])
        }
        f(byBoard)
      },
      error: (err) => console.error('retro: could not read the drafts', err)
    })
    return () => sub.unsubscribe()
  },
  async remove(ids) {
    await db().draftCards.bulkDelete([...ids])
  },
  async meId() {
    return (await db().identity.get('me'))?.deviceId ?? null
  }
}

export function useMyCardIds(boardDocId: string): ReadonlySet<string> {
  const rows = useLiveQuery(() => db().myCards.where('boardId').equals(boardDocId).toArray(), [boardDocId])
  const key = (rows ?? []).map((r) => r.id).sort().join(' ')
  return useMemo(() => new Set(key ? key.split(' ') : []), [key])
}

export async function rememberMyCard(boardDocId: string, id: string): Promise<void> {
  await db().myCards.put({ id, boardId: boardDocId })
}
