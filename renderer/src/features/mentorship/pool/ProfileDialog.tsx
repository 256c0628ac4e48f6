import { useState, type FormEvent } from 'react'
import { profileHints } from '@shared/mentorship/profile.ts'
import {
  EMPTY_PROFILE_DRAFT,
  draftToProfile,
  profileToDraft,
  type ProfileDraft,
  type ProfileDraftErrors
} from '@shared/mentorship/profileForm.ts'
import type { PoolProfile } from '@shared/mentorship/pairRecords.ts'
import type { Profile } from '@shared/mentorship/profile.ts'
import { Dialog, Field } from '@ui/ui.tsx'

/** Add a profile to the pool by hand, or edit one. Lists are one item per line. */
export function ProfileDialog(props: {
  open: boolean
  editing: (PoolProfile & { id: string }) | null
  onClose: () => void
  onSave: (id: string | null, profile: Profile) => void
  onRemove: (id: string) => void
}) {
  return (
    <Dialog title={props.editing ? `Edit ${props.editing.name}` : 'Add your profile'} open={props.open} onClose={props.onClose} wide>
      <ProfileForm {...props} />
    </Dialog>
  )
}

function ProfileForm({ editing, onClose, onSave, onRemove }: Parameters<typeof ProfileDialog>[0]) {
  const [draft, setDraft] = useState<ProfileDraft>(() => (editing ? profileToDraft(editing) : EMPTY_PROFILE_DRAFT))
  const [errors, setErrors] = useState<ProfileDraftErrors>({})
  const result = draftToProfile(draft)
  const hints = result.ok ? profileHints(result.profile) : []
  const set = (field: keyof ProfileDraft) => (e: { target: { value: string } }) => {
    setDraft({ ...draft, [field]: e.target.value })
    if (errors[field]) setErrors({ ...errors, [field]: undefined })
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!result.ok) return setErrors(result.errors)
    onSave(editing?.id ?? null, result.profile)
    onClose()
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="form-grid">
        <Field label="Name" error={errors.name}>
          <input value={draft.name} onChange={set('name')} autoFocus maxLength={80} placeholder="Ada Example" />
        </Field>
        <Field label="Department or team" error={errors.dept}>
          <input value={draft.dept} onChange={set('dept')} placeholder="engg / Growth" />
        </Field>
        <Field label="Time zone" hint="IANA name, e.g. Europe/Berlin (optional)" error={errors.timezone}>
          <input value={draft.timezone} onChange={set('timezone')} placeholder="America/Los_Angeles" />
        </Field>
      </div>
      <div className="form-grid two">
        <Field label="Be a mentor (BAM)" hint="Things you have done at least 2–3 times. One per line." error={errors.beAMentor}>
          <textarea value={draft.beAMentor} onChange={set('beAMentor')} rows={4} placeholder={'Rust services in production\nWriting design docs'} />
        </Field>
        <Field label="Seek a mentor (SAM)" hint="Things you have done once, or for under a year. One per line." error={errors.seekAMentor}>
          <textarea value={draft.seekAMentor} onChange={set('seekAMentor')} rows={4} placeholder={'Frontend development with React\nPublic speaking'} />
        </Field>
        <Field label="Hobbies" hint="One per line." error={errors.hobbies}>
          <textarea value={draft.hobbies} onChange={set('hobbies')} rows={2} />
        </Field>
        <Field label="Favourite resources" hint="Books, talks, courses. One per line." error={errors.favoriteResources}>
          <textarea value={draft.favoriteResources} onChange={set('favoriteResources')} rows={2} />
        </Field>
      </div>
      {hints.length > 0 && (
        <ul className="hints" aria-label="Suggestions for this profile">
          {hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      <div className="row end">
        {editing && (
          <button
            type="button"
            className="button ghost danger-text push-left"
            onClick={() => {
              onRemove(editing.id)
              onClose()
            }}
          >
            Remove from pool
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          {editing ? 'Save profile' : 'Add to pool'}
        </button>
      </div>
    </form>
  )
}
