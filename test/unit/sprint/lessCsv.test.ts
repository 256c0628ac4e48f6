import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CsvResult, detectDelimiter, normalizeHeader, parseTrackerCsv, planTicketWrites } from '@shared/less/csvImport.ts'
import { type BacklogTicket, BacklogTicket as BacklogTicketSchema, parsePastedLines } from '@shared/less/tickets.ts'

const corpus = (name: string) => readFileSync(path.join(import.meta.dirname, 'csv', name), 'utf8')

function ok(result: CsvResult) {
  if (!result.ok) throw new Error(`expected a readable file, got: ${result.error}`)
  return result
}

describe('a Jira CSV export (all fields)', () => {
  const result = ok(parseTrackerCsv(corpus('jira-cloud-all-fields.csv'), { trackerBase: 'https://acme.atlassian.net/' }))

  it('reads every row, quoted multi-line fields and doubled quotes included, with the line each starts on', () => {
    expect(result.problems).toEqual([])
    expect(result.tickets.map((t) => [t.line, t.key, t.title])).toEqual([
      [2, 'PAY-101', 'Checkout fails when the cart has 100+ items'],
      [7, 'PAY-102', 'Refund API: idempotency keys'],
      [8, 'SRCH-7', 'Search: typo tolerance ("fuzzy") for SKUs'],
      [9, 'SRCH-8', 'Upgrade the index to v7']
    ])
  })

  it('maps Issue key, Summary, Status, Priority, Custom field (Story Points) and every Sprint column', () => {
    expect(result.columns).toMatchObject({ key: 'Issue key', title: 'Summary', status: 'Status', priority: 'Priority', trackerPoints: 'Custom field (Story Points)', trackerSprint: 'Sprint' })
    expect(result.tickets[0]).toMatchObject({ status: 'In Progress', priority: 'High', trackerPoints: '5.0', trackerSprint: 'Sprint 41, Sprint 42' })
    expect(result.tickets[2]).toMatchObject({ trackerPoints: '', trackerSprint: '' })
  })

  it('links each key to the tracker when its address is given (keys upper-cased)', () => {
    expect(result.tickets[3]!.url).toBe('https://acme.atlassian.net/browse/SRCH-8')
  })
})

describe('other real-world shapes', () => {
  it('a semicolon export from a European spreadsheet, decimal commas', () => {
    const r = ok(parseTrackerCsv(corpus('jira-excel-semicolon.csv')))
    expect(r.problems).toEqual([])
    expect(r.tickets.map((t) => [t.key, t.title, t.trackerPoints])).toEqual([
      ['OPS-1', 'Rotate the TLS certificates', '3.5'],
      ['OPS-2', 'Alerting: page on 5xx; not on 4xx', ''],
      ['OPS-3', 'Runbook for the failover', '2']
    ])
    expect(r.tickets[0]!.url).toBeUndefined()
  })

  it('a Linear export: ID, Title, Estimate, Cycle, URL; a link that is no web address is reported', () => {
    const r = ok(parseTrackerCsv(corpus('linear-export.csv')))
    expect(r.tickets.map((t) => [t.line, t.key, t.trackerSprint, t.url])).toEqual([
      [2, 'ENG-42', 'Cycle 12', 'https://linear.app/acme/issue/ENG-42/onboarding-checklist'],
      [4, 'ENG-43', 'Cycle 12', 'https://linear.app/acme/issue/ENG-43']
    ])
    expect(r.problems).toEqual([{ line: 5, message: 'ENG-44: the link is not a web address' }])
  })
})

