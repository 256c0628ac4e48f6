import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { JournalImport } from '@shared/mentorship/journalImport.ts'
import { kase, type CorpusCase } from '../harness.ts'

/**
 * Journals imported as Markdown (shared/mentorship/journalImport.ts) and a peer's list items as the
 * screen parses them (InlineMarkdown: shared/mentorship/markdownTree.ts, then ticket keys), including
 * the inputs of issue 10 #12: a 40 KB header line, a 6 000-character thought.
 */
const file = (name: string) => readFileSync(path.join(import.meta.dirname, 'files', name), 'utf8')
const seed = readFileSync(path.join(import.meta.dirname, '../../../fixtures/journal-seed.md'), 'utf8')
const times = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n)
const header = (line: string) => `# Pair journal\n\nFirst discussed: 4/2/2019\nParticipants: Daria and Bruce\n\n${line}\n`
const track = (items: string) => `# J\n\n## Intro\n\n### Daria as a mentor - React\n\n__Thoughts / Ideas__\n\n${items}\n`

/** Whatever the importer read, it kept a place for: nothing dropped without a word. */
const readable = (v: JournalImport) => {
  assert.ok(Array.isArray(v.unplaced) && Array.isArray(v.warnings))
  for (const issue of [...v.unplaced, ...v.warnings]) assert.ok(issue.reason.length > 0 && issue.reason.length < 300)
}
const noUnsafeLinks = (v: JournalImport) => {
  readable(v)
  for (const t of v.journal.tracks) for (const ticket of t.tickets) assert.ok(ticket.url === null || /^https?:\/\//.test(ticket.url), ticket.url ?? '')
}
const thoughts = (n: number) => (v: JournalImport) => {
  readable(v)
  assert.equal(v.journal.tracks[0]?.thoughts.length, n)
}
/** Refused before parsing (shared/mentorship/journalBounds.ts): nothing read, and the reason says why. */
const unread = (reason: RegExp) => (v: JournalImport) => {
  readable(v)
  assert.equal(v.journal.sessions.length + v.journal.tracks.length, 0)
  assert.match(v.unplaced[0]?.reason ?? '', reason)
  assert.match(v.unplaced[0]?.reason ?? '', /nothing was read/)
}
const thoughtLines = (n: number) => Array.from({ length: n }, (_, i) => `* thought ${i} with **bold** and ENG-${i}`).join('\n')
const directionLines = (n: number) => Array.from({ length: n }, (_, i) => `- Daria as a mentor - topic ${i}\n  - step`).join('\n')
const definitions = (n: number) => Array.from({ length: n }, (_, i) => `[r${i}]: https://x.example/${i}`).join('\n') + '\n\n[r1] [r2]'
/** 200 KB of one shape (issue 10: each took 0.5–4 s before the bounds), and the same shape at its bound (shared/mentorship/journalBounds.ts) */
const fill = (unit: (i: number) => string, chars: number, head = '') => {
  let text = head
  for (let i = 0; text.length < chars; i++) text += unit(i)
  return text.slice(0, chars)
}
const upTo = (unit: (i: number) => string, n: number, head = '') => head + Array.from({ length: n }, (_, i) => unit(i)).join('')
const shapes: [string, (i: number) => string, number, string?][] = [
  ['short paragraphs', (i) => `Note ${i}.\n\n`, 750],
  ['table rows', (i) => `row ${i}\n`, 748, 'a | b\n--|--\n'],
  ['quote lines', (i) => `> quote ${i}\n`, 750],
  ['headings', (i) => `## Session ${i}\n`, 750],
  ['session notes full of links', (i) => `[ENG-${i}](https://t.example/ENG-${i}) ${i % 10 === 9 ? '\n\n' : ''}`, 400, '# J\n\n## Sync (1 hour)\n\n'],
  ['inline HTML', (i) => `<b>${i}</b>${i % 10 === 9 ? '\n\n' : ' '}`, 400]
]
const shapeCases = shapes.flatMap(([name, unit, atBound, head]) => [
  kase('journalMarkdown', `200 KB of ${name} are refused unread, with a reason`, () => fill(unit, 200_000, head), 'value', unread(/the file has [\d,]+ characters, more than a journal's 80,000/)),
  kase('journalMarkdown', `80 KB of ${name} are refused unread, with a reason`, () => fill(unit, 79_000, head), 'value', unread(/the file has .*(blocks|links|lines).*; a journal has at most/)),
  kase('journalMarkdown', `${name} at the journal's bound are read`, () => upTo(unit, atBound, head), 'value', readable)
])
/** what one parse reads as code or HTML holds no session, however the long file is cut into pieces */
const noSessions = (v: JournalImport) => {
  readable(v)
  assert.equal(v.journal.sessions.length, 0)
}
type Inline = { text: string; segments: number; blocks: number }
const keepsText = (want: string) => (v: Inline) => assert.equal(v.text.replace(/\s+/g, ''), want.replace(/\s+/g, ''))

export const journalCases: CorpusCase[] = [
  ...shapeCases,
  kase('journalMarkdown', 'prose at the word bound, in paragraphs of 200 lines', () => Array.from({ length: 7 }, () => ('wo '.repeat(8) + '\n').repeat(200)).join('\n'), 'value', readable),
  kase('journalMarkdown', 'paragraphs of 200 lines with hard breaks', () => Array.from({ length: 7 }, () => 'wo wo wo wo wo wo wo wo  \n'.repeat(200)).join('\n'), 'value', readable),
  kase('journalMarkdown', 'a paragraph of 1 500 lines is refused unread, with a reason', () => ('wo '.repeat(8) + '\n').repeat(1500), 'value', unread(/the file has a paragraph of 1,500 lines; a journal has at most 200 lines in a paragraph/)),
  kase('journalMarkdown', '5 000 formatting marks (entities and emphasis) are read', () => Array.from({ length: 200 }, () => '&amp; *a* _b_ '.repeat(5)).join('\n\n'), 'value', readable),
  kase('journalMarkdown', '60 KB of entity references are refused unread, with a reason', () => times('&amp;', 60_000), 'value', unread(/formatting marks/)),
  kase('journalMarkdown', 'a fence the piece cutter misreads ("```a`b"), then 740 headings the parser reads as code', () => '```a`b\ntext\n```\n\n' + Array.from({ length: 740 }, (_, i) => `# heading ${i}`).join('\n\n'), 'value', noSessions),
  kase('journalMarkdown', 'an HTML block running over 740 lines with no blank line, headings among them', () => '<div>\n' + Array.from({ length: 740 }, (_, i) => (i % 50 === 0 ? `# heading ${i}` : `text ${i}`)).join('\n'), 'value', noSessions),
  kase('journalMarkdown', 'a 60 KB table row of cells is refused unread, with a reason', () => '| ' + 'a | '.repeat(10_000) + '\n|' + '-|'.repeat(10_000), 'value', unread(/links, tags and table cells/)),
  kase('journalMarkdown', 'the seed journal', seed, 'value', (v: JournalImport) => {
    readable(v)
    assert.equal(v.journal.title, 'First SMP Process')
  }),
  kase('journalMarkdown', 'empty', '', 'value', readable),
  kase('journalMarkdown', 'only whitespace and line breaks', ' \n\r\n\t\n'.repeat(1000), 'value', readable),
  kase('journalMarkdown', 'javascript:, file: and data: links stay text', file('journal-hostile.md'), 'value', noUnsafeLinks),
  kase('journalMarkdown', 'a 40 KB heading of emphasis delimiters', '# ' + times('*_', 40_000), 'value', readable),
  kase('journalMarkdown', 'a 40 KB heading of *a', '# ' + times('*a', 40_000), 'value', readable),
  kase('journalMarkdown', 'a 40 KB heading of links', '# ' + times('[a](b', 40_000), 'value', readable),
  kase('journalMarkdown', 'a 40 KB header line of spaces', header('First discussed: 4/2' + ' '.repeat(40_000) + 'x'), 'value', readable),
  kase('journalMarkdown', 'a 40 KB header line of spaces and tabs', header('Participants: Daria' + ' \t'.repeat(20_000) + 'Bruce'), 'value', readable),
  kase('journalMarkdown', 'a 40 KB session heading of parentheses', '# J\n\n## ' + times('(', 40_000), 'value', readable),
  kase('journalMarkdown', 'a session heading with 5 000 durations', '# J\n\n## S (' + '1 hour, '.repeat(5000) + ')', 'value', readable),
  kase('journalMarkdown', 'a 40 KB track heading of "as mentor"', '# J\n\n## ' + times('a as mentor ', 40_000), 'value', readable),
  kase('journalMarkdown', 'a 4 000-character thought of delimiters', track('* ' + times('*_', 4000)), 'value', thoughts(1)),
  kase('journalMarkdown', '1 000 thoughts are refused unread, with a reason', track(thoughtLines(1000)), 'value', unread(/the file has .*\b1,000 list items\b.*; a journal has at most .*\b500 list items/)),
  kase('journalMarkdown', '500 thoughts, the most a journal holds, are read', track(thoughtLines(500)), 'value', thoughts(500)),
  kase('journalMarkdown', 'lists nested 300 deep', track(Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}* level ${i}`).join('\n')), 'value', readable),
  kase('journalMarkdown', 'block quotes and lists nested 2 000 deep on one line', '> - '.repeat(2000) + 'deep', 'value', readable),
  kase('journalMarkdown', 'a file of 250 000 characters is refused unread, with a reason', () => '# J\n\n' + 'x'.repeat(250_000), 'value', (v: JournalImport) => {
    readable(v)
    assert.equal(v.journal.sessions.length, 0)
    assert.match(v.unplaced[0]?.reason ?? '', /nothing was read/)
  }),
  kase('journalMarkdown', 'block quotes nested 5 000 deep', '>'.repeat(5000) + ' deep', 'value', readable),
  kase('journalMarkdown', 'an unclosed code fence swallowing the rest', '# J\n\n```\n' + '## Not a session\n'.repeat(1000), 'value', readable),
  kase('journalMarkdown', 'a table of 200 columns', '| ' + 'a | '.repeat(200) + '\n|' + '---|'.repeat(200) + '\n| ' + 'x | '.repeat(200), 'value', readable),
  kase('journalMarkdown', 'raw HTML and script', '# J\n\n<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>', 'value', readable),
  kase('journalMarkdown', 'NUL, ESC and lone surrogates', '# J\u0000\u001b[2J\n\n## S\ud800\n\nDate: 4/19/2019\u0000', 'value', readable),
  kase('journalMarkdown', 'CRLF and lone CR line endings', '# J\r\rFirst discussed: 4/2/2019\r\nParticipants: A and B\r\r## S\r', 'value', readable),
  kase('journalMarkdown', 'a 100 000-character ticket URL', track(`* [ENG-1](https://tracker.example/${'a'.repeat(100_000)})`), 'value', noUnsafeLinks),
  kase('journalMarkdown', '1 000 reference definitions are refused unread, with a reason', definitions(1000), 'value', unread(/the file has .*\b1,000 link definitions\b.*; a journal has at most .*\b500 list items and link definitions/)),
  kase('journalMarkdown', '500 reference definitions are read', definitions(500), 'value', readable),
  kase('journalMarkdown', 'a 40 KB paragraph of entity references', times('&amp;&#x41;&#65;', 40_000), 'value', readable),
  kase('journalMarkdown', 'a 40 KB line of backslashes and backticks', times('\\`', 40_000), 'value', readable),

  kase('inlineMarkdown', 'an honest thought', 'Pair on **ENG-8504** and read [the doc](https://x.example)', 'value', (v: Inline) => assert.equal(v.segments, 3)),
  kase('inlineMarkdown', 'a 6 000-character thought of *_', times('*_', 6000), 'value', keepsText(times('*_', 6000))),
  kase('inlineMarkdown', 'a 20 000-character thought of *a', times('*a', 20_000), 'value', keepsText(times('*a', 20_000))),
  kase('inlineMarkdown', 'a 20 000-character thought of ~a', times('~a', 20_000), 'value', keepsText(times('~a', 20_000))),
  kase('inlineMarkdown', 'a 20 000-character thought of `a', times('`a', 20_000), 'value', keepsText(times('`a', 20_000))),
  kase('inlineMarkdown', 'a 20 000-character thought of [a](b', times('[a](b', 20_000), 'value', keepsText(times('[a](b', 20_000))),
  kase('inlineMarkdown', 'a 20 000-character thought of [a]', times('[a]', 20_000), 'value', keepsText(times('[a]', 20_000))),
  kase('inlineMarkdown', 'a 20 000-character thought of ![a', times('![a', 20_000), 'value'),
  kase('inlineMarkdown', 'a 20 000-character thought of _a', times('_a', 20_000), 'value', keepsText(times('_a', 20_000))),
  kase('inlineMarkdown', 'a 20 000-character thought of www.a', times('www.a ', 20_000), 'value'),
  kase('inlineMarkdown', 'a 20 000-character thought of emails', times('a@b.c ', 20_000), 'value'),
  kase('inlineMarkdown', 'a 20 000-character thought of <a>', times('<a>', 20_000), 'value'),
  kase('inlineMarkdown', 'a 20 000-character thought of ticket keys', times('ENG-1 ', 20_000), 'value', (v: Inline) => assert.ok(v.segments > 3000)),
  kase('inlineMarkdown', 'formatting under the budget is kept', '**bold** _em_ ~~del~~ `code`', 'value', keepsText('boldemdelcode')),
  kase('inlineMarkdown', 'a list of 400 bold items keeps its formatting', Array.from({ length: 400 }, () => '* **bold**').join('\n'), 'value', (v: Inline) => assert.ok(!v.text.includes('*'))),
  kase('inlineMarkdown', 'private-use stand-ins typed by a peer', '\ue02a\ue05f plain', 'value'),
  // issue 15: directions written as list items, and how they can go wrong
  kase('journalMarkdown', 'a direction as a list item with nothing under it', header('## Kickoff\n\n1. Daria as a mentor — React\n2. Bruce as a mentor'), 'value', (v: JournalImport) => {
    readable(v)
    assert.deepEqual(v.journal.tracks.map((t) => [t.mentor, t.topic]), [['Daria', 'React'], ['Bruce', '']])
  }),
  kase('journalMarkdown', '"as a mentor" in a sentence is no direction', header('## Kickoff\n\n- We agreed that I see Daria Petrova from the web team as a mentor - mostly'), 'value', (v: JournalImport) => {
    readable(v)
    assert.equal(v.journal.tracks.length, 0)
  }),
  kase('journalMarkdown', '1 000 direction list items are refused unread, with a reason', () => header(`## Kickoff\n\n${directionLines(1000)}`), 'value', unread(/the file has .*\b2,000 list items\b.*; a journal has at most .*\b500 list items/)),
  kase('journalMarkdown', '250 direction list items with a step each, the most a journal holds, are read', () => header(`## Kickoff\n\n${directionLines(250)}`), 'value', (v: JournalImport) => {
    readable(v)
    assert.equal(v.journal.tracks.length, 250)
  }),
  kase('journalMarkdown', 'a direction item nested 1 000 deep in labels', () => header(`## Kickoff\n\n- Daria as a mentor - x\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i + 1)}- Thoughts`).join('\n')}`), 'value', readable),
  kase('journalMarkdown', 'a label item with a 10 000-character colon run', () => header(`## Kickoff\n\n- Joint project - x\n  - Notes: ${':'.repeat(10_000)}`), 'value', readable),
  kase('journalMarkdown', 'a bold line direction before any session', '# J\n\n**Daria as a mentor — React**\n\n* step\n', 'value', readable)
]
