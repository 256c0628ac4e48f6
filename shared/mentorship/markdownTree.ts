import type { List, Nodes, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown'
import { gfm } from 'micromark-extension-gfm'

/**
 * Markdown ⇄ mdast with GitHub-flavoured Markdown (task lists, tables, autolinks), through the
 * mdast utilities, never by hand. One writing style for everything the mentorship features write,
 * close to the program's documents: "*" bullets, "__strong__", one space after a list marker.
 */

export function parseMarkdown(text: string): Root {
  const bounded = boundMarkdown(text)
  const tree = fromMarkdown(bounded, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  if (bounded !== text) restore(tree)
  return tree
}

/**
 * A long document parsed in pieces, for the same tree (issue 10: a 2 000-item journal took over a
 * second). micromark and mdast-util-from-markdown copy or splice the whole event list once per
 * container they close (micromark-util-edit-map `consume`, mdast's `prepareList`:
 * syntax-tree/mdast-util-from-markdown#49), so one document's cost grows with the square of its
 * list items, and long runs of blocks cost more in one parse than in pieces (750 short paragraphs:
 * ~75 ms whole, ~30 ms in pieces). Once a piece has CHUNK_LINES lines, the text is cut before a
 * line at column 0 that starts a top-level block on its own: an ATX heading or a bullet item (both
 * end whatever block was open before them, and a bullet line is never a paragraph's continuation),
 * any other line after a blank one but a list item (it ends every list, quote and paragraph), or a
 * reference definition that follows a blank line or another definition. Each piece is parsed
 * alone, its positions moved to where it sits in the whole text, and a bullet list cut in two is
 * joined again. Only fenced code and HTML go on past such a line, so a piece whose last block is a
 * fence or HTML still open at its end goes on past the cut (to the fence's closing line, or the
 * HTML's next blank line) and is parsed again: the scan reads no fence itself, so no line can keep
 * it from cutting. What differs from one parse: a reference
 * definition applies only within its piece.
 */
export const CHUNK_LINES = 120

const TOP_LEVEL_START = /^(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]+\S)/
/** a line at column 0 after a blank one that is no list item: it ends every list, quote and paragraph before it */
const BLOCK_AFTER_BLANK = /^(?![-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))\S/
/** a reference definition at column 0: a block of its own after a blank line or another definition */
const DEFINITION = /^\[[^\]\n]{1,999}\]:/

export function parseMarkdownInPieces(text: string): Root {
  const starts: number[] = [0]
  let lines = 0
  let previous = ''
  let definitions = false
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const line = text.slice(start, end)
    // definitions that begin after a blank line, one after another (never a paragraph's lines)
    definitions = DEFINITION.test(line) && (previous.trim() === '' || definitions)
    const afterBlank = previous.trim() === '' && start > 0 && BLOCK_AFTER_BLANK.test(line)
    if (lines >= CHUNK_LINES && ((TOP_LEVEL_START.test(line) && !THEMATIC_BREAK.test(line)) || definitions || afterBlank)) {
      starts.push(start)
      lines = 0
    }
    lines++
    previous = line
    start = end + 1
  }
  if (starts.length === 1) return parseMarkdown(text)
  const root: Root = { type: 'root', children: [] }
  let lineShift = 0
  const end = (j: number) => (j < starts.length ? starts[j]! : text.length)
  for (let i = 0; i < starts.length; ) {
    const from = starts[i]!
    let next = i + 1
    let piece = text.slice(from, end(next))
    let tree = parseMarkdown(piece)
    // a fence or HTML block still open where the piece ends goes on past the cut in one parse (a
    // fence the scan above did not see, or saw closed: "```a`b" is no fence, a fence line inside
    // HTML is HTML): the piece goes on to the next cut, until what it ends with is closed
    for (let open = openAtEnd(tree, piece); next < starts.length && open; open = openAtEnd(tree, piece)) {
      // on past the fence's closing line (a fence at the top level ends at the first) or HTML's next
      // blank line at once (HTML other than a comment, script or the like ends there)
      const at = from + open.position!.start.offset!
      const blank = open.type === 'code' ? -1 : text.slice(at).search(/\n[ \t]*\n/)
      const past = open.type === 'code' ? fenceEnd(text, at) : blank < 0 ? text.length : at + blank
      next++
      while (next < starts.length && end(next) <= past) next++
      piece = text.slice(from, end(next))
      tree = parseMarkdown(piece)
    }
    shift(tree, lineShift, from)
    const [first, ...rest] = tree.children
    const last = root.children.at(-1)
    // a bullet list cut in two (nothing between, the same bullet): one list again, loose when a
    // blank line parts the two halves
    if (i > 0 && first?.type === 'list' && last?.type === 'list' && sameBulletList(text, last, first)) {
      const between = text.slice(last.position!.end.offset, first.position!.start.offset)
      last.children.push(...first.children)
      last.spread = Boolean(last.spread || first.spread || /\n[ \t]*\n/.test(between))
      last.position!.end = first.position!.end
    } else if (first) root.children.push(first)
    root.children.push(...rest)
    for (let k = 0; k < piece.length; k++) if (piece.charCodeAt(k) === 10) lineShift++
    i = next
  }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: positionAtEnd(text) }
  return root
}

