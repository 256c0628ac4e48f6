import { useState } from 'react'
import { ZodError } from 'zod'
import { EMPTY_LATE_TICKET, type LateTicketDraft, type LateTicketFormField, draftOf, parseLateTicketForm } from '@shared/retro/lateTicketForm.ts'
import { type LateReason, type LateTicket, UNITS } from '@shared/retro/lateTickets.ts'
import { Field } from '@ui/ui.tsx'
import type { TeamRetroCommands } from '../store/team.ts'

const NEW_REASON = '__new'

/** Key and title, expected vs actual (one unit), a reason from the team's list (which it can extend), a note. */
export function LateTicketForm(props: {
  team: TeamRetroCommands
  context: { sprint: number; teamId: string; teamName: string }
  catalog: LateReason[]
  editing: LateTicket | null
  onDone(): void
}) {
  const [draft, setDraft] = useState<LateTicketDraft>(props.editing ? draftOf(props.editing) : EMPTY_LATE_TICKET)
  const [errors, setErrors] = useState<Partial<Record<LateTicketFormField, string>>>({})
  const [newReason, setNewReason] = useState<string | null>(null)
  const [reasonError, setReasonError] = useState<string | null>(null)
  const set = (patch: Partial<LateTicketDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const reasons = props.catalog.filter((r) => r.teamId === undefined || r.teamId === props.context.teamId)
  const save = () => {
    const result = parseLateTicketForm(draft, props.context)
    if (!result.ok) return setErrors(result.errors)
    props.team.saveLateTicket(props.editing?.id ?? null, result.fields)
    props.onDone()
  }
  const createReason = () => {
    try {
      const reason = props.team.addReason(props.catalog, props.context.teamId, newReason ?? '')
      set({ reasonId: reason.id })
      setNewReason(null)
      setReasonError(null)
    } catch (e) {
      setReasonError(e instanceof ZodError ? (e.issues[0]?.message ?? 'Check the name.') : e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <form
      className="rt-late-form"
      aria-label={props.editing ? `Edit ${props.editing.key}` : 'Record a late ticket'}
      onSubmit={(e) => {
        e.preventDefault()
        save()
      }}
    >
      <div className="rt-form-grid">
        <Field label="Ticket key" error={errors.key}>
          <input value={draft.key} placeholder="ENG-8504" maxLength={40} onChange={(e) => set({ key: e.target.value })} />
        </Field>
        <Field label="Title" error={errors.title}>
          <input value={draft.title} maxLength={300} onChange={(e) => set({ title: e.target.value })} />
        </Field>
        <Field label="Expected" error={errors.expected}>
          <input inputMode="decimal" value={draft.expected} onChange={(e) => set({ expected: e.target.value })} />
        </Field>
        <Field label="Actual" error={errors.actual}>
          <input inputMode="decimal" value={draft.actual} onChange={(e) => set({ actual: e.target.value })} />
        </Field>
        <Field label="Unit">
          <select value={draft.unit} onChange={(e) => set({ unit: e.target.value as LateTicketDraft['unit'] })}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Reason" error={errors.reasonId}>
          <select
            value={newReason !== null ? NEW_REASON : draft.reasonId}
            onChange={(e) => {
              if (e.target.value === NEW_REASON) setNewReason('')
              else {
                setNewReason(null)
                set({ reasonId: e.target.value })
              }
            }}
          >
            <option value="">Pick a reason…</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
            <option value={NEW_REASON}>Add a reason…</option>
          </select>
        </Field>
      </div>
      {newReason !== null && (
        <div className="rt-new-reason">
          <Field label="New reason for the team’s list" error={reasonError}>
            <input
              autoFocus
              value={newReason}
              maxLength={80}
              onChange={(e) => setNewReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault()
                  createReason()
                }
              }}
            />
          </Field>
          <button type="button" className="button small" onClick={createReason}>
            Add reason
          </button>
        </div>
      )}
      <Field label="What happened (optional)" error={errors.note}>
        <textarea rows={2} maxLength={2000} value={draft.note} onChange={(e) => set({ note: e.target.value })} />
      </Field>
      <div className="row end">
        <button type="button" className="button" onClick={props.onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          {props.editing ? 'Save' : 'Record ticket'}
        </button>
      </div>
    </form>
  )
}