describe('malformed exports', () => {
  it('reports each bad row with its line and keeps the good ones', () => {
    const r = ok(parseTrackerCsv(corpus('malformed-rows.csv')))
    expect(r.tickets.map((t) => [t.line, t.key])).toEqual([
      [2, 'WEB-1'],
      [10, 'WEB-6'],
      [13, 'WEB-8']
    ])
    expect(r.tickets[1]).toMatchObject({ title: 'A summary, with a comma, quoted', trackerSprint: 'Sprint 7, Sprint 8' })
    expect(r.tickets[2]!.title).toBe('Multi\nline\nsummary')
    expect(r.problems).toEqual([
      { line: 3, message: 'it has 3 fields where the header has 7 (a delimiter outside quotes, or a cut line?)' },
      { line: 4, message: '“not a key” is not an issue key (like ABC-123)' },
      { line: 6, message: 'WEB-3 has no summary' },
      { line: 7, message: 'a quoted field is not closed properly; the row was skipped' },
      { line: 8, message: 'WEB-5: “three” is not a number of story points' },
      { line: 9, message: 'WEB-1 is already on line 2; this row was skipped' },
      { line: 11, message: 'it has 8 fields where the header has 7 (a delimiter outside quotes, or a cut line?)' },
      { line: 12, message: 'it has no issue key' }
    ])
  })

  it('a quote never closed loses only its own row', () => {
    const r = ok(parseTrackerCsv(corpus('unclosed-quote.csv')))
    expect(r.tickets.map((t) => [t.line, t.key])).toEqual([
      [3, 'APP-2'],
      [4, 'APP-3']
    ])
    expect(r.problems).toEqual([{ line: 2, message: 'a quoted field is not closed properly; the row was skipped' }])
  })

  it('refuses a file without a key column, and an empty one, saying why', () => {
    expect(parseTrackerCsv(corpus('no-key-column.csv'))).toEqual({ ok: false, error: 'No “Issue key” column: this file has “Title”, “Assignee”.' })
    expect(parseTrackerCsv(corpus('empty.csv'))).toEqual({ ok: false, error: 'The file is empty.' })
    expect(parseTrackerCsv('')).toEqual({ ok: false, error: 'The file is empty.' })
  })

  it('never throws on noise', () => {
    for (const noise of ['"', '"""', ',,,\n,,,', '\u0000\u0001', 'a,b\n"', 'Issue key,Summary\n"', 'Issue key;Summary\n\r\r\n"x', 'x'.repeat(10_000)]) {
      expect(() => parseTrackerCsv(noise)).not.toThrow()
    }
  })
})

describe('header and delimiter', () => {
  it('compares headers without case, spaces or the Custom field wrapper', () => {
    expect(normalizeHeader('\uFEFF  Custom field (Story  Points) ')).toBe('story points')
    expect(normalizeHeader('Issue Key')).toBe('issue key')
  })
  it('reads the delimiter from the header line only, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';')
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',')
    expect(detectDelimiter('a\tb\tc')).toBe('\t')
    expect(detectDelimiter('single')).toBe(',')
  })
})

