import { toCsv, type CsvValue } from '../retro/csv.ts'
import type { ReadableFile } from './archive.ts'

/**
 * The readable side of a backup: a document's content in open formats, for people and other
 * tools (the Yjs state next to it is what a restore merges). A document's content, as the store
 * reads it out of Yjs:
 * - `collections`: its record collections (core/collections: `<collection>::<id>` root maps),
 *   removed records left out;
 * - `richText`: its rich-text fragments (session notes) as Markdown;
 * - `other`: any other root value, as JSON.
 * Each document gives `<name>.json` (everything), `<name>.md` (records and notes to read) and one
 * CSV table per collection; schedules get an .ics from the store (shared/sprint/ics.ts).
 */
export type RecordFields = Record<string, unknown>

export interface DocContent {
  /** null: the space's root document */
  key: string | null
  collections: Record<string, Record<string, RecordFields>>
  richText: Record<string, string>
  other: Record<string, unknown>
}

/** "sprint/12" → "sprint-12", the root → "space". */
export function documentBaseName(key: string | null): string {
  if (key === null) return 'space'
  return key.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'document'
}

/** A collection's records as a table: `id` first, then every field any record has, in name order. */
export function recordsTable(records: Record<string, RecordFields>): { header: string[]; rows: CsvValue[][] } {
  const fields = new Set<string>()
  for (const r of Object.values(records)) for (const f of Object.keys(r)) fields.add(f)
  const header = ['id', ...[...fields].filter((f) => f !== 'id').sort()]
  const ids = Object.keys(records).sort()
  const rows = ids.map((id) => header.map((h) => (h === 'id' ? id : cell(records[id]![h]))))
  return { header, rows }
}

function cell(value: unknown): CsvValue {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return JSON.stringify(value)
}

const TITLE_FIELDS = ['title', 'name', 'text', 'topic', 'key', 'label'] as const

function recordTitle(id: string, r: RecordFields): string {
  for (const f of TITLE_FIELDS) {
    const v = r[f]
    if (typeof v === 'string' && v.trim()) return oneLine(v).slice(0, 120)
  }
  return id
}

const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim()
const mdEscape = (s: string) => s.replace(/[\\`*_[\]<>#|~]/g, '\\$&')

function mdValue(value: unknown): string {
  if (typeof value === 'string') return value.includes('\n') ? '\n\n  ' + value.trim().split(/\r?\n/).map(mdEscape).join('  \n  ') : mdEscape(value)
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return '`' + JSON.stringify(value).replace(/`/g, "'") + '`'
  return String(value as number | boolean)
}

export function documentMarkdown(spaceName: string, title: string, content: DocContent): string {
  const out = [`# ${mdEscape(spaceName)} — ${mdEscape(title)}`, '']
  for (const name of Object.keys(content.collections).sort()) {
    const records = content.collections[name]!
    const ids = Object.keys(records).sort()
    out.push(`## ${mdEscape(name)} (${ids.length})`, '')
    for (const id of ids) {
      const r = records[id]!
      out.push(`### ${mdEscape(recordTitle(id, r))}`, '', `- **id**: ${mdEscape(id)}`)
      for (const f of Object.keys(r).sort()) out.push(`- **${mdEscape(f)}**: ${mdValue(r[f])}`)
      out.push('')
    }
  }
  for (const name of Object.keys(content.richText).sort()) {
    out.push(`## Notes: ${mdEscape(name)}`, '', content.richText[name]!.trim() || '_(empty)_', '')
  }
  return out.join('\n')
}

/** The readable files of one document (paths relative to the space's readable/ folder). */
export function readableFiles(spaceName: string, content: DocContent): ReadableFile[] {
  const base = documentBaseName(content.key)
  const title = content.key === null ? 'the space (root document)' : `document "${content.key}"`
  const files: ReadableFile[] = [
    { path: `${base}.json`, text: JSON.stringify(content, null, 2) + '\n', what: `everything in ${title}, as JSON` },
    { path: `${base}.md`, text: documentMarkdown(spaceName, title, content), what: `${title} to read: its records and notes, as Markdown` }
  ]
  for (const name of Object.keys(content.collections).sort()) {
    const { header, rows } = recordsTable(content.collections[name]!)
    files.push({ path: `tables/${base}/${documentBaseName(name)}.csv`, text: toCsv(header, rows), what: `the "${name}" records of ${title}, one row each (CSV)` })
  }
  return files
}
