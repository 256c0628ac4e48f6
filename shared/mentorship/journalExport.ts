import type { BlockContent, Heading, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { Journal, JointProject, Track } from './journal.ts'
import { formatDuration, formatJournalDate, type DateStyle } from './journalDates.ts'
import { parseMarkdown, writeMarkdown } from './markdownTree.ts'
import { findTicketMatches, findTicketKeys, ticketUrl, type TicketOptions } from '../tickets/tickets.ts'

/**
 * Writes a pair's journal in the program's Markdown structure (see journal.ts), through
 * mdast-util-to-markdown. Tracks and joint projects follow the session they were set up in, one
 * heading level deeper ("### Daria as a mentor - React & Redux" under "## First Step to
 * Greatness"); those set up outside any session come after the sessions. Ticket keys become links
 * to their tracker URL. journalFromMarkdown reads the result back to the same journal.
 */

export interface JournalExportOptions extends TicketOptions {
  /** "iso" (2019-04-19, default: unambiguous everywhere) or "us" (4/19/2019, as the seed writes). */
  dateStyle?: DateStyle
  /** Links for ticket keys that the track does not know a URL for. */
  trackerBaseUrl?: string
  /**
   * First steps as "[ ]"/"[x]" checkboxes: "auto" (default) only when at least one is done, so a
   * fresh lesson plan reads like the seed's plain bullets; "always" for a checklist every time.
   */
  checkboxes?: 'auto' | 'always'
}

const text = (value: string): PhrasingContent => ({ type: 'text', value })
const heading = (depth: number, value: string): Heading => ({ type: 'heading', depth: Math.min(6, depth) as Heading['depth'], children: [text(value)] })
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })
const label = (value: string): Paragraph => paragraph({ type: 'strong', children: [text(value)] })

/** Splits text nodes at ticket keys and links the keys whose URL is known. */
function linkKeys(node: Nodes, urlOf: (key: string) => string | null, options: TicketOptions): void {
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return
  const children: Nodes[] = []
  for (const child of node.children as Nodes[]) {
    if (child.type !== 'text') {
      linkKeys(child, urlOf, options)
      children.push(child)
      continue
    }
    let at = 0
    for (const match of findTicketMatches(child.value, options)) {
      const url = urlOf(match.key)
      if (!url) continue
      if (match.start > at) children.push(text(child.value.slice(at, match.start)))
      children.push({ type: 'link', url, children: [text(match.key)] })
      at = match.end
    }
    children.push(at === 0 ? child : text(child.value.slice(at)))
  }
  ;(node as { children: Nodes[] }).children = children.filter((c) => c.type !== 'text' || c.value !== '')
}

/** Markdown item text → list item blocks (tickets linked). */
function itemBlocks(markdown: string, urlOf?: (key: string) => string | null, options: TicketOptions = {}): BlockContent[] {
  const root = parseMarkdown(markdown)
  if (urlOf) linkKeys(root, urlOf, options)
  const blocks = root.children.filter((node): node is BlockContent => node.type !== 'definition' && node.type !== 'yaml')
  return blocks.length ? blocks : [paragraph()]
}

function list(items: ListItem[]): RootContent {
  return { type: 'list', ordered: false, spread: false, children: items }
}

function item(blocks: BlockContent[], checked: boolean | null): ListItem {
  return { type: 'listItem', spread: false, checked, children: blocks }
}

function trackBlocks(track: Track, depth: number, options: JournalExportOptions): RootContent[] {
  const known = new Map(track.tickets.map((t) => [t.key, t.url]))
  const urlOf = (key: string) => known.get(key) ?? ticketUrl(key, options.trackerBaseUrl)
  const title = track.topic ? `${track.mentor} as a mentor - ${track.topic}` : `${track.mentor} as a mentor`
  const out: RootContent[] = [heading(depth, title)]
  const mentioned = new Set([...track.thoughts, ...track.firstSteps.map((s) => s.text)].flatMap((t) => findTicketKeys(t, options)))
  const extraTickets = track.tickets.filter((t) => !mentioned.has(t.key))
  if (track.thoughts.length) {
    out.push(label('Thoughts / Ideas'), list(track.thoughts.map((t) => item(itemBlocks(t, urlOf, options), null))))
  }
  if (track.firstSteps.length) {
    const boxes = options.checkboxes === 'always' || track.firstSteps.some((s) => s.done)
    if (track.thoughts.length) out.push(label('First Steps'))
    out.push(list(track.firstSteps.map((s) => item(itemBlocks(s.text, urlOf, options), boxes ? s.done : null))))
  }
  if (extraTickets.length) {
    out.push(label('Tickets'), list(extraTickets.map((t) => item([paragraph(t.url ? { type: 'link', url: t.url, children: [text(t.key)] } : text(t.key))], null))))
  }
  return out
}

function projectBlocks(project: JointProject, depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth, project.title ? `Joint project - ${project.title}` : 'Joint project')]
  if (project.notes.length) out.push(list(project.notes.map((n) => item(itemBlocks(n), null))))
  if (project.actionItems.length) {
    out.push(label('Action Items'))
    out.push(list(project.actionItems.map((a) => item(itemBlocks(a.owner ? `${a.owner}: ${a.text}` : a.text), a.done))))
  }
  return out
}

/**
 * Session notes are the writers' own Markdown and go out as written (an mdast `html` node is
 * written verbatim). Only notes with headings that would read as new sessions or tracks are
 * re-written, with those headings moved below the session's sections.
 */
function noteBlocks(notes: string, minDepth: number): RootContent[] {
  if (!notes.trim()) return []
  const blocks = parseMarkdown(notes).children
  if (!blocks.some((node) => node.type === 'heading' && node.depth < minDepth)) return [{ type: 'html', value: notes.trim() }]
  return blocks.map((node) => (node.type === 'heading' && node.depth < minDepth ? { ...node, depth: Math.min(6, minDepth) as Heading['depth'] } : node))
}

export function journalToMarkdown(journal: Journal, options: JournalExportOptions = {}): string {
  const style = options.dateStyle ?? 'iso'
  const children: RootContent[] = [heading(1, journal.title)]
  if (journal.firstDiscussed) children.push(paragraph(text(`First discussed: ${formatJournalDate(journal.firstDiscussed, style)}`)))
  const people = journal.participants.filter((p) => p.trim())
  if (people.length) children.push(paragraph(text(`Participants: ${people.join(' and ')}`)))

  const sessionIds = new Set(journal.sessions.map((s) => s.id))
  for (const session of journal.sessions) {
    const when = session.durationMinutes ? ` (${formatDuration(session.durationMinutes)})` : ''
    children.push(heading(2, `${session.title}${when}`))
    if (session.date) children.push(paragraph(text(`Date: ${formatJournalDate(session.date, style)}`)))
    children.push(...noteBlocks(session.notes, 3))
    for (const track of journal.tracks.filter((t) => t.discussedIn === session.id)) children.push(...trackBlocks(track, 3, options))
    for (const project of journal.jointProjects.filter((p) => p.discussedIn === session.id)) children.push(...projectBlocks(project, 3))
  }
  const loose = (id: string | null) => id === null || !sessionIds.has(id)
  for (const track of journal.tracks.filter((t) => loose(t.discussedIn))) children.push(...trackBlocks(track, 2, options))
  for (const project of journal.jointProjects.filter((p) => loose(p.discussedIn))) children.push(...projectBlocks(project, 2))
  return writeMarkdown({ type: 'root', children })
}
