import { useState, type FormEvent } from 'react'
import { DurationMinutes, type OccurrenceOverride } from '@shared/sprint/cadence.ts'
import type { CeremonyOccurrence } from '@shared/sprint/schedule.ts'
import { fromLocalInput, toLocalInput } from '@shared/sprint/viewerTime.ts'
import { Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'

/** Changes one meeting: another time or length, a note, cancelled; or back to the plan. */
export function OccurrenceEditor(props: {
  occurrence: CeremonyOccurrence
  override: OccurrenceOverride | undefined
  onSave(override: OccurrenceOverride | null): void
}) {
  const o = props.occurrence
  const [start, setStart] = useState(() => toLocalInput(o.start, o.zone))
  const [duration, setDuration] = useState(String(o.durationMinutes))
  const [note, setNote] = useState(props.override?.note ?? '')
  const [error, setError] = useState<string | null>(null)
  const current = props.override ?? {}

  const save = (e: FormEvent) => {
    e.preventDefault()
    const instant = fromLocalInput(start, o.zone)
    const minutes = DurationMinutes.safeParse(Number(duration))
    if (!instant) return setError('Choose a date and time.')
    if (!minutes.success) return setError('A meeting lasts 5 minutes to 8 hours.')
    setError(null)
    const moved = Date.parse(instant) !== Date.parse(o.start) || props.override?.start !== undefined
    props.onSave({
      ...current,
      ...(moved ? { start: instant } : {}),
      durationMinutes: minutes.data,
      ...(note.trim() ? { note: note.trim() } : { note: undefined })
    })
    toast('Meeting updated')
  }
  const setCancelled = (cancelled: boolean) => {
    props.onSave({ ...current, cancelled: cancelled || undefined })
    toast(cancelled ? 'Meeting cancelled for this day' : 'Meeting restored')
  }

  return (
    <section className="panel" aria-labelledby="occurrence-title">
      <h3 id="occurrence-title">This meeting</h3>
      <form className="stack" onSubmit={save} noValidate>
        <Field label={`Starts (${o.zone} time)`}>
          <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} disabled={o.cancelled} />
        </Field>
        <Field label="Length in minutes">
          <input type="number" min={5} max={480} step={5} value={duration} onChange={(e) => setDuration(e.target.value)} disabled={o.cancelled} />
        </Field>
        <Field label="Note for this day" hint="Shown on the meeting, e.g. why it moved.">
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </Field>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="button primary" disabled={o.cancelled}>
            Save this meeting
          </button>
          {o.cancelled ? (
            <button type="button" className="button" onClick={() => setCancelled(false)}>
              Restore this meeting
            </button>
          ) : (
            <button type="button" className="button danger-outline" onClick={() => setCancelled(true)}>
              Cancel this meeting
            </button>
          )}
          {props.override && (
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                props.onSave(null)
                toast('Back to the planned time')
              }}
            >
              Undo all changes
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
