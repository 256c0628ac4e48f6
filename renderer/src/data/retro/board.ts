import { useMemo } from 'react'
import { type NewBoardInput, type BoardSettings, RetroBoardFields, type RetroBoard, newBoard } from '../../../../shared/retro/board.ts'
import { CardFields, type Card } from '../../../../shared/retro/cards.ts'
import { CardGroupFields, type CardGroup } from '../../../../shared/retro/groups.ts'
import { type BoardFlow, type MoveResult, ReadyMarker, markReady } from '../../../../shared/retro/phases.ts'
import { VoteFields, type Vote } from '../../../../shared/retro/votes.ts'
import type { DocLink } from '../../sync/docLink.ts'
import { patchRecord, readCollection, readRecord, removeRecord, useDocRead } from '../collections.ts'
import { BOARDS, CARDS, GROUPS, READY, VOTES } from './names.ts'

/** Everything of one board that lives in the shared document, read in one go. */
export interface BoardRecords {
  board: RetroBoard | null
  /** every card in the document, dismissed ones included (visibility is the UI's: `visibleCards`) */
  cards: Card[]
  groups: CardGroup[]
  votes: Vote[]
  ready: ReadyMarker[]
}

const EMPTY: BoardRecords = { board: null, cards: [], groups: [], votes: [], ready: [] }
const ReadyFields = ReadyMarker.omit({ memberId: true })

export function readBoardRecords(doc: DocLink['doc'], boardId: string): BoardRecords {
  const board = readRecord(doc, BOARDS, boardId, RetroBoardFields)
  if (!board) return EMPTY
  return {
    board,
    cards: readCollection(doc, CARDS, CardFields),
    groups: readCollection(doc, GROUPS, CardGroupFields),
    votes: readCollection(doc, VOTES, VoteFields),
    ready: readCollection(doc, READY, ReadyFields).map(({ id, ...m }) => ({ ...m, memberId: id }))
  }
}

export function useBoardRecords(link: DocLink | null, boardId: string): BoardRecords {
  return useDocRead(link?.doc, (d) => readBoardRecords(d, boardId), EMPTY, [boardId])
}

/**
 * Creates the board unless it exists (the id is derived from team and sprint, so two members who
 * create it at once, offline, make one board: each field is resolved by Yjs, see board.ts).
 */
export function createBoard(link: DocLink, input: NewBoardInput): RetroBoard {
  const existing = readRecord(link.doc, BOARDS, `retro:${input.teamId}:${input.sprint}`, RetroBoardFields)
  if (existing) return existing
  const board = newBoard(input)
  const { id, ...fields } = board
  patchRecord(link.doc, BOARDS, id, fields)
  return board
}

export function saveBoardSettings(link: DocLink, boardId: string, settings: BoardSettings): void {
  patchRecord(link.doc, BOARDS, boardId, { settings })
}

/** Writes a move computed by shared/retro/phases.ts; returns its error, if any. */
export function applyFlow(link: DocLink, boardId: string, result: MoveResult): string | null {
  if (!result.ok) return result.error
  patchRecord(link.doc, BOARDS, boardId, { flow: result.flow })
  return null
}

/** My ready marker for the current phase, or none. Each member writes only their own record. */
export function setReady(link: DocLink, flow: BoardFlow, memberId: string, ready: boolean): void {
  if (!ready) return removeRecord(link.doc, READY, memberId)
  const { memberId: _me, ...marker } = markReady(flow, memberId, Date.now())
  patchRecord(link.doc, READY, memberId, marker)
}

/** Member id → name, from the team's people (stable object while the list is unchanged). */
export function useNames(people: readonly { id: string; name: string }[]): Record<string, string> {
  const key = people.map((p) => `${p.id}\u0000${p.name}`).join('\u0001')
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => Object.fromEntries(people.map((p) => [p.id, p.name])), [key])
}
