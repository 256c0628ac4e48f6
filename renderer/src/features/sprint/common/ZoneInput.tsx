import { useId, useState } from 'react'
import { TimeZoneName } from '@shared/sprint/localTime.ts'
import { zoneSuggestions } from '@shared/time/zones.ts'

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

/**
 * An IANA zone, typed with suggestions; saved when it is a real zone. A name that is not one stays
 * in the field with the zones it most likely means (never silently replaced by the old value).
 */
export function ZoneInput(props: { label: string; value: string; onSave(zone: string): void; readOnly?: boolean; hint?: string; optional?: boolean }) {
  const listId = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? props.value
  const valid = (props.optional && text.trim() === '') || TimeZoneName.safeParse(text).success
  const commit = () => {
    if (draft === null || !valid) return
    if (draft.trim() !== props.value) props.onSave(draft.trim())
    setDraft(null)
  }
  const choose = (zone: string) => {
    if (zone !== props.value) props.onSave(zone)
    setDraft(null)
  }
  const suggestions = valid ? [] : zoneSuggestions(text, allZones(), 4)
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <input
        list={listId}
        value={text}
        readOnly={props.readOnly}
        spellCheck={false}
        onFocus={() => setDraft((d) => d ?? props.value)}
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
          “{text.slice(0, 60)}” is not a time zone name, so nothing was saved.{' '}
          {suggestions.length > 0 ? 'Did you mean: ' : 'Use an IANA name such as Europe/Berlin or America/New_York.'}
          {suggestions.map((z, i) => (
            <span key={z}>
              {i > 0 && ', '}
              <button type="button" className="link-button" onMouseDown={(e) => e.preventDefault()} onClick={() => choose(z)}>
                {z}
              </button>
            </span>
          ))}
          {suggestions.length > 0 && '?'}
        </span>
      ) : (
        props.hint && <span className="field-hint">{props.hint}</span>
      )}
    </label>
  )
}
