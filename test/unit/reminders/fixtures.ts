import { Cadence, type CadenceInput } from '@shared/sprint/cadence.ts'
import type { SprintSource } from '@shared/reminders/ceremonies.ts'
import type { PairSource } from '@shared/reminders/mentoring.ts'

/**
 * One org in Berlin (sprint 1 from Wednesday 2026-01-07, two-week sprints), its team Alpha, and a
 * pair of mentors in Berlin and New York. Europe moves its clocks on Sunday 2026-03-29, the US on
 * Sunday 2026-03-08: between the two, Berlin is 5 hours ahead of New York instead of 6.
 */
export const ORG = 'org0000000000000a'
export const ALPHA_SPACE = 'alpha000000000000'
export const PAIR = 'pair0000000000000'
export const ME = 'device-me'

export function cadence(extra: Partial<CadenceInput> = {}): Cadence {
  return Cadence.parse({ firstSprintStart: '2026-01-07', timezone: 'Europe/Berlin', ...extra })
}

export function berlinOrg(extra: Partial<SprintSource> = {}, cadenceExtra: Partial<CadenceInput> = {}): SprintSource {
  return {
    id: ORG,
    name: 'Acme engineering',
    cadence: cadence(cadenceExtra),
    teams: [{ id: 'alpha', name: 'Alpha' }],
    orgSpaceId: ORG,
    memberships: [{ teamId: 'alpha', spaceId: ALPHA_SPACE, role: 'team-member' }],
    ...extra
  }
}

/** Daria in Berlin and Bruce in New York meet weekly at 17:00 Berlin time. */
export function pair(extra: Partial<PairSource> = {}): PairSource {
  return {
    spaceId: PAIR,
    label: 'Daria & Bruce',
    ended: false,
    cadence: 'weekly',
    nextSession: null,
    sessions: [{ id: 'intro', title: 'The Intro', date: '2026-03-18', durationMinutes: 35 }],
    time: '17:00',
    zone: 'Europe/Berlin',
    ...extra
  }
}

/** Wall-clock reading of an instant through Intl (not luxon): 'YYYY-MM-DD HH:mm'. */
export function wall(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(new Date(ms))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '??'
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}

export const at = (iso: string) => Date.parse(iso)
