import { copiedAskerName } from './askers.ts'
import type { AssignedTicket, BacklogTicket, QuestionCopy, TeamEstimate, TicketQuestion } from './tickets.ts'

/**
 * Division planning ↔ team scrum, on a device that has both the org and the team space (the
 * `sprint.backlogMirror` service runs it). Each value has one owner:
 *   org  owns the ticket (key, title, link, notes, status, priority, points, the sprint it is
 *        estimated in, the team) and the division's questions about it;
 *   team owns its estimate and its own questions about the tickets assigned to it.
 * So the team gets a copy of exactly the tickets assigned to it (with the division's questions),
 * and the org's ticket gets the assigned team's estimate and questions. A copy of a ticket that is
 * no longer the team's is emptied (not removed: it can be assigned back). Only what differs is
 * written, so a second run, or another device's, writes nothing.
 *
 * Questions are sealed by their askers (issue 10 #15) in the document they were asked in; their
 * seal names that document, so a sealed question copied as a record into the other space would
 * read as forged there. The mirror copies none: it copies a summary of the questions the device
 * read as sealed (`orgQuestions`, `teamQuestions`: forged ones never reach it), naming each asker
 * by their member entry where they asked (`copiedAskerName`). In the other space that copy is the
 * mirror's word, like any record there that carries no seal (any member there can write it), and is
 * shown as a copy, read-only.
 */
type WithId<T> = T & { readonly id: string }

export interface BacklogMirrorInput {
  teamId: string
  orgTickets: readonly WithId<BacklogTicket>[]
  orgQuestions: readonly WithId<TicketQuestion>[]
  /** the team's copies as stored (valid or not), by ticket id */
  teamCopies: Readonly<Record<string, Record<string, unknown>>>
  teamEstimates: readonly WithId<TeamEstimate>[]
  teamQuestions: readonly WithId<TicketQuestion>[]
  /** member id → name, from the member entries of the org and of the team (who asked) */
  orgNames: Readonly<Record<string, string>>
  teamNames: Readonly<Record<string, string>>
}

export interface BacklogMirrorWrites {
  /** copies to set to exactly these fields */
  toTeam: Record<string, AssignedTicket>
  /** copies to empty */
  clearInTeam: string[]
  /** fields of the org's tickets to change */
  toOrg: Record<string, Partial<BacklogTicket>>
}

/** JSON with keys in order, to compare what is stored with what should be. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function questionCopies(questions: readonly WithId<TicketQuestion>[], ticketId: string, names: Readonly<Record<string, string>>): QuestionCopy[] {
  return questions
    .filter((q) => q.ticketId === ticketId)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, 100)
    .map((q) => ({ id: q.id, text: q.text, kind: q.kind, resolved: q.resolved, answer: q.answer, authorName: copiedAskerName(q, names) }))
}

export function teamCopyOf(ticket: BacklogTicket, questions: QuestionCopy[]): AssignedTicket {
  return {
    key: ticket.key,
    title: ticket.title,
    url: ticket.url,
    notes: ticket.notes,
    status: ticket.status,
    priority: ticket.priority,
    trackerPoints: ticket.trackerPoints,
    forSprint: ticket.forSprint,
    questions
  }
}

export function planBacklogMirror(input: BacklogMirrorInput): BacklogMirrorWrites {
  const { teamId } = input
  const toTeam: Record<string, AssignedTicket> = {}
  const clearInTeam: string[] = []
  const toOrg: Record<string, Partial<BacklogTicket>> = {}
  const ours = input.orgTickets.filter((t) => t.teamId === teamId)
  const ourIds = new Set(ours.map((t) => t.id))

  for (const ticket of ours) {
    const copy = teamCopyOf(ticket, questionCopies(input.orgQuestions, ticket.id, input.orgNames))
    const stored = input.teamCopies[ticket.id]
    if (!stored || stableJson(stored) !== stableJson(copy)) toTeam[ticket.id] = copy

    const patch: Partial<BacklogTicket> = {}
    const estimate = input.teamEstimates.find((e) => e.id === ticket.id)
    if (estimate) {
      if (ticket.estimate !== estimate.value || ticket.estimateTeamId !== teamId || ticket.estimatedAt !== estimate.acceptedAt) {
        patch.estimate = estimate.value
        patch.estimateTeamId = teamId
        patch.estimatedAt = estimate.acceptedAt
      }
    } else if (ticket.estimateTeamId === teamId && ticket.estimate !== null) {
      // the team took its estimate back
      patch.estimate = null
      patch.estimatedAt = null
    }
    const asked = questionCopies(input.teamQuestions, ticket.id, input.teamNames)
    if (stableJson(asked) !== stableJson(ticket.teamQuestions)) patch.teamQuestions = asked
    if (Object.keys(patch).length) toOrg[ticket.id] = patch
  }
  for (const [id, stored] of Object.entries(input.teamCopies)) {
    if (!ourIds.has(id) && Object.keys(stored).length > 0) clearInTeam.push(id)
  }
  clearInTeam.sort()
  return { toTeam, clearInTeam, toOrg }
}

export function isEmptyBacklogMirror(w: BacklogMirrorWrites): boolean {
  return Object.keys(w.toTeam).length === 0 && w.clearInTeam.length === 0 && Object.keys(w.toOrg).length === 0
}
