import { useState, type FormEvent } from 'react'
import { cleanSpaceName } from '@shared/spaces/space.ts'
import { renameSpace } from '@core/spaces/commands.ts'
import { toast } from '@ui/toasts.ts'

/** The space's name as a heading; "Rename" turns it into a field (Enter saves, Escape cancels). */
export function SpaceName({ spaceId, name, readOnly }: { spaceId: string; name: string; readOnly: boolean }) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(name)
  const [error, setError] = useState<string | null>(null)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const clean = cleanSpaceName(draft)
    if (!clean.ok) return setError(clean.error)
    try {
      if (clean.name !== name) await renameSpace(spaceId, clean.name)
      setEditing(false)
    } catch (err) {
      toast(`Could not rename: ${(err as Error).message}`, 'error')
    }
  }

  if (!editing)
    return (
      <div className="space-title">
        <h1>{name}</h1>
        {!readOnly && (
          <button
            type="button"
            className="button ghost small"
            onClick={() => {
              setDraft(name)
              setError(null)
              setEditing(true)
            }}
          >
            Rename
          </button>
        )}
      </div>
    )
  return (
    <form className="space-title" onSubmit={(e) => void save(e)} noValidate>
      <input
        className="title-input"
        aria-label="Space name"
        value={draft}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
        aria-invalid={!!error}
        aria-describedby={error ? 'rename-error' : undefined}
      />
      <button type="submit" className="button primary small">
        Save
      </button>
      <button type="button" className="button ghost small" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && (
        <span id="rename-error" className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}
