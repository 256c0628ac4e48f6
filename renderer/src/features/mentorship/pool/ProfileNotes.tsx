import { useState, type FormEvent } from 'react'
import type { PoolProfile } from '@shared/mentorship/pairRecords.ts'
import type { Viewer } from '@shared/mentorship/poolOwnership.ts'
import {
  canDeleteNote,
  canNote,
  canResolve,
  describeChange,
  noteFromDraft,
  NOTE_LIMITS,
  SUGGESTION_FIELD_LABELS,
  SUGGESTION_FIELDS,
  type NoteDraft,
  type ProfileNote,
  type SuggestionField
} from '@shared/mentorship/profileNotes.ts'
import { PROFILE_LIMITS } from '@shared/mentorship/profile.ts'
import type { Program } from '../store/docs.ts'
import { addProfileNote, applySuggestion, deleteProfileNote, dismissSuggestion, type ProfileNoteItem } from '../store/profileNotes.ts'
import { toast } from '@ui/toasts.ts'
import { Dialog, Field } from '@ui/ui.tsx'
import './profileNotes.css'

type Note = ProfileNoteItem

/** Profiles whose notes the reader opened: kept while the app runs, so a card drawn again (a peer's change) stays as it was. */
const expandedProfiles = new Set<string>()

/**
 * Comments and suggestions on one profile card: everyone reads them; someone who may not edit the
 * profile writes one; whoever may edit it (the owner) applies a suggestion in one click or
 * dismisses it; an author deletes their own.
 */
