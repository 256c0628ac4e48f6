/**
 * Work-tracker ticket keys in free text ("Work on ENG-8504"): finding them and turning them into
 * links to the organisation's tracker (e.g. https://shippo.atlassian.net/browse/).
 *
 * A key is `/\b[A-Z][A-Z0-9]+-\d+\b/`: a project prefix in capitals, a dash, a number. Text such as
 * "UTF-8", "ISO-8601" or "SHA-256" has the same shape, so a few well-known non-ticket prefixes are
 * skipped, and an organisation can list its own project prefixes to accept only those. A key that
 * is part of a URL or a path ("…/browse/ENG-8504") is not a new ticket mention.
 */

import { MAX_URL_LENGTH, safeHttpUrl } from '../links/safeUrl.ts'

export const TICKET_KEY_PATTERN = /\b[A-Z][A-Z0-9]+-\d+\b/g

/** Prefixes that look like ticket keys but are standards, encodings or hashes. */
export const NOT_TICKET_PREFIXES: readonly string[] = [
  'AES', 'CVE', 'COVID', 'HTTP', 'IPV', 'ISO', 'MD', 'RFC', 'RSA', 'SHA', 'TLS', 'UTF', 'WCAG'
]

export interface TicketOptions {
  /** Accept only these project prefixes (e.g. ["ENG", "OPS"]); default: any prefix but NOT_TICKET_PREFIXES. */
  projects?: readonly string[]
}

export interface TicketMatch {
  key: string
  start: number
  end: number
}

export type LinkedSegment = { kind: 'text'; text: string } | { kind: 'ticket'; key: string; url: string | null }

function accepts(key: string, options: TicketOptions): boolean {
  const prefix = key.slice(0, key.indexOf('-'))
  if (options.projects) return options.projects.includes(prefix)
  return !NOT_TICKET_PREFIXES.includes(prefix)
}

/** Every ticket key mention in the text, in order, with its position. */
export function findTicketMatches(text: string, options: TicketOptions = {}): TicketMatch[] {
  const found: TicketMatch[] = []
  for (const match of text.matchAll(TICKET_KEY_PATTERN)) {
    const start = match.index
    const before = start > 0 ? text[start - 1] : ''
    if (before && /[/#=?&.:@-]/.test(before)) continue
    if (!accepts(match[0], options)) continue
    found.push({ key: match[0], start, end: start + match[0].length })
  }
  return found
}

/** The distinct ticket keys in the text, in order of first mention. */
export function findTicketKeys(text: string, options: TicketOptions = {}): string[] {
  return [...new Set(findTicketMatches(text, options).map((m) => m.key))]
}

/** True when the whole (trimmed) text is one ticket key. */
export function isTicketKey(text: string, options: TicketOptions = {}): boolean {
  const matches = findTicketMatches(text.trim(), options)
  return matches.length === 1 && matches[0]?.key === text.trim()
}

/**
 * The tracker link for a key: base URL + key. A base without a trailing slash gets one, so
 * "https://shippo.atlassian.net/browse" and ".../browse/" both work. No base → null.
 */
export function ticketUrl(key: string, trackerBaseUrl: string | null | undefined): string | null {
  const base = trackerBaseUrl?.trim()
  if (!base) return null
  // only a web address becomes a link (a peer could set `javascript:` as the tracker)
  return safeHttpUrl((base.endsWith('/') ? base : base + '/') + key)
}

/** The key a tracker URL points at ("https://x.atlassian.net/browse/ENG-8504" → "ENG-8504"), if any. */
export function ticketKeyInUrl(url: string): string | null {
  // the last path segment, found without a backtracking pattern (a peer's URL can be huge)
  let path = url.length > MAX_URL_LENGTH ? url.slice(-200) : url
  const cut = path.search(/[?#]/)
  if (cut >= 0) path = path.slice(0, cut)
  if (path.endsWith('/')) path = path.slice(0, -1)
  const isKey = (s: string) => s.length <= 64 && /^[A-Z][A-Z0-9]+-\d+$/.test(s)
  const last = path.slice(path.lastIndexOf('/') + 1)
  if (isKey(last)) return last
  // a key at the very end of a query ("…?selectedIssue=ENG-8504")
  const tail = url.slice(-65)
  const token = tail.slice(Math.max(tail.lastIndexOf('='), tail.lastIndexOf('/'), tail.lastIndexOf('&')) + 1)
  return isKey(token) ? token : null
}

/**
 * Splits text into plain segments and ticket segments, ready to render as links:
 * linkTickets("Work on ENG-8504", "https://shippo.atlassian.net/browse/")
 *   → [{kind: 'text', text: 'Work on '}, {kind: 'ticket', key: 'ENG-8504', url: 'https://…/ENG-8504'}]
 */
export function linkTickets(text: string, trackerBaseUrl: string | null | undefined, options: TicketOptions = {}): LinkedSegment[] {
  const segments: LinkedSegment[] = []
  let at = 0
  for (const match of findTicketMatches(text, options)) {
    if (match.start > at) segments.push({ kind: 'text', text: text.slice(at, match.start) })
    segments.push({ kind: 'ticket', key: match.key, url: ticketUrl(match.key, trackerBaseUrl) })
    at = match.end
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) })
  return segments
}

/** Checks a tracker base URL typed by a user. */
export function cleanTrackerBaseUrl(raw: string): { ok: true; url: string } | { ok: false; error: string } {
  const url = raw.trim()
  if (!url) return { ok: true, url: '' }
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/i.test(url)) {
    return { ok: false, error: 'A tracker address starts with https:// — e.g. https://acme.atlassian.net/browse/' }
  }
  return { ok: true, url }
}
