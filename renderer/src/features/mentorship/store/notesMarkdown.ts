import { getSchema, type JSONContent } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type { Schema } from '@tiptap/pm/model'
import type * as Y from 'yjs'
import type { BlockContent, Heading, ListItem, PhrasingContent, RootContent } from 'mdast'
import type { Nodes as MdNodes } from 'mdast'
import { parseMarkdown, sourceOf, writeMarkdown } from '@shared/mentorship/markdownTree.ts'

/**
 * Session notes as Markdown ⇄ the shared rich-text fragment the editor binds to: Markdown ⇄ mdast
 * (the journal's parser and writer, markdownTree.ts) ⇄ ProseMirror JSON (here) ⇄ Yjs (y-tiptap).
 * The schema is the session editor's (ui/editor/RichText.tsx: StarterKit without undo/redo).
 */
const EXTENSIONS = [StarterKit.configure({ undoRedo: false, link: { openOnClick: false } })]

let tools: { schema: Schema } | null = null

function get() {
  tools ??= { schema: getSchema(EXTENSIONS) }
  return tools
}

/** Plain paragraphs, one per block of the text: what is kept when Markdown cannot be read. */
function plainParagraphs(markdown: string): JSONContent {
  const blocks = markdown.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean)
  return { type: 'doc', content: blocks.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}

/** mdast inline nodes → ProseMirror text nodes with marks (StarterKit's: bold, italic, strike, code, link). */
function inlineJson(nodes: readonly MdNodes[], marks: Mark[], out: JSONContent[], source: string): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (node.value) out.push(marks.length ? { type: 'text', text: node.value, marks } : { type: 'text', text: node.value })
        break
      case 'inlineCode':
        if (node.value) out.push({ type: 'text', text: node.value, marks: [...marks.filter((m) => m.type === 'link'), { type: 'code' }] })
        break
      case 'break':
        out.push({ type: 'hardBreak' })
        break
      case 'strong':
        inlineJson(node.children, [...marks, { type: 'bold' }], out, source)
        break
      case 'emphasis':
        inlineJson(node.children, [...marks, { type: 'italic' }], out, source)
        break
      case 'delete':
        inlineJson(node.children, [...marks, { type: 'strike' }], out, source)
        break
      case 'link':
        inlineJson(node.children, [...marks, { type: 'link', attrs: { href: node.url } }], out, source)
        break
      default: {
        // images, footnote references, inline HTML …: their Markdown, as text
        const text = sourceOf(node, source)
        if (text) out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text })
      }
    }
  }
}

function paragraphJson(children: readonly MdNodes[], source: string, prefix = ''): JSONContent {
  const content: JSONContent[] = prefix ? [{ type: 'text', text: prefix }] : []
  inlineJson(children, [], content, source)
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
}

function blockJson(nodes: readonly MdNodes[], source: string): JSONContent[] {
  const out: JSONContent[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        out.push(paragraphJson(node.children, source))
        break
      case 'heading': {
        const content: JSONContent[] = []
        inlineJson(node.children, [], content, source)
        out.push({ type: 'heading', attrs: { level: node.depth }, ...(content.length ? { content } : {}) })
        break
      }
      case 'blockquote': {
        const content = blockJson(node.children, source)
        out.push({ type: 'blockquote', content: content.length ? content : [{ type: 'paragraph' }] })
        break
      }
      case 'code':
        out.push({ type: 'codeBlock', attrs: { language: node.lang ?? null }, ...(node.value ? { content: [{ type: 'text', text: node.value }] } : {}) })
        break
      case 'thematicBreak':
        out.push({ type: 'horizontalRule' })
        break
      case 'list':
        out.push({
          type: node.ordered ? 'orderedList' : 'bulletList',
          ...(node.ordered ? { attrs: { start: node.start ?? 1 } } : {}),
          content: node.children.map((item) => {
            // a task box has no node in the editor: it is kept as the item's text ("[x] …")
            const box = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : ''
            const [first, ...rest] = item.children
            const head = first?.type === 'paragraph' ? [paragraphJson(first.children, source, box)] : [paragraphJson([], source, box), ...blockJson(first ? [first] : [], source)]
            return { type: 'listItem', content: [...head, ...blockJson(rest, source)] }
          })
        })
        break
      case 'definition':
        break
      default: {
        // tables, HTML blocks, footnotes …: their Markdown, as a paragraph of text
        const text = sourceOf(node, source).trim()
        if (text) out.push({ type: 'paragraph', content: [{ type: 'text', text }] })
      }
    }
  }
  return out
}

/**
 * Replaces the fragment's content with the Markdown, read by the journal's own parser (mdast with
 * GFM, markdownTree.ts) and mapped onto the editor's schema, so notes read and write the Markdown
 * the rest of the journal does (nothing is lost if it cannot be mapped: plain paragraphs then).
 */
