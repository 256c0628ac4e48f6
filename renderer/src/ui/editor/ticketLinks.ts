import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PmNode } from '@tiptap/pm/model'
import { findTicketMatches, ticketUrl } from '@shared/tickets/tickets.ts'

/** Ticket keys (ENG-8504) in the text are shown as links to the org's tracker; click opens them. */
export const TicketLinks = Extension.create<{ baseUrl: string | null; open: ((url: string) => void) | null }>({
  name: 'ticketLinks',
  addOptions() {
    return { baseUrl: null, open: null }
  },
  addProseMirrorPlugins() {
    const { baseUrl, open } = this.options
    if (!baseUrl) return []
    const decorate = (doc: PmNode) => {
      const decorations: Decoration[] = []
      doc.descendants((node, pos) => {
        if (!node.isText || !node.text) return
        for (const t of findTicketMatches(node.text)) {
          decorations.push(
            Decoration.inline(pos + t.start, pos + t.end, {
              nodeName: 'a',
              class: 'ticket-link',
              href: ticketUrl(t.key, baseUrl) ?? '',
              title: `Open ${t.key} in the tracker`
            })
          )
        }
      })
      return DecorationSet.create(doc, decorations)
    }
    return [
      new Plugin({
        key: new PluginKey('ticketLinks'),
        state: {
          init: (_, { doc }) => decorate(doc),
          apply: (tr, old) => (tr.docChanged ? decorate(tr.doc) : old)
        },
        props: {
          decorations(state) {
            return this.getState(state)
          },
          handleClick(_view, _pos, event) {
            const target = (event.target as HTMLElement).closest('a.ticket-link') as HTMLAnchorElement | null
            if (!target || !open || !(event.ctrlKey || event.metaKey)) return false
            open(target.href)
            return true
          }
        }
      })
    ]
  }
})
