import { createContext, useCallback, useEffect, useMemo } from 'react'
import type { RetroBoard } from '@shared/retro/board.ts'
import { type BoardView, boardView } from '@shared/retro/boardView.ts'
import { type Card, isOwnCard, visibleCards } from '@shared/retro/cards.ts'
import { type CardGroup, voteTargets } from '@shared/retro/groups.ts'
import { type BoardAction, type BoardFlow, type Phase, type ReadyMarker, canMovePhase, phaseAllows } from '@shared/retro/phases.ts'
import { type TypingField, typingToShare } from '@shared/retro/presence.ts'
import { type TallyOptions, type Vote, type VoteTally, type VoteView, tallyVotes, voteView } from '@shared/retro/votes.ts'
import type { TeamPerson } from '@shared/sprint/people.ts'
import { type BoardData, type BoardSession, useNames } from '../store/board.ts'
import { type BoardCommands, useBoardCommands } from '../store/boardCommands.ts'
import { type BoardCard, useMyCards } from '../store/cards.ts'
import { type BoardPresence, useBoardPresence } from '../store/presence.ts'

/**
 * What one card needs to show itself and act: the same object while the board record, my cards
 * and the member stay the same, so a change to another card (or a vote) does not re-render it.
 */
export interface CardEnv {
  board: RetroBoard
  phase: Phase
  meId: string
  names: Record<string, string>
  mine: ReadonlySet<string>
  isFacilitator: boolean
  readOnly: boolean
  commands: BoardCommands
  setTyping(typing: TypingField | null): void
  can(action: BoardAction): boolean
  isOwn(card: Card): boolean
}

/** Everything a board's components read; each part is derived from the collections' snapshots and memoised. */
export interface BoardModel {
  session: BoardSession
  commands: BoardCommands
  board: RetroBoard
  flow: BoardFlow
  phase: Phase
  meId: string
  meName: string
  names: Record<string, string>
  people: readonly TeamPerson[]
  isFacilitator: boolean
  readOnly: boolean
  /** what I see: the shared cards visible in this phase, and my unpublished drafts */
  cards: readonly BoardCard[]
  groups: readonly CardGroup[]
  votes: readonly Vote[]
  ready: readonly ReadyMarker[]
  mine: ReadonlySet<string>
  view: BoardView
  voteOptions: TallyOptions
  tally: VoteTally
  myVotes: VoteView
  presence: BoardPresence
  env: CardEnv
  can(action: BoardAction): boolean
  isOwn(card: Card): boolean
}

/** The model of the board being shown, for the parts that read it only when they need it (an open picker). */
export const BoardModelContext = createContext<BoardModel | null>(null)

export type OpenBoard = BoardData & { session: BoardSession; board: RetroBoard }

export function useBoardModel(data: OpenBoard, me: { id: string; name: string }, people: readonly TeamPerson[], readOnly: boolean): BoardModel {
  const { session, board } = data
  const { drafts, mine } = useMyCards(session, me.id)
  const presence = useBoardPresence(session)
  const names = useNames(people)
  const commands = useBoardCommands(session, me.id)
  const phase = board.flow.phase

  const cards = useMemo(() => {
    const shared = visibleCards(data.cards, phase, mine)
    const sharedIds = new Set(shared.map((c) => c.id))
    return [...shared, ...drafts.filter((d) => !sharedIds.has(d.id))] as readonly BoardCard[]
  }, [data.cards, phase, mine, drafts])
  const view = useMemo(() => boardView(cards, data.groups, board.layout), [cards, data.groups, board.layout])
  // what each vote counts toward changes with grouping, not with a card's text: keep it while equal
  const targets = useMemo(() => voteTargets(data.cards.filter((c) => !c.dismissed), data.groups), [data.cards, data.groups])
  const targetsKey = JSON.stringify(targets)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableTargets = useMemo(() => targets, [targetsKey])
  const voteOptions = useMemo<TallyOptions>(() => ({ ...board.settings.voting, targets: stableTargets }), [board.settings.voting, stableTargets])
  const tally = useMemo(() => tallyVotes(data.votes, voteOptions), [data.votes, voteOptions])
  const myVotes = useMemo(() => voteView(phase, data.votes, me.id, voteOptions), [phase, data.votes, me.id, voteOptions])

  const can = useCallback((action: BoardAction) => !readOnly && phaseAllows(phase, action), [readOnly, phase])
  const isOwn = useCallback((card: Card) => isOwnCard(card, me.id, mine), [me.id, mine])
  const isFacilitator = canMovePhase(board, me.id)
  // on an anonymous board my presence never says that I am writing (shared/retro/presence.ts)
  const anonymousBoard = board.settings.anonymous
  const sendTyping = presence.setTyping
  const setTyping = useCallback((typing: TypingField | null) => sendTyping(typingToShare(typing, anonymousBoard)), [sendTyping, anonymousBoard])
  useEffect(() => {
    if (anonymousBoard) sendTyping(null)
  }, [anonymousBoard, sendTyping])
  const env = useMemo<CardEnv>(
    () => ({ board, phase, meId: me.id, names, mine, isFacilitator, readOnly, commands, setTyping, can, isOwn }),
    [board, phase, me.id, names, mine, isFacilitator, readOnly, commands, setTyping, can, isOwn]
  )

  return {
    session,
    commands,
    board,
    flow: board.flow,
    phase,
    meId: me.id,
    meName: me.name,
    names,
    people,
    isFacilitator,
    readOnly,
    cards,
    groups: data.groups,
    votes: data.votes,
    ready: data.ready,
    mine,
    view,
    voteOptions,
    tally,
    myVotes,
    presence,
    env,
    can,
    isOwn
  }
}
