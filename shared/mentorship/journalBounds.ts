import { MAX_BLOCK_PREFIX } from './markdownTree.ts'

/**
 * How large a journal file the import reads (issue 10: every parser is bounded before it parses,
 * and each malformed input ends within 200 ms CPU). micromark and mdast (with GFM) cost per
 * construct, and the length alone bounds too little (200 KB of short paragraphs took 3.6 s, of
 * prose 0.3 s). Measured on one parse, on this project's busy 2-core machine: 0.1–0.25 ms a list
 * item, 0.05–0.15 ms a block (a paragraph, heading, quote line or table row), 0.03–0.15 ms a link
 * or image, 0.01–0.02 ms an emphasis delimiter, code tick or entity, 2–6 µs a word, and 20–70 µs
 * a line of a paragraph (more as the paragraph grows). So a file over any of these bounds is refused
 * unread, with the reason: characters, words, lines, lines in one paragraph, list items and link
 * definitions, blocks, links (with HTML tags and table cells), formatting marks. Each is counted
 * line by line before parsing, never below what the parser finds (journalBounds.test.ts); the
 * import dialog states them all.
 * The costs were measured on one parse; pieces (markdownTree.ts parseMarkdownInPieces) make most
 * shapes cheaper still (short paragraphs and quotes apart, ~2x), not tables or one long paragraph.
 * Each shape alone at its bound reads in ~20–120 ms CPU; a file near several bounds at once can
 * still take longer.
 *
 * The numbers, from the program's seed journal (seeds/000: 3.5 KB for its two sessions, the intro
 * and the lesson plan: 590 words, 48 lines, 18 list items, 13 blocks, 4 links, 9 marks) and its
 * cadence (at least monthly, the seed settles on monthly). Three years of monthly sessions of ~1 KB
 * each (test/unit/mentorship/fixtures/journalYears.ts) come to 32 KB: 5 500 words, 770 lines, 160 list
 * items, 270 blocks, 80 links, 510 marks, at most half of any bound. A journal rarely holds a link
 * definition ("[name]: https://…") at all; they count with the list items.
 */
export const JOURNAL_MAX_CHARACTERS = 80_000
export const JOURNAL_MAX_WORDS = 12_000
export const JOURNAL_MAX_LINES = 1_500
/** one paragraph's lines cost more the more there are (1 500 lines ~100 ms, as 8 paragraphs ~45 ms) */
export const JOURNAL_MAX_PARAGRAPH_LINES = 200
export const JOURNAL_MAX_ITEMS = 500
export const JOURNAL_MAX_BLOCKS = 750
export const JOURNAL_MAX_LINKS = 800
export const JOURNAL_MAX_MARKS = 5_000

const n = (x: number) => x.toLocaleString('en')

/** The limits as the import dialog states them. */
export const JOURNAL_LIMITS_TEXT = `up to ${n(JOURNAL_MAX_CHARACTERS)} characters (${n(JOURNAL_MAX_WORDS)} words) in ${n(JOURNAL_MAX_LINES)} lines (${n(JOURNAL_MAX_PARAGRAPH_LINES)} a paragraph), ${n(JOURNAL_MAX_ITEMS)} list items, ${n(JOURNAL_MAX_BLOCKS)} blocks (headings, paragraphs, quote lines, table rows), ${n(JOURNAL_MAX_LINKS)} links, HTML tags and table cells and ${n(JOURNAL_MAX_MARKS)} formatting marks`

/** what opens a line: quote markers, indentation and list markers (a bullet or number followed by a space or the line's end) */
const CONTAINERS = /^(?:[ \t>]|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$))*/
const MARKER = /(?:^|[ \t>])(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)/g
const THEMATIC_BREAK = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/

