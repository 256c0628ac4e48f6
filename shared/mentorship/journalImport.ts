import type { Heading, List, Paragraph, RootContent } from 'mdast'
import { otherParticipant, type ActionItem, type Journal, type JointProject, type Session, type Track } from './journal.ts'
import { parseDuration, parseJournalDate } from './journalDates.ts'
import {
  headerLine,
  headingKind,
  itemContent,
  labelText,
  projectLabel,
  splitParticipants,
  trackLabel,
  type FoundTicket,
  type ProjectLabel,
  type TrackLabel
} from './journalSections.ts'
import { lineOf, parseMarkdown, plainText, sourceOf } from './markdownTree.ts'
import { ticketUrl, type TicketOptions } from '../tickets/tickets.ts'
import { safeHttpUrl } from '../links/safeUrl.ts'

/**
 * Reads a pair's journal written in the program's Markdown structure (see journal.ts), parsed by
 * mdast-util-from-markdown with GFM. Sections are recognised by what their headings say, so heading
 * levels may shift; the first heading is the title, a heading deeper than the sessions belongs to
 * the section above it. Whatever cannot be placed is returned in `unplaced` with its line, never
 * dropped silently.
 */

export interface JournalIssue {
  line: number
  text: string
  reason: string
}

export interface JournalImportOptions extends TicketOptions {
  /** Tracker link for ticket keys written without one, e.g. "https://shippo.atlassian.net/browse/". */
  trackerBaseUrl?: string
}

export interface JournalImport {
  journal: Journal
  /** Content the importer could not place in the model. */
  unplaced: JournalIssue[]
  /** Content placed, but worth a look (a mentor who is not in the pair, a third participant). */
  warnings: JournalIssue[]
}

interface TrackDraft {
  track: Track
  line: number
  text: string
  found: Record<TrackLabel, FoundTicket[]>
}

type Context =
  | { kind: 'header' }
  | { kind: 'session'; session: Session; notes: string[] }
  | { kind: 'track'; draft: TrackDraft; depth: number; label: TrackLabel | null }
  | { kind: 'project'; project: JointProject; depth: number; label: ProjectLabel | null }
  /** Under a sub-heading of a track or project that is none of its sections: reported, not placed. */
  | { kind: 'stray'; owner: Extract<Context, { kind: 'track' | 'project' }>; depth: number; heading: string }

const HEADER_REASON = 'the journal header holds only the title, "First discussed:" and "Participants:"'

/**
 * A pair's journal is a few pages (the program's seed is 3.5 KB; a year of weekly sessions is
 * well under 100 KB). Past this the file is not one, and reading it would keep the screen busy for
 * seconds (the Markdown parser reads a few hundred KB a second): it is refused unread, with a reason.
 */
export const JOURNAL_MAX_CHARACTERS = 200_000

