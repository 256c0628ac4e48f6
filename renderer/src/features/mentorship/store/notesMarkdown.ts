import { getSchema, type JSONContent } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { MarkdownManager } from '@tiptap/markdown'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type { Schema } from '@tiptap/pm/model'
import type * as Y from 'yjs'

/**
 * Session notes as Markdown ⇄ the shared rich-text fragment the editor binds to, through TipTap's
 * own Markdown support (@tiptap/markdown) and y-tiptap's ProseMirror ⇄ Yjs mapping. The schema is
 * the session editor's (ui/editor/RichText.tsx: StarterKit without undo/redo).
 */
const EXTENSIONS = [StarterKit.configure({ undoRedo: false, link: { openOnClick: false } })]

let tools: { schema: Schema; markdown: MarkdownManager } | null = null

function get() {
  tools ??= { schema: getSchema(EXTENSIONS), markdown: new MarkdownManager({ extensions: EXTENSIONS }) }
  return tools
}

/** Plain paragraphs, one per block of the text: what is kept when Markdown cannot be read. */
function plainParagraphs(markdown: string): JSONContent {
  const blocks = markdown.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean)
  return { type: 'doc', content: blocks.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}

/** Replaces the fragment's content with the Markdown (nothing is lost if it cannot be parsed). */
export function markdownToNotes(fragment: Y.XmlFragment, markdown: string): void {
  const { schema, markdown: md } = get()
  const text = markdown.trim()
  if (!text) {
    if (fragment.length > 0) fragment.delete(0, fragment.length)
    return
  }
  try {
    const json = md.parse(text)
    schema.nodeFromJSON(json).check()
    prosemirrorJSONToYXmlFragment(schema, json, fragment)
  } catch {
    prosemirrorJSONToYXmlFragment(schema, plainParagraphs(text), fragment)
  }
}

/** The notes as Markdown ("" when empty). */
export function notesToMarkdown(fragment: Y.XmlFragment): string {
  if (fragment.length === 0) return ''
  const json = yXmlFragmentToProsemirrorJSON(fragment) as JSONContent
  const text = get().markdown.serialize(json)
  // empty paragraphs come out as &nbsp; lines: a blank line says the same in Markdown
  return text
    .split('\n')
    .filter((line) => line.trim() !== '&nbsp;')
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