export function ProfileNotes(props: {
  program: Program
  profile: PoolProfile & { id: string }
  /** this profile's notes, open ones first (notesOf) */
  notes: readonly Note[]
  viewer: Viewer
  myName: string
  readOnly: boolean
}) {
  const { profile, notes, viewer } = props
  const [writing, setWriting] = useState(false)
  const resolver = !props.readOnly && canResolve(profile, viewer)
  const open = notes.filter((n) => n.kind === 'suggestion' && n.resolution === null).length
  const listName = `Comments and suggestions on ${profile.name}`
  const writer = !props.readOnly && canNote(profile, viewer)
  // open by itself when a suggestion waits for the owner; then as the reader leaves it
  const [expanded, setExpandedState] = useState(() => expandedProfiles.has(profile.id))
  const setExpanded = (on: boolean) => {
    if (on) expandedProfiles.add(profile.id)
    else expandedProfiles.delete(profile.id)
    setExpandedState(on)
  }
  const wantOpen = resolver && open > 0
  const [wanted, setWanted] = useState(false)
  if (wantOpen !== wanted) {
    setWanted(wantOpen)
    if (wantOpen && !expanded) setExpanded(true)
  }
  const apply = (note: Note) => {
    const result = applySuggestion(props.program, note.id)
    if (result.ok) toast(`Applied to ${profile.name}: ${note.change ? describeChange(note.change) : ''}`)
    else toast(`Could not apply it: ${result.error}`, 'error')
  }
  if (notes.length === 0 && !writer) return null
  return (
    <div className="profile-notes">
      {notes.length > 0 && (
        <details className="notes" open={expanded} onToggle={(e) => setExpanded(e.currentTarget.open)}>
          <summary className="small">
            {notes.length} {notes.length === 1 ? 'comment or suggestion' : 'comments and suggestions'}
            {open > 0 ? ` · ${open} open` : ''}
          </summary>
          <ul className="notes-list" aria-label={listName}>
            {notes.map((n) => (
              <li key={n.id} className={`note ${n.resolution ? 'answered' : ''}`}>
                <span className="small">
                  <strong>{n.author}</strong> {n.kind === 'suggestion' ? 'suggests' : 'says'}
                  {n.change && <span className="note-change"> {describeChange(n.change)}</span>}
                </span>
                {n.text && <span className="note-text small">{n.text}</span>}
                <span className="row note-actions">
                  {n.resolution && <span className="badge">{n.resolution === 'applied' ? 'Applied' : 'Dismissed'}</span>}
                  {resolver && n.kind === 'suggestion' && n.resolution === null && (
                    <>
                      <button type="button" className="button primary small" onClick={() => apply(n)} aria-label={`Apply ${n.author}'s suggestion to ${profile.name}: ${n.change?.value ?? ''}`}>
                        Apply
                      </button>
                      <button type="button" className="button ghost small" onClick={() => dismissSuggestion(props.program, n.id)} aria-label={`Dismiss ${n.author}'s suggestion: ${n.change?.value ?? ''}`}>
                        Dismiss
                      </button>
                    </>
                  )}
                  {!props.readOnly && canDeleteNote(n, viewer.me) && (
                    <button
                      type="button"
                      className="button ghost small danger-text"
                      onClick={() => deleteProfileNote(props.program, n.id)}
                      aria-label={`Delete your ${n.kind} on ${profile.name}: ${n.change?.value ?? n.text.slice(0, 40)}`}
                    >
                      Delete
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {writer && (
        <button type="button" className="button ghost small" onClick={() => setWriting(true)} aria-label={`Comment or suggest: ${profile.name}`}>
          Comment or suggest
        </button>
      )}
      <NoteDialog
        open={writing}
        profile={profile}
        onClose={() => setWriting(false)}
        onSave={(note) => {
          addProfileNote(props.program, { ...note, profileId: profile.id, authorId: viewer.me, authorName: props.myName })
          toast(note.kind === 'comment' ? `Your comment is on ${profile.name}'s profile.` : `Suggested to ${profile.name}: they can apply it in one click.`)
          setWriting(false)
        }}
      />
    </div>
  )
}

const EMPTY: NoteDraft = { kind: 'comment', text: '', field: 'beAMentor', value: '' }

function NoteDialog(props: {
  open: boolean
  profile: PoolProfile & { id: string }
  onClose: () => void
  onSave: (note: Pick<ProfileNote, 'kind' | 'text' | 'change'>) => void
}) {
  const [draft, setDraft] = useState<NoteDraft>(EMPTY)
  const [errors, setErrors] = useState<Partial<Record<'text' | 'value', string>>>({})
  const close = () => {
    setDraft(EMPTY)
    setErrors({})
    props.onClose()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const result = noteFromDraft(draft, props.profile)
    if (!result.ok) return setErrors(result.errors)
    setDraft(EMPTY)
    setErrors({})
    props.onSave(result.note)
  }
  const suggestion = draft.kind === 'suggestion'
  return (
    <Dialog title={`Comment or suggest: ${props.profile.name}`} open={props.open} onClose={close}>
      <form className="stack" onSubmit={submit} noValidate>
        <p className="muted small">Only {props.profile.name} edits this profile. A suggestion is theirs to apply in one click, or to dismiss.</p>
        <fieldset className="row note-kind">
          <legend className="field-label">What</legend>
          <label className="check-line">
            <input type="radio" name="note-kind" checked={!suggestion} onChange={() => setDraft({ ...draft, kind: 'comment' })} />
            A comment
          </label>
          <label className="check-line">
            <input type="radio" name="note-kind" checked={suggestion} onChange={() => setDraft({ ...draft, kind: 'suggestion' })} />
            A suggested change
          </label>
        </fieldset>
        {suggestion && (
          <div className="form-grid two">
            <Field label="Change">
              <select value={draft.field} onChange={(e) => setDraft({ ...draft, field: e.target.value as SuggestionField })}>
                {SUGGESTION_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {SUGGESTION_FIELD_LABELS[f]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={draft.field === 'timezone' || draft.field === 'dept' ? 'New value' : 'Item'} error={errors.value}>
              <input
                value={draft.value}
                maxLength={PROFILE_LIMITS.item}
                onChange={(e) => {
                  setDraft({ ...draft, value: e.target.value })
                  if (errors.value) setErrors({ ...errors, value: undefined })
                }}
              />
            </Field>
          </div>
        )}
        <Field label={suggestion ? 'Why (optional)' : 'Comment'} error={errors.text}>
          <textarea
            rows={3}
            value={draft.text}
            maxLength={NOTE_LIMITS.text}
            onChange={(e) => {
              setDraft({ ...draft, text: e.target.value })
              if (errors.text) setErrors({ ...errors, text: undefined })
            }}
          />
        </Field>
        <div className="row end">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            {suggestion ? 'Suggest' : 'Comment'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