export function journalFromMarkdown(input: string, options: JournalImportOptions = {}): JournalImport {
  if (input.length > JOURNAL_MAX_CHARACTERS) {
    const empty = journalFromMarkdown('', options)
    const reason = `the file has ${input.length.toLocaleString('en')} characters, more than a journal's ${JOURNAL_MAX_CHARACTERS.toLocaleString('en')}: nothing was read`
    return { ...empty, unplaced: [{ line: 1, text: input.slice(0, 200), reason }] }
  }
  const markdown = input.replace(/\r\n?/g, '\n')
  const tree = parseMarkdown(markdown)
  const unplaced: JournalIssue[] = []
  const warnings: JournalIssue[] = []
  const sessions: Session[] = []
  const sessionNotes = new Map<Session, string[]>()
  const tracks: TrackDraft[] = []
  const projects: JointProject[] = []
  let title: string | null = null
  let firstDiscussed: string | null = null
  let participants: string[] = []
  let sessionDepth: number | null = null
  let openSession: { id: string; depth: number } | null = null
  let context = { kind: 'header' } as Context

  const notPlaced = (node: RootContent, reason: string) => unplaced.push({ line: lineOf(node), text: sourceOf(node, markdown).trim(), reason })

  function heading(node: Heading) {
    const text = plainText(node).replace(/\s+/g, ' ').trim()
    if (context.kind === 'stray') {
      if (node.depth > context.depth) return notPlaced(node, strayReason(context))
      context = context.owner
    }
    const kind = headingKind(text)
    const looksLikeSection = kind.kind !== 'session' || kind.date !== null || kind.durationMinutes !== null
    if (title === null && context.kind === 'header' && !looksLikeSection) {
      title = text
      return
    }
    if (context.kind === 'track' && node.depth > context.depth && trackLabel(text)) {
      context.label = trackLabel(text)
      return
    }
    if (context.kind === 'project' && node.depth > context.depth && projectLabel(text)) {
      context.label = projectLabel(text)
      return
    }
    if (kind.kind !== 'session') {
      const parent: { id: string; depth: number } | null = openSession && node.depth > openSession.depth ? openSession : null
      openSession = parent
      const discussedIn = parent?.id ?? null
      if (kind.kind === 'track') {
        const track: Track = { id: `track-${tracks.length + 1}`, mentor: kind.mentor, mentee: '', topic: kind.topic, discussedIn, tickets: [], thoughts: [], firstSteps: [] }
        const draft: TrackDraft = { track, line: lineOf(node), text, found: { thoughts: [], firstSteps: [], tickets: [] } }
        tracks.push(draft)
        context = { kind: 'track', draft, depth: node.depth, label: null }
      } else {
        const project: JointProject = { id: `project-${projects.length + 1}`, title: kind.title, discussedIn, notes: [], actionItems: [] }
        projects.push(project)
        context = { kind: 'project', project, depth: node.depth, label: null }
      }
      return
    }
    if ((context.kind === 'track' || context.kind === 'project') && node.depth > context.depth) {
      notPlaced(node, `a sub-heading inside a ${ownerName(context)} that is not one of its sections`)
      context = { kind: 'stray', owner: context, depth: node.depth, heading: text }
      return
    }
    if (sessionDepth === null || node.depth <= sessionDepth) {
      sessionDepth = Math.min(sessionDepth ?? node.depth, node.depth)
      const session: Session = { id: `session-${sessions.length + 1}`, title: kind.title, date: kind.date, durationMinutes: kind.durationMinutes, notes: '' }
      sessions.push(session)
      sessionNotes.set(session, [])
      openSession = { id: session.id, depth: node.depth }
      context = { kind: 'session', session, notes: sessionNotes.get(session) ?? [] }
      return
    }
    if (context.kind === 'session') return void context.notes.push(sourceOf(node, markdown))
    if (context.kind === 'header') return notPlaced(node, HEADER_REASON)
    notPlaced(node, `a sub-heading inside a ${ownerName(context)} that is not one of its sections`)
    context = { kind: 'stray', owner: context, depth: node.depth, heading: text }
  }

  function headerBlock(node: RootContent) {
    if (node.type !== 'paragraph') return notPlaced(node, title === null ? 'content before the journal title' : HEADER_REASON)
    plainText(node).split('\n').forEach((line, index) => {
      const field = headerLine(line)
      if (field?.field === 'firstDiscussed' && firstDiscussed === null) firstDiscussed = parseJournalDate(field.value)
      else if (field?.field === 'participants' && participants.length === 0) participants = splitParticipants(field.value)
      else if (line.trim()) unplaced.push({ line: lineOf(node) + index, text: line.trim(), reason: title === null ? 'content before the journal title' : HEADER_REASON })
    })
  }

  /** Session notes keep the writer's own Markdown, block by block; "Date:" lines are taken out. */
  function sessionBlock(node: RootContent, session: Session, notes: string[]) {
    if (node.type !== 'paragraph') return void notes.push(sourceOf(node, markdown))
    const lines = plainText(node).split('\n')
    let used = 0
    for (const line of lines) {
      const field = headerLine(line)
      if (field?.field === 'date' && session.date === null) session.date = parseJournalDate(field.value)
      else if (field?.field === 'duration' && session.durationMinutes === null) session.durationMinutes = parseDuration(field.value)
      else break
      used++
    }
    if (used === 0) return void notes.push(sourceOf(node, markdown))
    if (used < lines.length) notes.push(sourceOf(node, markdown).split('\n').slice(used).join('\n').trim())
  }

  function trackBlock(node: RootContent, ctx: Extract<Context, { kind: 'track' }>) {
    const label = node.type === 'paragraph' ? labelText(node) : null
    if (label && trackLabel(label)) return void (ctx.label = trackLabel(label))
    if (node.type !== 'list') return notPlaced(node, 'text in a mentor track outside its lists (Thoughts / Ideas, First Steps, Tickets)')
    const section = ctx.label ?? 'firstSteps'
    for (const item of node.children) {
      const content = itemContent(item, options, true)
      ctx.draft.found[section].push(...content.tickets)
      if (section === 'thoughts') ctx.draft.track.thoughts.push(content.text)
      else if (section === 'firstSteps') ctx.draft.track.firstSteps.push({ text: content.text, done: content.checked ?? false })
      else if (content.tickets.length === 0) unplaced.push({ line: lineOf(item), text: content.text, reason: 'a Tickets item without a ticket key such as ENG-8504' })
    }
  }

  function projectBlock(node: RootContent, ctx: Extract<Context, { kind: 'project' }>) {
    const label = node.type === 'paragraph' ? labelText(node as Paragraph) : null
    if (label && projectLabel(label)) return void (ctx.label = projectLabel(label))
    if (node.type !== 'list') return notPlaced(node, 'text in a joint project outside its lists (Notes, Action Items)')
    for (const item of (node as List).children) {
      const content = itemContent(item, options, false)
      const isAction = ctx.label === 'actionItems' || (ctx.label === null && content.checked !== null)
      if (isAction) ctx.project.actionItems.push({ text: content.text, owner: null, done: content.checked ?? false })
      else ctx.project.notes.push(content.text)
    }
  }

  for (const node of tree.children) {
    if (node.type === 'heading') heading(node)
    else if (node.type === 'thematicBreak' || node.type === 'definition' || (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim()))) continue
    else if (context.kind === 'header') headerBlock(node)
    else if (context.kind === 'session') sessionBlock(node, context.session, context.notes)
    else if (context.kind === 'track') trackBlock(node, context)
    else if (context.kind === 'project') projectBlock(node, context)
    else notPlaced(node, strayReason(context))
  }

  return finish()

  function finish(): JournalImport {
    if (title === null) warnings.push({ line: 1, text: '', reason: 'no title heading ("# First SMP Process"); the journal has no title' })
    if (participants.length < 2) {
      for (const draft of tracks) if (participants.length < 2 && !participants.some((p) => p.toLowerCase() === draft.track.mentor.toLowerCase())) participants.push(draft.track.mentor)
    }
    if (participants.length > 2) warnings.push({ line: 1, text: participants.join(', '), reason: 'a mentoring pair has two participants; kept the first two' })
    const pair: [string, string] = [participants[0] ?? '', participants[1] ?? '']
    for (const draft of tracks) {
      const mentee = otherParticipant(pair, draft.track.mentor)
      draft.track.mentee = mentee ?? ''
      if (mentee === null) warnings.push({ line: draft.line, text: draft.text, reason: `${draft.track.mentor} is not one of the participants (${pair.join(' and ')}); the track has no mentee` })
      draft.track.tickets = mergeTickets([...draft.found.thoughts, ...draft.found.firstSteps, ...draft.found.tickets], options.trackerBaseUrl)
    }
    for (const session of sessions) session.notes = (sessionNotes.get(session) ?? []).map((piece) => piece.trim()).join('\n\n')
    for (const project of projects) project.actionItems = project.actionItems.map((item) => withOwner(item, pair))
    const journal: Journal = { title: title ?? '', firstDiscussed, participants: pair, sessions, tracks: tracks.map((d) => d.track), jointProjects: projects }
    return { journal, unplaced, warnings }
  }
}

