import { z } from 'zod'

/**
 * The division's backlog (LeSS division sprint planning, in the org space) and what a team keeps
 * of it (team scrum, in the team space). Every field a peer writes has a cap here: a record past a
 * cap is malformed and skipped by the collection that reads it, a lenient field (`.catch`) falls
 * back to its default.
 *
 * A ticket's identity is its tracker key (`ABC-123`, upper-cased): typing, pasting or importing
 * the same key again updates that ticket instead of adding another. A ticket typed without a key
 * gets a generated id (`~…`).
 */
export const LESS_LIMITS = {
  id: 256,
  key: 60,
  title: 500,
  url: 2_048,
  notes: 5_000,
  /** a status, a priority */
  label: 80,
  /** story points as the tracker wrote them */
  points: 20,
  /** the tracker's sprint names, joined */
  sprint: 300,
  name: 200,
  question: 2_000,
  /** an estimate: one card of a deck */
  estimate: 20,
  /** questions copied along with one ticket */
  questionsPerTicket: 100,
  /** tickets one paste or import may bring in */
  importRows: 2_000
} as const

const id = z.string().min(1).max(LESS_LIMITS.id)
const label = z.string().max(LESS_LIMITS.label).catch('')

/** Tracker keys: a project key, a dash, a number (Jira, YouTrack, Linear …). */
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*-\d+$/

export function isTicketKey(text: string): boolean {
  return text.length <= LESS_LIMITS.key && KEY_PATTERN.test(text.trim())
}

/** The record id of a ticket with this key (keys are case-insensitive). */
export function ticketIdOf(key: string): string {
  return key.trim().toUpperCase()
}

export const QUESTION_KINDS = ['question', 'problem', 'blocker'] as const
export const QuestionKind = z.enum(QUESTION_KINDS)
export type QuestionKind = z.infer<typeof QuestionKind>
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { question: 'Question', problem: 'Problem', blocker: 'Blocker' }

/** A question, problem or blocker raised about one ticket (division planning or team scrum). */
export const TicketQuestion = z.object({
  ticketId: id,
  text: z.string().trim().min(1).max(LESS_LIMITS.question),
  kind: QuestionKind.catch('question'),
  resolved: z.boolean().catch(false),
  answer: z.string().max(LESS_LIMITS.question).catch(''),
  authorId: z.string().max(LESS_LIMITS.id).catch(''),
  authorName: z.string().max(LESS_LIMITS.name).catch(''),
  createdAt: z.number().catch(0)
})
export type TicketQuestion = z.infer<typeof TicketQuestion>

/** A question as it is copied along with a ticket to the other side (read-only there). */
export const QuestionCopy = z.object({
  id,
  text: z.string().max(LESS_LIMITS.question),
  kind: QuestionKind.catch('question'),
  resolved: z.boolean().catch(false),
  answer: z.string().max(LESS_LIMITS.question).catch(''),
  authorName: z.string().max(LESS_LIMITS.name).catch('')
})
export type QuestionCopy = z.infer<typeof QuestionCopy>

const questionCopies = z.array(QuestionCopy).max(LESS_LIMITS.questionsPerTicket).catch([])

export const TICKET_SOURCES = ['typed', 'pasted', 'csv'] as const

/** A ticket of the division's backlog (org root document, collection `lessTickets`). */
export const BacklogTicket = z.object({
  key: z.string().max(LESS_LIMITS.key).catch(''),
  title: z.string().trim().min(1).max(LESS_LIMITS.title),
  url: z.string().max(LESS_LIMITS.url).catch(''),
  notes: z.string().max(LESS_LIMITS.notes).catch(''),
  /** as the tracker said at the last import */
  status: label,
  priority: label,
  trackerPoints: z.string().max(LESS_LIMITS.points).catch(''),
  trackerSprint: z.string().max(LESS_LIMITS.sprint).catch(''),
  /** the sprint in which it gets estimated (null: stays in the backlog) */
  forSprint: z.number().int().min(1).max(1_000_000).nullable().catch(null),
  /** the team responsible (its team space's id; null: none yet) */
  teamId: z.string().max(LESS_LIMITS.id).nullable().catch(null),
  /** the estimate the assigned team accepted in its scrum (copied from the team) */
  estimate: z.string().max(LESS_LIMITS.estimate).nullable().catch(null),
  estimateTeamId: z.string().max(LESS_LIMITS.id).nullable().catch(null),
  estimatedAt: z.number().nullable().catch(null),
  /** the assigned team's questions about it (copied from the team) */
  teamQuestions: questionCopies,
  source: z.enum(TICKET_SOURCES).catch('typed'),
  createdAt: z.number().catch(0),
  createdBy: z.string().max(LESS_LIMITS.name).catch(''),
  importedAt: z.number().nullable().catch(null)
})
export type BacklogTicket = z.infer<typeof BacklogTicket>

