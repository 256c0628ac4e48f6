import { useMemo } from 'react'
import type * as Y from 'yjs'
import { namesOf, personName } from '@shared/members/personName.ts'
import { Opportunity } from '@shared/sprint/sprintRecords.ts'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
import { useMembers } from '@core/spaces/hooks.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { OPPORTUNITIES } from './collections.ts'
import { useSpaceRootDoc } from './spaceRoot.ts'

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
 *           pointing at these ids. Each is sealed by its author (collections.ts): a forged one is
 *           not read, so it never reaches the inbox or a board. Whoever logged it is named by
 *           their member entry (`noticedBy`), not by the `authorName` they wrote into it.
 *
 * Use `useRetroInbox(link)` to read (oldest first) and `logOpportunity(doc, …)` to add.
 */
export const RETRO_INBOX_COLLECTION = OPPORTUNITIES.name
export { Opportunity }
export type RetroInboxItem = Rec<Opportunity>

const oldestFirst = (items: readonly RetroInboxItem[]): RetroInboxItem[] =>
  [...items].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))

export function readRetroInbox(doc: Y.Doc): RetroInboxItem[] {
  return oldestFirst(collection(doc, OPPORTUNITIES).list())
}

/** An inbox item with whoever logged it named by their member entry ("someone" without one). */
export type NoticedItem = RetroInboxItem & { noticedBy: string }

export const namedInbox = (items: readonly RetroInboxItem[], names: Readonly<Record<string, string>>): NoticedItem[] =>
  items.map((i) => ({ ...i, noticedBy: personName(i.authorId, names, 'someone') }))

export function useRetroInbox(link: DocLink | null): readonly RetroInboxItem[] {
  const items = useRecords(link?.doc ?? null, OPPORTUNITIES)
  return useMemo(() => oldestFirst(items), [items])
}

export function logOpportunity(doc: Y.Doc, item: { text: string; author: { id: string; name: string }; date: string }): string {
  const text = item.text.trim()
  if (!text) throw new Error('Write what you noticed first.')
  return collection(doc, OPPORTUNITIES).create({
    text,
    authorId: item.author.id,
    authorName: item.author.name,
    date: item.date,
    createdAt: Date.now(),
    source: 'syncup'
  })
}

export function removeOpportunity(doc: Y.Doc, id: string): void {
  collection(doc, OPPORTUNITIES).remove(id)
}

export interface RetroInboxCommands {
  log(item: { text: string; author: { id: string; name: string }; date: string }): string
  remove(id: string): void
}

/** The inbox of a team's sprint (oldest first, named by the team's member entries) and, once the sprint's document is open, how to add to it. */
export function useSprintInbox(teamSpaceId: string, link: DocLink | null): { items: readonly NoticedItem[]; commands: RetroInboxCommands | null } {
  const raw = useRetroInbox(link)
  const members = useMembers(useSpaceRootDoc(teamSpaceId))
  const items = useMemo(() => namedInbox(raw, namesOf(members)), [raw, members])
  const doc = link?.doc ?? null
  const commands = useMemo<RetroInboxCommands | null>(
    () => doc && { log: (item) => logOpportunity(doc, item), remove: (id) => removeOpportunity(doc, id) },
    [doc]
  )
  return { items, commands }
}
