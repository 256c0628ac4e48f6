import { z } from 'zod'

/**
 * Who is on a board right now, what they are typing and where their pointer is: presence fields
 * (awareness) of the board's document, never stored. Each device publishes
 *   user:   {id, name, color}                           (set by the sync layer)
 *   retro:  {board, typing?: {columnId, cardId?}}       while the board is open
 *   cursor: {board, x, y} | null                        x: 0…1 of the board's width, y: px from its top
 * A peer's malformed fields are ignored. Anonymous writing is never announced (`typingToShare`):
 * presence carries the writer's name, so "someone is writing in this column" — or on this card —
 * that stops as an anonymous card arrives or changes would name its author. On an anonymous board
 * a device sends no `typing` at all, nor while it edits an anonymous card, and the UI shows no
 * typing on an anonymous board whatever a peer sends (`typingShown`).
 */
const Id = z.string().min(1).max(200)

export const TypingField = z.object({ columnId: Id, cardId: Id.optional() })
export type TypingField = z.infer<typeof TypingField>

export const RetroField = z.object({ board: Id, typing: TypingField.optional() })
export type RetroField = z.infer<typeof RetroField>

export const CursorField = z.object({ board: Id, x: z.number().min(0).max(1), y: z.number().min(0).max(100_000) })
export type CursorField = z.infer<typeof CursorField>

const User = z.object({ id: Id, name: z.string().min(1).transform((n) => n.slice(0, 60)), color: z.string().regex(/^#[0-9a-fA-F]{3,8}$/) })

export interface BoardPeer {
  clientId: number
  id: string
  name: string
  color: string
  typing: TypingField | undefined
  cursor: { x: number; y: number } | undefined
}

/** Everyone (other than `selfClientId`) whose presence says they have this board open, by name. */
export function boardPeers(states: Iterable<[number, unknown]>, boardId: string, selfClientId: number): BoardPeer[] {
  const peers: BoardPeer[] = []
  for (const [clientId, raw] of states) {
    if (clientId === selfClientId || !raw || typeof raw !== 'object') continue
    const state = raw as Record<string, unknown>
    const user = User.safeParse(state.user)
    const retro = RetroField.safeParse(state.retro)
    if (!user.success || !retro.success || retro.data.board !== boardId) continue
    const cursor = CursorField.safeParse(state.cursor)
    peers.push({
      clientId,
      ...user.data,
      typing: retro.data.typing,
      cursor: cursor.success && cursor.data.board === boardId ? { x: cursor.data.x, y: cursor.data.y } : undefined
    })
  }
  return peers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.clientId - b.clientId))
}

/** One entry per person (a person with two windows open is one avatar). */
export function uniquePeople<P extends { id: string }>(peers: readonly P[]): P[] {
  const seen = new Set<string>()
  return peers.filter((p) => !seen.has(p.id) && !!seen.add(p.id))
}

/**
 * What my presence may say about what I am typing: nothing when the writing is anonymous (an
 * anonymous board, or an anonymous card on any board), else the field as given.
 */
export function typingToShare(typing: TypingField | null, anonymous: boolean): TypingField | null {
  return anonymous ? null : typing
}

/** The peers whose typing the board shows: none on an anonymous board (an older peer may still send it). */
export function typingShown(peers: readonly BoardPeer[], board: { settings: { anonymous: boolean } }): readonly BoardPeer[] {
  return board.settings.anonymous ? [] : peers
}

/** Names of the people typing on a card. */
export function typingOnCard(peers: readonly BoardPeer[], cardId: string): string[] {
  return uniquePeople(peers.filter((p) => p.typing?.cardId === cardId)).map((p) => p.name)
}

/** The people writing a new card in a column. */
export function writingInColumn(peers: readonly BoardPeer[], columnId: string): BoardPeer[] {
  return uniquePeople(peers.filter((p) => p.typing?.columnId === columnId && p.typing.cardId === undefined))
}

/** "Ana is typing…", "Ana and Ben are typing…", "3 people are typing…" */
export function typingLabel(names: readonly string[], verb = 'typing'): string {
  if (names.length === 0) return ''
  if (names.length === 1) return `${names[0]} is ${verb}…`
  if (names.length === 2) return `${names[0]} and ${names[1]} are ${verb}…`
  return `${names.length} people are ${verb}…`
}
