import { useState, type FormEvent } from 'react'
import type { Okr } from '@shared/mentorship/okr.ts'
import { KIND_LABELS, draftFromKeyResult, emptyKeyResultDraft, okrFromDraft, quarterChoices, type KeyResultDraft, type OkrDraft } from '@shared/mentorship/okrForm.ts'
import { newId } from '@shared/spaces/key.ts'
import { Dialog, Field } from '@ui/ui.tsx'
import { localToday, useToday } from '@ui/today.ts'

/** A new personal OKR for a mentee, or an edit of one (its check-ins are kept). */
export function OkrFormDialog(props: { open: boolean; mentee: string; editing: Okr | null; onClose: () => void; onSave: (okr: Okr) => void }) {
  return (
    <Dialog title={props.editing ? 'Edit OKR' : `New OKR for ${props.mentee}`} open={props.open} onClose={props.onClose} wide>
      <OkrForm {...props} />
    </Dialog>
  )
}

function OkrForm({ editing, onClose, onSave }: Parameters<typeof OkrFormDialog>[0]) {
  const [draft, setDraft] = useState<OkrDraft>(() =>
    editing
      ? { objective: editing.objective, quarter: editing.quarter, keyResults: editing.keyResults.map(draftFromKeyResult) }
      : { objective: '', quarter: quarterChoices(localToday())[1] ?? '', keyResults: [emptyKeyResultDraft(newId())] }
  )
  const [errors, setErrors] = useState<string[]>([])
  const today = useToday()
  const quarters = [...new Set([...quarterChoices(today), draft.quarter])].sort()
  const setKr = (i: number, patch: Partial<KeyResultDraft>) =>
    setDraft({ ...draft, keyResults: draft.keyResults.map((kr, j) => (j === i ? { ...kr, ...patch } : kr)) })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const result = okrFromDraft(editing?.id ?? newId(), draft, editing?.checkIns ?? [])
    if (!result.ok) return setErrors(result.errors)
    onSave(result.okr)
    onClose()
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="form-grid objective-row">
        <Field label="Objective" hint="Qualitative and a little inspirational: where do you want to be at the end of the quarter?">
          <textarea rows={2} value={draft.objective} autoFocus onChange={(e) => setDraft({ ...draft, objective: e.target.value })} />
        </Field>
        <Field label="Quarter">
          <select value={draft.quarter} onChange={(e) => setDraft({ ...draft, quarter: e.target.value })}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="kr-fieldset">
        <legend className="field-label">Key results</legend>
        {draft.keyResults.map((kr, i) => (
          <div key={kr.id} className="kr-row" role="group" aria-label={`Key result ${i + 1} fields`}>
            <input aria-label={`Key result ${i + 1}`} value={kr.title} placeholder="Cut median cycle time" onChange={(e) => setKr(i, { title: e.target.value })} />
            <select aria-label={`Kind of key result ${i + 1}`} value={kr.kind} onChange={(e) => setKr(i, { kind: e.target.value as KeyResultDraft['kind'] })}>
              {Object.entries(KIND_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
            {kr.kind === 'numeric' && (
              <span className="kr-numbers">
                <input aria-label="Start" inputMode="decimal" value={kr.start} onChange={(e) => setKr(i, { start: e.target.value })} placeholder="from" />
                <input aria-label="Target" inputMode="decimal" value={kr.target} onChange={(e) => setKr(i, { target: e.target.value })} placeholder="target" />
                <input aria-label="Current" inputMode="decimal" value={kr.current} onChange={(e) => setKr(i, { current: e.target.value })} placeholder="now" />
                <input aria-label="Unit" value={kr.unit} onChange={(e) => setKr(i, { unit: e.target.value })} placeholder="unit" />
              </span>
            )}
            {kr.kind === 'percentage' && (
              <span className="kr-numbers">
                <input aria-label="Current percentage" inputMode="decimal" value={kr.current} onChange={(e) => setKr(i, { current: e.target.value })} placeholder="0" />
                <span className="muted">%</span>
              </span>
            )}
            {kr.kind === 'binary' && (
              <label className="check-line">
                <input type="checkbox" checked={kr.done} onChange={(e) => setKr(i, { done: e.target.checked })} /> Done
              </label>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove key result ${i + 1}`}
              disabled={draft.keyResults.length === 1}
              onClick={() => setDraft({ ...draft, keyResults: draft.keyResults.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" className="button small" onClick={() => setDraft({ ...draft, keyResults: [...draft.keyResults, emptyKeyResultDraft(newId())] })}>
          Add a key result
        </button>
      </fieldset>
      {errors.length > 0 && (
        <div role="alert">
          <ul className="problems error">
            {errors.map((e) => (
              <li key={e}>{e.charAt(0).toUpperCase() + e.slice(1)}.</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted small">Scored the Google way: each key result 0.0–1.0, the objective their average; 0.7 is on target for a stretch goal.</p>
      <div className="row end">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Save OKR
        </button>
      </div>
    </form>
  )
}
