import { useMemo } from 'react'
import type * as Y from 'yjs'
import { type NewBoardInput, type BoardSettings, type RetroBoard, newBoard, retroBoardId } from '@shared/retro/board.ts'
import { type Card, type ShownCard, withLoggers } from '@shared/retro/cards.ts'
import type { CardGroup } from '@shared/retro/groups.ts'
import { type BoardFlow, type MoveResult, type ReadyMarker, markReady } from '@shared/retro/phases.ts'
import type { Vote } from '@shared/retro/votes.ts'
import { collection, useRecord, useRecords } from '@core/collections/index.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { useRetroInbox } from '@features/sprint/index.ts'
import { BOARDS, CARDS, GROUPS, READY, VOTES } from './collections.ts'
import { useSprintDocLink } from './documents.ts'

/**
 * A board open on this device: the team's sprint document `sprint/<n>` holding the board record
 * (id derived from team and sprint) and its cards, groups, votes and ready markers. Components get
 * a session, plain records and commands; the document stays in the store (`linkOf`).
 */
export interface BoardSession {
  readonly teamSpaceId: string
  readonly sprint: number
  /** `retro:<teamSpaceId>:<n>` */
  readonly boardId: string
  /** the board document's id (`<teamSpaceId>/sprint/<n>`): where this device's drafts wait */
  readonly boardDocId: string
}

const links = new WeakMap<BoardSession, DocLink>()
const sessions = new WeakMap<DocLink, BoardSession>()

/** The session of a loaded board document (one per document). */
export function sessionOf(link: DocLink, teamSpaceId: string, sprint: number): BoardSession {
  let s = sessions.get(link)
  if (!s) {
    s = { teamSpaceId, sprint, boardId: retroBoardId(teamSpaceId, sprint), boardDocId: link.docId }
    sessions.set(link, s)
    links.set(s, link)
  }
  return s
}

/** The store's way back from a session to its document and presence (never the UI's). */
export function linkOf(session: BoardSession): DocLink {
  const link = links.get(session)
  if (!link) throw new Error('This board is no longer open.')
  return link
}

export const boardDocOf = (session: BoardSession): Y.Doc => linkOf(session).doc

/** Everything of one board that lives in the shared document. */
export interface BoardData {
  /** null while the sprint's document loads */
  session: BoardSession | null
  board: RetroBoard | null
  /**
   * every card in the document, dismissed ones included (visibility is the UI's: `visibleCards`);
   * sync-up cards with who logged them, from their sealed opportunity in the same document
   */
  cards: readonly ShownCard[]
  groups: readonly CardGroup[]
  votes: readonly Vote[]
  ready: readonly ReadyMarker[]
}

/**
 * Sprint `sprint`'s board of a team, loaded and synced while shown. Each list is its collection's
 * snapshot: a peer's edit of one card re-validates that card only, gives a new `cards` array, and
 * leaves every other card object (and the other lists) as they were.
 */
export function useBoard(teamSpaceId: string, sprint: number | null): BoardData {
  const link = useSprintDocLink(teamSpaceId, sprint)
  const doc = link?.doc ?? null
  const session = useMemo(() => (link && sprint !== null ? sessionOf(link, teamSpaceId, sprint) : null), [link, teamSpaceId, sprint])
  const board = useRecord(doc, BOARDS, retroBoardId(teamSpaceId, sprint ?? 0))
  const stored = useRecords(doc, CARDS)
  const inbox = useRetroInbox(link)
  const anonymous = board?.settings.anonymous ?? true
  const cards = useMemo(() => withLoggers(stored, loggersOf(inbox), anonymous), [stored, inbox, anonymous])
  const groups = useRecords(doc, GROUPS)
  const votes = useRecords(doc, VOTES)
  const markers = useRecords(doc, READY)
  const ready = useMemo(() => markers.map(({ id, ...m }) => ({ ...m, memberId: id })), [markers])
  return useMemo(() => ({ session, board, cards, groups, votes, ready }), [session, board, cards, groups, votes, ready])
}

/** opportunity id → its logger's member id, from the sprint's sealed opportunities (the retro inbox) */
export const loggersOf = (inbox: readonly { id: string; authorId: string }[]): Map<string, string> => new Map(inbox.map((o) => [o.id, o.authorId]))

/** The board record as it is now (commands read it when they run, never from a render). */
export function currentBoard(session: BoardSession): RetroBoard | null {
  return collection(boardDocOf(session), BOARDS).get(session.boardId)
}

/**
 * Creates the board unless it exists (the id is derived from team and sprint, so two members who
 * create it at once, offline, make one board: each field is resolved by Yjs, see board.ts). A
 * board that was removed (say, by a peer) is created again: `create` restores a removed record.
 */
export function createBoard(session: BoardSession, input: NewBoardInput): RetroBoard {
  const boards = collection(boardDocOf(session), BOARDS)
  const existing = boards.get(retroBoardId(input.teamId, input.sprint))
  if (existing) return existing
  const board = newBoard(input)
  const { id, ...fields } = board
  boards.create(fields, { id })
  return board
}

export function saveBoardSettings(session: BoardSession, settings: BoardSettings): void {
  collection(boardDocOf(session), BOARDS).patch(session.boardId, { settings })
}

/** Writes a move computed by shared/retro/phases.ts; returns its error, if any. */
export function applyFlow(session: BoardSession, result: MoveResult): string | null {
  if (!result.ok) return result.error
  collection(boardDocOf(session), BOARDS).patch(session.boardId, { flow: result.flow })
  return null
}

/**
 * My ready marker for the current phase, or none. Each member writes only their own record. Not
 * ready empties the record rather than removing it: a removed record never comes back, and I may
 * be ready again in a minute.
 */
export function setReady(session: BoardSession, flow: BoardFlow, memberId: string, ready: boolean): void {
  const markers = collection(boardDocOf(session), READY)
  if (!ready) return markers.upsert(memberId, { step: undefined, phase: undefined, at: undefined })
  const { memberId: _me, ...marker } = markReady(flow, memberId, Date.now())
  markers.upsert(memberId, marker)
}

/** Member id → name, from the team's people (stable object while the list is unchanged). */
export function useNames(people: readonly { id: string; name: string }[]): Record<string, string> {
  const key = people.map((p) => `${p.id}\u0000${p.name}`).join('\u0001')
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => Object.fromEntries(people.map((p) => [p.id, p.name])), [key])
}

export type { Card, CardGroup, ReadyMarker, RetroBoard, Vote }
