import { emptyGroups, groupTwoCards } from '@shared/retro/groups.ts'
import { newId } from '@shared/spaces/key.ts'
import { clip } from '@shared/text/plainText.ts'
import { collection } from '@core/collections/index.ts'
import { type BoardSession, boardDocOf } from './board.ts'
import { CARDS, GROUPS } from './collections.ts'

/**
 * Grouping writes the CARD's `groupId` (groups.ts): two people dragging different cards never
 * touch the same field, and one card dragged two ways ends in exactly one group. Commands read the
 * cards and groups as the document holds them when they run, not as a render last saw them.
 */

/** Drops card `draggedId` onto card `targetId`: into the target's group, or a new group of the two. */
export function groupOnto(session: BoardSession, targetId: string, draggedId: string): void {
  if (targetId === draggedId) return
  const doc = boardDocOf(session)
  const cards = collection(doc, CARDS)
  const groups = collection(doc, GROUPS)
  const target = cards.get(targetId)
  const dragged = cards.get(draggedId)
  if (!target || !dragged) return
  const targetGroup = target.groupId !== undefined && groups.get(target.groupId) ? target.groupId : undefined
  doc.transact(() => {
    if (targetGroup) cards.patch(dragged.id, { groupId: targetGroup })
    else {
      const { group, patches } = groupTwoCards(newId(), target, dragged, Date.now())
      const { id, ...fields } = group
      groups.patch(id, fields)
      for (const p of patches) cards.patch(p.id, { groupId: p.groupId })
    }
  })
  cleanUp(session)
}

/** Into an existing group, or out of any (`null`). */
export function moveToGroup(session: BoardSession, cardId: string, groupId: string | null): void {
  collection(boardDocOf(session), CARDS).patch(cardId, { groupId: groupId ?? undefined })
  cleanUp(session)
}

export function renameGroup(session: BoardSession, groupId: string, title: string): void {
  collection(boardDocOf(session), GROUPS).patch(groupId, { title: clip(title.trim(), 80) })
}

/** Groups left without cards are removed (a group is shown only while it has cards anyway). */
function cleanUp(session: BoardSession): void {
  const doc = boardDocOf(session)
  const groups = collection(doc, GROUPS)
  for (const id of emptyGroups(collection(doc, CARDS).list(), groups.list())) {
    // a group created a moment ago may not have its cards yet on a slow peer: keep young ones
    const g = groups.get(id)
    if (g && Date.now() - g.createdAt > 5_000) groups.remove(id)
  }
}