describe('importing into the backlog', () => {
  const stored = (fields: Partial<BacklogTicket>): BacklogTicket => BacklogTicketSchema.parse({ title: 'x', ...fields })
  let n = 0
  const context = { source: 'csv' as const, now: 1_000, by: 'Ana', newId: () => `id${++n}` }

  it('re-importing the same file updates what changed and adds nothing (the key is the identity)', () => {
    const file = ok(parseTrackerCsv(corpus('jira-cloud-all-fields.csv')))
    const first = planTicketWrites(new Map(), file.tickets, context)
    expect(first.writes.map((w) => [w.id, w.isNew])).toEqual([
      ['PAY-101', true],
      ['PAY-102', true],
      ['SRCH-7', true],
      ['SRCH-8', true]
    ])
    const backlog = new Map(first.writes.map((w) => [w.id, stored(w.fields)]))
    // people in Tandem then selected one for a sprint, assigned it and wrote notes and a link
    backlog.set('PAY-101', { ...backlog.get('PAY-101')!, forSprint: 43, teamId: 'team-a', notes: 'ask Bo', url: 'https://x.example/PAY-101' })
    const again = planTicketWrites(backlog, file.tickets, context)
    expect(again).toEqual({ writes: [], unchanged: 4 })
    // the tracker moved one ticket on: only those fields change
    const moved = file.tickets.map((t) => (t.key === 'PAY-101' ? { ...t, status: 'Done', url: 'https://acme.atlassian.net/browse/PAY-101' } : t))
    const third = planTicketWrites(backlog, moved, context)
    expect(third.writes).toEqual([{ id: 'PAY-101', isNew: false, fields: { status: 'Done', importedAt: 1_000 } }])
  })

  it('a new ticket starts in the backlog, with no team', () => {
    const [write] = planTicketWrites(new Map(), [{ key: 'abc-1', title: ' Title ' }], { ...context, source: 'typed' }).writes
    expect(write).toMatchObject({ id: 'ABC-1', isNew: true, fields: { key: 'ABC-1', title: 'Title', source: 'typed', createdBy: 'Ana' } })
    // sprint and team are not written at all (a concurrent assignment must survive a concurrent import)
    expect(write!.fields).not.toHaveProperty('teamId')
    expect(write!.fields).not.toHaveProperty('forSprint')
    expect(BacklogTicketSchema.parse(write!.fields)).toMatchObject({ forSprint: null, teamId: null })
  })

  it('tickets without a key are always new', () => {
    const { writes } = planTicketWrites(new Map(), [{ key: '', title: 'Idea' }, { key: '', title: 'Idea' }], context)
    expect(writes.map((w) => w.id)).toEqual([expect.stringMatching(/^~id\d+$/), expect.stringMatching(/^~id\d+$/)])
    expect(writes[0]!.id).not.toBe(writes[1]!.id)
  })
})

describe('pasted lines', () => {
  it('reads keys, separators, tracker links, tabs, bullets and lines without a key', () => {
    const r = parsePastedLines(
      [
        'PAY-7 Retry failed webhooks',
        'pay-8: Settle in EUR',
        '',
        '- SRCH-9 – Synonyms',
        'OPS-4\tPatch the kernel',
        'https://acme.atlassian.net/browse/WEB-12 Footer links',
        'Just an idea without a key',
        'PAY-9',
        'ftp://nope.example/PAY-10 Not a web link'
      ].join('\r\n')
    )
    expect(r.tickets).toEqual([
      { key: 'PAY-7', title: 'Retry failed webhooks' },
      { key: 'PAY-8', title: 'Settle in EUR' },
      { key: 'SRCH-9', title: 'Synonyms' },
      { key: 'OPS-4', title: 'Patch the kernel' },
      { key: 'WEB-12', title: 'Footer links', url: 'https://acme.atlassian.net/browse/WEB-12' },
      { key: '', title: 'Just an idea without a key' },
      { key: '', title: 'ftp://nope.example/PAY-10 Not a web link' }
    ])
    expect(r.problems).toEqual([{ line: 8, message: 'PAY-9 has no title' }])
  })

  it('reports a title over the limit with its line', () => {
    const r = parsePastedLines(`A-1 ok\nA-2 ${'x'.repeat(501)}`)
    expect(r.tickets).toHaveLength(1)
    expect(r.problems).toEqual([{ line: 2, message: 'the title is longer than 500 characters' }])
  })
})

describe('the stored ticket', () => {
  it('caps every field a peer writes', () => {
    const valid = BacklogTicketSchema.parse({ title: 'x', key: 'A-1' })
    expect(valid).toMatchObject({ forSprint: null, teamId: null, estimate: null, teamQuestions: [], source: 'typed' })
    expect(BacklogTicketSchema.safeParse({ title: 'x'.repeat(501) }).success).toBe(false)
    expect(BacklogTicketSchema.parse({ title: 'x', notes: 'n'.repeat(5_001), teamId: 't'.repeat(300), estimate: '1'.repeat(21) })).toMatchObject({ notes: '', teamId: null, estimate: null })
    expect(BacklogTicketSchema.parse({ title: 'x', teamQuestions: Array.from({ length: 101 }, (_, i) => ({ id: `q${i}`, text: 't' })) }).teamQuestions).toEqual([])
  })
})
