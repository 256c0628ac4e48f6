import { useMemo } from 'react'
import type { BoardSettings } from '@shared/retro/board.ts'
import type { MoveResult } from '@shared/retro/phases.ts'
import { type BoardSession, applyFlow, currentBoard, saveBoardSettings, setReady } from './board.ts'
import { type BoardCard, addCard, deleteCard, dismissCard, editCard } from './cards.ts'
import { escalateCard } from './escalations.ts'
import { groupOnto, moveToGroup, renameGroup } from './grouping.ts'
import { cast, retract } from './votes.ts'

/**
 * What a member can do on a board, bound to the board and the member: the UI calls these with
 * plain values (ids, texts), and each reads the board as the document holds it when it runs.
 */
export interface BoardCommands {
  addCard(columnId: string, text: string): Promise<void>
  editCard(card: BoardCard, base: string, text: string): Promise<void>
  deleteCard(card: BoardCard): Promise<void>
  dismissCard(cardId: string): void
  groupOnto(targetId: string, draggedId: string): void
  moveToGroup(cardId: string, groupId: string | null): void
  renameGroup(groupId: string, title: string): void
  /** casts a vote (whether it counts is the tally's: shared/retro/votes.ts) */
  vote(targetId: string): void
  retractVote(targetId: string): boolean
  /** writes a phase move, timer or facilitator change; returns its error, if any */
  moveFlow(result: MoveResult): string | null
  setReady(ready: boolean): void
  saveSettings(settings: BoardSettings): void
  escalate(cardId: string, orgSpaceId: string): Promise<void>
}

export function boardCommands(session: BoardSession, meId: string): BoardCommands {
  return {
    addCard: (columnId, text) => addCard(session, meId, columnId, text),
    editCard: (card, base, text) => editCard(session, card, base, text),
    deleteCard: (card) => deleteCard(session, card),
    dismissCard: (cardId) => dismissCard(session, cardId),
    groupOnto: (targetId, draggedId) => groupOnto(session, targetId, draggedId),
    moveToGroup: (cardId, groupId) => moveToGroup(session, cardId, groupId),
    renameGroup: (groupId, title) => renameGroup(session, groupId, title),
    vote: (targetId) => cast(session, meId, targetId),
    retractVote: (targetId) => retract(session, meId, targetId),
    moveFlow: (result) => applyFlow(session, result),
    setReady(ready) {
      const board = currentBoard(session)
      if (board) setReady(session, board.flow, meId, ready)
    },
    saveSettings: (settings) => saveBoardSettings(session, settings),
    escalate: (cardId, orgSpaceId) => escalateCard(session, cardId, orgSpaceId)
  }
}

/** The commands of a board for me, the same object while board and member stay the same. */
export function useBoardCommands(session: BoardSession, meId: string): BoardCommands {
  return useMemo(() => boardCommands(session, meId), [session, meId])
}
