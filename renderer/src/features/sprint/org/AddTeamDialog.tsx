import { useState, type FormEvent } from 'react'
import { cleanSpaceName } from '@shared/spaces/space.ts'
import { TimeZoneName } from '@shared/sprint/localTime.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { createTeamInOrg, linkTeamToOrg } from '../store/teams.ts'
import { Dialog, Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'
import { ZoneInput } from '../common/ZoneInput.tsx'

/** Adds a team to the org: a new team space, or a team space already on this device. */
export function AddTeamDialog(props: { open: boolean; onClose(): void; orgSpaceId: string; listed: string[]; identity: IdentityRow; orgZone: string }) {
  return (
    <Dialog title="Add a team" open={props.open} onClose={props.onClose}>
      <AddTeamForm {...props} />
    </Dialog>
  )
}

function AddTeamForm(props: { onClose(): void; orgSpaceId: string; listed: string[]; identity: IdentityRow; orgZone: string }) {
  const spaces = useSpaces() ?? []
  const candidates = spaces.filter((s) => s.kind === 'team' && s.status === 'active' && !props.listed.includes(s.id))
  const [mode, setMode] = useState<'new' | 'existing'>('new')
  const [name, setName] = useState('')
  const [zone, setZone] = useState('')
  const [existing, setExisting] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    try {
      if (mode === 'new') {
        const clean = cleanSpaceName(name)
        if (!clean.ok) return setError(clean.error)
        if (zone && !TimeZoneName.safeParse(zone).success) return setError('Use an IANA time zone such as Europe/Berlin, or leave it empty.')
        await createTeamInOrg(props.orgSpaceId, clean.name, zone || undefined, props.identity)
        toast(`${clean.name} created. Invite its members from the list.`)
      } else {
        if (!existing) return setError('Choose a team.')
        await linkTeamToOrg(props.orgSpaceId, existing)
        toast('The team now follows the org’s sprint rhythm.')
      }
      props.onClose()
    } catch (err) {
      setError(`Could not add the team: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      {candidates.length > 0 && (
        <fieldset className="kind-picker">
          <legend className="field-label">Team</legend>
          <label className={`kind-option ${mode === 'new' ? 'selected' : ''}`}>
            <input type="radio" name="team-mode" checked={mode === 'new'} onChange={() => setMode('new')} />
            <span className="kind-title">A new team</span>
            <span className="kind-hint">Creates the team&apos;s own space; you invite its members.</span>
          </label>
          <label className={`kind-option ${mode === 'existing' ? 'selected' : ''}`}>
            <input type="radio" name="team-mode" checked={mode === 'existing'} onChange={() => setMode('existing')} />
            <span className="kind-title">A team already here</span>
            <span className="kind-hint">Its sprint rhythm becomes the org&apos;s; its own meeting times stay.</span>
          </label>
        </fieldset>
      )}
      {mode === 'new' ? (
        <>
          <Field label="Team name" error={error}>
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={80} placeholder="Payments" />
          </Field>
          <ZoneInput label="Team time zone (optional)" optional value={zone} onSave={setZone} hint={`Empty: the org's zone, ${props.orgZone}.`} />
        </>
      ) : (
        <Field label="Team space" error={error}>
          <select value={existing} onChange={(e) => setExisting(e.target.value)}>
            <option value="">Choose…</option>
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="row end">
        <button type="button" className="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {mode === 'new' ? 'Create team' : 'Add team'}
        </button>
      </div>
    </form>
  )
}
