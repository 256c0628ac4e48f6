import { useState, type FormEvent } from 'react'
import type { CheckIn, KeyResult } from '@shared/mentorship/okr.ts'
import { checkInFromDraft, type CheckInDraft } from '@shared/mentorship/okrForm.ts'
import { keyResultProgress } from '@shared/mentorship/okrShare.ts'
import { newId } from '@shared/spaces/key.ts'
import { Dialog, Field } from '@ui/ui.tsx'
import { localToday } from '@ui/today.ts'

/** A dated check-in on one key result: the value reached and how confident the mentee is (1–10). */
export function CheckInDialog(props: { kr: KeyResult | null; onClose: () => void; onSave: (checkIn: CheckIn) => void }) {
  return (
    <Dialog title={props.kr ? `Check in: ${props.kr.title}` : 'Check in'} open={!!props.kr} onClose={props.onClose}>
      {props.kr && <CheckInForm kr={props.kr} onClose={props.onClose} onSave={props.onSave} />}
    </Dialog>
  )
}

function CheckInForm({ kr, onClose, onSave }: { kr: KeyResult; onClose: () => void; onSave: (checkIn: CheckIn) => void }) {
  const [draft, setDraft] = useState<CheckInDraft>(() => ({
    date: localToday(),
    value: kr.kind === 'binary' ? '' : String(kr.current),
    done: kr.kind === 'binary' ? kr.done : false,
    confidence: 7,
    note: ''
  }))
  const [error, setError] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const result = checkInFromDraft(kr, newId(), draft)
    if (!result.ok) return setError(result.error)
    try {
      onSave(result.checkIn)
      onClose()
    } catch (err) {
      setError((err as Error).message)
    }
  }
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="muted">Now: {keyResultProgress(kr)}</p>
      <div className="form-grid two">
        <Field label="Date">
          <input type="date" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />
        </Field>
        {kr.kind === 'binary' ? (
          <label className="check-line align-end">
            <input type="checkbox" checked={draft.done} onChange={(e) => setDraft({ ...draft, done: e.target.checked })} /> Done
          </label>
        ) : (
          <Field label={kr.kind === 'percentage' ? 'Reached (%)' : `Reached${kr.unit ? ` (${kr.unit})` : ''}`}>
            <input inputMode="decimal" value={draft.value} autoFocus onChange={(e) => setDraft({ ...draft, value: e.target.value })} />
          </Field>
        )}
      </div>
      <label className="field">
        <span className="field-label">
          Confidence: <output>{draft.confidence}</output>/10
        </span>
        <input
          type="range"
          min={1}
          max={10}
          step={1}
          aria-label="Confidence from 1 to 10"
          value={draft.confidence}
          onChange={(e) => setDraft({ ...draft, confidence: Number(e.target.value) })}
        />
        <span className="field-hint">How sure are you of reaching the target this quarter?</span>
      </label>
      <Field label="Note">
        <textarea rows={2} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} placeholder="What moved, what is in the way" />
      </Field>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Save check-in
        </button>
      </div>
    </form>
  )
}
