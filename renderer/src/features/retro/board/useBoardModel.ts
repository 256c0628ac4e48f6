import { useMemo } from 'react'
import type { RetroBoard } from '../../../../../shared/retro/board.ts'
import { type BoardView, boardView } from '../../../../../shared/retro/boardView.ts'
import { type Card, isOwnCard, visibleCards } from '../../../../../shared/retro/cards.ts'
import { type CardGroup, voteTargets } from '../../../../../shared/retro/groups.ts'
import { type BoardAction, type BoardFlow, type Phase, type ReadyMarker, canMovePhase, phaseAllows } from '../../../../../shared/retro/phases.ts'
import { type TallyOptions, type Vote, type VoteTally, type VoteView, tallyVotes, voteView } from '../../../../../shared/retro/votes.ts'
import type { TeamPerson } from '../../../../../shared/sprint/people.ts'
import { useBoardRecords, useNames } from '../../../data/retro/board.ts'
import { type BoardCard, useImportOpportunities, useMyCards, usePublishDrafts } from '../../../data/retro/cards.ts'
import { type BoardPresence, useBoardPresence } from '../../../data/retro/presence.ts'
import type { DocLink } from '../../../sync/docLink.ts'

/** Everything a board's components read, computed once per change of the document. */
export interface BoardModel {
  link: DocLink
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
  cards: BoardCard[]
  groups: CardGroup[]
  votes: Vote[]
  ready: ReadyMarker[]
  mine: ReadonlySet<string>
  view: BoardView
  voteOptions: TallyOptions
  tally: VoteTally
  myVotes: VoteView
  presence: BoardPresence
  can(action: BoardAction): boolean
  isOwn(card: Card): boolean
}

export function useBoardModel(link: DocLink, boardId: string, me: { id: string; name: string }, people: readonly TeamPerson[], readOnly: boolean): BoardModel | null {
  const records = useBoardRecords(link, boardId)
  const { drafts, mine } = useMyCards(link, me.id)
  const board = records.board
  usePublishDrafts(link, board, me.id, drafts.length)
  useImportOpportunities(readOnly ? null : link, board)
  const presence = useBoardPresence(link, boardId)
  const names = useNames(people)

  const derived = useMemo(() => {
    if (!board) return null
    const phase = board.flow.phase
    const shared = visibleCards(records.cards, phase, mine)
    const sharedIds = new Set(shared.map((c) => c.id))
    const cards: BoardCard[] = [...shared, ...drafts.filter((d) => !sharedIds.has(d.id))]
    const live = records.cards.filter((c) => !c.dismissed)
    const voteOptions: TallyOptions = { ...board.settings.voting, targets: voteTargets(live, records.groups) }
    return {
      phase,
      cards,
      view: boardView(cards, records.groups, board.layout),
      voteOptions,
      tally: tallyVotes(records.votes, voteOptions),
      myVotes: voteView(phase, records.votes, me.id, voteOptions)
    }
  }, [board, records.cards, records.groups, records.votes, drafts, mine, me.id])

  if (!board || !derived) return null
  return {
    link,
    board,
    flow: board.flow,
    meId: me.id,
    meName: me.name,
    names,
    people,
    isFacilitator: canMovePhase(board, me.id),
    readOnly,
    groups: records.groups,
    votes: records.votes,
    ready: records.ready,
    mine,
    presence,
    ...derived,
    can: (action) => !readOnly && phaseAllows(derived.phase, action),
    isOwn: (card) => isOwnCard(card, me.id, mine)
  }
}
