import * as Y from 'yjs'
import type { DocContent, RecordFields } from '@shared/backup/readable.ts'

/**
 * A document's content read out of its Yjs state into plain values (shared/backup/readable.ts
 * renders them): on a fresh Y.Doc, so the live one is never touched. Root types arrive untyped;
 * each is read as what its content shows: a map (record collections `<collection>::<id>`, other
 * maps), a rich-text fragment (XML elements), a text or an array.
 */
const SEP = '::'
const DELETED = '__deleted'
const VERSIONS = '__tandem'

type Kind = 'map' | 'xml' | 'text' | 'array' | 'empty'

function kindOf(type: { _map: Map<string, unknown>; _start: Y.Item | null }): Kind {
  if (type._map.size > 0) return 'map'
  // the first item still there (a deleted one's content is gone after garbage collection)
  let first = type._start
  for (let n = 0; first && first.deleted && n < 100_000; n++) first = first.right
  if (!first) return 'empty'
  const content = first.content
  if (content instanceof Y.ContentType) return content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText ? 'xml' : 'array'
  if (content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentEmbed) return 'text'
  return 'array'
}

/** Rich text as Markdown: headings, paragraphs, list items, quotes, code; marks as text. */
export function fragmentMarkdown(fragment: Y.XmlFragment | Y.XmlElement, depth = 0): string {
  const out: string[] = []
  let budget = 20_000
  const inline = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): string => {
    if (node instanceof Y.XmlText) {
      return (node.toDelta() as { insert?: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
    }
    return node.toArray().map((c) => (c instanceof Y.XmlText || c instanceof Y.XmlElement ? inline(c) : '')).join('')
  }
  const walk = (node: Y.XmlElement | Y.XmlFragment, prefix: string, level: number) => {
    for (const child of node.toArray()) {
      if (--budget < 0 || level > 32) return
      if (child instanceof Y.XmlText) {
        const t = inline(child)
        if (t.trim()) out.push(prefix + t)
        continue
      }
      if (!(child instanceof Y.XmlElement)) continue
      switch (child.nodeName) {
        case 'heading': {
          const lvl = Number(child.getAttribute('level') ?? 2)
          out.push(`${prefix}${'#'.repeat(Math.min(6, Math.max(1, lvl)))} ${inline(child)}`, '')
          break
        }
        case 'paragraph':
          out.push(prefix + inline(child), prefix ? '' : '')
          break
        case 'bulletList':
        case 'orderedList':
        case 'taskList':
          walk(child, prefix, level + 1)
          break
        case 'listItem':
        case 'taskItem': {
          const checked = child.nodeName === 'taskItem' ? (child.getAttribute('checked') ? '[x] ' : '[ ] ') : ''
          const lines: string[] = []
          const saved = out.length
          walk(child, '', level + 1)
          lines.push(...out.splice(saved).filter((l) => l !== ''))
          if (lines.length) out.push(`${prefix}- ${checked}${lines[0]}`, ...lines.slice(1).map((l) => `${prefix}  ${l}`))
          break
        }
        case 'blockquote':
          walk(child, prefix + '> ', level + 1)
          break
        case 'codeBlock':
          out.push(prefix + '```', ...inline(child).split('\n').map((l) => prefix + l), prefix + '```', '')
          break
        default:
          walk(child, prefix, level + 1)
      }
    }
  }
  walk(fragment, '', depth)
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim()
}

export function documentContent(key: string | null, state: Uint8Array): DocContent {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    const content: DocContent = { key, collections: {}, richText: {}, other: {} }
    for (const name of [...doc.share.keys()].sort()) {
      const kind = kindOf(doc.share.get(name)!)
      if (kind === 'empty') continue
      if (kind === 'xml') {
        content.richText[name] = fragmentMarkdown(doc.getXmlFragment(name))
        continue
      }
      if (kind === 'text') {
        content.other[name] = doc.getText(name).toString()
        continue
      }
      if (kind === 'array') {
        content.other[name] = doc.getArray(name).toJSON()
        continue
      }
      const value = doc.getMap<unknown>(name).toJSON() as RecordFields
      const at = name.indexOf(SEP)
      if (name === VERSIONS || at <= 0) {
        content.other[name] = value
        continue
      }
      if (value[DELETED]) continue
      const collection = name.slice(0, at)
      const id = name.slice(at + SEP.length)
      ;(content.collections[collection] ??= {})[id] = value
    }
    return content
  } finally {
    doc.destroy()
  }
}
