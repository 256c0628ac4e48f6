import { useCallback, useMemo } from 'react'
import { type EscalatedItem, escalate } from '@shared/retro/cards.ts'
import { collection, useRecords } from '@core/collections/index.ts'
import { type BoardSession, boardDocOf, currentBoard } from './board.ts'
import { CARDS, ESCALATIONS } from './collections.ts'
import { useSprintDocLink, withSprintDoc } from './documents.ts'

/**
 * Escalating a card takes it to the org's sprint retrospective: a record in the org space's
 * document for the same sprint (id derived from board and card, so escalating twice or from two
 * peers yields one item), and a mark on the card. Needs the org space on this device.
 */
export async function escalateCard(session: BoardSession, cardId: string, orgSpaceId: string): Promise<void> {
  const board = currentBoard(session)
  const card = collection(boardDocOf(session), CARDS).get(cardId)
  if (!board || !card) throw new Error('This card is no longer on the board.')
  const { card: marked, item } = escalate(card, board, orgSpaceId, Date.now())
  await withSprintDoc(orgSpaceId, board.sprint, (orgDoc) => {
    const { id, ...fields } = item
    collection(orgDoc, ESCALATIONS).upsert(id, fields)
  })
  collection(boardDocOf(session), CARDS).patch(card.id, { escalated: marked.escalated })
}

export interface OrgEscalations {
  /** false while the org's sprint document loads */
  loaded: boolean
  items: readonly EscalatedItem[]
  /** The org takes an item off its agenda (the team's card keeps its mark). */
  withdraw(id: string): void
}

/** What teams escalated to the org's retrospective of `sprint`, while the view shows it. */
export function useOrgEscalations(orgSpaceId: string, sprint: number): OrgEscalations {
  const link = useSprintDocLink(orgSpaceId, sprint)
  const doc = link?.doc ?? null
  const items = useRecords(doc, ESCALATIONS)
  const withdraw = useCallback((id: string) => doc && collection(doc, ESCALATIONS).remove(id), [doc])
  return useMemo(() => ({ loaded: !!doc, items, withdraw }), [doc, items, withdraw])
}
