import { useEffect, useMemo } from 'react'
import type * as Y from 'yjs'
import {
  type DeckSetting,
  type PokerRound,
  type PublishedVote,
  type RoundProgress,
  type TeamPersonLike,
  type VoteMarker,
  type VoteSummary,
  currentRound,
  deckOfRound,
  nextRoundNumber,
  roundId,
  roundProgress,
  shouldAutoReveal,
  summarizeVotes,
  voteId
} from '@shared/less/poker.ts'
import type { AssignedTicket, QuestionKind, TeamEstimate, TicketQuestion } from '@shared/less/tickets.ts'
import { namesOf } from '@shared/members/personName.ts'
import { collection, useRecord, useRecords, type Rec } from '@core/collections/index.ts'
import type { SpaceRow } from '@core/database/db.ts'
import { useMembers } from '@core/spaces/hooks.ts'
import { useSharedDoc } from '@core/sync/useSharedDoc.ts'
import { withAskers, type Question } from './backlog.ts'
import { DECK_RECORD, FOCUS_RECORD, LESS_ASSIGNED, LESS_ESTIMATES, LESS_TEAM_QUESTIONS, POKER_FOCUS, POKER_MARKS, POKER_ROUNDS, POKER_SETTINGS, POKER_VOTES } from './collections.ts'
import { registerSprintDocuments, scrumDocKey } from './documents.ts'
import { keepVote, localVoteId, useMyVotes } from './localVotes.ts'
import { type Attendee, useAttendees } from './meetingRoom.ts'
import { useSpaceRootDoc } from './spaceRoot.ts'

/**
 * The team scrum (team space) held for sprint n, the sprint it prepares: the tickets division
 * planning assigned to the team for sprint n (the team's copies, backlogMirror.ts), planning poker
 * over them in the document `scrum/<n>`, the accepted estimates and the team's questions in the
 * team's root document (the mirror carries both to the org's board). Votes are kept on the voter's
 * device until reveal (localVotes.ts); the shared document only learns that someone voted.
 */
registerSprintDocuments()

export type ScrumTicket = Rec<AssignedTicket>
/** the team's question, sealed by its asker and named by their member entry (backlog.ts `withAskers`) */
export type ScrumQuestion = Question
export type Estimate = Rec<TeamEstimate>

const DEFAULT_DECK: DeckSetting = { scale: 'fibonacci', custom: [] }

export interface TicketPoker {
  round: Rec<PokerRound> | null
  /** the deck of the current round (or the team's, before the first) */
  deck: DeckSetting
  progress: RoundProgress | null
  /** what I played this round (from this device while hidden, from the document once revealed) */
  myVote: string | null
  /** the revealed round's spread */
  summary: VoteSummary | null
  /** earlier revealed rounds of this ticket, oldest first */
  history: { round: number; summary: VoteSummary }[]
}

export interface Me {
  id: string
  name: string
}

export interface ScrumCommands {
  setDeck(deck: DeckSetting): void
  focus(ticketId: string): void
  /** a new round of the ticket (the first, or a re-vote) with the team's deck */
  startRound(ticketId: string): void
  /** my vote stays on this device; the document gets a marker without the value */
  vote(ticketId: string, round: number, value: string): Promise<void>
  reveal(ticketId: string, round: number): void
  accept(ticketId: string, value: string, round: Rec<PokerRound>): void
  clearEstimate(ticketId: string): void
  addQuestion(ticketId: string, text: string, kind: QuestionKind): string
  updateQuestion(id: string, patch: Partial<Pick<TicketQuestion, 'text' | 'kind' | 'resolved' | 'answer'>>): void
  removeQuestion(id: string): void
}

export interface TeamScrum {
  /** the tickets assigned to the team for this sprint, by key */
  tickets: readonly ScrumTicket[]
  /** tickets assigned to the team for other sprints or none */
  otherAssigned: number
  estimates: ReadonlyMap<string, Estimate>
  questions: readonly ScrumQuestion[]
  deck: DeckSetting
  focus: string | null
  poker(ticketId: string): TicketPoker
  /** who has this scrum open */
  present: Attendee[]
  /** their ids, this device's member always among them: who is awaited as a voter */
  presentIds: readonly string[]
  /** null until both documents are open */
  commands: ScrumCommands | null
}

function scrumCommands(root: Y.Doc, scrum: Y.Doc, docId: string, spaceId: string, me: Me): ScrumCommands {
  const rounds = collection(scrum, POKER_ROUNDS)
  const questions = collection(root, LESS_TEAM_QUESTIONS)
  const deckNow = () => collection(scrum, POKER_SETTINGS).get(DECK_RECORD) ?? DEFAULT_DECK
  return {
    setDeck: (deck) => collection(scrum, POKER_SETTINGS).replace(DECK_RECORD, deck),
    focus: (ticketId) => collection(scrum, POKER_FOCUS).replace(FOCUS_RECORD, { ticketId, by: me.id, at: Date.now() }),
    startRound: (ticketId) => {
      const n = nextRoundNumber(currentRound(rounds.list(), ticketId))
      const deck = deckNow()
      // 'revealed' is left out: a peer that started the same round and revealed it stays revealed
      scrum.transact(() => {
        rounds.upsert(roundId(ticketId, n), { ticketId, round: n, scale: deck.scale, custom: deck.custom, startedAt: Date.now() })
        collection(scrum, POKER_FOCUS).replace(FOCUS_RECORD, { ticketId, by: me.id, at: Date.now() })
      })
    },
    vote: async (ticketId, round, value) => {
      const votedAt = Date.now()
      await keepVote({ id: localVoteId(docId, ticketId, round), docId, spaceId, ticketId, round, value, votedAt })
      collection(scrum, POKER_MARKS).upsert(voteId(ticketId, round, me.id), { ticketId, round, memberId: me.id, at: votedAt })
    },
    reveal: (ticketId, round) => rounds.patch(roundId(ticketId, round), { revealed: true, revealedAt: Date.now(), revealedBy: me.id }),
    accept: (ticketId, value, round) =>
      collection(root, LESS_ESTIMATES).replace(ticketId, {
        value,
        round: round.round,
        scale: round.scale,
        acceptedBy: me.id,
        acceptedByName: me.name,
        acceptedAt: Date.now()
      }),
    clearEstimate: (ticketId) => collection(root, LESS_ESTIMATES).clear(ticketId),
    addQuestion: (ticketId, text, kind) =>
      questions.create({ ticketId, text: text.trim(), kind, resolved: false, answer: '', authorId: me.id, authorName: me.name, createdAt: Date.now() }),
    updateQuestion: (id, patch) => questions.patch(id, patch),
    removeQuestion: (id) => questions.remove(id)
  }
}

