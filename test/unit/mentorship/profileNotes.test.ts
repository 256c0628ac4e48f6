import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { applyChange, canDeleteNote, canNote, canResolve, describeChange, noteFromDraft, notesOf, NOTE_LIMITS, ProfileNote } from '@shared/mentorship/profileNotes.ts'
import { PROFILE_LIMITS, type Profile } from '@shared/mentorship/profile.ts'
import { addProfileNote, applySuggestion, deleteProfileNote, dismissSuggestion, PROFILE_NOTES, readProfileNotes } from '@features/mentorship/store/profileNotes.ts'
import { POOL, removeProfile, saveProfile } from '@features/mentorship/store/pool.ts'
import { collection } from '@core/collections/index.ts'
import { upsertSelf } from '@core/spaces/spaceDoc.ts'
import { as, person, settle, useNoSignerBetweenTests } from '../fixtures/people.ts'
import { profileNamed } from './fixtures/profile.ts'

const ada: Profile = { ...profileNamed('Ada', 'engg'), beAMentor: ['Rust services'], seekAMentor: ['React'] }

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('notes on a profile: the rules', () => {
  const owned = { id: 'p1', name: 'Ada', ownerId: 'ada-device' }
  it('others comment and suggest; the owner answers; only the author deletes', () => {
    expect(canNote(owned, { me: 'bo-device', isAdmin: false })).toBe(true)
    expect(canNote(owned, { me: 'ada-device', isAdmin: false })).toBe(false)
    expect(canResolve(owned, { me: 'ada-device', isAdmin: false })).toBe(true)
    expect(canResolve(owned, { me: 'bo-device', isAdmin: true })).toBe(false)
    // unclaimed: the admin edits it, so the admin answers and others note
    const unclaimed = { ...owned, ownerId: null }
    expect(canResolve(unclaimed, { me: 'admin', isAdmin: true })).toBe(true)
    expect(canNote(unclaimed, { me: 'bo-device', isAdmin: false })).toBe(true)
    expect(canDeleteNote({ authorId: 'bo-device' }, 'bo-device')).toBe(true)
    expect(canDeleteNote({ authorId: 'bo-device' }, 'ada-device')).toBe(false)
  })

  it('checks the form and names the field of each problem', () => {
    expect(noteFromDraft({ kind: 'comment', text: '  ', field: 'beAMentor', value: '' }, ada)).toEqual({ ok: false, errors: { text: 'Write your comment.' } })
    expect(noteFromDraft({ kind: 'comment', text: 'x'.repeat(NOTE_LIMITS.text + 1), field: 'beAMentor', value: '' }, ada)).toMatchObject({ ok: false, errors: { text: expect.stringContaining('under 1000') } })
    expect(noteFromDraft({ kind: 'comment', text: ' Great profile ', field: 'beAMentor', value: 'ignored' }, ada)).toEqual({ ok: true, note: { kind: 'comment', text: 'Great profile', change: null } })
    expect(noteFromDraft({ kind: 'suggestion', text: '', field: 'beAMentor', value: '' }, ada)).toEqual({ ok: false, errors: { value: 'Write what to add or set.' } })
    expect(noteFromDraft({ kind: 'suggestion', text: '', field: 'beAMentor', value: 'rust SERVICES' }, ada)).toEqual({ ok: false, errors: { value: 'The profile has this item already.' } })
    expect(noteFromDraft({ kind: 'suggestion', text: '', field: 'timezone', value: 'Mars/Olympus' }, ada)).toMatchObject({ ok: false, errors: { value: expect.stringContaining('IANA') } })
    expect(noteFromDraft({ kind: 'suggestion', text: 'You ran our Kafka migration', field: 'beAMentor', value: ' Kafka ' }, ada)).toEqual({
      ok: true,
      note: { kind: 'suggestion', text: 'You ran our Kafka migration', change: { field: 'beAMentor', value: 'Kafka' } }
    })
  })

  it('applies a suggestion to a copy of the profile, or says why not', () => {
    expect(applyChange(ada, { field: 'beAMentor', value: 'Kafka' })).toEqual({ ok: true, profile: { ...ada, beAMentor: ['Rust services', 'Kafka'] } })
    expect(applyChange(ada, { field: 'timezone', value: 'Europe/Berlin' })).toEqual({ ok: true, profile: { ...ada, timezone: 'Europe/Berlin' } })
    expect(applyChange(ada, { field: 'dept', value: 'Platform' })).toEqual({ ok: true, profile: { ...ada, dept: 'Platform' } })
    const full = { ...ada, hobbies: Array.from({ length: PROFILE_LIMITS.items }, (_, i) => `h${i}`) }
    expect(applyChange(full, { field: 'hobbies', value: 'Chess' })).toEqual({ ok: false, error: `The list has ${PROFILE_LIMITS.items} items, the most it can hold.` })
    expect(describeChange({ field: 'seekAMentor', value: 'Go' })).toBe('Add a seek-a-mentor item: “Go”')
  })

  it('reads a peer\'s note only when well-formed and bounded', () => {
    const good = { profileId: 'p1', authorId: 'bo', authorName: 'Bo', kind: 'suggestion', text: '', change: { field: 'hobbies', value: 'Chess' }, createdAt: 1 }
    expect(ProfileNote.safeParse(good).success).toBe(true)
    expect(ProfileNote.parse(good).resolution).toBeNull()
    expect(ProfileNote.safeParse({ ...good, authorId: '' }).success).toBe(false)
    expect(ProfileNote.safeParse({ ...good, text: 'x'.repeat(NOTE_LIMITS.text + 1) }).success).toBe(false)
    expect(ProfileNote.safeParse({ ...good, change: { field: 'name', value: 'Mallory' } }).success).toBe(false)
    expect(ProfileNote.safeParse({ ...good, change: { field: 'hobbies', value: 'x'.repeat(PROFILE_LIMITS.item + 1) } }).success).toBe(false)
    expect(ProfileNote.safeParse({ ...good, kind: 'edit' }).success).toBe(false)
    expect(ProfileNote.safeParse({ ...good, text: 'a\u0000b' }).success).toBe(false)
  })
})

