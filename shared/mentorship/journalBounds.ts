import { MAX_BLOCK_PREFIX } from './markdownTree.ts'

/**
 * How large a journal file the import reads (issue 10: every parser is bounded before it parses,
 * and each malformed input ends within 200 ms). micromark and mdast cost about a tenth of a
 * millisecond for each list item however the file is cut (2 000 thoughts took 0.3 s, 5 000 link
 * definitions 0.25 s), so the number of list items is bounded as well as the length. A file over
 * either bound is refused unread, with the reason; the import dialog states both beforehand.
 *
 * The numbers, from the program's seed journal (seeds/000: 3.5 KB, 18 list items after its two
 * sessions, the intro and the lesson plan) and its cadence (at least monthly): the lesson plan
 * writes most of a journal's items (thoughts and first steps of both directions, the joint
 * project's notes); a pair adding ten more every month for three years stays under 400. A year of
 * weekly sessions is under 100 KB. A journal rarely holds a link definition ("[name]: https://…")
 * at all; they count with the list items.
 */
export const JOURNAL_MAX_CHARACTERS = 200_000
export const JOURNAL_MAX_ITEMS = 500

/** The limits as the import dialog states them. */
export const JOURNAL_LIMITS_TEXT = `up to ${JOURNAL_MAX_CHARACTERS.toLocaleString('en')} characters and ${JOURNAL_MAX_ITEMS.toLocaleString('en')} list items`

/** what opens a line: quote markers, indentation and list markers (a bullet or number followed by a space or the line's end) */
const CONTAINERS = /^(?:[ \t>]|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$))*/
const MARKER = /(?:^|[ \t>])(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)/g
const THEMATIC_BREAK = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/

export interface JournalSize {
  characters: number
  listItems: number
  definitions: number
}

/**
 * Counted before parsing, line by line, never fewer than the parser finds: every list marker that
 * opens a line ("- - item" is two items), and every line holding "]:", where a link definition's
 * label ends. Lines in code blocks count too (telling them apart is the parser's work).
 */
export function journalSize(input: string): JournalSize {
  const text = input.replace(/\r\n?/g, '\n')
  let listItems = 0
  let definitions = 0
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const line = text.slice(start, end)
    start = end + 1
    if (line.includes(']:')) definitions++
    if (THEMATIC_BREAK.test(line)) continue
    // past MAX_BLOCK_PREFIX columns the parser reads markers as text (markdownTree.ts boundMarkdown)
    const containers = CONTAINERS.exec(line)![0].slice(0, MAX_BLOCK_PREFIX)
    if (containers) listItems += containers.match(MARKER)?.length ?? 0
  }
  return { characters: input.length, listItems, definitions }
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** Why the file is not read, or null when it is within both bounds. */
export function journalTooLarge(text: string): string | null {
  if (text.length > JOURNAL_MAX_CHARACTERS) {
    return `the file has ${count(text.length, 'character', 'characters')}, more than a journal's ${JOURNAL_MAX_CHARACTERS.toLocaleString('en')}: nothing was read`
  }
  const size = journalSize(text)
  if (size.listItems + size.definitions <= JOURNAL_MAX_ITEMS) return null
  const what = [size.listItems ? count(size.listItems, 'list item', 'list items') : '', size.definitions ? count(size.definitions, 'link definition', 'link definitions') : '']
  return `the file has ${what.filter(Boolean).join(' and ')}; a journal has at most ${JOURNAL_MAX_ITEMS.toLocaleString('en')} list items and link definitions: nothing was read`
}
