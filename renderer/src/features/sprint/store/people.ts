import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { DEFAULT_WORK_END, DEFAULT_WORK_START, isOwnSettings, type PersonSettings, type TeamPerson, teamPeople } from '@shared/sprint/people.ts'
import type { MemberRecord } from '@shared/members/presence.ts'
import { collection, useRecords } from '@core/collections/index.ts'
import { membersOf, watchMembers } from '@core/spaces/spaceDoc.ts'
import { PEOPLE, PEOPLE_RAW } from './collections.ts'

/**
 * The people of a team space: its members (root document 'members') joined with what each says
 * about themselves in collection 'people' (member id → role, zone, working hours, observer).
 * Each member writes only their own record, sealed by them (collections.ts; a record under another
 * member's id, or not sealed by the member it names, is not read: `isOwnSettings`); the
 * `sprint.ensurePerson` service (services.ts) gives a member their first one.
 */
const NO_MEMBERS: readonly MemberRecord[] = []
const nothing = () => () => {}

/** The space's member records; re-renders only when a member entry changes. */
function useMembers(doc: Y.Doc | null): readonly MemberRecord[] {
  const subscribe = useCallback((f: () => void) => (doc ? watchMembers(doc, f) : nothing()), [doc])
  const snapshot = useCallback(() => (doc ? membersOf(doc) : NO_MEMBERS), [doc])
  return useSyncExternalStore(subscribe, snapshot)
}

export function usePeople(doc: Y.Doc | null, fallbackZone: string): TeamPerson[] {
  const members = useMembers(doc)
  const settings = useRecords(doc, PEOPLE)
  return useMemo(() => teamPeople(members, settings, fallbackZone), [members, settings, fallbackZone])
}

/** A member's own record as it reads (sealed by them, under their id), or null. */
function ownPerson(doc: Y.Doc, memberId: string): PersonSettings | null {
  const r = collection(doc, PEOPLE).get(memberId)
  return r && isOwnSettings(r) ? r : null
}

/**
 * Changes this device's member's settings. The whole record is written (what they read as theirs,
 * with the change), so their seal never covers a value someone else left in the record.
 */
export function savePerson(doc: Y.Doc, memberId: string, patch: Partial<PersonSettings>): void {
  const own = ownPerson(doc, memberId)
  const base: PersonSettings = {
    role: own?.role ?? 'team-member',
    timezone: own?.timezone,
    workStart: own?.workStart ?? DEFAULT_WORK_START,
    workEnd: own?.workEnd ?? DEFAULT_WORK_END,
    observer: own?.observer
  }
  collection(doc, PEOPLE).upsert(memberId, { ...base, ...patch, memberId })
}

/**
 * Whether a record is stored under the member's id at all, sealed or not: a record of theirs whose
 * seal is still being checked reads as absent for a moment, and must not be taken for a missing one.
 */
export function hasPerson(doc: Y.Doc, memberId: string): boolean {
  return collection(doc, PEOPLE_RAW).get(memberId) !== null
}

/** A member's first record, with this device's zone and the usual hours (they can change it). */
export function ensurePerson(doc: Y.Doc, memberId: string, zone: string): boolean {
  if (hasPerson(doc, memberId)) return false
  savePerson(doc, memberId, { role: 'team-member', timezone: zone, workStart: DEFAULT_WORK_START, workEnd: DEFAULT_WORK_END })
  return true
}

/** What each member of a team space says about their role (for other features' services: reminders). */
export function readPeopleRoles(doc: Y.Doc): Record<string, { role: PersonSettings['role']; observer: boolean }> {
  const out: Record<string, { role: PersonSettings['role']; observer: boolean }> = {}
  for (const r of collection(doc, PEOPLE).list()) if (isOwnSettings(r)) out[r.id] = { role: r.role, observer: r.observer === true }
  return out
}

/** Calls `f` when a member's settings change, or a peer's sealed record has been checked and now reads. */
export function watchPeopleRoles(doc: Y.Doc, f: () => void): () => void {
  return collection(doc, PEOPLE).subscribe(f)
}