function ownerName(context: { kind: 'track' | 'project' }): string {
  return context.kind === 'track' ? 'mentor track' : 'joint project'
}

function strayReason(context: Extract<Context, { kind: 'stray' }>): string {
  return `under "${context.heading}", which is not a section of the ${ownerName(context.owner)}`
}

/** Distinct keys in order; the first URL found wins, else the tracker's base URL. */
function mergeTickets(found: readonly FoundTicket[], trackerBaseUrl: string | undefined): Track['tickets'] {
  const byKey = new Map<string, string | null>()
  for (const { key, url } of found) if (!byKey.get(key)) byKey.set(key, url)
  // a link from the file is kept only when it is a web address (never javascript:, file: …)
  return [...byKey].map(([key, url]) => ({ key, url: safeHttpUrl(url) ?? ticketUrl(key, trackerBaseUrl) }))
}

/** "Bruce: draft the rotation proposal" → owner Bruce, when Bruce is in the pair. */
function withOwner(item: ActionItem, pair: [string, string]): ActionItem {
  const m = /^([^:\n]{1,60}):\s+([\s\S]+)$/.exec(item.text)
  if (!m || otherParticipant(pair, m[1] ?? '') === null) return item
  return { ...item, owner: (m[1] ?? '').trim(), text: m[2] ?? '' }
}