describe('notes on a profile: in the org document, between two peers', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('Bo suggests and comments on Ada\'s profile; Ada applies the suggestion on her device, dismisses another; Bo deletes his comment', () => {
    const adaDoc = new Y.Doc()
    const boDoc = new Y.Doc()
    const id = saveProfile(adaDoc, null, ada, 'ada-device')
    sync(adaDoc, boDoc)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_000)
    const kafka = addProfileNote(boDoc, { profileId: id, authorId: 'bo-device', authorName: 'Bo', kind: 'suggestion', text: 'You ran our Kafka migration', change: { field: 'beAMentor', value: 'Kafka' } })
    vi.setSystemTime(2_000)
    const chess = addProfileNote(boDoc, { profileId: id, authorId: 'bo-device', authorName: 'Bo', kind: 'suggestion', text: '', change: { field: 'hobbies', value: 'Chess' } })
    vi.setSystemTime(3_000)
    const comment = addProfileNote(boDoc, { profileId: id, authorId: 'bo-device', authorName: 'Bo', kind: 'comment', text: 'Happy to pair on Rust', change: null })
    // a malformed note from a peer is skipped, the others are read
    boDoc.getMap(`profileNotes::junk`).set('profileId', id)
    sync(adaDoc, boDoc)
    const notes = collection(adaDoc, PROFILE_NOTES)
    expect(notesOf(notes.list(), id).map((n) => n.id)).toEqual([kafka, chess, comment])

    expect(applySuggestion(adaDoc, kafka)).toEqual({ ok: true })
    dismissSuggestion(adaDoc, chess)
    sync(adaDoc, boDoc)
    expect(collection(boDoc, POOL).get(id)?.beAMentor).toEqual(['Rust services', 'Kafka'])
    expect(collection(boDoc, POOL).get(id)?.hobbies).toEqual([])
    expect(collection(boDoc, PROFILE_NOTES).get(kafka)?.resolution).toBe('applied')
    expect(collection(boDoc, PROFILE_NOTES).get(chess)?.resolution).toBe('dismissed')
    // applied once: a second apply is refused
    expect(applySuggestion(adaDoc, kafka)).toEqual({ ok: false, error: 'This suggestion is no longer open.' })
    // answered ones sort after the open comment
    expect(notesOf(collection(adaDoc, PROFILE_NOTES).list(), id).map((n) => n.id)).toEqual([comment, kafka, chess])

    deleteProfileNote(boDoc, comment)
    sync(adaDoc, boDoc)
    expect(collection(adaDoc, PROFILE_NOTES).get(comment)).toBeNull()
  })

  it('refuses a suggestion the profile no longer takes, and removes the notes with their profile', () => {
    const doc = new Y.Doc()
    const id = saveProfile(doc, null, ada, 'ada-device')
    const note = addProfileNote(doc, { profileId: id, authorId: 'bo-device', authorName: 'Bo', kind: 'suggestion', text: '', change: { field: 'seekAMentor', value: 'Go' } })
    saveProfile(doc, id, { ...ada, seekAMentor: ['React', 'go'] })
    expect(applySuggestion(doc, note)).toEqual({ ok: false, error: 'The profile has this item already.' })
    expect(collection(doc, PROFILE_NOTES).get(note)?.resolution).toBeNull()
    removeProfile(doc, id)
    expect(collection(doc, PROFILE_NOTES).get(note)).toBeNull()
    expect(applySuggestion(doc, note)).toEqual({ ok: false, error: 'This suggestion is no longer open.' })
  })
})

describe('who wrote a note (issue 10 #15)', () => {
  useNoSignerBetweenTests()
  it('the pool names a note by its author\'s member entry, not by the name the note carries', async () => {
    const doc = new Y.Doc()
    const [adaKey, ben] = [person(), person()]
    as(adaKey, () => upsertSelf(doc, { id: adaKey.deviceId, name: 'Ada', color: '#1971c2' }, 1000))
    as(ben, () => upsertSelf(doc, { id: ben.deviceId, name: 'Ben', color: '#2f9e44' }, 1000))
    const id = saveProfile(doc, null, profileNamed('Cy', 'engg'), 'admin')
    // Ben seals a note that says Ada wrote it
    const note = as(ben, () => addProfileNote(doc, { profileId: id, authorId: ben.deviceId, authorName: 'Ada', kind: 'comment', text: 'Cy is unreliable', change: null }))
    await settle()
    expect(readProfileNotes(doc).map((n) => [n.id, n.author])).toEqual([[note, 'Ben']])
  })
})
