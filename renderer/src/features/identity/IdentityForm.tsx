import { useState, type FormEvent } from 'react'
import { cleanDisplayName, MEMBER_COLORS } from '@shared/identity/identity.ts'
import { Avatar, Field } from '@ui/ui.tsx'

/** Display name and colour: how teammates see this person in member lists and live cursors. */
export function IdentityForm(props: {
  initialName: string
  initialColor: string
  submitLabel: string
  onSubmit: (name: string, color: string) => Promise<void>
}) {
  const [name, setName] = useState(props.initialName)
  const [color, setColor] = useState(props.initialColor)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const clean = cleanDisplayName(name)
    if (!clean.ok) return setError(clean.error)
    setBusy(true)
    try {
      await props.onSubmit(clean.name, color)
      setError(null)
    } catch (err) {
      setError(`Could not save: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="identity-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="identity-preview">
        <Avatar name={name || '?'} color={color} size={56} />
      </div>
      <Field label="Your name" hint="Shown to the people you share spaces with." error={error}>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          autoComplete="name"
          maxLength={60}
          placeholder="e.g. Daria Petrova"
        />
      </Field>
      <fieldset className="colors">
        <legend className="field-label">Your colour</legend>
        {MEMBER_COLORS.map((c) => (
          <label key={c} className="swatch" style={{ background: c }}>
            <input type="radio" name="color" value={c} checked={c === color} onChange={() => setColor(c)} aria-label={`Colour ${c}`} />
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button primary" disabled={busy}>
        {props.submitLabel}
      </button>
    </form>
  )
}
