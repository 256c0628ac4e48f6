/**
 * RFC 4180 CSV: CRLF between records, a field is quoted when it holds a comma, a double quote, CR
 * or LF, and a quote inside is doubled. A header row always comes first.
 *
 * Spreadsheets run a text cell that starts with = + - @ (or a tab / CR) as a formula, so such TEXT
 * fields get a leading apostrophe (OWASP's "CSV injection" advice). Numbers are written as numbers
 * and never prefixed, so a negative number stays a number.
 */
export type CsvValue = string | number | boolean | null | undefined

const NEEDS_QUOTES = /[",\r\n]/
const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: header, then the rows, CRLF after every record (the RFC allows the last one). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('')
}

/** Rounds for display and export: 0.41666 → 0.417 with 3 digits. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