const byKey = (a: ScrumTicket, b: ScrumTicket) => (a.key || '~').localeCompare(b.key || '~', undefined, { numeric: true }) || a.id.localeCompare(b.id)

/** The team scrum for sprint `sprint`; `people` says who may vote (observers do not). */
export function useTeamScrum(space: SpaceRow, me: Me, sprint: number | null, people: readonly TeamPersonLike[]): TeamScrum {
  const root = useSpaceRootDoc(space.id)
  const link = useSharedDoc(sprint === null ? null : space.id, scrumDocKey(sprint ?? 0))
  const scrum = link?.doc ?? null
  const present = useAttendees(link, space.id)
  const assigned = useRecords(root, LESS_ASSIGNED)
  const estimateRecords = useRecords(root, LESS_ESTIMATES)
  const questionRecords = useRecords(root, LESS_TEAM_QUESTIONS)
  const members = useMembers(root)
  const questions = useMemo(() => withAskers(questionRecords, namesOf(members)), [questionRecords, members])
  const deckRecord = useRecord(scrum, POKER_SETTINGS, DECK_RECORD)
  const focusRecord = useRecord(scrum, POKER_FOCUS, FOCUS_RECORD)
  const rounds = useRecords(scrum, POKER_ROUNDS)
  const marks = useRecords(scrum, POKER_MARKS)
  const votes = useRecords(scrum, POKER_VOTES)
  const mine = useMyVotes(link?.docId ?? null)

  const tickets = useMemo(() => assigned.filter((t) => t.forSprint === sprint).sort(byKey), [assigned, sprint])
  const estimates = useMemo(() => new Map(estimateRecords.map((e) => [e.id, e])), [estimateRecords])
  const deck = deckRecord ?? DEFAULT_DECK
  // this page is open here, whatever the room says (offline, or before the room has answered)
  const presentIds = useMemo(() => [...new Set([me.id, ...present.map((p) => p.id)])], [present, me.id])

  const poker = useMemo(() => {
    const pokerOf = (ticketId: string): TicketPoker => {
      const round = currentRound(rounds, ticketId)
      const roundDeck = round ? deckOfRound(round) : deck
      const votesOf = (r: { round: number }) => votes.filter((v): v is Rec<PublishedVote> => v.ticketId === ticketId && v.round === r.round)
      const local = round ? mine.find((m) => m.ticketId === ticketId && m.round === round.round) : undefined
      const published = round ? votesOf(round).find((v) => v.memberId === me.id) : undefined
      const history = rounds
        .filter((r) => r.ticketId === ticketId && r.revealed && r.round !== round?.round)
        .sort((a, b) => a.round - b.round)
        .map((r) => ({ round: r.round, summary: summarizeVotes(votesOf(r), deckOfRound(r), people) }))
      return {
        round,
        deck: roundDeck,
        progress: round ? roundProgress(round, marks as readonly VoteMarker[], people, presentIds) : null,
        myVote: published?.value ?? local?.value ?? null,
        summary: round?.revealed ? summarizeVotes(votesOf(round), roundDeck, people) : null,
        history
      }
    }
    const byTicket = new Map(tickets.map((t) => [t.id, pokerOf(t.id)]))
    return (ticketId: string): TicketPoker => byTicket.get(ticketId) ?? pokerOf(ticketId)
  }, [tickets, rounds, votes, marks, mine, people, presentIds, deck, me.id])

  const commands = useMemo(() => (root && scrum && link ? scrumCommands(root, scrum, link.docId, space.id, me) : null), [root, scrum, link, space.id, me])

  // the cards turn by themselves once every voter at the meeting has voted (any device may: idempotent)
  useEffect(() => {
    if (!scrum) return
    for (const ticket of tickets) {
      const round = currentRound(rounds, ticket.id)
      if (round && shouldAutoReveal(round, marks, people, presentIds)) {
        collection(scrum, POKER_ROUNDS).patch(round.id, { revealed: true, revealedAt: Date.now(), revealedBy: null })
      }
    }
  }, [scrum, tickets, rounds, marks, people, presentIds])

  return {
    tickets,
    otherAssigned: assigned.length - tickets.length,
    estimates,
    questions,
    deck,
    focus: focusRecord?.ticketId ?? null,
    poker,
    present,
    presentIds,
    commands
  }
}
