import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { localIsoDate } from '../../../../shared/mentorship/pairCadence.ts'

/**
 * A text field over a shared value. While it has focus it shows the typist's draft, so updates
 * from the other person never move text under their cursor; the draft is saved as they pause
 * (debounced) and when they leave the field. Enter saves a one-line field; Escape goes back to the
 * shared value.
 */
export function DraftText(props: {
  value: string
  onSave: (value: string) => void
  label: string
  multiline?: boolean
  rows?: number
  placeholder?: string
  readOnly?: boolean
  className?: string
  type?: 'text' | 'url' | 'date' | 'number'
  /** a sentence when the value cannot be saved, else null */
  validate?: (value: string) => string | null
  debounceMs?: number
  id?: string
}) {
  const { value, onSave, validate, debounceMs = 600 } = props
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const dirty = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef({ onSave, validate, value })
  useEffect(() => {
    latest.current = { onSave, validate, value }
  })

  const save = (text: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (!dirty.current) return
    const problem = latest.current.validate?.(text) ?? null
    setError(problem)
    if (problem) return
    dirty.current = false
    if (text !== latest.current.value) latest.current.onSave(text)
  }

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  const common = {
    id: props.id,
    'aria-label': props.label,
    'aria-invalid': error ? true : undefined,
    className: props.className,
    placeholder: props.readOnly ? '' : props.placeholder,
    readOnly: props.readOnly,
    value: draft ?? value,
    onFocus: () => {
      dirty.current = false
      setDraft(value)
    },
    onChange: (e: { target: { value: string } }) => {
      const text = e.target.value
      dirty.current = true
      setDraft(text)
      if (timer.current) clearTimeout(timer.current)
      // a date saves once it is whole (a half-typed one reads as ""); clearing it saves on leaving
      if (props.type !== 'date') timer.current = setTimeout(() => save(text), debounceMs)
      else if (text) save(text)
    },
    onBlur: () => {
      if (draft !== null) save(draft)
      setDraft(null)
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Escape' && draft !== null) {
        dirty.current = false
        setError(null)
        setDraft(value)
      } else if (e.key === 'Enter' && !props.multiline && draft !== null) save(draft)
    }
  }
  return (
    <>
      {props.multiline ? <textarea {...common} rows={props.rows ?? 4} /> : <input {...common} type={props.type ?? 'text'} />}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  )
}

/** Today in the local calendar, "YYYY-MM-DD". */
export function today(): string {
  return localIsoDate(new Date())
}

/** "2019-04-19" → "Apr 19, 2019" in the reader's locale. */
export function formatDay(date: string | null): string {
  if (!date) return ''
  const d = new Date(`${date}T12:00:00`)
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}
