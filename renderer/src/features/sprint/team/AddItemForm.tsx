import { useState, type FormEvent } from 'react'

/** "Add a goal" style: one field and a button; Enter adds, the field empties and keeps focus. */
export function AddItemForm(props: { label: string; placeholder: string; button: string; onAdd(text: string): void }) {
  const [text, setText] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!text.trim()) return
    props.onAdd(text.trim())
    setText('')
  }
  return (
    <form className="sp-add" onSubmit={submit}>
      <input aria-label={props.label} placeholder={props.placeholder} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="button small" disabled={!text.trim()}>
        {props.button}
      </button>
    </form>
  )
}