/** What a team holds of a ticket assigned to it (team root document, `lessAssigned`; written by the mirror). */
export const AssignedTicket = z.object({
  key: z.string().max(LESS_LIMITS.key).catch(''),
  title: z.string().trim().min(1).max(LESS_LIMITS.title),
  url: z.string().max(LESS_LIMITS.url).catch(''),
  notes: z.string().max(LESS_LIMITS.notes).catch(''),
  status: label,
  priority: label,
  trackerPoints: z.string().max(LESS_LIMITS.points).catch(''),
  forSprint: z.number().int().min(1).max(1_000_000).nullable().catch(null),
  /** the division's questions about it */
  questions: questionCopies
})
export type AssignedTicket = z.infer<typeof AssignedTicket>

/** The estimate a team accepted for a ticket (team root document, `lessEstimates`, id = ticket id). */
export const TeamEstimate = z.object({
  value: z.string().min(1).max(LESS_LIMITS.estimate),
  round: z.number().int().min(1).catch(1),
  scale: z.string().max(40).catch(''),
  acceptedBy: z.string().max(LESS_LIMITS.id).catch(''),
  acceptedByName: z.string().max(LESS_LIMITS.name).catch(''),
  acceptedAt: z.number()
})
export type TeamEstimate = z.infer<typeof TeamEstimate>

/** What a ticket is made of when it is added (typed, pasted or imported). */
export interface TicketInput {
  key: string
  title: string
  url?: string
  notes?: string
  status?: string
  priority?: string
  trackerPoints?: string
  trackerSprint?: string
}

export interface LineProblem {
  /** 1-based line of the text or file */
  line: number
  message: string
}

export interface ParsedTickets {
  tickets: TicketInput[]
  problems: LineProblem[]
}

/** A ticket link as typed: http(s) only; null when it is not a web link. */
export function cleanUrl(raw: string): string | null {
  const value = raw.trim()
  if (!value) return ''
  if (value.length > LESS_LIMITS.url || /\s/.test(value) || [...value].some((c) => c.charCodeAt(0) < 32)) return null
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
  const match = /^https?:\/\/([^/?#]+)/i.exec(withScheme)
  const host = match?.[1]?.replace(/^.*@/, '').replace(/:\d+$/, '')
  if (!host || !/^[a-z0-9.-]+$/i.test(host) || (!host.includes('.') && host !== 'localhost')) return null
  return withScheme
}

/** The key at the end of a tracker link (`…/browse/ABC-12`, `…/issue/ABC-12/slug`). */
function keyInUrl(url: string): string | null {
  for (const segment of url.split(/[/?#]/).reverse()) if (isTicketKey(segment)) return segment
  return null
}

/**
 * Tickets pasted as lines: `ABC-123 Title`, `ABC-123: Title`, `ABC-123 – Title`, `ABC-123<tab>Title`
 * (from a spreadsheet), a tracker link followed by the title, or a title alone. Empty lines are
 * skipped; a line that is too long, or a key without a title, is reported with its line.
 */
export function parsePastedLines(text: string): ParsedTickets {
  const tickets: TicketInput[] = []
  const problems: LineProblem[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  lines.forEach((raw, i) => {
    const line = i + 1
    const value = raw.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()
    if (!value) return
    if (tickets.length >= LESS_LIMITS.importRows) {
      problems.push({ line, message: `only ${LESS_LIMITS.importRows} tickets are read at once` })
      return
    }
    let key = ''
    let url = ''
    let rest = value
    const first = /^(\S+)(?:\s*[:–—|\t-]\s*|\s+)?(.*)$/.exec(value)
    const head = first?.[1] ?? ''
    if (/^https?:\/\//i.test(head)) {
      const cleaned = cleanUrl(head)
      if (cleaned === null) {
        problems.push({ line, message: 'the link is not a web address' })
        return
      }
      url = cleaned
      key = keyInUrl(head) ?? ''
      rest = first?.[2] ?? ''
    } else if (isTicketKey(head.replace(/[:,]$/, ''))) {
      key = head.replace(/[:,]$/, '')
      rest = first?.[2] ?? ''
    }
    const title = rest.replace(/\t+/g, ' ').trim()
    if (!title) {
      problems.push({ line, message: key ? `${key} has no title` : 'no title' })
      return
    }
    if (title.length > LESS_LIMITS.title) {
      problems.push({ line, message: `the title is longer than ${LESS_LIMITS.title} characters` })
      return
    }
    tickets.push({ key: key ? ticketIdOf(key) : '', title, ...(url ? { url } : {}) })
  })
  return { tickets, problems }
}

/** The fields a re-import or paste may change on a ticket that exists (what people wrote in Tandem stays). */
export function importPatch(existing: BacklogTicket | null, input: TicketInput): Partial<BacklogTicket> {
  const patch: Partial<BacklogTicket> = {}
  const set = <K extends keyof TicketInput & keyof BacklogTicket>(field: K) => {
    const value = input[field]
    if (value === undefined) return
    if (!existing || existing[field] !== value) (patch as Record<string, unknown>)[field] = value
  }
  set('key')
  set('title')
  set('status')
  set('priority')
  set('trackerPoints')
  set('trackerSprint')
  // a link or notes from the file only fill in what is empty: one typed in Tandem is kept
  if (input.url && !existing?.url) patch.url = input.url
  if (input.notes && !existing?.notes) patch.notes = input.notes
  return patch
}
