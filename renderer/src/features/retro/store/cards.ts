import { useMemo } from 'react'
import type * as Y from 'yjs'
import { type RetroBoard } from '@shared/retro/board.ts'
import { type Card, CardFields, type ShownCard, draftsToPublish, newCard, revealBatch, secureRandom } from '@shared/retro/cards.ts'
import { isRevealed } from '@shared/retro/phases.ts'
import { mergeText } from '@shared/retro/textMerge.ts'
import { newId } from '@shared/spaces/key.ts'
import { anonymously, collection } from '@core/collections/index.ts'
import type { DraftCardRow } from '@core/database/db.ts'
import { type BoardSession, boardDocOf, currentBoard } from './board.ts'
import { CARDS } from './collections.ts'
import { deleteDraftCard, rememberMyCard, saveDraftCard, useDraftCards, useMyCardIds } from './localCards.ts'

/**
 * Cards as a member works with them. During write a new card is a draft on this device only
 * (localCards.ts): the shared document — every peer's copy — gets it when the board reaches
 * reveal, published by the device that wrote it, also when that device comes back online later
 * (services.ts), all of a device's drafts in one transaction (one update on the wire), anonymous
 * ones in a random order and with the board's instant, not the author's clock, as `createdAt`
 * (shared/retro/cards.ts `revealBatch`). From reveal on, new cards go straight into the document
 * (an anonymous one also with the board's instant). Anonymous cards are written through a
 * throwaway Yjs client (core/collections `anonymously`) and remembered locally as mine.
 */
export type BoardCard = ShownCard & { draft?: true }

/**
 * Writes a whole card: an anonymous one through a throwaway client, never ours — the one of its
 * board's anonymous session (`anonymousSession`: the board's id; core/collections `anonymously`),
 * so a board's anonymous cards add one client to the document, not one each.
 */
export function writeCard(doc: Y.Doc, card: Card, anonymousSession?: string): void {
  const { id, ...fields } = card
  if (card.authorId === undefined) anonymously(doc, CARDS, anonymousSession).patch(id, fields)
  else collection(doc, CARDS).patch(id, fields)
}

export const draftAsCard = (d: DraftCardRow, meId: string): BoardCard => ({
  id: d.id,
  columnId: d.columnId,
  text: d.text,
  createdAt: d.createdAt,
  ...(d.anonymous ? {} : { authorId: meId }),
  draft: true
})

/** My unpublished drafts (as cards) and the ids of the cards this device wrote. */
export function useMyCards(session: BoardSession | null, meId: string): { drafts: BoardCard[]; mine: ReadonlySet<string> } {
  const docId = session?.boardDocId ?? ''
  const rows = useDraftCards(docId)
  const mine = useMyCardIds(docId)
  const drafts = useMemo(() => rows.map((d) => draftAsCard(d, meId)), [rows, meId])
  return { drafts, mine }
}

export async function addCard(session: BoardSession, meId: string, columnId: string, text: string): Promise<void> {
  const board = currentBoard(session)
  if (!board) throw new Error('This board is no longer here.')
  const input = { id: newId(), columnId, text, authorId: meId, createdAt: Date.now() }
  await rememberMyCard(session.boardDocId, input.id)
  if (!isRevealed(board.flow.phase)) {
    // a draft keeps my clock: it orders my own drafts, on this device only (revealBatch drops it)
    const card = newCard(input, board.settings)
    await saveDraftCard({ id: card.id, boardId: session.boardDocId, columnId, text: card.text, anonymous: card.authorId === undefined, createdAt: card.createdAt })
  } else writeCard(boardDocOf(session), newCard(input, board.settings, board), session.boardId)
}

/**
 * Saves my edit of a card. `base` is the text I started from: if the card changed meanwhile (my
 * other device, say), the two edits are merged (shared/retro/textMerge.ts), not overwritten.
 */
export async function editCard(session: BoardSession, card: BoardCard, base: string, text: string): Promise<void> {
  const clean = CardFields.shape.text.parse(text)
  if (card.draft) {
    await saveDraftCard({ id: card.id, boardId: session.boardDocId, columnId: card.columnId, text: clean, anonymous: card.authorId === undefined, createdAt: card.createdAt })
    return
  }
  const doc = boardDocOf(session)
  const current = collection(doc, CARDS).get(card.id)?.text ?? base
  const merged = mergeText(base, clean, current)
  if (merged === current) return
  if (card.authorId === undefined) anonymously(doc, CARDS, session.boardId).patch(card.id, { text: merged })
  else collection(doc, CARDS).patch(card.id, { text: merged })
}

export async function deleteCard(session: BoardSession, card: BoardCard): Promise<void> {
  if (card.draft) return deleteDraftCard(card.id)
  const doc = boardDocOf(session)
  if (card.authorId === undefined) anonymously(doc, CARDS, session.boardId).remove(card.id)
  else collection(doc, CARDS).remove(card.id)
}

/** Imported cards are never deleted (the next import would bring them back): they are dismissed. */
export function dismissCard(session: BoardSession, cardId: string): void {
  collection(boardDocOf(session), CARDS).patch(cardId, { dismissed: true })
}

/**
 * From reveal on, puts these drafts of this device into the board's document, each once (a draft
 * already there is skipped, so a second run, or a run after a crash, writes nothing). The
 * anonymous ones go in one transaction — one update for the peers, not one per card in the order
 * written — in the order and with the times of `revealBatch` (`random`: tests pass a seeded one);
 * named ones (a board made anonymous during write) in another. Returns the ids of the drafts that
 * are done with: their local rows can go.
 */
export function publishDrafts(doc: Y.Doc, board: RetroBoard, drafts: readonly DraftCardRow[], meId: string, random: () => number = secureRandom): string[] {
  if (!isRevealed(board.flow.phase) || drafts.length === 0) return []
  const todo = draftsToPublish(board.flow.phase, drafts.map((d) => draftAsCard(d, meId)), collection(doc, CARDS).list())
  const batch = revealBatch(todo.map(({ draft: _draft, ...card }) => card), board, random)
  // Named and anonymous cards never share an update (ours carries our client id). Each anonymous
  // card is still written by a throwaway client (core/collections); applying those writes inside
  // one transaction merges them into one update.
  for (const anonymous of [false, true]) {
    const part = batch.filter((c) => (c.authorId === undefined) === anonymous)
    if (part.length) doc.transact(() => part.forEach((card) => writeCard(doc, card, board.id)))
  }
  return drafts.map((d) => d.id)
}
