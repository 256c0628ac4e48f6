import { type Card, CardFields } from '../../../../shared/retro/cards.ts'
import { type CardGroup, emptyGroups, groupTwoCards } from '../../../../shared/retro/groups.ts'
import { newId } from '../../../../shared/spaces/key.ts'
import type { DocLink } from '../../sync/docLink.ts'
import { patchRecord, readCollection, removeRecord } from '../collections.ts'
import { CARDS, GROUPS } from './names.ts'

/**
 * Grouping writes the CARD's `groupId` (groups.ts): two people dragging different cards never
 * touch the same field, and one card dragged two ways ends in exactly one group.
 */

/** Drops `dragged` onto `target`: into the target's group, or a new group of the two. */
export function groupOnto(link: DocLink, target: Card, dragged: Card, groups: readonly CardGroup[]): void {
  if (target.id === dragged.id) return
  const targetGroup = target.groupId !== undefined && groups.some((g) => g.id === target.groupId) ? target.groupId : undefined
  link.doc.transact(() => {
    if (targetGroup) patchRecord(link.doc, CARDS, dragged.id, { groupId: targetGroup })
    else {
      const { group, patches } = groupTwoCards(newId(), target, dragged, Date.now())
      const { id, ...fields } = group
      patchRecord(link.doc, GROUPS, id, fields)
      for (const p of patches) patchRecord(link.doc, CARDS, p.id, { groupId: p.groupId })
    }
  })
  cleanUp(link, groups)
}

/** Into an existing group, or out of any (`null`). */
export function moveToGroup(link: DocLink, card: Card, groupId: string | null, groups: readonly CardGroup[]): void {
  patchRecord(link.doc, CARDS, card.id, { groupId: groupId ?? undefined })
  cleanUp(link, groups)
}

export function renameGroup(link: DocLink, groupId: string, title: string): void {
  patchRecord(link.doc, GROUPS, groupId, { title: title.trim().slice(0, 80) })
}

/** Groups left without cards are removed (a group is shown only while it has cards anyway). */
function cleanUp(link: DocLink, groups: readonly CardGroup[]): void {
  for (const id of emptyGroups(readCollection(link.doc, CARDS, CardFields), groups)) {
    // a group created a moment ago may not have its cards yet on a slow peer: keep young ones
    const g = groups.find((x) => x.id === id)
    if (g && Date.now() - g.createdAt > 5_000) removeRecord(link.doc, GROUPS, id)
  }
}
