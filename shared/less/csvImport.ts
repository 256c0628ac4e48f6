import Papa from 'papaparse'
import { type BacklogTicket, type LineProblem, type TicketInput, LESS_LIMITS, cleanUrl, importPatch, isTicketKey, ticketIdOf } from './tickets.ts'
import { quoted } from '../text/plainText.ts'

/**
 * A CSV export of an issue tracker into the division's backlog. Made for Jira's export ("Export
 * CSV (all fields)"): a header row with `Issue key`, `Summary`, `Status`, `Priority`, `Story
 * Points` (or `Custom field (Story Points)`, `Story point estimate`), `Sprint` — Jira repeats a
 * column once per value (three sprints: three `Sprint` columns), fields with line breaks, commas
 * and quotes are quoted. Other trackers' exports with the same names (`Key`, `Title`, `Link`) read
 * the same way. The parser is papaparse; the delimiter (comma, semicolon, tab) is read from the
 * header line.
 *
 * Every row that cannot be read is reported with the line it starts on and skipped; the good rows
 * are kept. A row whose quotes are broken is skipped and reading goes on at the next line (the
 * parser would otherwise read the rest of the file into that one field).
 */
export const CSV_FIELDS = ['key', 'title', 'status', 'priority', 'trackerPoints', 'trackerSprint', 'url'] as const
export type CsvField = (typeof CSV_FIELDS)[number]

const HEADER_NAMES: Record<CsvField, readonly string[]> = {
  key: ['issue key', 'key', 'ticket key', 'ticket', 'issue', 'id'],
  title: ['summary', 'title', 'name', 'issue summary'],
  status: ['status', 'state'],
  priority: ['priority'],
  trackerPoints: ['story points', 'story point estimate', 'story points estimate', 'points', 'estimate'],
  trackerSprint: ['sprint', 'sprints', 'iteration', 'cycle'],
  url: ['url', 'link', 'issue url', 'issue link', 'web link']
}

export const CSV_FIELD_LABELS: Record<CsvField, string> = {
  key: 'Issue key',
  title: 'Summary',
  status: 'Status',
  priority: 'Priority',
  trackerPoints: 'Story Points',
  trackerSprint: 'Sprint',
  url: 'Link'
}

export interface CsvTicket extends TicketInput {
  /** the line of the file the row starts on */
  line: number
}

export interface CsvImport {
  tickets: CsvTicket[]
  problems: LineProblem[]
  /** which header (as written in the file) each field was read from; a repeated name counts once */
  columns: Partial<Record<CsvField, string>>
}

export type CsvResult = ({ ok: true } & CsvImport) | { ok: false; error: string }

/** A header as compared: lower case, single spaces, without Jira's `Custom field (…)` wrapper. */
export function normalizeHeader(name: string): string {
  const plain = name.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase()
  const custom = /^custom field \((.*)\)$/.exec(plain)
  return (custom?.[1] ?? plain).trim()
}

/** The delimiter the header line uses: the most frequent of comma, semicolon and tab outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]])
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  let best = ','
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d
  return best
}

interface RawRow {
  cells: string[]
  line: number
  broken: boolean
}

/** Every row with the line it starts on; a row with broken quotes is marked and reading resumes at the next line. */
function readRows(text: string, delimiter: string): RawRow[] {
  const breaks: number[] = []
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i)
  const lineAt = (offset: number) => {
    let lo = 0
    let hi = breaks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (breaks[mid]! < offset) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  }
  const rows: RawRow[] = []
  let offset = 0
  while (offset < text.length) {
    const base = offset
    let previous = 0
    let resumeAt: number | null = null
    Papa.parse(text.slice(base), {
      delimiter,
      skipEmptyLines: false,
      step: (result, parser) => {
        const start = base + previous
        previous = result.meta.cursor
        const broken = result.errors.some((e) => e.type === 'Quotes')
        rows.push({ cells: result.data, line: lineAt(start), broken })
        if (broken) {
          const next = text.indexOf('\n', start)
          resumeAt = next < 0 ? text.length : next + 1
          parser.abort()
        }
      }
    })
    if (resumeAt === null) break
    offset = resumeAt
  }
  return rows
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

