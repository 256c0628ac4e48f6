import { z } from 'zod'
import { plainText } from '../text/plainText.ts'
import { NameText, RecordId } from '../text/limits.ts'
import { isIanaTimeZone, Profile, PROFILE_LIMITS } from './profile.ts'
import { canEditProfile, type Owned, type Viewer } from './poolOwnership.ts'

/**
 * Comments and suggestions on someone else's profile (issue 15 #3: people own their profiles —
 * only the owner edits it, others may comment or suggest). A note is its author's record
 * (`authorId`, their member id): only the author deletes it. The profile's owner (or the admin while
 * nobody has claimed it: whoever may edit it) applies a suggestion to the profile in one click or
 * dismisses it; that answer is the note's `resolution`, the one field someone else writes.
 */

export const NOTE_LIMITS = { text: 1_000 } as const

/** What a suggestion may change: add an item to one of the lists, or set the department or time zone. */
export const SUGGESTION_FIELDS = ['beAMentor', 'seekAMentor', 'hobbies', 'favoriteResources', 'dept', 'timezone'] as const
export type SuggestionField = (typeof SUGGESTION_FIELDS)[number]

export const SUGGESTION_FIELD_LABELS: Record<SuggestionField, string> = {
  beAMentor: 'Add a be-a-mentor item',
  seekAMentor: 'Add a seek-a-mentor item',
  hobbies: 'Add a hobby',
  favoriteResources: 'Add a favourite resource',
  dept: 'Set the department or team',
  timezone: 'Set the time zone'
}

const LIST_FIELDS = new Set<SuggestionField>(['beAMentor', 'seekAMentor', 'hobbies', 'favoriteResources'])

export const ProfileChange = z.object({
  field: z.enum(SUGGESTION_FIELDS),
  value: plainText(PROFILE_LIMITS.item).pipe(z.string().min(1))
})
export type ProfileChange = z.infer<typeof ProfileChange>

export const ProfileNote = z.object({
  profileId: RecordId,
  /** the member who wrote it (their member id): only they delete it */
  authorId: RecordId,
  authorName: NameText,
  kind: z.enum(['comment', 'suggestion']),
  /** the comment, or why the suggestion (may be empty for a suggestion) */
  text: plainText(NOTE_LIMITS.text),
  /** a suggestion's change; null for a comment */
  change: ProfileChange.nullable(),
  createdAt: z.number(),
  /** the owner's answer to a suggestion */
  resolution: z.enum(['applied', 'dismissed']).nullable().catch(null).default(null),
  resolvedAt: z.number().nullable().catch(null).default(null)
})
export type ProfileNote = z.infer<typeof ProfileNote>

/** The fields of a note its author writes (a signature, where records are signed, covers these). */
export const AUTHORED_NOTE_FIELDS = ['profileId', 'authorId', 'authorName', 'kind', 'text', 'change', 'createdAt'] as const

export interface NoteDraft {
  kind: 'comment' | 'suggestion'
  text: string
  field: SuggestionField
  value: string
}

export type NoteDraftResult = { ok: true; note: Pick<ProfileNote, 'kind' | 'text' | 'change'> } | { ok: false; errors: Partial<Record<'text' | 'value', string>> }

/** The form's draft → what the note says, or each problem on its field. */
export function noteFromDraft(draft: NoteDraft, profile: Profile): NoteDraftResult {
  const errors: Partial<Record<'text' | 'value', string>> = {}
  const text = plainText(NOTE_LIMITS.text).safeParse(draft.text)
  if (!text.success) errors.text = `Keep it under ${NOTE_LIMITS.text} characters, plain text.`
  else if (draft.kind === 'comment' && !text.data) errors.text = 'Write your comment.'
  if (draft.kind === 'comment') return text.success && !errors.text ? { ok: true, note: { kind: 'comment', text: text.data, change: null } } : { ok: false, errors }
  const change = ProfileChange.safeParse({ field: draft.field, value: draft.value })
  if (!change.success) errors.value = draft.value.trim() ? `Keep it under ${PROFILE_LIMITS.item} characters, plain text.` : 'Write what to add or set.'
  else {
    const problem = changeProblem(profile, change.data)
    if (problem) errors.value = problem
  }
  if (Object.keys(errors).length || !text.success || !change.success) return { ok: false, errors }
  return { ok: true, note: { kind: 'suggestion', text: text.data, change: change.data } }
}

function sameItem(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

/** Why this change cannot be applied to the profile as it is now, or null. */
export function changeProblem(profile: Profile, change: ProfileChange): string | null {
  if (LIST_FIELDS.has(change.field)) {
    const items = profile[change.field as 'beAMentor' | 'seekAMentor' | 'hobbies' | 'favoriteResources']
    if (items.some((item) => sameItem(item, change.value))) return 'The profile has this item already.'
    if (items.length >= PROFILE_LIMITS.items) return `The list has ${PROFILE_LIMITS.items} items, the most it can hold.`
    return null
  }
  if (change.field === 'timezone') {
    if (!isIanaTimeZone(change.value.trim())) return 'A time zone such as "Europe/Berlin" (IANA).'
    return profile.timezone === change.value.trim() ? 'The profile says this time zone already.' : null
  }
  if (change.value.length > PROFILE_LIMITS.dept) return `Keep it under ${PROFILE_LIMITS.dept} characters.`
  return sameItem(profile.dept, change.value) ? 'The profile says this already.' : null
}

/** The profile with the suggestion applied, or why it cannot be. */
export function applyChange(profile: Profile, change: ProfileChange): { ok: true; profile: Profile } | { ok: false; error: string } {
  const problem = changeProblem(profile, change)
  if (problem) return { ok: false, error: problem }
  const value = change.value.trim()
  const next: Profile = LIST_FIELDS.has(change.field)
    ? { ...profile, [change.field]: [...profile[change.field as 'beAMentor'], value] }
    : { ...profile, [change.field]: value }
  const checked = Profile.safeParse(next)
  return checked.success ? { ok: true, profile: checked.data } : { ok: false, error: checked.error.issues[0]?.message ?? 'The profile would not be valid.' }
}

/** "Add a be-a-mentor item: 'Kafka'" */
export function describeChange(change: ProfileChange): string {
  return `${SUGGESTION_FIELD_LABELS[change.field]}: “${change.value}”`
}

/** Who may comment or suggest: anyone who may not edit the profile themselves. */
export function canNote(profile: Owned, viewer: Viewer): boolean {
  return !canEditProfile(profile, viewer)
}

/** Who answers a suggestion (apply, dismiss): whoever may edit the profile. */
export function canResolve(profile: Owned, viewer: Viewer): boolean {
  return canEditProfile(profile, viewer)
}

/** Only the author deletes a note. */
export function canDeleteNote(note: Pick<ProfileNote, 'authorId'>, me: string): boolean {
  return note.authorId === me
}

/** A profile's notes, oldest first; answered suggestions after the open ones. */
export function notesOf<N extends ProfileNote & { id: string }>(notes: readonly N[], profileId: string): N[] {
  return notes
    .filter((n) => n.profileId === profileId)
    .sort((x, y) => Number(x.resolution !== null) - Number(y.resolution !== null) || x.createdAt - y.createdAt || x.id.localeCompare(y.id))
}
