import { useMemo } from 'react'
import type * as Y from 'yjs'
import { askerName } from '@shared/less/askers.ts'
import { planTicketWrites } from '@shared/less/csvImport.ts'
import { type BacklogTicket, type QuestionKind, type TicketInput, type TicketQuestion } from '@shared/less/tickets.ts'
import { namesOf } from '@shared/members/personName.ts'
import { newId } from '@shared/spaces/key.ts'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
import type { SpaceRow } from '@core/database/db.ts'
import { useMembers } from '@core/spaces/hooks.ts'
import { useSharedDoc } from '@core/sync/useSharedDoc.ts'
import { type TeamEntry, useOrgTeams } from './cadenceStore.ts'
import { LESS_QUESTIONS, LESS_TICKETS } from './collections.ts'
import { divisionDocKey, registerSprintDocuments } from './documents.ts'
import { type Attendee, useAttendees } from './meetingRoom.ts'
import { useSpaceRootDoc } from './spaceRoot.ts'

/**
 * Division sprint planning (org space): the backlog of candidate tickets in the org's root
 * document, which tickets get estimated in which sprint, which team takes each, and the questions,
 * problems and blockers raised about them. Each team's copy is kept by the backlog mirror
 * (backlogMirror.ts, run by the `sprint.backlogMirror` service). A question is sealed by its asker
 * (collections.ts) and named by their member entry (`asker`), not by the name it carries.
 */
registerSprintDocuments()

export type Ticket = Rec<BacklogTicket>
/** a question with its asker's name as their member entry gives it */
export type Question = Rec<TicketQuestion> & { asker: string }

/** The questions as the page shows them: sealed ones (the collection skips others), named by member entries. */
export function withAskers(questions: readonly Rec<TicketQuestion>[], names: Readonly<Record<string, string>>): Question[] {
  return questions.map((q) => ({ ...q, asker: askerName(q, names) }))
}

export interface AddOutcome {
  added: number
  updated: number
  unchanged: number
}

export interface Author {
  id: string
  name: string
}

export interface BacklogCommands {
  /** typed, pasted or imported tickets: a key already in the backlog is updated, not added again */
  addTickets(inputs: readonly TicketInput[], source: BacklogTicket['source'], by: Author): AddOutcome
  updateTicket(id: string, patch: Partial<Pick<BacklogTicket, 'title' | 'url' | 'notes'>>): void
  removeTicket(id: string): void
  /** estimated in `sprint` (null: back to the backlog) */
  selectFor(id: string, sprint: number | null): void
  /** the team responsible (null: none) */
  assign(id: string, teamId: string | null): void
  addQuestion(ticketId: string, text: string, kind: QuestionKind, by: Author): string
  updateQuestion(id: string, patch: Partial<Pick<TicketQuestion, 'text' | 'kind' | 'resolved' | 'answer'>>): void
  removeQuestion(id: string): void
}

export function addTickets(doc: Y.Doc, inputs: readonly TicketInput[], source: BacklogTicket['source'], by: Author, now = Date.now()): AddOutcome {
  const tickets = collection(doc, LESS_TICKETS)
  const existing = new Map(tickets.list().map((t) => [t.id, t]))
  const { writes, unchanged } = planTicketWrites(existing, inputs, { source, now, by: by.name, newId: () => newId() })
  // one update for the whole import
  doc.transact(() => {
    for (const w of writes) tickets.patch(w.id, w.fields)
  })
  return { added: writes.filter((w) => w.isNew).length, updated: writes.filter((w) => !w.isNew).length, unchanged }
}

export function backlogCommands(doc: Y.Doc): BacklogCommands {
  const tickets = collection(doc, LESS_TICKETS)
  const questions = collection(doc, LESS_QUESTIONS)
  return {
    addTickets: (inputs, source, by) => addTickets(doc, inputs, source, by),
    updateTicket: (id, patch) => tickets.patch(id, patch),
    removeTicket: (id) => tickets.remove(id),
    selectFor: (id, sprint) => tickets.patch(id, { forSprint: sprint }),
    assign: (id, teamId) => tickets.patch(id, { teamId }),
    addQuestion: (ticketId, text, kind, by) =>
      questions.create({ ticketId, text: text.trim(), kind, resolved: false, answer: '', authorId: by.id, authorName: by.name, createdAt: Date.now() }),
    updateQuestion: (id, patch) => questions.patch(id, patch),
    removeQuestion: (id) => questions.remove(id)
  }
}

export interface DivisionPlanning {
  /** the whole backlog, by key */
  tickets: readonly Ticket[]
  questions: readonly Question[]
  /** the org's teams (for assigning) */
  teams: readonly TeamEntry[]
  /** who has this sprint's division planning open */
  present: Attendee[]
  /** null while the org's document is loading */
  commands: BacklogCommands | null
}

const byKey = (a: Ticket, b: Ticket) => (a.key || '~').localeCompare(b.key || '~', undefined, { numeric: true }) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id)

/** The division planning of the org space for sprint `sprint` (the one being planned). */
export function useDivisionPlanning(space: SpaceRow, sprint: number | null): DivisionPlanning {
  const doc = useSpaceRootDoc(space.id)
  const room = useSharedDoc(sprint === null ? null : space.id, divisionDocKey(sprint ?? 0))
  const present = useAttendees(room, space.id)
  const records = useRecords(doc, LESS_TICKETS)
  const tickets = useMemo(() => [...records].sort(byKey), [records])
  const questionRecords = useRecords(doc, LESS_QUESTIONS)
  const members = useMembers(doc)
  const questions = useMemo(() => withAskers(questionRecords, namesOf(members)), [questionRecords, members])
  const teams = useOrgTeams(doc)
  const commands = useMemo(() => (doc ? backlogCommands(doc) : null), [doc])
  return { tickets, questions, teams, present, commands }
}
