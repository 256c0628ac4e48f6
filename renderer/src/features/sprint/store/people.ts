import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { DEFAULT_WORK_END, DEFAULT_WORK_START, type PersonSettings, type TeamPerson, teamPeople } from '@shared/sprint/people.ts'
import type { MemberRecord } from '@shared/members/presence.ts'
import { collection, useRecords } from '@core/collections/index.ts'
import { membersOf, watchMembers } from '@core/spaces/spaceDoc.ts'
import { PEOPLE } from './collections.ts'

/**
 * The people of a team space: its members (root document 'members') joined with what each says
 * about themselves in collection 'people' (member id → role, zone, working hours, observer).
 * Each member writes only their own record; the `sprint.ensurePerson` service (services.ts) gives
 * a member their first one.
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

export function savePerson(doc: Y.Doc, memberId: string, patch: Partial<PersonSettings>): void {
  collection(doc, PEOPLE).upsert(memberId, patch)
}

export function hasPerson(doc: Y.Doc, memberId: string): boolean {
  return collection(doc, PEOPLE).get(memberId) !== null
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
  for (const { id, role, observer } of collection(doc, PEOPLE).list()) out[id] = { role, observer: observer === true }
  return out
}
