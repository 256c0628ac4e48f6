import type { ListItem, Nodes, Paragraph } from 'mdast'
import { parseDuration, parseJournalDate } from './journalDates.ts'
import { blocksToMarkdown, plainText } from './markdownTree.ts'
import { findTicketKeys, isTicketKey, ticketKeyInUrl, type TicketOptions } from '../tickets/tickets.ts'

/**
 * Recognising the parts of a pair's journal by what they say, not by heading level:
 * "Daria as a mentor - React & Redux" is a track, "Joint project - …" a joint project, anything
 * else a session ("The Intro (35 mins)"); "__Thoughts / Ideas__" and "**First Steps**" are labels.
 */

export type HeadingKind =
  | { kind: 'track'; mentor: string; topic: string }
  | { kind: 'project'; title: string }
  | { kind: 'session'; title: string; date: string | null; durationMinutes: number | null }

const TRACK = /^(.+?)\s+as\s+(?:an?\s+|the\s+)?mentor\b\s*(?:[-–—:]\s*(.*))?$/i
const PROJECT = /^joint\s+project\b\s*(?:[-–—:]\s*(.*))?$/i

export function headingKind(text: string): HeadingKind {
  const clean = text.replace(/\s+/g, ' ').trim()
  const track = TRACK.exec(clean)
  if (track) return { kind: 'track', mentor: track[1]?.trim() ?? '', topic: track[2]?.trim() ?? '' }
  const project = PROJECT.exec(clean)
  if (project) return { kind: 'project', title: project[1]?.trim() ?? '' }
  // "The Intro (35 mins)", "Kick-off (4/19/2019, 1 hour)": a trailing parenthesis of durations/dates.
  const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(clean)
  const when = paren ? dateAndDuration(paren[2] ?? '') : null
  if (paren && when) return { kind: 'session', title: paren[1] ?? '', ...when }
  return { kind: 'session', title: clean, date: null, durationMinutes: null }
}

/** "35 mins" or "4/19/2019, 1 hour" → both parts; null unless every part is one of them. */
function dateAndDuration(text: string): { date: string | null; durationMinutes: number | null } | null {
  const parts = text.split(/[,;·|]/).map((p) => p.trim()).filter(Boolean)
  if (parts.length === 0) return null
  let date: string | null = null
  let durationMinutes: number | null = null
  for (const part of parts) {
    const minutes = parseDuration(part)
    const day = parseJournalDate(part)
    if (minutes !== null && durationMinutes === null) durationMinutes = minutes
    else if (day !== null && date === null) date = day
    else return null
  }
  return { date, durationMinutes }
}

export type TrackLabel = 'thoughts' | 'firstSteps' | 'tickets'
export type ProjectLabel = 'notes' | 'actionItems'

function normaliseLabel(text: string): string {
  return text.toLowerCase().replace(/[:.]+$/, '').replace(/\s*([/&])\s*/g, ' $1 ').replace(/\s+/g, ' ').trim()
}

export function trackLabel(text: string): TrackLabel | null {
  const label = normaliseLabel(text)
  if (/^(?:thoughts?|ideas?|thoughts? (?:[/&]|and) ideas?)$/.test(label)) return 'thoughts'
  if (/^(?:first steps?|next steps?|lesson plan|action items?)$/.test(label)) return 'firstSteps'
  if (/^(?:(?:linked |work )?tickets?)$/.test(label)) return 'tickets'
  return null
}

export function projectLabel(text: string): ProjectLabel | null {
  const label = normaliseLabel(text)
  if (/^(?:notes?|thoughts?|ideas?|thoughts? (?:[/&]|and) ideas?)$/.test(label)) return 'notes'
  if (/^(?:action items?|next steps?|first steps?|to ?dos?)$/.test(label)) return 'actionItems'
  return null
}

/** A paragraph that is only a label ("__Thoughts / Ideas__", "**First Steps:**", "Tickets:"). */
export function labelText(paragraph: Paragraph): string | null {
  const text = plainText(paragraph).trim()
  return text && !text.includes('\n') && text.length <= 40 ? text : null
}

export interface HeaderLine {
  field: 'firstDiscussed' | 'participants' | 'date' | 'duration'
  value: string
}

/** "First discussed: 4/2/2019", "Participants: Daria and Bruce", "Date: 4/19/2019", "Duration: 1 hour". */
export function headerLine(line: string): HeaderLine | null {
  // trimmed first: a lazy value before `\s*$` would try every end of a long run of spaces (quadratic)
  const m = /^\s*(first\s+discussed(?:\s+on)?|participants|pair|date|duration)\s*(?::|-|–|—)?\s*(.+)$/i.exec(line.trimEnd())
  if (!m) return null
  const name = (m[1] ?? '').toLowerCase()
  const value = m[2] ?? ''
  if (name.startsWith('first')) return parseJournalDate(value) ? { field: 'firstDiscussed', value } : null
  if (name === 'date') return parseJournalDate(value) ? { field: 'date', value } : null
  if (name === 'duration') return parseDuration(value) !== null ? { field: 'duration', value } : null
  return { field: 'participants', value }
}

/** "Daria and Bruce", "Daria & Bruce", "Daria, Bruce" → ["Daria", "Bruce"]. */
export function splitParticipants(text: string): string[] {
  return text.split(/\s*(?:,|&|\+|\band\b)\s*/i).map((name) => name.trim()).filter(Boolean)
}

export interface FoundTicket {
  key: string
  url: string | null
}

export interface ItemContent {
  /** The item as Markdown; a link whose text is a ticket key becomes the bare key. */
  text: string
  /** GFM task state: true/false for "[x]"/"[ ]", null for a plain bullet. */
  checked: boolean | null
  tickets: FoundTicket[]
}

function collectTickets(node: Nodes, options: TicketOptions, found: FoundTicket[], unlink: boolean): void {
  if (node.type === 'text') {
    for (const key of findTicketKeys(node.value, options)) found.push({ key, url: null })
    return
  }
  if (!('children' in node)) return
  node.children.forEach((child, index) => {
    if (child.type === 'link') {
      const label = plainText(child).trim()
      if (unlink && isTicketKey(label, options)) {
        found.push({ key: label, url: child.url })
        ;(node.children as Nodes[])[index] = { type: 'text', value: label }
        return
      }
      const key = ticketKeyInUrl(child.url)
      if (key) found.push({ key, url: child.url })
    }
    collectTickets(child, options, found, unlink)
  })
}

/**
 * A list item's Markdown, task state and ticket mentions. With `unlinkTickets` (tracks, whose
 * tickets are kept apart with their URLs), "[ENG-8504](https://…/ENG-8504)" becomes "ENG-8504".
 */
export function itemContent(item: ListItem, options: TicketOptions, unlinkTickets: boolean): ItemContent {
  const tickets: FoundTicket[] = []
  for (const child of item.children) collectTickets(child, options, tickets, unlinkTickets)
  return { text: blocksToMarkdown(item.children), checked: item.checked ?? null, tickets }
}
