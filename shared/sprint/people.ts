import { z } from 'zod'
import type { MemberRecord } from '../members/presence.ts'
import { ROLE_LABELS, Role } from './ceremonies.ts'
import { LocalTime, TimeZoneName } from './localTime.ts'
import type { SyncUpMember } from './syncupTime.ts'

/**
 * The people of a team: the team space's members joined with what each of them says about
 * themselves (collection 'people' of the team space's document; each member edits their own):
 * role, IANA time zone and working hours. Someone who opened the team to observe it (from the
 * org's list of teams) is marked `observer` and is not asked for a sync-up.
 */
export const DEFAULT_WORK_START = '09:00'
export const DEFAULT_WORK_END = '17:00'

export const PersonSettings = z.object({
  role: Role.catch('team-member'),
  timezone: TimeZoneName.optional().catch(undefined),
  workStart: LocalTime.catch(DEFAULT_WORK_START),
  workEnd: LocalTime.catch(DEFAULT_WORK_END),
  observer: z.boolean().optional().catch(undefined)
})
export type PersonSettings = z.infer<typeof PersonSettings>

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
  const byId = new Map(settings.map((s) => [s.id, s]))
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
