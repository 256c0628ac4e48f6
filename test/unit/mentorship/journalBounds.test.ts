import { readFileSync } from 'node:fs'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { JOURNAL_LIMITS_TEXT, JOURNAL_MAX_ITEMS, journalSize } from '@shared/mentorship/journalBounds.ts'
import { journalFromMarkdown } from '@shared/mentorship/journalMarkdown.ts'
import { parseMarkdown } from '@shared/mentorship/markdownTree.ts'
import { mulberry32 } from '../../fuzz/random.ts'

/**
 * The journal import's bounds (shared/mentorship/journalBounds.ts): a file over 500 list items and
 * link definitions is refused before it is parsed, with the reason, and the count made before
 * parsing is never below what the parser then finds (else a file could pass the bound and still
 * hold thousands of items).
 */

const track = (items: string) => `# J\n\n## Intro\n\n### Daria as a mentor - React\n\n__Thoughts / Ideas__\n\n${items}\n`
const thoughts = (n: number) => track(Array.from({ length: n }, (_, i) => `* thought ${i} with **bold** and ENG-${i}`).join('\n'))

function parsed(text: string): { listItems: number; definitions: number } {
  const counts = { listItems: 0, definitions: 0 }
  const walk = (node: Nodes) => {
    if (node.type === 'listItem') counts.listItems++
    if (node.type === 'definition') counts.definitions++
    if ('children' in node) node.children.forEach(walk)
  }
  walk(parseMarkdown(text.replace(/\r\n?/g, '\n')))
  return counts
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
  for (const [name, text] of written) {
    it(name, () => {
      const size = journalSize(text)
      const found = parsed(text)
      expect(size.listItems, 'list items').toBeGreaterThanOrEqual(found.listItems)
      expect(size.definitions, 'definitions').toBeGreaterThanOrEqual(found.definitions)
    })
  }

  it('counts each item once: the seed has its 18 list items and no definition', () => {
    expect(journalSize(fixture('journal-seed.md'))).toEqual({ characters: fixture('journal-seed.md').length, listItems: 18, definitions: 0 })
  })

  it('over 300 random documents of list markers, quotes, indentation, definitions and breaks', () => {
    const next = mulberry32(10_500)
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
    const prefixes = ['', ' ', '  ', '   ', '    ', '\t', '> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '- - ', '> - ', '  - ', '-\t', '123456789. ', '1234567890. ']
    const bodies = ['a', '', '[x] task', '[r]: https://x.example', '[r] ref', '---', '* * *', '```', '~~~', '- ', 'text ]: more', '<div>', '# h', '|a|b|', '[a\\]]: https://x.example', '[', ']: https://x.example']
    for (let doc = 0; doc < 300; doc++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 30) }, () => pick(prefixes) + pick(prefixes) + pick(bodies))
      const text = lines.join(pick(['\n', '\n\n', '\r\n']))
      const size = journalSize(text)
      const found = parsed(text)
      expect(size.listItems, JSON.stringify(text)).toBeGreaterThanOrEqual(found.listItems)
      expect(size.definitions, JSON.stringify(text)).toBeGreaterThanOrEqual(found.definitions)
    }
  })
})

describe('journalFromMarkdown refuses a file over the bound, unread, and says why', () => {
  it(`reads ${JOURNAL_MAX_ITEMS} thoughts`, () => {
    const read = journalFromMarkdown(thoughts(JOURNAL_MAX_ITEMS))
    expect(read.journal.tracks[0]?.thoughts).toHaveLength(JOURNAL_MAX_ITEMS)
    expect(read.unplaced).toEqual([])
  })

  it(`refuses ${JOURNAL_MAX_ITEMS + 1} thoughts with a reason naming the count and the bound`, () => {
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

  it('still refuses a file over 200 000 characters by its length', () => {
    expect(journalFromMarkdown('x'.repeat(200_001)).unplaced[0]?.reason).toBe("the file has 200,001 characters, more than a journal's 200,000: nothing was read")
  })

  it('the import dialog states both bounds', () => {
    expect(JOURNAL_LIMITS_TEXT).toBe('up to 200,000 characters and 500 list items')
  })
})