export function markdownToNotes(fragment: Y.XmlFragment, markdown: string): void {
  const { schema } = get()
  const text = markdown.trim()
  if (!text) {
    if (fragment.length > 0) fragment.delete(0, fragment.length)
    return
  }
  try {
    const json: JSONContent = { type: 'doc', content: blockJson(parseMarkdown(text).children, text) }
    if (!json.content?.length) json.content = [{ type: 'paragraph' }]
    schema.nodeFromJSON(json).check()
    prosemirrorJSONToYXmlFragment(schema, json, fragment)
  } catch {
    prosemirrorJSONToYXmlFragment(schema, plainParagraphs(text), fragment)
  }
}

type Mark = NonNullable<JSONContent['marks']>[number]

/** Inline content with its marks, as mdast phrasing nodes (marks nest in a fixed order, so equal marks merge). */
function phrasing(nodes: readonly JSONContent[] | undefined): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      out.push({ type: 'break' })
      continue
    }
    if (node.type !== 'text' || !node.text) continue
    const marks = node.marks ?? []
    const code = marks.some((m) => m.type === 'code')
    let inner: PhrasingContent = code ? { type: 'inlineCode', value: node.text } : { type: 'text', value: node.text }
    const wrap = (type: string, make: (child: PhrasingContent, mark: Mark) => PhrasingContent) => {
      const mark = marks.find((m) => m.type === type)
      if (mark) inner = make(inner, mark)
    }
    wrap('strike', (child) => ({ type: 'delete', children: [child] }))
    wrap('italic', (child) => ({ type: 'emphasis', children: [child] }))
    wrap('bold', (child) => ({ type: 'strong', children: [child] }))
    wrap('link', (child, mark) => ({ type: 'link', url: typeof mark.attrs?.href === 'string' ? mark.attrs.href : '', children: [child] }))
    out.push(inner)
  }
  return out
}

function blocks(nodes: readonly JSONContent[] | undefined): RootContent[] {
  const out: RootContent[] = []
  for (const node of nodes ?? []) {
    const children = node.content
    switch (node.type) {
      case 'paragraph': {
        const inline = phrasing(children)
        // an empty paragraph (or one of spaces, as an editor leaves): a blank line says the same
        if (inline.some((node) => node.type !== 'text' || node.value.trim())) out.push({ type: 'paragraph', children: inline })
        break
      }
      case 'heading': {
        const level = Number(node.attrs?.level ?? 1)
        out.push({ type: 'heading', depth: Math.min(6, Math.max(1, level)) as Heading['depth'], children: phrasing(children) })
        break
      }
      case 'blockquote':
        out.push({ type: 'blockquote', children: blocks(children) as BlockContent[] })
        break
      case 'codeBlock':
        out.push({ type: 'code', lang: typeof node.attrs?.language === 'string' ? node.attrs.language : null, value: (children ?? []).map((c) => c.text ?? '').join('') })
        break
      case 'horizontalRule':
        out.push({ type: 'thematicBreak' })
        break
      case 'bulletList':
      case 'orderedList': {
        const ordered = node.type === 'orderedList'
        const items: ListItem[] = (children ?? []).map((item) => {
          const content = blocks(item.content) as BlockContent[]
          // "[ ] …" / "[x] …" at the start of an item is a task box again (markdownToNotes keeps it as text)
          const first = content[0]
          const head = first?.type === 'paragraph' && first.children[0]?.type === 'text' ? first.children[0] : null
          const box = head ? /^\[([ xX])\] /.exec(head.value) : null
          if (!head || !box) return { type: 'listItem', spread: false, children: content }
          head.value = head.value.slice(box[0].length)
          return { type: 'listItem', spread: false, checked: box[1] !== ' ', children: content }
        })
        const start = Number(node.attrs?.start ?? 1)
        out.push({ type: 'list', ordered, spread: false, ...(ordered ? { start: Number.isFinite(start) ? start : 1 } : {}), children: items })
        break
      }
      default:
        // a node this schema does not know (a newer peer's): its text is kept as a paragraph
        if (children?.length) out.push(...blocks(children))
    }
  }
  return out
}

/**
 * The notes as Markdown ("" when empty), written by the same mdast writer as the rest of the
 * journal (markdownTree.ts): ProseMirror JSON → mdast → Markdown. TipTap's own serializer indented
 * the second line of a list item by one space and shifted fenced code, so a list item's text could
 * end up read into another on the next import.
 */
export function notesToMarkdown(fragment: Y.XmlFragment): string {
  if (fragment.length === 0) return ''
  const json = yXmlFragmentToProsemirrorJSON(fragment) as JSONContent
  const tree = blocks(json.content)
  if (tree.length === 0) return ''
  return writeMarkdown({ type: 'root', children: tree }).trim()
}
