import type * as Y from 'yjs'
import { DEFAULT_WORK_END, DEFAULT_WORK_START, PersonSettings, type TeamPerson, teamPeople } from '../../../../shared/sprint/people.ts'
import type { MemberRecord } from '../../../../shared/members/presence.ts'
import { patchRecord, readRecord, useCollection, useDocRead } from '../collections.ts'
import { readMembers } from '../spaceDoc.ts'

/**
 * The people of a team space: its members (root document 'members') joined with what each says
 * about themselves in collection 'people' (member id → role, zone, working hours, observer).
 * Each member writes only their own record.
 */
export const PEOPLE_COLLECTION = 'people'

const NO_MEMBERS: MemberRecord[] = []

export function usePeople(doc: Y.Doc | null, fallbackZone: string): TeamPerson[] {
  const members = useDocRead(doc, readMembers, NO_MEMBERS)
  const settings = useCollection(doc, PEOPLE_COLLECTION, PersonSettings)
  return teamPeople(members, settings, fallbackZone)
}

export function savePerson(doc: Y.Doc, memberId: string, patch: Partial<PersonSettings>): void {
  patchRecord(doc, PEOPLE_COLLECTION, memberId, patch)
}

export function hasPerson(doc: Y.Doc, memberId: string): boolean {
  return readRecord(doc, PEOPLE_COLLECTION, memberId, PersonSettings) !== null
}

/** A member's first record, with this device's zone and the usual hours (they can change it). */
export function ensurePerson(doc: Y.Doc, memberId: string, zone: string): void {
  if (hasPerson(doc, memberId)) return
  savePerson(doc, memberId, { role: 'team-member', timezone: zone, workStart: DEFAULT_WORK_START, workEnd: DEFAULT_WORK_END })
}