/** a line with no indentation that starts with a letter or digit (not a list number): a paragraph's text */
const PLAIN = /^(?![\d]{1,9}[.)](?:[ \t]|$))[\p{L}\p{N}]/u
/** where a link, image, autolink, HTML tag or table cell can start: `[`, `<`, `|`, and what starts a bare link (`www.`, `://`, `@`) */
const LINK_STARTS = /[[<|@]|www\.|:\/\//g
/**
 * a bullet item's own line in its plainest form: quote markers, at most three spaces, a bullet, one
 * space and text that opens no other block (anything else may parse as code, a break or a paragraph)
 */
const BULLET_ITEM = /^(?: {0,3}> ?)* {0,3}[*+-] (?![ \t]|[*+-](?:[ \t]|$)|\d{1,9}[.)]|[>#<`~|])\S/
const WORDS = /[\p{L}\p{N}]+/gu
/** emphasis and strikethrough delimiters, code ticks, entities and escapes */
const MARKS = /[*_~`&\\]/g

export interface JournalSize {
  characters: number
  /** runs of letters and digits */
  words: number
  /** blank ones too (each costs the parser) */
  lines: number
  /** the most lines of one paragraph of text: its first line and those that continue it (lines counted as blocks apart) */
  paragraphLines: number
  listItems: number
  definitions: number
  /** lines that may start a block (a heading, paragraph, quote line, table row, HTML or code block, break), but a list item's own line */
  blocks: number
  /** every `[`, `<`, `|`, `@`, `www.` and `://` */
  links: number
  /** every `*`, `_`, `~`, backtick, `&` and backslash after a line's list and quote markers */
  marks: number
}

/**
 * Counted before parsing, line by line, never fewer than the parser finds: every list marker that
 * opens a line ("- - item" is two items), and every line holding "]:", where a link definition's
 * label ends. A non-blank line counts as a block unless it opens a bullet item (counted as an item)
 * or continues a paragraph: it has no indentation, starts with a letter or digit and so do all the
 * lines since the last blank one, none holding `|` (a table row). Lines in code blocks count too
 * (telling them apart is the parser's work).
 */
export function journalSize(input: string): JournalSize {
  const text = input.replace(/\r\n?/g, '\n')
  const size: JournalSize = { characters: input.length, words: 0, lines: 0, paragraphLines: 0, listItems: 0, definitions: 0, blocks: 0, links: 0, marks: 0 }
  // no line since the last blank one; every line since it has been a paragraph's text
  let fresh = true
  let plainRun = false
  let run = 0
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const line = text.slice(start, end)
    start = end + 1
    size.lines++
    size.words += line.match(WORDS)?.length ?? 0
    if (line.includes(']:')) size.definitions++
    size.links += line.match(LINK_STARTS)?.length ?? 0
    if (line.trim() === '') {
      fresh = true
      plainRun = false
      continue
    }
    const plain = PLAIN.test(line) && !line.includes('|')
    const continues = plain && plainRun && !fresh
    plainRun = plain && (plainRun || fresh)
    fresh = false
    run = continues ? run + 1 : 1
    size.paragraphLines = Math.max(size.paragraphLines, run)
    const containers = THEMATIC_BREAK.test(line) ? '' : CONTAINERS.exec(line)![0]
    size.marks += line.slice(containers.length).match(MARKS)?.length ?? 0
    // past MAX_BLOCK_PREFIX columns the parser reads markers as text (markdownTree.ts boundMarkdown)
    const markers = containers ? (containers.slice(0, MAX_BLOCK_PREFIX).match(MARKER)?.length ?? 0) : 0
    size.listItems += markers
    const opensItem = BULLET_ITEM.test(line) && !THEMATIC_BREAK.test(line.replace(/^[ \t>]*/, ''))
    if (!continues && !opensItem) size.blocks++
  }
  return size
}

/** Why the file is not read, or null when it is within every bound. */
export function journalTooLarge(text: string): string | null {
  const count = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`
  if (text.length > JOURNAL_MAX_CHARACTERS) {
    return `the file has ${count(text.length, 'character', 'characters')}, more than a journal's ${n(JOURNAL_MAX_CHARACTERS)}: nothing was read`
  }
  const size = journalSize(text)
  // what the file has over a bound, and that bound
  const over: [string, string][] = []
  if (size.words > JOURNAL_MAX_WORDS) over.push([count(size.words, 'word', 'words'), `${n(JOURNAL_MAX_WORDS)} words`])
  if (size.lines > JOURNAL_MAX_LINES) over.push([count(size.lines, 'line', 'lines'), `${n(JOURNAL_MAX_LINES)} lines`])
  if (size.paragraphLines > JOURNAL_MAX_PARAGRAPH_LINES) over.push([`a paragraph of ${n(size.paragraphLines)} lines`, `${n(JOURNAL_MAX_PARAGRAPH_LINES)} lines in a paragraph`])
  if (size.listItems + size.definitions > JOURNAL_MAX_ITEMS) {
    const what = [size.listItems ? count(size.listItems, 'list item', 'list items') : '', size.definitions ? count(size.definitions, 'link definition', 'link definitions') : '']
    over.push([what.filter(Boolean).join(' and '), `${n(JOURNAL_MAX_ITEMS)} list items and link definitions`])
  }
  if (size.blocks > JOURNAL_MAX_BLOCKS) over.push([count(size.blocks, 'block', 'blocks'), `${n(JOURNAL_MAX_BLOCKS)} blocks`])
  if (size.links > JOURNAL_MAX_LINKS) over.push([count(size.links, 'link, tag or table cell', 'links, tags and table cells'), `${n(JOURNAL_MAX_LINKS)} links, tags and table cells`])
  if (size.marks > JOURNAL_MAX_MARKS) over.push([count(size.marks, 'formatting mark', 'formatting marks'), `${n(JOURNAL_MAX_MARKS)} formatting marks`])
  if (over.length === 0) return null
  return `the file has ${over.map(([has]) => has).join(', ')}; a journal has at most ${over.map(([, most]) => most).join(', ')}: nothing was read`
}
