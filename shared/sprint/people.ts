import { z } from 'zod'
import { isVerifiableId } from '../identity/signing.ts'
import type { MemberRecord } from '../members/presence.ts'
import { ROLE_LABELS, Role } from './ceremonies.ts'
import { LocalTime, TimeZoneName } from './localTime.ts'
import type { SyncUpMember } from './syncupTime.ts'

/**
 * The people of a team: the team space's members joined with what each of them says about
 * themselves (collection 'people' of the team space's document; each member edits their own):
 * role, IANA time zone and working hours. Someone who opened the team to observe it (from the
 * org's list of teams) is marked `observer` and is not asked for a sync-up.
 *
 * A member's record is filed under their member id and sealed by them (`memberId`, issue 10 #15):
 * nobody sets another member's role, observer mark, zone or hours. No one else writes a member's
 * record by design: the team has no lead who sets roles (each says their own, the UI offers only
 * one's own row), and a member's first record is written by their own device.
 */
export const DEFAULT_WORK_START = '09:00'
export const DEFAULT_WORK_END = '17:00'

export const PersonSettings = z.object({
  role: Role.catch('team-member'),
  timezone: TimeZoneName.optional().catch(undefined),
  workStart: LocalTime.catch(DEFAULT_WORK_START),
  workEnd: LocalTime.catch(DEFAULT_WORK_END),
  observer: z.boolean().optional().catch(undefined),
  /** whose record this is (its id): the seal covers it, so a record names the member it speaks for */
  memberId: z.string().max(256).optional().catch(undefined)
})
export type PersonSettings = z.infer<typeof PersonSettings>

/** The fields a member's seal covers (every one: the record is theirs alone). */
export const PERSON_FIELDS = ['memberId', 'role', 'timezone', 'workStart', 'workEnd', 'observer'] as const

/**
 * Whether a record is its member's own: it names the member it is filed under (the collection has
 * checked it carries their seal). A record without `memberId` is read only under an id from before
 * signatures, which proves nothing anyway (its records were always anyone's to write).
 */
export function isOwnSettings(s: { readonly id: string; readonly memberId?: string | undefined }): boolean {
  return s.memberId === undefined ? !isVerifiableId(s.id) : s.memberId === s.id
}

export interface TeamPerson {
  id: string
  name: string
  color: string
  role: Role
  roleLabel: string
  timezone: string
  workStart: string
  workEnd: string
  observer: boolean
  /** false until the person has saved their own settings (defaults are shown meanwhile) */
  configured: boolean
}

/**
 * Current members (not those who left) with their settings; members who have not said their zone
 * are placed in `fallbackZone` (the team's). Team members first, then observers, by name.
 */
export function teamPeople(
  members: readonly MemberRecord[],
  settings: readonly (PersonSettings & { id: string })[],
  fallbackZone: string
): TeamPerson[] {
  const byId = new Map(settings.filter(isOwnSettings).map((s) => [s.id, s]))
  return members
    .filter((m) => !m.leftAt)
    .map((m): TeamPerson => {
      const s = byId.get(m.id)
      const role = s?.role ?? 'team-member'
      return {
        id: m.id,
        name: m.name,
        color: m.color,
        role,
        roleLabel: ROLE_LABELS[role],
        timezone: s?.timezone ?? fallbackZone,
        workStart: s?.workStart ?? DEFAULT_WORK_START,
        workEnd: s?.workEnd ?? DEFAULT_WORK_END,
        observer: s?.observer ?? false,
        configured: !!s
      }
    })
    .sort((a, b) => Number(a.observer) - Number(b.observer) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** The team members (not observers) as the sync-up time finder takes them. */
export function syncUpMembersOf(people: readonly TeamPerson[], workingDays?: readonly number[]): SyncUpMember[] {
  return people
    .filter((p) => !p.observer)
    .map((p) => ({
      id: p.id,
      name: p.name,
      timezone: p.timezone,
      workStart: p.workStart,
      workEnd: p.workEnd,
      ...(workingDays ? { workingDays: [...workingDays] } : {})
    }))
}
