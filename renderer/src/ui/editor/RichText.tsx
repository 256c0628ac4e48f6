import { useEffect } from 'react'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration, { type CollaborationOptions } from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { underWhite } from '@shared/identity/identity.ts'
import { TicketLinks } from './ticketLinks.ts'
import './editor.css'

export type SharedFragment = NonNullable<CollaborationOptions['fragment']>

export interface EditorUser {
  id: string
  name: string
  color: string
}

/**
 * Rich text co-edited live: TipTap bound to a shared Y.XmlFragment, with the other people's carets
 * (their name and colour) drawn from the document's awareness. Offline edits merge by Yjs.
 */
export function RichText(props: {
  fragment: SharedFragment
  awareness: unknown
  user: EditorUser
  label: string
  placeholder?: string
  ticketBaseUrl?: string | null
  onOpenLink?: (url: string) => void
  readOnly?: boolean
}) {
  const { fragment, awareness, user, ticketBaseUrl, onOpenLink } = props
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
        Collaboration.configure({ fragment }),
        // the caret's name tag is white on the person's colour: darkened where white would not read
        CollaborationCaret.configure({ provider: { awareness }, user: { ...user, color: underWhite(user.color) } }),
        TicketLinks.configure({ baseUrl: ticketBaseUrl ?? null, open: onOpenLink ?? null })
      ],
      editable: !props.readOnly,
      editorProps: {
        attributes: {
          'aria-label': props.label,
          role: 'textbox',
          'aria-multiline': 'true',
          class: 'rich-text-body',
          'data-placeholder': props.placeholder ?? ''
        }
      }
    },
    [fragment, awareness, ticketBaseUrl]
  )
  useEffect(() => {
    editor?.commands.updateUser?.({ ...user, color: underWhite(user.color) })
  }, [editor, user])
  return (
    <div className="rich-text">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  )
}

type EditorInstance = ReturnType<typeof useEditor>

function Toolbar({ editor }: { editor: EditorInstance }) {
  if (!editor) return null
  const button = (label: string, active: boolean, run: () => void, text: string) => (
    <button type="button" className={`tool ${active ? 'active' : ''}`} title={label} aria-pressed={active} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{label}</span>
    </button>
  )
  const chain = () => editor.chain().focus()
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {button('Bold', editor.isActive('bold'), () => chain().toggleBold().run(), 'B')}
      {button('Italic', editor.isActive('italic'), () => chain().toggleItalic().run(), 'I')}
      {button('Heading', editor.isActive('heading', { level: 3 }), () => chain().toggleHeading({ level: 3 }).run(), 'H')}
      {button('Bullet list', editor.isActive('bulletList'), () => chain().toggleBulletList().run(), '•')}
      {button('Numbered list', editor.isActive('orderedList'), () => chain().toggleOrderedList().run(), '1.')}
      {button('Quote', editor.isActive('blockquote'), () => chain().toggleBlockquote().run(), '❝')}
    </div>
  )
}
