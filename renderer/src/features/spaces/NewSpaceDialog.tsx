import { useState, type FormEvent } from 'react'
import { useLocation } from 'wouter'
import { cleanSpaceName, SPACE_KIND_HINTS, SPACE_KIND_LABELS, SPACE_KINDS, SPACE_NAME_MAX, type SpaceKind } from '@shared/spaces/space.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { TextLimit } from '@ui/TextLimit.tsx'
import { Dialog, Field } from '@ui/ui.tsx'
import { closeNewSpace, useUi } from '@ui/uiStore.ts'

export function NewSpaceDialog({ identity }: { identity: IdentityRow }) {
  const { open, kind } = useUi((s) => s.newSpace)
  return (
    <Dialog title="New space" open={open} onClose={closeNewSpace}>
      <NewSpaceForm identity={identity} initialKind={kind} />
    </Dialog>
  )
}

/** Mounted each time the dialog opens, so it starts empty. */
function NewSpaceForm({ identity, initialKind }: { identity: IdentityRow; initialKind: SpaceKind }) {
  const [, navigate] = useLocation()
  const [name, setName] = useState('')
  const [kind, setKind] = useState<SpaceKind>(initialKind)
  const [error, setError] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const clean = cleanSpaceName(name)
    if (!clean.ok) return setError(clean.error)
    try {
      const id = await createSpace(clean.name, kind, identity)
      closeNewSpace()
      navigate(`/space/${id}`)
    } catch (err) {
      setError(`Could not create the space: ${(err as Error).message}`)
    }
  }

  return (
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <fieldset className="kind-picker">
          <legend className="field-label">Kind</legend>
          {SPACE_KINDS.map((k) => (
            <label key={k} className={`kind-option ${k === kind ? 'selected' : ''}`}>
              <input type="radio" name="kind" value={k} checked={k === kind} onChange={() => setKind(k)} />
              <span className="kind-title">{SPACE_KIND_LABELS[k]}</span>
              <span className="kind-hint">{SPACE_KIND_HINTS[k]}</span>
            </label>
          ))}
        </fieldset>
        <Field label="Name" error={error}>
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={SPACE_NAME_MAX} placeholder={kind === 'pair' ? 'Daria & Bruce' : kind === 'team' ? 'Growth team' : 'Engineering'} />
        </Field>
        <TextLimit length={name.length} max={SPACE_NAME_MAX} />
        <div className="row end">
          <button type="button" className="button" onClick={closeNewSpace}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Create space
          </button>
        </div>
      </form>
  )
}
