import { useState, type FormEvent, type ReactNode } from 'react'
import { InlineMarkdown } from './InlineMarkdown.tsx'

export interface ListItemView {
  id: string
  text: string
  done?: boolean
}

/**
 * A list the pair edits together: each item shows its text with ticket keys linked; Edit turns it
 * into a field (Enter saves, Escape cancels); a checklist has a box per item. New items go last.
 */
export function EditableList<T extends ListItemView>(props: {
  label: string
  items: readonly T[]
  trackerBaseUrl: string | null
  readOnly: boolean
  checkable?: boolean
  addLabel: string
  placeholder: string
  empty: string
  onAdd: (text: string) => void
  onEdit: (id: string, text: string) => void
  onToggle?: (id: string, done: boolean) => void
  onRemove: (id: string) => void
  extra?: (item: T) => ReactNode
}) {
  const [adding, setAdding] = useState('')
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null)

  const add = (e: FormEvent) => {
    e.preventDefault()
    if (!adding.trim()) return
    props.onAdd(adding.trim())
    setAdding('')
  }
  const finish = () => {
    if (editing && editing.text.trim()) props.onEdit(editing.id, editing.text.trim())
    setEditing(null)
  }

  return (
    <div className="editable-list">
      {props.items.length === 0 ? (
        <p className="muted small">{props.empty}</p>
      ) : (
        <ul className={`items ${props.checkable ? 'checklist' : ''}`} aria-label={props.label}>
          {props.items.map((item) => (
            <li key={item.id} className={`item ${item.done ? 'done' : ''}`}>
              {props.checkable && (
                <input
                  type="checkbox"
                  checked={!!item.done}
                  disabled={props.readOnly}
                  aria-label={item.text}
                  onChange={(e) => props.onToggle?.(item.id, e.target.checked)}
                />
              )}
              {editing?.id === item.id ? (
                <input
                  className="item-input"
                  aria-label={`Edit: ${item.text}`}
                  value={editing.text}
                  autoFocus
                  onChange={(e) => setEditing({ id: item.id, text: e.target.value })}
                  onBlur={finish}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') finish()
                    if (e.key === 'Escape') setEditing(null)
                  }}
                />
              ) : (
                <span className="item-text">
                  <InlineMarkdown text={item.text} trackerBaseUrl={props.trackerBaseUrl} />
                </span>
              )}
              {props.extra?.(item)}
              {!props.readOnly && editing?.id !== item.id && (
                <span className="item-actions">
                  <button type="button" className="button ghost small" aria-label={`Edit “${item.text}”`} onClick={() => setEditing({ id: item.id, text: item.text })}>
                    Edit
                  </button>
                  <button type="button" className="icon-button" aria-label={`Remove “${item.text}”`} onClick={() => props.onRemove(item.id)}>
                    ×
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {!props.readOnly && (
        <form className="add-row" onSubmit={add}>
          <input aria-label={props.addLabel} value={adding} placeholder={props.placeholder} onChange={(e) => setAdding(e.target.value)} />
          <button type="submit" className="button small" disabled={!adding.trim()}>
            Add
          </button>
        </form>
      )}
    </div>
  )
}
