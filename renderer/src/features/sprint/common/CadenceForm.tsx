import { useState } from 'react'
import { type CadenceFields, cadenceEditError } from '@shared/sprint/cadenceRecords.ts'
import { formatDay } from '@shared/sprint/viewerTime.ts'
import { Field } from '@ui/ui.tsx'
import { ZoneInput } from './ZoneInput.tsx'

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/**
 * The sprint rhythm: length, first start, zone, working days, holidays and the sync-up rules.
 * Each control saves on its own once the value is valid; a bad value is explained, not saved.
 */
export function CadenceForm(props: { fields: CadenceFields; onSave(patch: Partial<CadenceFields>): void; readOnly: boolean; zoneLabel?: string }) {
  const { fields, readOnly } = props
  const [error, setError] = useState<string | null>(null)
  const [length, setLength] = useState<string | null>(null)
  const [holiday, setHoliday] = useState('')
  const save = (patch: Partial<CadenceFields>) => {
    const problem = cadenceEditError(fields, patch)
    setError(problem)
    if (!problem) props.onSave(patch)
    return !problem
  }
  const commitLength = () => {
    if (length !== null && Number(length) !== fields.sprintLengthDays) save({ sprintLengthDays: Math.floor(Number(length)) })
    setLength(null)
  }
  const addHoliday = () => {
    if (!holiday || fields.holidays.includes(holiday)) return
    if (save({ holidays: [...fields.holidays, holiday].sort() })) setHoliday('')
  }
  return (
    <div className="stack sp-cadence-form">
      <div className="sp-form-grid">
        <Field label="Sprint length (days)" hint={fields.sprintLengthDays % 7 === 0 ? `${fields.sprintLengthDays / 7} week(s)` : 'Not whole weeks'}>
          <input
            type="number"
            min={1}
            max={91}
            value={length ?? String(fields.sprintLengthDays)}
            readOnly={readOnly}
            onChange={(e) => setLength(e.target.value)}
            onBlur={commitLength}
            onKeyDown={(e) => e.key === 'Enter' && commitLength()}
          />
        </Field>
        <Field label="First sprint starts" hint={formatDay(fields.firstSprintStart)}>
          <input
            type="date"
            value={fields.firstSprintStart}
            readOnly={readOnly}
            onChange={(e) => e.target.value && save({ firstSprintStart: e.target.value })}
          />
        </Field>
        <ZoneInput
          label={props.zoneLabel ?? 'Org time zone'}
          value={fields.timezone}
          readOnly={readOnly}
          hint="Sprint days and org-wide meetings follow it."
          onSave={(timezone) => save({ timezone })}
        />
      </div>
      <fieldset className="sp-checks">
        <legend className="field-label">Working days</legend>
        {WEEKDAYS.map((label, i) => {
          const day = i + 1
          const on = fields.workingDays.includes(day)
          return (
            <label key={label} className="sp-check">
              <input
                type="checkbox"
                checked={on}
                disabled={readOnly}
                onChange={() => save({ workingDays: on ? fields.workingDays.filter((d) => d !== day) : [...fields.workingDays, day].sort() })}
              />
              {label}
            </label>
          )
        })}
      </fieldset>
      <div className="field">
        <span className="field-label" id="holidays-label">
          Holidays (no meetings; they move to the nearest working day)
        </span>
        {fields.holidays.length > 0 ? (
          <ul className="sp-tags" aria-labelledby="holidays-label">
            {fields.holidays.map((d) => (
              <li key={d} className="sp-tag">
                {formatDay(d)} {d.slice(0, 4)}
                {!readOnly && (
                  <button type="button" className="sp-tag-x" aria-label={`Remove holiday ${d}`} onClick={() => save({ holidays: fields.holidays.filter((h) => h !== d) })}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted small">None.</span>
        )}
        {!readOnly && (
          <div className="row">
            <input type="date" aria-label="Holiday date" value={holiday} onChange={(e) => setHoliday(e.target.value)} className="sp-date-input" />
            <button type="button" className="button small" onClick={addHoliday} disabled={!holiday}>
              Add holiday
            </button>
          </div>
        )}
      </div>
      <fieldset className="sp-checks">
        <legend className="field-label">Daily sync-up</legend>
        <label className="sp-check">
          <input
            type="checkbox"
            checked={fields.syncUp.skipOnRetrospectiveDay}
            disabled={readOnly}
            onChange={(e) => save({ syncUp: { ...fields.syncUp, skipOnRetrospectiveDay: e.target.checked } })}
          />
          None on the retrospective day
        </label>
        <label className="sp-check">
          <input
            type="checkbox"
            checked={fields.syncUp.skipOnPlanningDay}
            disabled={readOnly}
            onChange={(e) => save({ syncUp: { ...fields.syncUp, skipOnPlanningDay: e.target.checked } })}
          />
          None on the planning day
        </label>
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
