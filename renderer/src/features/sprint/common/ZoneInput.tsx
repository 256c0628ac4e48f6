import { useId, useState } from 'react'
import { TimeZoneName } from '../../../../../shared/sprint/localTime.ts'

let zones: string[] | null = null
function allZones(): string[] {
  zones ??= (() => {
    try {
      return Intl.supportedValuesOf('timeZone')
    } catch {
      return ['UTC']
    }
  })()
  return zones
}

/** An IANA zone, typed with suggestions; saved when it is a real zone. */
export function ZoneInput(props: { label: string; value: string; onSave(zone: string): void; readOnly?: boolean; hint?: string; optional?: boolean }) {
  const listId = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? props.value
  const valid = (props.optional && text.trim() === '') || TimeZoneName.safeParse(text).success
  const commit = () => {
    if (draft !== null && valid && draft.trim() !== props.value) props.onSave(draft.trim())
    setDraft(null)
  }
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <input
        list={listId}
        value={text}
        readOnly={props.readOnly}
        spellCheck={false}
        onFocus={() => setDraft(props.value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur()
        }}
        aria-invalid={!valid}
      />
      <datalist id={listId}>
        {allZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {!valid ? (
        <span className="field-error" role="alert">
          Use an IANA time zone such as Europe/Berlin.
        </span>
      ) : (
        props.hint && <span className="field-hint">{props.hint}</span>
      )}
    </label>
  )
}
