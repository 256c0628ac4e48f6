import type { RetroBoard } from '../../../../shared/retro/board.ts'
import { type Card, type EscalatedItem, escalate } from '../../../../shared/retro/cards.ts'
import { EscalatedItemFields } from '../../../../shared/retro/escalations.ts'
import { sprintDocKey } from '../../../../shared/sprint/sprintRecords.ts'
import type { DocLink } from '../../sync/docLink.ts'
import { syncManager } from '../../sync/syncManager.ts'
import { patchRecord, removeRecord, useCollection } from '../collections.ts'
import { CARDS, ESCALATIONS } from './names.ts'

/**
 * Escalating a card takes it to the org's sprint retrospective: a record in the org space's
 * document for the same sprint (id derived from board and card, so escalating twice or from two
 * peers yields one item), and a mark on the card. Needs the org space on this device.
 */
export async function escalateCard(link: DocLink, board: RetroBoard, card: Card, orgSpaceId: string): Promise<void> {
  const { card: marked, item } = escalate(card, board, orgSpaceId, Date.now())
  const key = sprintDocKey(board.sprint)
  const org = await syncManager.retain(orgSpaceId, key)
  try {
    const { id, ...fields } = item
    patchRecord(org.doc, ESCALATIONS, id, fields)
  } finally {
    syncManager.release(orgSpaceId, key)
  }
  patchRecord(link.doc, CARDS, card.id, { escalated: marked.escalated })
}

export function useEscalations(orgSprintLink: DocLink | null): EscalatedItem[] {
  return useCollection(orgSprintLink?.doc, ESCALATIONS, EscalatedItemFields)
}

/** The org takes an item off its agenda (the team's card keeps its mark). */
export function withdrawEscalation(orgSprintLink: DocLink, id: string): void {
  removeRecord(orgSprintLink.doc, ESCALATIONS, id)
}