/** Reads a tracker's CSV export. `trackerBase` (e.g. https://acme.atlassian.net) makes links `<base>/browse/<key>`. */
export function parseTrackerCsv(input: string, options: { trackerBase?: string } = {}): CsvResult {
  const text = input.replace(/^\uFEFF/, '')
  if (!text.trim()) return { ok: false, error: 'The file is empty.' }
  const rows = readRows(text, detectDelimiter(text))
  const headerAt = rows.findIndex((r) => !isBlank(r.cells))
  const header = rows[headerAt]
  if (!header || header.broken) return { ok: false, error: 'The first line is not a header row of column names.' }

  const indexes = new Map<CsvField, number[]>()
  const columns: Partial<Record<CsvField, string>> = {}
  header.cells.forEach((name, i) => {
    const normal = normalizeHeader(name)
    const field = CSV_FIELDS.find((f) => HEADER_NAMES[f].includes(normal))
    if (!field) return
    const list = indexes.get(field)
    if (list) list.push(i)
    else indexes.set(field, [i])
    columns[field] ??= name.replace(/^\uFEFF/, '').trim()
  })
  const found = header.cells.map((c) => c.trim()).filter(Boolean)
  for (const needed of ['key', 'title'] as const) {
    if (!indexes.has(needed)) {
      const names = found.slice(0, 12).map((n) => `“${quoted(n)}”`).join(', ')
      return { ok: false, error: `No “${CSV_FIELD_LABELS[needed]}” column: this file has ${names || 'no column names'}${found.length > 12 ? ' …' : ''}.` }
    }
  }

  const base = options.trackerBase ? cleanUrl(options.trackerBase.replace(/\/+$/, '')) : ''
  const width = header.cells.length
  const tickets: CsvTicket[] = []
  const problems: LineProblem[] = []
  const firstLineOf = new Map<string, number>()
  const first = (cells: readonly string[], field: CsvField) => {
    for (const i of indexes.get(field) ?? []) {
      const v = cells[i]?.trim()
      if (v) return v
    }
    return ''
  }
  const all = (cells: readonly string[], field: CsvField) => {
    const values: string[] = []
    for (const i of indexes.get(field) ?? []) {
      const v = cells[i]?.trim()
      if (v && !values.includes(v)) values.push(v)
    }
    return values
  }

  for (const row of rows.slice(headerAt + 1)) {
    const { cells, line } = row
    if (row.broken) {
      problems.push({ line, message: 'a quoted field is not closed properly; the row was skipped' })
      continue
    }
    if (isBlank(cells)) continue
    const problem = (message: string) => problems.push({ line, message })
    if (cells.length !== width) {
      problem(`it has ${cells.length} field${cells.length === 1 ? '' : 's'} where the header has ${width} (a delimiter outside quotes, or a cut line?)`)
      continue
    }
    if (tickets.length >= LESS_LIMITS.importRows) {
      problem(`only ${LESS_LIMITS.importRows} tickets are read from one file`)
      break
    }
    const rawKey = first(cells, 'key')
    if (!rawKey) {
      problem('it has no issue key')
      continue
    }
    if (!isTicketKey(rawKey)) {
      problem(`“${quoted(rawKey)}” is not an issue key (like ABC-123)`)
      continue
    }
    const key = ticketIdOf(rawKey)
    const title = first(cells, 'title')
    if (!title) {
      problem(`${key} has no summary`)
      continue
    }
    if (title.length > LESS_LIMITS.title) {
      problem(`${key}: the summary is longer than ${LESS_LIMITS.title} characters`)
      continue
    }
    const earlier = firstLineOf.get(key)
    if (earlier !== undefined) {
      problem(`${key} is already on line ${earlier}; this row was skipped`)
      continue
    }
    const points = first(cells, 'trackerPoints')
    if (points && !/^\d+(?:[.,]\d+)?$/.test(points)) {
      problem(`${key}: “${quoted(points, 20)}” is not a number of story points`)
      continue
    }
    const status = first(cells, 'status')
    const priority = first(cells, 'priority')
    const sprint = all(cells, 'trackerSprint').join(', ')
    if (status.length > LESS_LIMITS.label || priority.length > LESS_LIMITS.label || sprint.length > LESS_LIMITS.sprint) {
      problem(`${key}: its status, priority or sprint is too long`)
      continue
    }
    let url = ''
    const rawUrl = first(cells, 'url')
    if (rawUrl) {
      const cleaned = cleanUrl(rawUrl)
      if (cleaned === null) {
        problem(`${key}: the link is not a web address`)
        continue
      }
      url = cleaned
    } else if (base) {
      url = `${base}/browse/${encodeURIComponent(key)}`
    }
    firstLineOf.set(key, line)
    tickets.push({
      line,
      key,
      title,
      status,
      priority,
      trackerPoints: points.replace(',', '.'),
      trackerSprint: sprint,
      ...(url ? { url } : {})
    })
  }
  return { ok: true, tickets, problems, columns }
}

export interface TicketWrite {
  id: string
  /** a new ticket (all its fields), or the fields of an existing one that change */
  fields: Partial<BacklogTicket>
  isNew: boolean
}

/**
 * What adding these tickets writes: a key already in the backlog is updated (only what changed),
 * a new key is created; tickets without a key are always new (`newId` names them).
 */
export function planTicketWrites(
  existing: ReadonlyMap<string, BacklogTicket>,
  inputs: readonly TicketInput[],
  context: { source: BacklogTicket['source']; now: number; by: string; newId: () => string }
): { writes: TicketWrite[]; unchanged: number } {
  const writes: TicketWrite[] = []
  let unchanged = 0
  for (const input of inputs) {
    const id = input.key ? ticketIdOf(input.key) : `~${context.newId()}`
    const current = input.key ? (existing.get(id) ?? null) : null
    const patch = importPatch(current, input)
    if (current) {
      if (Object.keys(patch).length === 0) unchanged++
      else writes.push({ id, fields: { ...patch, ...(context.source === 'csv' ? { importedAt: context.now } : {}) }, isNew: false })
      continue
    }
    writes.push({
      id,
      isNew: true,
      fields: {
        ...patch,
        key: input.key ? ticketIdOf(input.key) : '',
        title: input.title.trim(),
        source: context.source,
        createdAt: context.now,
        createdBy: context.by,
        // no sprint and no team: left out rather than written as null, so that a peer who imports
        // the same file while apart cannot undo an assignment made meanwhile
        ...(context.source === 'csv' ? { importedAt: context.now } : {})
      }
    })
  }
  return { writes, unchanged }
}
