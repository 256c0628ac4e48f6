import { useState, type FormEvent } from 'react'
import { DurationMinutes, type CeremonySettings, type TeamCeremonySettings } from '@shared/sprint/cadence.ts'
import { CEREMONIES, ROLES, ROLE_LABELS, type CeremonyKind, type Role } from '@shared/sprint/ceremonies.ts'
import { LocalTime } from '@shared/sprint/localTime.ts'
import { Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'

interface Resolved {
  localStart: string
  durationMinutes: number
  roles: readonly Role[]
  zone: string
}

/**
 * The settings of a ceremony series: for one team (time, length, who comes, or "we don't hold
 * it"; for the division planning only whom the team sends), or org-wide (time and length, the
 * default of every team).
 */
export function SeriesEditor(
  props:
    | { mode: 'team'; kind: CeremonyKind; teamName: string; current: TeamCeremonySettings | undefined; resolved: Resolved; onSave(s: TeamCeremonySettings | null): void }
    | { mode: 'org'; kind: CeremonyKind; current: CeremonySettings | undefined; resolved: Resolved; onSave(s: CeremonySettings | null): void }
) {
  const { kind, resolved } = props
  const onlyParticipants = props.mode === 'team' && kind === 'division-sprint-planning'
  const current = props.current
  const [start, setStart] = useState(current?.start ?? resolved.localStart)
  const [duration, setDuration] = useState(String(current?.durationMinutes ?? resolved.durationMinutes))
  const teamCurrent = props.mode === 'team' ? props.current : undefined
  const [roles, setRoles] = useState<Role[]>([...(teamCurrent?.participants?.roles ?? resolved.roles)])
  const [note, setNote] = useState(teamCurrent?.participants?.note ?? '')
  const [error, setError] = useState<string | null>(null)

  const save = (e: FormEvent) => {
    e.preventDefault()
    const time = LocalTime.safeParse(start)
    const minutes = DurationMinutes.safeParse(Number(duration))
    if (!onlyParticipants && !time.success) return setError('Use a time like 09:30.')
    if (!onlyParticipants && !minutes.success) return setError('A meeting lasts 5 minutes to 8 hours.')
    if (props.mode === 'team' && roles.length === 0) return setError('Invite at least one role.')
    setError(null)
    if (props.mode === 'org') {
      props.onSave({ ...props.current, start: time.data, durationMinutes: minutes.data })
    } else {
      const participants = { roles, ...(note.trim() ? { note: note.trim() } : {}) }
      props.onSave(onlyParticipants ? { participants } : { ...props.current, start: time.data, durationMinutes: minutes.data, participants })
    }
    toast('Saved for every coming meeting')
  }

  const title = props.mode === 'team' ? (onlyParticipants ? `Whom ${props.teamName} sends` : `Every ${CEREMONIES[kind].label.toLowerCase()} of ${props.teamName}`) : `Org-wide default`
  const cancelled = props.mode === 'team' && !!props.current?.cancelled
  return (
    <section className="panel" aria-labelledby={`series-${props.mode}`}>
      <h3 id={`series-${props.mode}`}>{title}</h3>
      {props.mode === 'org' && CEREMONIES[kind].scope === 'team' && (
        <p className="muted small">Every team holds it at this time in its own zone, unless the team sets its own.</p>
      )}
      <form className="stack" onSubmit={save} noValidate>
        {!onlyParticipants && (
          <div className="sp-two">
            <Field label={`Time (${resolved.zone})`}>
              <input type="time" value={start} onChange={(e) => setStart(e.target.value)} disabled={cancelled} />
            </Field>
            <Field label="Minutes">
              <input type="number" min={5} max={480} step={5} value={duration} onChange={(e) => setDuration(e.target.value)} disabled={cancelled} />
            </Field>
          </div>
        )}
        {props.mode === 'team' && (
          <fieldset className="sp-checks">
            <legend className="field-label">Who comes</legend>
            {ROLES.map((r) => (
              <label key={r} className="sp-check">
                <input
                  type="checkbox"
                  checked={roles.includes(r)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
                  disabled={cancelled}
                />
                {ROLE_LABELS[r]}
              </label>
            ))}
          </fieldset>
        )}
        {props.mode === 'team' && (
          <Field label="Note on who comes">
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder={onlyParticipants ? 'We send Ana' : ''} disabled={cancelled} />
          </Field>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="button" disabled={cancelled}>
            Save for every meeting
          </button>
          {props.mode === 'team' && !onlyParticipants && (
            <button type="button" className="button ghost" onClick={() => props.onSave({ ...props.current, cancelled: !cancelled || undefined })}>
              {cancelled ? 'Hold it again' : 'We don’t hold this one'}
            </button>
          )}
          {props.current && (
            <button type="button" className="button ghost" onClick={() => props.onSave(null)}>
              Back to the defaults
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
