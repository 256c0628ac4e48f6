import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CsvImport } from '@shared/less/csvImport.ts'
import type { CsvValue } from '@shared/retro/csv.ts'
import { kase, type CorpusCase } from '../harness.ts'

/**
 * CSV both ways: a retro export's cells with hostile text, read back as a spreadsheet reads them
 * (shared/retro/csv.ts: no formula runs, no cell leaks into the next), and tracker CSV exports as
 * people bring them (shared/less/csvImport.ts).
 */
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../../unit/sprint/csv', name), 'utf8')
type Exported = { text: string; read: string[][] }

/** The cells read back are the cells written, text that a spreadsheet would run made inert with a leading '. */
const roundTrip = (rows: CsvValue[][]) => (v: Exported) => {
  assert.equal(v.read.length, rows.length + 1)
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const got = v.read[r + 1]![c]!
      if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell)) assert.equal(got, `'${cell}`)
      else if (typeof cell === 'string') assert.equal(got, cell)
    })
  )
}
const exportCase = (name: string, rows: CsvValue[][]) => kase('csvExport', name, rows, 'value', roundTrip(rows))
const tickets = (n: number) => (v: CsvImport) => assert.equal(v.tickets.length, n)
const header = 'Issue key,Summary,Status\r\n'

export const csvCases: CorpusCase[] = [
  exportCase('plain cells', [['a', 'b', 'c']]),
  exportCase('a formula', [['=HYPERLINK("http://evil.example","click")', 'x', 'y']]),
  exportCase('formula starters + - @ and a tab', [['+1+1', '-2+3', '@SUM(A1)'], ['\t=1', 'x', 'y']]),
  exportCase('a formula after a CR', [['\r=cmd|"/c calc"!A1', '', '']]),
  exportCase('quotes, commas and line breaks in a cell', [['He said "no", then\r\nleft', 'a,b', '"']]),
  exportCase('a lone LF and a lone CR', [['one\ntwo', 'three\rfour', 'five']]),
  exportCase('NUL and control characters', [['a\u0000b', '\u001b[31m', '\u007f']]),
  exportCase('a 100 000-character cell', [['x'.repeat(100_000), '', '']]),
  exportCase('many quotes', [['"'.repeat(10_000), '""', '"a"']]),
  exportCase('unicode: RTL override, emoji, lone surrogate', [['\u202Egnp.exe', '🙂', 'a\ud800b']]),
  exportCase('numbers, booleans and nothing', [[1, -1, 0.5], [Number.NaN, Number.POSITIVE_INFINITY, null], [true, false, undefined]]),
  exportCase('10 000 rows', Array.from({ length: 10_000 }, (_, i) => [`row ${i}`, '=1', 'x'])),

  kase('csvImport', 'a Jira export', fixture('jira-cloud-all-fields.csv'), 'value', (v: CsvImport) => assert.ok(v.tickets.length > 0)),
  kase('csvImport', 'an unclosed quote loses only its row', fixture('unclosed-quote.csv'), 'value'),
  kase('csvImport', 'rows with problems are reported with their line', fixture('malformed-rows.csv'), 'value', (v: CsvImport) => assert.ok(v.problems.every((p) => p.line > 0))),
  kase('csvImport', 'no key column', fixture('no-key-column.csv'), 'refused'),
  kase('csvImport', 'empty', '', 'refused'),
  kase('csvImport', 'only a BOM and blank lines', '\uFEFF\r\n\r\n\r\n', 'refused'),
  kase('csvImport', 'binary bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, 0xff, 0xfe]).toString('latin1'), 'refused'),
  kase('csvImport', 'a formula as a key', header + '=HYPERLINK("x"),title,Done\r\n', 'value', tickets(0)),
  kase('csvImport', 'a summary of 100 000 characters', header + `ENG-1,${'x'.repeat(100_000)},Done\r\n`, 'value'),
  kase('csvImport', '50 000 rows', () => header + Array.from({ length: 50_000 }, (_, i) => `ENG-${i + 1},Title ${i},Done`).join('\r\n'), 'value'),
  kase('csvImport', '5 000 columns', Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',') + '\r\n' + 'x,'.repeat(5000), 'refused'),
  kase('csvImport', 'a key with a path and a script', header + '../../etc/passwd,<script>,Done\r\nENG-2,"<img onerror=alert(1)>",Done\r\n', 'value', tickets(1)),
  kase('csvImport', 'a quote that never closes over 10 000 lines', header + 'ENG-1,"' + 'line\r\n'.repeat(10_000), 'value'),
  kase('csvImport', 'control characters and a direction override in what a message quotes', '\u202Eyek eussI,Sum\u0000mary\r\n\u001b[31mENG\u0007-1,x\r\n', 'refused'),
  kase('csvImport', 'control characters in a reported key and story points', 'Issue key,Summary,Story Points\r\n\u001b]0;pwned\u0007,Title,1\r\nENG-2,Title,\u202E5\u0000\r\n', 'value', (v: CsvImport) => {
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    for (const p of v.problems) assert.ok(!/[\u0000-\u001f\u007f\u202a-\u202e]/.test(p.message), `quoted as is: ${JSON.stringify(p.message)}`)
    assert.ok(v.problems.length >= 1)
  }),
  kase('csvImport', '__proto__ and constructor as column names', '__proto__,Issue key,Summary,constructor\r\n{},ENG-1,Title,x\r\n', 'value', (v: CsvImport) => {
    assert.equal(v.tickets.length, 1)
    assert.equal(Object.getPrototypeOf(v.tickets[0]), Object.prototype)
  })
]
