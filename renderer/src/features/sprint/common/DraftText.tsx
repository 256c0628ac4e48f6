import { useEffect, useRef, useState } from 'react'

const SAVE_AFTER_MS = 300

interface DraftTextProps {
  value: string
  onSave(text: string): void
  label: string
  multiline?: boolean
  rows?: number
  placeholder?: string
  readOnly?: boolean
  className?: string
  maxLength?: number
  /** show the label visibly (default: only to assistive technology) */
  visibleLabel?: boolean
}

/**
 * A text field over a shared value. While it has focus it shows the user's draft, saved
 * 300 ms after typing stops and on blur, so a remote edit never moves the caret or eats a
 * keystroke; without focus it shows the live shared value.
 */
export function DraftText(props: DraftTextProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const pending = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | null>(null)
  const save = useRef(props.onSave)
  const shared = useRef(props.value)
  useEffect(() => {
    save.current = props.onSave
    shared.current = props.value
  })

  const flush = () => {
    const p = pending.current
    if (!p) return
    clearTimeout(p.timer)
    pending.current = null
    if (p.text !== shared.current) save.current(p.text)
  }
  // a field that goes away (another day, another sprint) keeps what was typed
  useEffect(() => flush, [])

  const change = (text: string) => {
    setDraft(text)
    if (pending.current) clearTimeout(pending.current.timer)
    pending.current = { text, timer: setTimeout(flush, SAVE_AFTER_MS) }
  }
  const common = {
    value: draft ?? props.value,
    readOnly: props.readOnly,
    placeholder: props.readOnly ? '' : props.placeholder,
    maxLength: props.maxLength,
    className: props.className,
    onFocus: () => setDraft(props.value),
    onBlur: () => {
      flush()
      setDraft(null)
    }
  }
  const field = props.multiline ? (
    <textarea {...common} rows={props.rows ?? 2} aria-label={props.visibleLabel ? undefined : props.label} onChange={(e) => change(e.target.value)} />
  ) : (
    <input {...common} aria-label={props.visibleLabel ? undefined : props.label} onChange={(e) => change(e.target.value)} />
  )
  if (!props.visibleLabel) return field
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      {field}
    </label>
  )
}
