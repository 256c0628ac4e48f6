import { readFileSync } from 'node:fs'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import {
  JOURNAL_LIMITS_TEXT,
  JOURNAL_MAX_BLOCKS,
  JOURNAL_MAX_CHARACTERS,
  JOURNAL_MAX_ITEMS,
  JOURNAL_MAX_LINES,
  JOURNAL_MAX_LINKS,
  JOURNAL_MAX_MARKS,
  JOURNAL_MAX_PARAGRAPH_LINES,
  JOURNAL_MAX_WORDS,
  journalSize
} from '@shared/mentorship/journalBounds.ts'
import { journalFromMarkdown } from '@shared/mentorship/journalMarkdown.ts'
import { parseMarkdown } from '@shared/mentorship/markdownTree.ts'
import { mulberry32 } from '../../fuzz/random.ts'
import { threeYearJournal } from './fixtures/journalYears.ts'

/**
 * The journal import's bounds (shared/mentorship/journalBounds.ts): a file over any of them
 * (characters, words, lines, list items and link definitions, blocks, links, formatting marks) is
 * refused before it is parsed, with the reason, and what is counted before parsing is never below
 * what the parser then finds (else a file could pass a bound and still hold thousands of items,
 * blocks or links).
 */

const track = (items: string) => `# J\n\n## Intro\n\n### Daria as a mentor - React\n\n__Thoughts / Ideas__\n\n${items}\n`
const thoughts = (n: number) => track(Array.from({ length: n }, (_, i) => `* thought ${i} with **bold** and ENG-${i}`).join('\n'))

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'code', 'html', 'thematicBreak', 'table', 'tableRow', 'definition', 'footnoteDefinition'])
const FLOW = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])
const LINKS = new Set(['link', 'image', 'linkReference', 'imageReference', 'html', 'footnoteReference'])

/** What the parser finds: items, definitions, lines on which a block starts (but a list item's own line), links and tags, table cells past each row's first. */
function parsed(text: string): { listItems: number; definitions: number; blocks: number; links: number; cells: number; paragraphLines: number } {
  const counts = { listItems: 0, definitions: 0, blocks: 0, links: 0, cells: 0, paragraphLines: 0 }
  const blockLines = new Set<number>()
  const itemLines = new Set<number>()
  const walk = (node: Nodes, parent: Nodes | null) => {
    const line = node.position?.start.line ?? 0
    if (node.type === 'listItem') {
      counts.listItems++
      itemLines.add(line)
    }
    if (node.type === 'definition') counts.definitions++
    // html outside the block containers (in a paragraph, a heading, a link…) is inline: a tag, counted with the links
    const inline = parent !== null && !FLOW.has(parent.type) && node.type !== 'tableRow'
    if (BLOCKS.has(node.type) && !inline) blockLines.add(line)
    if (LINKS.has(node.type) && (node.type !== 'html' || inline)) counts.links++
    if (node.type === 'tableRow') counts.cells += Math.max(0, node.children.length - 1)
    if (node.type === 'paragraph' && node.position) counts.paragraphLines = Math.max(counts.paragraphLines, node.position.end.line - node.position.start.line + 1)
    if ('children' in node) for (const child of node.children) walk(child, node)
  }
  walk(parseMarkdown(text.replace(/\r\n?/g, '\n')), null)
  counts.blocks = [...blockLines].filter((line) => !itemLines.has(line)).length
  return counts
}

function expectAtLeastParsed(text: string) {
  const size = journalSize(text)
  const found = parsed(text)
  const label = JSON.stringify(text).slice(0, 2000)
  expect(size.listItems, `list items ${label}`).toBeGreaterThanOrEqual(found.listItems)
  expect(size.definitions, `definitions ${label}`).toBeGreaterThanOrEqual(found.definitions)
  expect(size.blocks, `blocks ${label}`).toBeGreaterThanOrEqual(found.blocks)
  expect(size.links, `links ${label}`).toBeGreaterThanOrEqual(found.links)
  expect(size.links, `table cells ${label}`).toBeGreaterThanOrEqual(found.cells)
  // a paragraph's lines are one run of text lines, then lines each counted as a block
  expect(size.paragraphLines + size.blocks, `paragraph lines ${label}`).toBeGreaterThanOrEqual(found.paragraphLines)
}

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')

