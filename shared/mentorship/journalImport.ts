import type { Heading, List, ListItem, Paragraph, RootContent } from 'mdast'
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
  type HeadingKind,
  type ProjectLabel,
  type TrackLabel
} from './journalSections.ts'
import { journalTooLarge } from './journalBounds.ts'
import { lineOf, parseMarkdownInPieces, plainText, sourceOf } from './markdownTree.ts'
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
  /** `loose`: written as a list item or a paragraph of its own, so a later sub-heading is the session's again */
  | { kind: 'track'; draft: TrackDraft; depth: number; label: TrackLabel | null; loose?: boolean }
  | { kind: 'project'; project: JointProject; depth: number; label: ProjectLabel | null; loose?: boolean }
  /** Under a sub-heading of a track or project that is none of its sections: reported, not placed. */
  | { kind: 'stray'; owner: Extract<Context, { kind: 'track' | 'project' }>; depth: number; heading: string }

const HEADER_REASON = 'the journal header holds only the title, "First discussed:" and "Participants:"'

export function journalFromMarkdown(input: string, options: JournalImportOptions = {}): JournalImport {
  const tooLarge = journalTooLarge(input)
  if (tooLarge) {
    const empty = journalFromMarkdown('', options)
    return { ...empty, unplaced: [{ line: 1, text: input.slice(0, 200), reason: tooLarge }] }
  }
  const markdown = input.replace(/\r\n?/g, '\n')
  const tree = parseMarkdownInPieces(markdown)
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
  let lastSession: Extract<Context, { kind: 'session' }> | null = null

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
    // a label heading under a direction, deeper than it or (written by hand) at its own level
    const underSection = (depth: number) => node.depth > depth || (node.depth === depth && (sessionDepth === null || node.depth > sessionDepth))
    if (context.kind === 'track' && underSection(context.depth) && trackLabel(text)) {
      context.label = trackLabel(text)
      return
    }
    if (context.kind === 'project' && underSection(context.depth) && projectLabel(text)) {
      context.label = projectLabel(text)
      return
    }
    const session = lastSession as Extract<Context, { kind: 'session' }> | null
    if ((context.kind === 'track' || context.kind === 'project') && context.loose && kind.kind === 'session' && sessionDepth !== null && node.depth > sessionDepth && session) {
      context = session
    }
    if (kind.kind !== 'session') {
      const parent: { id: string; depth: number } | null = openSession && node.depth > openSession.depth ? openSession : null
      openSection(kind, lineOf(node), text, parent, node.depth)
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
      context = lastSession = { kind: 'session', session, notes: sessionNotes.get(session) ?? [] }
      return
    }
    if (context.kind === 'session') return void context.notes.push(noteHeading(node))
    if (context.kind === 'header') return notPlaced(node, HEADER_REASON)
    notPlaced(node, `a sub-heading inside a ${ownerName(context)} that is not one of its sections`)
    context = { kind: 'stray', owner: context, depth: node.depth, heading: text }
  }

  /**
   * A heading in a session's notes, re-levelled as if the sessions were "##" as the export writes
   * them, so that notes read from "# Session" / "## Agenda" export and read back the same.
   */
  function noteHeading(node: Heading): string {
    const source = sourceOf(node, markdown)
    const shift = 2 - (sessionDepth ?? 2)
    const first = node.children[0]?.position?.start.offset
    const last = node.children[node.children.length - 1]?.position?.end.offset
    if (shift === 0 || first === undefined || last === undefined) return source
    return `${'#'.repeat(Math.min(6, Math.max(1, node.depth + shift)))} ${markdown.slice(first, last)}`
  }

  /** Starts a direction or joint project set up in `parent` (a session, or none); it becomes the context. */
  function openSection(kind: Exclude<HeadingKind, { kind: 'session' }>, line: number, text: string, parent: { id: string; depth: number } | null, depth: number, loose = false) {
    openSession = parent
    const discussedIn = parent?.id ?? null
    if (kind.kind === 'track') {
      const track: Track = { id: `track-${tracks.length + 1}`, mentor: kind.mentor, mentee: '', topic: kind.topic, discussedIn, tickets: [], thoughts: [], firstSteps: [] }
      const draft: TrackDraft = { track, line, text, found: { thoughts: [], firstSteps: [], tickets: [] } }
      tracks.push(draft)
      context = { kind: 'track', draft, depth, label: null, loose }
      return context
    }
    const project: JointProject = { id: `project-${projects.length + 1}`, title: kind.title, discussedIn, notes: [], actionItems: [] }
    projects.push(project)
    context = { kind: 'project', project, depth, label: null, loose }
    return context
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
      // a "Date:" line that says what the heading said already is taken, not kept as notes
      if (field?.field === 'date' && (session.date === null || session.date === parseJournalDate(field.value))) session.date = parseJournalDate(field.value)
      else if (field?.field === 'duration' && (session.durationMinutes === null || session.durationMinutes === parseDuration(field.value))) session.durationMinutes = parseDuration(field.value)
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

  /**
   * A direction or joint project written as a list item of a session ("- Daria as a mentor — React",
   * its steps and thoughts nested under it) or as a paragraph of its own ("**Joint project - …**"):
   * placed as if it were a heading one level below the session. Returns the list items left over.
   */
  function sectionItems(list: List, session: { id: string; depth: number } | null): List['children'] {
    const rest: List['children'] = []
    for (const item of list.children) {
      const [first, ...children] = item.children
      const kind = first?.type === 'paragraph' ? sectionKind(first) : null
      if (!kind) {
        rest.push(item)
        continue
      }
      const ctx = openSection(kind, lineOf(item), plainText(first!).trim(), session, (session?.depth ?? 1) + 1, true)
      for (const child of children) {
        if (child.type === 'list' && ctx.kind === 'track') trackSubList(child, ctx)
        else if (child.type === 'list' && ctx.kind === 'project') projectSubList(child, ctx)
        else if (ctx.kind === 'track') trackBlock(child as RootContent, ctx)
        else projectBlock(child as RootContent, ctx)
      }
    }
    return rest
  }

  /** A direction's nested list: "- Thoughts / Ideas" with its own list under it, "- First steps: read Kanban", or plain steps. */
  function trackSubList(list: List, ctx: Extract<Context, { kind: 'track' }>) {
    const plain: List['children'] = []
    const flush = () => {
      if (plain.length) trackBlock({ ...list, children: plain.splice(0) }, ctx)
    }
    for (const item of list.children) {
      const labelled = labelledItem(item, trackLabel)
      if (!labelled) {
        plain.push(item)
        continue
      }
      flush()
      const before = ctx.label
      ctx.label = labelled.label
      if (labelled.inline) trackBlock({ ...list, children: [labelled.inline] }, ctx)
      for (const block of labelled.blocks) trackBlock(block, ctx)
      ctx.label = before
    }
    flush()
  }

  function projectSubList(list: List, ctx: Extract<Context, { kind: 'project' }>) {
    const plain: List['children'] = []
    const flush = () => {
      if (plain.length) projectBlock({ ...list, children: plain.splice(0) }, ctx)
    }
    for (const item of list.children) {
      const labelled = labelledItem(item, projectLabel)
      if (!labelled) {
        plain.push(item)
        continue
      }
      flush()
      const before = ctx.label
      ctx.label = labelled.label
      if (labelled.inline) projectBlock({ ...list, children: [labelled.inline] }, ctx)
      for (const block of labelled.blocks) projectBlock(block, ctx)
      ctx.label = before
    }
    flush()
  }

  for (const node of tree.children) {
    const section = node.type === 'paragraph' && context.kind !== 'header' ? sectionKind(node) : null
    if (section) {
      // under the session it is written in (also after another direction of that session)
      const parent = openSession as { id: string; depth: number } | null
      openSection(section, lineOf(node), plainText(node).trim(), parent, (parent?.depth ?? 1) + 1, true)
      continue
    }
    if (node.type === 'list' && context.kind === 'session') {
      const session: { id: string; depth: number } | null = openSession
      const sessionContext: Extract<Context, { kind: 'session' }> = context
      const rest = sectionItems(node, session)
      context = sessionContext
      openSession = session
      if (rest.length === node.children.length) sessionBlock(node, sessionContext.session, sessionContext.notes)
      else if (rest.length) sessionContext.notes.push(rest.map((item) => sourceOf(item, markdown)).join('\n'))
      continue
    }
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

/**
 * A paragraph or list item's first paragraph that names a direction or joint project: one line, a
 * short mentor name ("Daria as a mentor — React & Redux", "Joint project - …"), bold or not.
 */
function sectionKind(paragraph: Paragraph): Exclude<HeadingKind, { kind: 'session' }> | null {
  const text = plainText(paragraph).trim()
  if (!text || text.includes('\n') || text.length > 300) return null
  const kind = headingKind(text)
  if (kind.kind === 'track') return kind.mentor.length <= 60 && kind.mentor.split(/\s+/).length <= 3 ? kind : null
  return kind.kind === 'project' ? kind : null
}

/**
 * A list item that is a label: "Thoughts / Ideas" with a list under it, or "First steps: read
 * Kanban" (the text after the colon is an item of that section).
 */
function labelledItem<L extends string>(item: ListItem, labelOf: (text: string) => L | null): { label: L; inline: ListItem | null; blocks: RootContent[] } | null {
  const [first, ...blocks] = item.children
  if (first?.type !== 'paragraph') return null
  const text = plainText(first).trim()
  const whole = labelOf(text)
  if (whole) return { label: whole, inline: null, blocks: blocks as RootContent[] }
  const colon = /^([^:\n]{1,40}):\s+(\S[\s\S]*)$/.exec(text)
  const label = colon ? labelOf(colon[1] ?? '') : null
  if (!colon || !label) return null
  // the text after "Label:" with its marks (`code`, **strong**, links): the label is cut off the leading text
  const children = [...first.children]
  let cut = (colon[1] ?? '').length + 1
  while (cut > 0 && children[0]?.type === 'text') {
    const head = children[0]
    if (head.value.length > cut) {
      children[0] = { ...head, value: head.value.slice(cut).replace(/^\s+/, '') }
      cut = 0
    } else {
      cut -= head.value.length
      children.shift()
    }
  }
  if (cut > 0) return null
  if (children[0]?.type === 'text' && !children[0].value.trim()) children.shift()
  const rest: Paragraph = { type: 'paragraph', children, ...(first.position ? { position: first.position } : {}) }
  return { label, inline: { ...item, children: [rest] }, blocks: blocks as RootContent[] }
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
