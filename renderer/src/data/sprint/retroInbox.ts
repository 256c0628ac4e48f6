import { newId } from '../../../../shared/spaces/key.ts'
import { Opportunity } from '../../../../shared/sprint/sprintRecords.ts'
import type { DocLink } from '../../sync/docLink.ts'
import { patchRecord, readCollection, removeRecord, useDocRead, type WithId } from '../collections.ts'

/**
 * The team's retrospective inbox for a sprint: the problems and opportunities for improvement
 * that anyone logged at the end of a daily sync-up. The team retrospective reads them from here.
 *
 *   where   the team space's document for the sprint: `useSprintDoc(teamSpaceId, n)`
 *           (= `useSharedDoc(teamSpaceId, sprintDocKey(n))`, key `sprint/<n>`)
 *   what    collection RETRO_INBOX_COLLECTION ('opportunities'): id → Opportunity
 *           { text, authorId, authorName, date (the sync-up's day), createdAt, source: 'syncup' }
 *   rules   the author is recorded and no owner is implied: logging one does not make you
 *           responsible for it. Items are only added (and removed by their author); a retro
 *           board that wants to group, vote or act on them keeps that in its own collections,
 *           pointing at these ids.
 *
 * Use `useRetroInbox(link)` to read (oldest first) and `logOpportunity(link, …)` to add.
 */
export const RETRO_INBOX_COLLECTION = 'opportunities'
export { Opportunity }
export type RetroInboxItem = WithId<Opportunity>

export function readRetroInbox(doc: DocLink['doc']): RetroInboxItem[] {
  return readCollection(doc, RETRO_INBOX_COLLECTION, Opportunity).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

const NONE: RetroInboxItem[] = []

export function useRetroInbox(link: DocLink | null): RetroInboxItem[] {
  return useDocRead(link?.doc, readRetroInbox, NONE)
}

export function logOpportunity(link: DocLink, item: { text: string; author: { id: string; name: string }; date: string }): string {
  const text = item.text.trim()
  if (!text) throw new Error('Write what you noticed first.')
  const id = newId()
  patchRecord(link.doc, RETRO_INBOX_COLLECTION, id, {
    text,
    authorId: item.author.id,
    authorName: item.author.name,
    date: item.date,
    createdAt: Date.now(),
    source: 'syncup'
  })
  return id
}

export function removeOpportunity(link: DocLink, id: string): void {
  removeRecord(link.doc, RETRO_INBOX_COLLECTION, id)
}
