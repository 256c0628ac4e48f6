import { useMemo } from 'react'
import { namesOf, personName } from '@shared/members/personName.ts'
import { newId } from '@shared/spaces/key.ts'
import { AUTHORED_NOTE_FIELDS, applyChange, ProfileNote } from '@shared/mentorship/profileNotes.ts'
import { collection, defineCollection, useRecords, type Rec } from '@core/collections/index.ts'
import { useMembers } from '@core/spaces/hooks.ts'
import { readMembers } from '@core/spaces/spaceDoc.ts'
import { programDoc, type Program, type ProgramRef } from './docs.ts'
import { POOL, saveProfile } from './pool.ts'

/**
 * Comments and suggestions on pool profiles (shared/mentorship/profileNotes.ts), in the org's root
 * document next to the pool; a note goes with its profile when the profile is removed. Each note is
 * its author's (`authorId`): what they wrote carries their seal (core/collections/signing.ts); the
 * profile's owner writes only its `resolution`, which the seal leaves out.
 */
export const PROFILE_NOTES = defineCollection({
  name: 'profileNotes',
  schema: ProfileNote,
  parent: { def: POOL, field: 'profileId' },
  signed: { by: 'authorId', fields: AUTHORED_NOTE_FIELDS }
})

/** A note with its author named by their member entry (the `authorName` it carries is the writer's choice). */
export type ProfileNoteItem = Rec<ProfileNote> & { author: string }

const withAuthors = (notes: readonly Rec<ProfileNote>[], names: Readonly<Record<string, string>>): ProfileNoteItem[] =>
  notes.map((n) => ({ ...n, author: personName(n.authorId, names, 'A member') }))

export function useProfileNotes(program: Program | null): readonly ProfileNoteItem[] {
  const doc = program && programDoc(program)
  const notes = useRecords(doc, PROFILE_NOTES)
  const members = useMembers(doc)
  return useMemo(() => withAuthors(notes, namesOf(members)), [notes, members])
}

/** The notes as the pool shows them (sealed ones, named by member entries). */
export function readProfileNotes(program: ProgramRef): ProfileNoteItem[] {
  const doc = programDoc(program)
  return withAuthors(collection(doc, PROFILE_NOTES).list(), namesOf(readMembers(doc)))
}

export function addProfileNote(program: ProgramRef, note: Pick<ProfileNote, 'profileId' | 'authorId' | 'authorName' | 'kind' | 'text' | 'change'>): string {
  return collection(programDoc(program), PROFILE_NOTES).create({ ...note, createdAt: Date.now(), resolution: null, resolvedAt: null }, { id: newId() })
}

/** The author takes their note back. */
export function deleteProfileNote(program: ProgramRef, id: string): void {
  collection(programDoc(program), PROFILE_NOTES).remove(id)
}

export function dismissSuggestion(program: ProgramRef, id: string): void {
  collection(programDoc(program), PROFILE_NOTES).patch(id, { resolution: 'dismissed', resolvedAt: Date.now() })
}

/**
 * The owner applies a suggestion: the profile changes (through the same command as the owner's own
 * edit) and the note says so, in one change. Refused with the reason when the profile no longer
 * takes it (the item is there already, the list is full, the profile or note is gone).
 */
export function applySuggestion(program: ProgramRef, id: string): { ok: true } | { ok: false; error: string } {
  const doc = programDoc(program)
  const notes = collection(doc, PROFILE_NOTES)
  const note = notes.get(id)
  if (!note?.change || note.resolution !== null) return { ok: false, error: 'This suggestion is no longer open.' }
  const profile = collection(doc, POOL).get(note.profileId)
  if (!profile) return { ok: false, error: 'The profile is no longer in the pool.' }
  const applied = applyChange(profile, note.change)
  if (!applied.ok) return applied
  doc.transact(() => {
    saveProfile(program, note.profileId, applied.profile)
    notes.patch(id, { resolution: 'applied', resolvedAt: Date.now() })
  })
  return { ok: true }
}