/**
 * The piece's last block when it may go on past the piece's end in one parse: a fenced code block
 * with no closing fence after its opening line, or HTML with no blank line after it (HTML ends at a blank
 * line or at its closing marker; either way the piece's end did not close it). Only blocks at the
 * top level: a cut line at column 0 closes every list item and quote.
 */
function openAtEnd(tree: Root, piece: string): Root['children'][number] | null {
  const last = tree.children.at(-1)
  const start = last?.position?.start.offset
  if (!last || start === undefined) return null
  if (last.type === 'html') return /\n[ \t]*\n/.test(piece.slice(last.position?.end.offset ?? piece.length)) ? null : last
  return last.type === 'code' && FENCE.test(piece.slice(start, start + 64)) && fenceEnd(piece, start) === piece.length ? last : null
}

/** Where a fenced code block opening at `start` ends: after its closing line, or the text's end. */
function fenceEnd(text: string, start: number): number {
  const open = FENCE.exec(text.slice(start, start + 64))?.[1]
  let at = text.indexOf('\n', start)
  if (!open) return start
  while (at >= 0 && at < text.length) {
    const lineEnd = text.indexOf('\n', at + 1) < 0 ? text.length : text.indexOf('\n', at + 1)
    const line = text.slice(at + 1, lineEnd)
    const m = FENCE.exec(line)
    if (m?.[1] !== undefined && m[1][0] === open[0] && m[1].length >= open.length && line.slice(m[0].length).trim() === '') return lineEnd
    at = lineEnd === text.length ? -1 : lineEnd
  }
  return text.length
}

function sameBulletList(text: string, a: List, b: List): boolean {
  if (a.ordered || b.ordered || !a.position || !b.position) return false
  const bullet = (l: List) => text[l.position!.start.offset ?? -1]
  return bullet(a) === bullet(b) && /^[-*+]$/.test(bullet(b) ?? '')
}

function shift(node: Nodes, lines: number, offset: number): void {
  const pos = node.position
  if (pos) {
    pos.start = { ...pos.start, line: pos.start.line + lines, offset: (pos.start.offset ?? 0) + offset }
    pos.end = { ...pos.end, line: pos.end.line + lines, offset: (pos.end.offset ?? 0) + offset }
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, offset)
}

function positionAtEnd(text: string): { line: number; column: number; offset: number } {
  const lastBreak = text.lastIndexOf('\n')
  let line = 1
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) line++
  return { line, column: text.length - lastBreak, offset: text.length }
}

/**
 * Bounded parsing (issue 10 #12). micromark resolves emphasis, strikethrough, code spans and links
 * by looking back over the delimiters of the same paragraph or heading, so one with thousands of
 * them costs their square (a peer's 6 000-character thought of `*_*_…` took seconds to render, a
 * 40 KB heading longer), and it re-enters every open list and quote on every line, so a list
 * nested a thousand deep costs minutes. Two bounds, applied before parsing:
 * - an inline run (a paragraph, a heading, a list item's text) with more than
 *   INLINE_DELIMITER_BUDGET of `* _ ~ \` [ ]` has those characters read as plain text;
 * - the markers that open blocks at the start of a line (indentation, `>`, list bullets) count
 *   only up to MAX_BLOCK_PREFIX columns; the rest are read as plain text.
 * "Read as plain text": swapped for private-use stand-ins of the same length (U+E000 + the ASCII
 * code), so every position, and `sourceOf`, stays right, and swapped back in the tree after. Text
 * under both bounds parses exactly as before; fenced code is left alone. (A text that already holds
 * such stand-ins and trips a bound gets them back as ASCII: they have no glyph and no use.)
 */
export const INLINE_DELIMITER_BUDGET = 400
export const MAX_BLOCK_PREFIX = 64

