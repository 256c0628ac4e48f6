import { useEffect, useMemo } from 'react'
import { type RetroBoard } from '../../../../shared/retro/board.ts'
import { type Card, CardFields, draftsToPublish, importOpportunities, newCard } from '../../../../shared/retro/cards.ts'
import { isRevealed } from '../../../../shared/retro/phases.ts'
import { mergeText } from '../../../../shared/retro/textMerge.ts'
import { newId } from '../../../../shared/spaces/key.ts'
import type { DocLink } from '../../sync/docLink.ts'
import { patchRecord, readCollection, readRecord, removeRecord } from '../collections.ts'
import type { DraftCardRow } from '../db.ts'
import { deleteDraftCard, rememberMyCard, saveDraftCard, takeDraftCards, useDraftCards, useMyCardIds } from '../localCards.ts'
import { removeAnonymously, writeAnonymously } from './anonymous.ts'
import { useRetroInbox } from '../sprint/retroInbox.ts'
import { CARDS } from './names.ts'

/**
 * Cards as a member works with them. During write a new card is a draft on this device only
 * (data/localCards.ts): the shared document — every peer's copy — gets it when the board reaches
 * reveal, published by the device that wrote it, also when that device comes back online later.
 * From reveal on, new cards go straight into the document. Anonymous cards are written through a
 * throwaway Yjs client (anonymous.ts) and remembered locally as mine.
 */
export type BoardCard = Card & { draft?: true }

function writeCard(link: DocLink, card: Card): void {
  const { id, ...fields } = card
  if (card.authorId === undefined) writeAnonymously(link.doc, CARDS, id, fields)
  else patchRecord(link.doc, CARDS, id, fields)
}

const draftAsCard = (d: DraftCardRow, meId: string): BoardCard => ({
  id: d.id,
  columnId: d.columnId,
  text: d.text,
  createdAt: d.createdAt,
  ...(d.anonymous ? {} : { authorId: meId }),
  draft: true
})

/** My unpublished drafts (as cards) and the ids of the cards this device wrote. */
export function useMyCards(link: DocLink | null, meId: string): { drafts: BoardCard[]; mine: ReadonlySet<string> } {
  const docId = link?.docId ?? ''
  const rows = useDraftCards(docId)
  const ids = useMyCardIds(docId)
  const key = [...ids].sort().join(' ')
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const mine = useMemo(() => ids, [key])
  const drafts = useMemo(() => rows.map((d) => draftAsCard(d, meId)), [rows, meId])
  return { drafts, mine }
}

export async function addCard(link: DocLink, board: RetroBoard, meId: string, columnId: string, text: string): Promise<void> {
  const card = newCard({ id: newId(), columnId, text, authorId: meId, createdAt: Date.now() }, board.settings)
  await rememberMyCard(link.docId, card.id)
  if (!isRevealed(board.flow.phase)) {
    await saveDraftCard({ id: card.id, boardId: link.docId, columnId, text: card.text, anonymous: card.authorId === undefined, createdAt: card.createdAt })
  } else writeCard(link, card)
}

/**
 * Saves my edit of a card. `base` is the text I started from: if the card changed meanwhile (my
 * other device, say), the two edits are merged (shared/retro/textMerge.ts), not overwritten.
 */
export async function editCard(link: DocLink, card: BoardCard, base: string, text: string): Promise<void> {
  const clean = CardFields.shape.text.parse(text)
  if (card.draft) {
    await saveDraftCard({ id: card.id, boardId: link.docId, columnId: card.columnId, text: clean, anonymous: card.authorId === undefined, createdAt: card.createdAt })
    return
  }
  const current = readRecord(link.doc, CARDS, card.id, CardFields)?.text ?? base
  const merged = mergeText(base, clean, current)
  if (merged === current) return
  if (card.authorId === undefined) writeAnonymously(link.doc, CARDS, card.id, { text: merged })
  else patchRecord(link.doc, CARDS, card.id, { text: merged })
}

export async function deleteCard(link: DocLink, card: BoardCard): Promise<void> {
  if (card.draft) return deleteDraftCard(card.id)
  if (card.authorId === undefined) removeAnonymously(link.doc, CARDS, card.id)
  else removeRecord(link.doc, CARDS, card.id)
}

/** Imported cards are never deleted (the next import would bring them back): they are dismissed. */
export function dismissCard(link: DocLink, cardId: string): void {
  patchRecord(link.doc, CARDS, cardId, { dismissed: true })
}

const publishing = new Set<string>()

/** From reveal on, puts this device's drafts into the shared document (each once). */
export async function publishDrafts(link: DocLink, board: RetroBoard, meId: string): Promise<number> {
  if (!isRevealed(board.flow.phase) || publishing.has(link.docId)) return 0
  publishing.add(link.docId)
  try {
    const drafts = (await takeDraftCards(link.docId)).map((d) => draftAsCard(d, meId))
    const shared = readCollection(link.doc, CARDS, CardFields)
    const todo = draftsToPublish(board.flow.phase, drafts, shared)
    // one by one: an anonymous card goes through its own throwaway client, never in our transaction
    for (const { draft: _draft, ...card } of todo) writeCard(link, card)
    return todo.length
  } finally {
    publishing.delete(link.docId)
  }
}

/** Keeps publishing whenever the board is revealed and drafts are waiting (e.g. back online). */
export function usePublishDrafts(link: DocLink | null, board: RetroBoard | null, meId: string, waiting: number): void {
  const revealed = !!board && isRevealed(board.flow.phase)
  useEffect(() => {
    if (link && board && revealed && waiting > 0) void publishDrafts(link, board, meId)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [link, revealed, waiting, meId])
}

const imported = new Set<string>()

/**
 * The sprint's sync-up opportunities (the retro inbox, data/sprint/retroInbox.ts) land on the board
 * on their own, on every device that shows it: same opportunity → same card id and fields, so two
 * peers importing at once write one card.
 */
export function useImportOpportunities(link: DocLink | null, board: RetroBoard | null): void {
  const inbox = useRetroInbox(link)
  const boardId = board?.id
  const column = board?.layout.inboxColumnId
  const anonymous = board?.settings.anonymous ?? false
  useEffect(() => {
    if (!link || !boardId || !column || inbox.length === 0) return
    const existing = readCollection(link.doc, CARDS, CardFields)
    const fresh = importOpportunities(inbox, existing, column, { anonymous }).filter((c) => !imported.has(`${link.docId}|${c.id}`))
    if (fresh.length === 0) return
    link.doc.transact(() => {
      for (const { id, ...fields } of fresh) {
        imported.add(`${link.docId}|${id}`)
        patchRecord(link.doc, CARDS, id, fields)
      }
    })
  }, [link, boardId, column, anonymous, inbox])
}