describe('journalSize: counted before parsing, never below what the parser finds', () => {
  const written: [string, string][] = [
    ['the seed journal', fixture('journal-seed.md')],
    ['the journal in list style', fixture('journal-lists.md')],
    ['nested and ordered items, quotes, tabs, empty items', '- a\n  - b\n    1. c\n    2) d\n> - e\n> > * f\n-\tg\n-\n+ h\n\n10. i\n   - j'],
    ['several markers on one line', '- - - a\n* 1. b\n> - > - c'],
    ['thematic breaks and setext underlines are not items', '- - -\n* * *\nText\n---\n\n___'],
    ['CR and CRLF line endings', '- a\r- b\r\n- c\r\r[x]: https://x.example\r\n'],
    ['lazy continuation lines', '- a\nlazy\n- b\n  more\n\n  - c'],
    ['definitions: titles, angle brackets, indented, in a list and a quote, a label over two lines', '[a]: https://x.example "t"\n [b]: <https://y.example>\n- [c]: https://z.example\n> [d]: https://w.example\n\n[e\nf]: https://v.example\n\n[a] [b] [e f]'],
    ['task items and items in fenced code (counted, not parsed as items)', '- [ ] a\n- [x] b\n\n```\n- not an item\n[n]: not a definition\n```'],
    ['markers past the block prefix bound are text', '  '.repeat(40) + '- deep\n' + '> - '.repeat(100) + 'x']
  ]
  for (const [name, text] of written) it(name, () => expectAtLeastParsed(text))

  it('counts each item once: the seed has its 18 list items and no definition', () => {
    expect(journalSize(fixture('journal-seed.md'))).toMatchObject({ characters: fixture('journal-seed.md').length, listItems: 18, definitions: 0 })
  })

  it('counts a paragraph once however many lines it has, and each block of the seed', () => {
    expect(journalSize('one paragraph\nover three\nlines\n\nanother').blocks).toBe(2)
    const seed = fixture('journal-seed.md')
    expect(journalSize(seed)).toMatchObject({ blocks: 13, links: 4, marks: 9, lines: 48 })
    expect(journalSize(seed).blocks).toBeGreaterThanOrEqual(parsed(seed).blocks)
  })

  const blockShapes: [string, string][] = [
    ['headings, ATX and setext', '# a\ntext\n## b\nTitle\n===\nmore\n---\nx'],
    ['a paragraph after a heading or a break, with no blank line', '# h\nafter\n***\nafter\n<div>\nstill html\n\nthen'],
    ['tables with and without pipes on their rows', 'a | b\n--|--\nrow\nrow two\n\n| x | y |\n|---|---|\n| 1 | 2 |\npara\nline\n|-|\nz'],
    ['a table under a paragraph line', 'para\nhead\n|-|\nrow\nrow'],
    ['quotes, lazy lines and quotes apart', '> a\nlazy\n> b\n\n> c\n>\n> d\n\n> > e'],
    ['HTML blocks of every kind', '<!-- c\n\nstill -->\nafter\n<script>\nx\n</script>\nafter\n<div>\n\ntext\n<a href="x">\ntext'],
    ['indented and fenced code, a fence in a list item', 'para\n\n    code\nafter\n\n```\ncode\n\nmore\n```\nafter\n- a\n\n  ```\n  x\n\nafter\nnext'],
    ['indented list markers are code', 'text\n\n    - a\n    - b\n\n\t* c\nd'],
    ['items holding blocks on their own line', '- # h\n- > q\n  more\n- a | b\n  --|--\n  r\n- ```\n  x\n  ```\n1. para\n   cont'],
    ['links, images, references, autolinks, literals and tags', '[a](b) ![c](d) [e] [f][] [g][e] <https://x.example> <b>i</b> www.x.example a@b.example https://y.example <!-- c -->\n\n[e]: https://e.example\n[f]: x\n[g]: y'],
    ['links in tables, headings and quotes', '# [a](b) <i>\n> ![c](d)\n\n| [x](y) | <b> |\n|---|---|\n| www.z.example | a@b.example |']
  ]
  for (const [name, text] of blockShapes) it(name, () => expectAtLeastParsed(text))

  it('over 300 random documents of list markers, quotes, indentation, definitions and breaks', () => {
    const next = mulberry32(10_500)
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
    const prefixes = ['', ' ', '  ', '   ', '    ', '\t', '> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '- - ', '> - ', '  - ', '-\t', '123456789. ', '1234567890. ']
    const bodies = ['a', '', '[x] task', '[r]: https://x.example', '[r] ref', '---', '* * *', '```', '~~~', '- ', 'text ]: more', '<div>', '# h', '|a|b|', '[a\\]]: https://x.example', '[', ']: https://x.example',
      'plain words', 'More text', 'a | b', '--|--', '|-|', '===', '<!--', '-->', '<script>', '</script>', '<b>x</b>', '<https://x.example>', 'www.x.example and a@b.example', '[l](u) ![i](s)', '[r]', '  ', '> quoted', '\\', '*em* _em_ `c` ~~d~~ &amp;']
    for (let doc = 0; doc < 400; doc++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 30) }, () => pick(prefixes) + pick(prefixes) + pick(bodies))
      const text = lines.map((line, i) => (i && next() < 0.3 ? '\n' : '') + line).join(pick(['\n', '\n', '\n\n', '\r\n']))
      expectAtLeastParsed(text)
    }
  })
})