const DELIMITERS = new Set([0x2a, 0x5f, 0x7e, 0x60, 0x5b, 0x5d]) // * _ ~ ` [ ]
const STAND_IN = 0xe000
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const THEMATIC_BREAK = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/
/** what opens a block on a line: quote markers, a list bullet or number (with a task box), `#`s */
const BLOCK_PREFIX = /^[ \t]*(?:>[ \t]?)*(?:(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*(?:\[[ xX]\](?=[ \t]|$))?)?[ \t]*(?:#{1,6}(?=[ \t]|$))?/
/** every container marker at the start of a line, however deep: whitespace, `>`, bullets, numbers */
const CONTAINERS = /^(?:[ \t>]|(?:[*+-]|\d{1,9}[.)])(?=[ \t]))*/

/** The text to parse: `text` itself when it is within both bounds (see above). */
export function boundMarkdown(text: string): string {
  // [from, to) ranges whose delimiters become stand-ins, and [from, to) ranges whose every character does
  const inline: [number, number][] = []
  const deep: [number, number][] = []
  let run: [number, number][] = []
  let count = 0
  let fence: string | null = null
  const close = () => {
    if (count > INLINE_DELIMITER_BUDGET) inline.push(...run)
    run = []
    count = 0
  }
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const line = text.slice(start, end)
    const containers = CONTAINERS.exec(line)![0]
    let width = 0
    for (let i = 0; i < containers.length; i++) {
      width += containers[i] === '\t' ? 4 : 1
      if (width > MAX_BLOCK_PREFIX) {
        deep.push([start + i, start + containers.length])
        break
      }
    }
    if (fence !== null) {
      const m = FENCE.exec(line)
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length && line.slice(m[0].length).trim() === '') fence = null
    } else if (FENCE.test(line)) {
      close()
      fence = FENCE.exec(line)![1]!
    } else if (line.trim() === '' || THEMATIC_BREAK.test(line)) {
      close()
    } else {
      const prefix = BLOCK_PREFIX.exec(line)![0]
      // a new list item or heading starts a new inline run; a heading is one line
      if (/[*+\-#]|\d[.)]/.test(prefix)) close()
      let n = 0
      for (let i = start + prefix.length; i < end; i++) if (DELIMITERS.has(text.charCodeAt(i))) n++
      count += n
      run.push([start + prefix.length, end])
      if (prefix.includes('#')) close()
    }
    if (end === text.length) break
    start = end + 1
  }
  close()
  if (inline.length === 0 && deep.length === 0) return text
  const chars = text.split('')
  for (const [from, to] of inline) for (let i = from; i < to; i++) if (DELIMITERS.has(text.charCodeAt(i))) chars[i] = String.fromCharCode(STAND_IN + text.charCodeAt(i))
  for (const [from, to] of deep) for (let i = from; i < to; i++) chars[i] = String.fromCharCode(STAND_IN + text.charCodeAt(i))
  return chars.join('')
}

const STAND_INS = /[\ue000-\ue07f]/g
const restoreText = (value: string): string => value.replace(STAND_INS, (c) => String.fromCharCode(c.charCodeAt(0) - STAND_IN))

/** Puts the characters back wherever the tree carries text (values, link targets, titles, alts). */
function restore(node: Nodes): void {
  const fields = node as unknown as Record<string, unknown>
  for (const key of ['value', 'url', 'title', 'alt', 'label', 'identifier']) {
    const value = fields[key]
    if (typeof value === 'string') fields[key] = restoreText(value)
  }
  if ('children' in node) for (const child of node.children) restore(child)
}

const WRITE_OPTIONS: ToMarkdownOptions = {
  extensions: [gfmToMarkdown()],
  bullet: '*',
  bulletOther: '-',
  strong: '_',
  emphasis: '_',
  listItemIndent: 'one',
  rule: '-',
  fences: true
}

export function writeMarkdown(tree: Root): string {
  return toMarkdown(tree, WRITE_OPTIONS)
}

/** Blocks as Markdown text without the trailing newline ("" for none). */
export function blocksToMarkdown(blocks: readonly RootContent[]): string {
  if (blocks.length === 0) return ''
  return writeMarkdown({ type: 'root', children: [...blocks] }).replace(/\n+$/, '')
}

/** The text a reader sees: formatting dropped, line breaks kept as "\n". */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'image':
      return node.alt ?? ''
    default:
      return 'children' in node ? node.children.map((child) => plainText(child)).join('') : ''
  }
}

/** The 1-based line a node starts on (1 when the tree has no positions). */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1
}

/** The node's own source text. */
export function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? plainText(node) : source.slice(start, end)
}
