import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { TextLimit } from './TextLimit.tsx'

interface DraftTextProps {
  value: string
  onSave: (value: string) => void
  label: string
  /** show the label visibly (default: only to assistive technology) */
  visibleLabel?: boolean
  multiline?: boolean
  rows?: number
  placeholder?: string
  readOnly?: boolean
  className?: string
  type?: 'text' | 'url' | 'date' | 'number' | 'time'
  maxLength?: number
  /** a sentence when the value cannot be saved, else null */
  validate?: (value: string) => string | null
  /** how long after the last keystroke the draft is saved (default 300 ms) */
  debounceMs?: number
  id?: string
}

/**
 * A text field over a shared value. While it has focus it shows the typist's draft, so a remote
 * edit never moves the caret or eats a keystroke; without focus it shows the live shared value.
 * The draft is saved as the typist pauses, when they leave the field, on Enter in a one-line field
 * and when the field goes away (another day, another sprint). A date saves once it is whole.
 * Escape goes back to the shared value. A draft that does not `validate` is not saved: the problem
 * shows under the field until a draft saves or the typist presses Escape.
 */
export function DraftText(props: DraftTextProps) {
  const { value, onSave, validate, debounceMs = 300 } = props
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** typed and not saved yet */
  const pending = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef({ onSave, validate, value })
  useEffect(() => {
    latest.current = { onSave, validate, value }
  })

  const stopTimer = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }
  /** Saves the pending draft when it validates; returns the problem otherwise. */
  const flush = (): string | null => {
    stopTimer()
    const text = pending.current
    if (text === null) return null
    const problem = latest.current.validate?.(text) ?? null
    if (problem) return problem
    pending.current = null
    if (text !== latest.current.value) latest.current.onSave(text)
    return null
  }
  const saveNow = () => setError(flush())
  // a field that goes away keeps what was typed
  useEffect(
    () => () => {
      flush()
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- flush reads only refs; run it once, on unmount
    []
  )

  const common = {
    id: props.id,
    'aria-invalid': error ? true : undefined,
    'aria-label': props.visibleLabel ? undefined : props.label,
    className: props.className,
    placeholder: props.readOnly ? '' : props.placeholder,
    readOnly: props.readOnly,
    maxLength: props.maxLength,
    value: draft ?? value,
    onFocus: () => {
      pending.current = null
      setDraft(value)
    },
    onChange: (e: { target: { value: string } }) => {
      const text = e.target.value
      pending.current = text
      setDraft(text)
      stopTimer()
      // a half-typed date reads as ""; clearing a date saves on leaving the field
      if (props.type !== 'date') timer.current = setTimeout(saveNow, debounceMs)
      else if (text) saveNow()
    },
    onBlur: () => {
      saveNow()
      pending.current = null
      setDraft(null)
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Escape' && draft !== null) {
        stopTimer()
        pending.current = null
        setError(null)
        setDraft(value)
      } else if (e.key === 'Enter' && !props.multiline && draft !== null) saveNow()
    }
  }
  const field = props.multiline ? <textarea {...common} rows={props.rows ?? 2} /> : <input {...common} type={props.type ?? 'text'} />
  const problem = error ? (
    <span className="field-error" role="alert">
      {error}
    </span>
  ) : (
    draft !== null && props.maxLength !== undefined && <TextLimit length={draft.length} max={props.maxLength} />
  )
  if (!props.visibleLabel) {
    return (
      <>
        {field}
        {problem}
      </>
    )
  }
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      {field}
      {problem}
    </label>
  )
}