const headed = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? `Note ${i}.` : `## Session ${i}`)).join('\n')
const quotes = (n: number) => Array.from({ length: n }, (_, i) => `> quote ${i}`).join('\n')
const links = (n: number) => Array.from({ length: n / 10 }, () => '[a](b) '.repeat(10)).join('\n\n')
const marks = (n: number) => Array.from({ length: n / 20 }, () => '*a* '.repeat(10)).join('\n\n')

describe('journalFromMarkdown refuses a file over a bound, unread, and says why', () => {
  it(`reads ${JOURNAL_MAX_ITEMS} thoughts`, () => {
    const read = journalFromMarkdown(thoughts(JOURNAL_MAX_ITEMS))
    expect(read.journal.tracks[0]?.thoughts).toHaveLength(JOURNAL_MAX_ITEMS)
    expect(read.unplaced).toEqual([])
  })

  it(`refuses ${JOURNAL_MAX_ITEMS + 1} thoughts with a reason naming the count and the bounds`, () => {
    const text = thoughts(JOURNAL_MAX_ITEMS + 1)
    const read = journalFromMarkdown(text)
    expect(read.journal.tracks).toEqual([])
    expect(read.journal.sessions).toEqual([])
    expect(read.unplaced).toEqual([{ line: 1, text: text.slice(0, 200), reason: 'the file has 501 list items; a journal has at most 500 list items and link definitions: nothing was read' }])
  })

  it('counts link definitions with the list items, and names both', () => {
    const text = track(Array.from({ length: 300 }, (_, i) => `* t${i}`).join('\n')) + '\n' + Array.from({ length: 201 }, (_, i) => `[r${i}]: https://x.example/${i}`).join('\n')
    expect(journalFromMarkdown(text).unplaced[0]?.reason).toBe('the file has 300 list items and 201 link definitions; a journal has at most 500 list items and link definitions: nothing was read')
  })

  const atAndOver: [string, (n: number) => string, number, string][] = [
    ['blocks (headings and paragraphs)', headed, JOURNAL_MAX_BLOCKS, 'blocks'],
    ['blocks (quote lines)', quotes, JOURNAL_MAX_BLOCKS, 'blocks'],
    ['blocks (table rows)', (n) => 'a | b\n--|--\n' + Array.from({ length: n - 2 }, (_, i) => `row ${i}`).join('\n'), JOURNAL_MAX_BLOCKS, 'blocks'],
    ['links', links, JOURNAL_MAX_LINKS, 'links, tags and table cells'],
    ['formatting marks', marks, JOURNAL_MAX_MARKS, 'formatting marks'],
    ['lines', (n) => Array.from({ length: n }, (_, i) => (i % 101 === 100 ? '' : 'a')).join('\n'), JOURNAL_MAX_LINES, 'lines'],
    ['words', (n) => 'a '.repeat(n), JOURNAL_MAX_WORDS, 'words']
  ]
  for (const [name, make, limit, unit] of atAndOver) {
    it(`reads ${name} at the bound and refuses one more`, () => {
      expect(journalSize(make(limit))).toMatchObject({ [unit === 'links, tags and table cells' ? 'links' : unit === 'formatting marks' ? 'marks' : unit]: limit })
      expect(journalFromMarkdown(make(limit)).unplaced.map((i) => i.reason)).not.toContainEqual(expect.stringMatching(/nothing was read/))
      const over = make(limit + (name === 'links' ? 10 : name === 'formatting marks' ? 20 : 1))
      expect(journalFromMarkdown(over).unplaced[0]?.reason).toMatch(new RegExp(`^the file has [\\d,]+ ${unit}; a journal has at most`))
    })
  }

  it(`reads a paragraph of ${JOURNAL_MAX_PARAGRAPH_LINES} lines and refuses one of ${JOURNAL_MAX_PARAGRAPH_LINES + 1}, hard breaks or not`, () => {
    const paragraph = (n: number, end = '\n') => Array.from({ length: n }, (_, i) => `words of line ${i}`).join(end)
    expect(journalSize(paragraph(JOURNAL_MAX_PARAGRAPH_LINES)).paragraphLines).toBe(JOURNAL_MAX_PARAGRAPH_LINES)
    expect(journalFromMarkdown(paragraph(JOURNAL_MAX_PARAGRAPH_LINES)).unplaced[0]?.reason ?? '').not.toMatch(/nothing was read/)
    for (const end of ['\n', '  \n', '\\\n']) {
      expect(journalFromMarkdown(paragraph(JOURNAL_MAX_PARAGRAPH_LINES + 1, end)).unplaced[0]?.reason).toBe('the file has a paragraph of 201 lines; a journal has at most 200 lines in a paragraph: nothing was read')
    }
    // a heading, a list item or a blank line ends the run
    expect(journalSize(`${paragraph(150)}\n# h\n${paragraph(150)}\n- item\n${paragraph(150)}\n\n${paragraph(150)}`).paragraphLines).toBe(150)
  })

  it('names every bound a file is over, in one message', () => {
    const text = quotes(800) + '\n\n' + links(900)
    expect(journalFromMarkdown(text).unplaced[0]?.reason).toBe('the file has 890 blocks, 900 links, tags and table cells; a journal has at most 750 blocks, 800 links, tags and table cells: nothing was read')
    const everything = ('- [a](b) **a** _b_ `c` & ' + 'wo '.repeat(20) + '\n[r]: x\n> q\n').repeat(700)
    const reason = journalFromMarkdown(everything).unplaced[0]?.reason ?? ''
    expect(reason).toMatch(/^the file has [\d,]+ words, [\d,]+ lines, [\d,]+ list items and [\d,]+ link definitions, [\d,]+ blocks, [\d,]+ links, tags and table cells, [\d,]+ formatting marks; a journal has at most 12,000 words, 1,500 lines, 500 list items and link definitions, 750 blocks, 800 links, tags and table cells, 5,000 formatting marks: nothing was read$/)
    expect(reason.length).toBeLessThan(400)
  })

  it('refuses a file over 80 000 characters by its length', () => {
    expect(journalFromMarkdown('x'.repeat(JOURNAL_MAX_CHARACTERS + 1)).unplaced[0]?.reason).toBe("the file has 80,001 characters, more than a journal's 80,000: nothing was read")
  })

  it('reads three years of monthly sessions, each count at most half its bound but the items', () => {
    const text = threeYearJournal()
    const size = journalSize(text)
    expect(size.characters).toBeLessThan(JOURNAL_MAX_CHARACTERS / 2)
    expect(size.words).toBeLessThan(JOURNAL_MAX_WORDS / 2)
    expect(size.lines).toBeLessThan(JOURNAL_MAX_LINES * 0.6)
    expect(size.listItems + size.definitions).toBeLessThan(JOURNAL_MAX_ITEMS / 2)
    expect(size.blocks).toBeLessThan(JOURNAL_MAX_BLOCKS / 2)
    expect(size.links).toBeLessThan(JOURNAL_MAX_LINKS / 4)
    expect(size.marks).toBeLessThan(JOURNAL_MAX_MARKS / 4)
    const read = journalFromMarkdown(text)
    expect(read.unplaced).toEqual([])
    expect(read.journal.sessions).toHaveLength(38)
  })

  it('the import dialog states every bound', () => {
    expect(JOURNAL_LIMITS_TEXT).toBe('up to 80,000 characters (12,000 words) in 1,500 lines (200 a paragraph), 500 list items, 750 blocks (headings, paragraphs, quote lines, table rows), 800 links, HTML tags and table cells and 5,000 formatting marks')
  })
})
