import type { Nodes, Root, RootContent } from 'mdast'
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
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
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
