import { describe, expect, it } from 'vitest'
import { planReminders, nextAllowed } from '@shared/reminders/plan.ts'
import { DEFAULT_PREFERENCES, ReminderPreferences, pauseForAnHour, pauseUntilTomorrow, type ReminderPreferencesInput } from '@shared/reminders/preferences.ts'
import { notificationText } from '@shared/reminders/notification.ts'
import type { ReminderEntry } from '@shared/reminders/entry.ts'
import { ALPHA_SPACE, PAIR, at, wall } from './fixtures.ts'

function entry(extra: Partial<ReminderEntry> = {}): ReminderEntry {
  return {
    id: 'c:org:daily-sync-up:alpha:2026-03-25',
    kind: 'ceremony',
    ceremony: 'daily-sync-up',
    title: 'Daily sync-up',
    startsAt: at('2026-03-25T11:00:00Z'), // Wednesday 12:00 in Berlin
    durationMinutes: 15,
    timeSet: true,
    zone: 'Europe/Berlin',
    spaceId: ALPHA_SPACE,
    link: `/space/${ALPHA_SPACE}/sprint/6/ceremony/x`,
    groupId: ALPHA_SPACE,
    groupLabel: 'Alpha',
    ...extra
  }
}

const session = (extra: Partial<ReminderEntry> = {}) =>
  entry({ id: `m:${PAIR}:s:s2`, kind: 'mentoring', ceremony: undefined, title: 'Lesson plan', durationMinutes: 60, groupId: PAIR, groupLabel: 'Daria & Bruce', ...extra })

const prefs = (input: ReminderPreferencesInput = {}) => ReminderPreferences.parse(input)
const dueTimes = (e: ReminderEntry, p = DEFAULT_PREFERENCES, zone = 'Europe/Berlin') =>
  planReminders([e], p, zone).map((r) => [r.leadMinutes, r.dueAt === null ? null : wall(r.dueAt, zone), r.reason])

describe('preferences', () => {
  it('defaults to 10 minutes before ceremonies and a day and 15 minutes before sessions, every day, nothing muted', () => {
    expect(DEFAULT_PREFERENCES).toEqual({
      leadMinutes: { ceremony: [10], mentoring: [1440, 15] },
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      quietHours: null,
      muted: { kinds: [], ceremonies: [], teams: [], pairs: [] },
      pausedUntil: null,
      snoozeMinutes: [5, 10],
      launchAtLogin: false
    })
    expect(dueTimes(entry())).toEqual([[10, '2026-03-25 11:50', null]])
    expect(dueTimes(session())).toEqual([
      [1440, '2026-03-24 12:00', null],
      [15, '2026-03-25 11:45', null]
    ])
  })

  it.each([
    ['a lead time over a week', { leadMinutes: { ceremony: [20_000] } }],
    ['a lead time listed twice', { leadMinutes: { ceremony: [10, 10] } }],
    ['no working day', { workingDays: [] }],
    ['a weekday 8', { workingDays: [8] }],
    ['quiet hours of 25:00', { quietHours: { start: '25:00', end: '07:00' } }],
    ['a snooze of 0 minutes', { snoozeMinutes: [0] }],
    ['a pause before 2020', { pausedUntil: 5 }]
  ])('refuses %s', (_label, input) => {
    expect(ReminderPreferences.safeParse(input).success).toBe(false)
  })

  it('pauses for an hour, or until tomorrow (the end of the night’s quiet hours when there are some)', () => {
    const now = at('2026-03-28T21:30:00Z') // Saturday 22:30 in Berlin; the clocks change that night
    expect(pauseForAnHour(now)).toBe(now + 3_600_000)
    expect(wall(pauseUntilTomorrow(now, 'Europe/Berlin', null), 'Europe/Berlin')).toBe('2026-03-29 00:00')
    expect(wall(pauseUntilTomorrow(now, 'Europe/Berlin', { start: '22:00', end: '07:30' }), 'Europe/Berlin')).toBe('2026-03-29 07:30')
    expect(wall(pauseUntilTomorrow(now, 'Europe/Berlin', { start: '12:00', end: '13:00' }), 'Europe/Berlin')).toBe('2026-03-29 00:00')
  })
})

describe('mutes', () => {
  it('mutes a kind, one ceremony, a team or a pair, and nothing else', () => {
    const muted = (m: ReminderPreferencesInput['muted']) => (e: ReminderEntry) => planReminders([e], prefs({ muted: m }), 'Europe/Berlin').every((r) => r.reason === 'muted' && r.dueAt === null)
    expect(muted({ kinds: ['ceremony'] })(entry())).toBe(true)
    expect(muted({ kinds: ['ceremony'] })(session())).toBe(false)
    expect(muted({ ceremonies: ['daily-sync-up'] })(entry())).toBe(true)
    expect(muted({ ceremonies: ['daily-sync-up'] })(entry({ ceremony: 'team-scrum' }))).toBe(false)
    expect(muted({ teams: [ALPHA_SPACE] })(entry())).toBe(true)
    expect(muted({ teams: [ALPHA_SPACE] })(entry({ groupId: 'other0000000000000' }))).toBe(false)
    expect(muted({ pairs: [PAIR] })(session())).toBe(true)
    // a pair's id in the teams list does not mute the pair
    expect(muted({ teams: [PAIR] })(session())).toBe(false)
  })
})

describe('working days, quiet hours and pause, in the device’s zone', () => {
  it('moves a reminder out of the quiet hours when the meeting has not started by then, else holds it', () => {
    const quiet = prefs({ quietHours: { start: '22:00', end: '07:00' } })
    const berlin = (local: string) => entry({ startsAt: at(`${local}+01:00`) })
    expect(dueTimes(berlin('2026-03-25T07:15:00'), quiet)).toEqual([[10, '2026-03-25 07:05', null]])
    expect(dueTimes(berlin('2026-03-25T07:05:00'), quiet)).toEqual([[10, '2026-03-25 07:00', 'deferred']])
    expect(dueTimes(berlin('2026-03-25T07:00:00'), quiet)).toEqual([[10, '2026-03-25 07:00', 'deferred']])
    expect(dueTimes(berlin('2026-03-25T06:55:00'), quiet)).toEqual([[10, null, 'held']])
    // a day's quiet hours (lunch) do not wrap midnight
    const lunch = prefs({ quietHours: { start: '11:45', end: '12:00' } })
    expect(dueTimes(entry(), lunch)).toEqual([[10, '2026-03-25 12:00', 'deferred']])
  })

  it('moves a reminder due on a day off to the next working day', () => {
    // a Monday 10:00 session: its reminder a day ahead would be on Sunday
    const monday = session({ startsAt: at('2026-03-23T09:00:00Z') })
    const weekdays = prefs({ workingDays: [1, 2, 3, 4, 5] })
    expect(dueTimes(monday, weekdays)).toEqual([
      [1440, '2026-03-23 00:00', 'deferred'],
      [15, '2026-03-23 09:45', null]
    ])
    const mornings = prefs({ workingDays: [1, 2, 3, 4, 5], quietHours: { start: '19:00', end: '08:00' } })
    expect(dueTimes(monday, mornings)).toEqual([
      [1440, '2026-03-23 08:00', 'deferred'],
      [15, '2026-03-23 09:45', null]
    ])
  })

  it('reads quiet hours in the device’s zone: the same reminder is quiet in New York and not in Berlin', () => {
    // 12:00 in Berlin is 07:00 in New York (the US already on summer time, Europe not yet)
    const quiet = prefs({ quietHours: { start: '22:00', end: '07:30' } })
    expect(dueTimes(entry(), quiet, 'Europe/Berlin')).toEqual([[10, '2026-03-25 11:50', null]])
    expect(dueTimes(entry(), quiet, 'America/New_York')).toEqual([[10, null, 'held']])
    const early = prefs({ quietHours: { start: '22:00', end: '06:55' } })
    expect(dueTimes(entry(), early, 'America/New_York')).toEqual([[10, '2026-03-25 06:55', 'deferred']])
  })

  it('ends quiet hours at the same wall-clock time on the night the clocks change', () => {
    const quiet = prefs({ quietHours: { start: '22:00', end: '07:00' } })
    // Sunday 29 March: Berlin jumps from 02:00 to 03:00; a 07:05 meeting's reminder is due 06:55
    const sunday = entry({ startsAt: at('2026-03-29T05:05:00Z') })
    expect(wall(sunday.startsAt, 'Europe/Berlin')).toBe('2026-03-29 07:05')
    expect(dueTimes(sunday, quiet)).toEqual([[10, '2026-03-29 07:00', 'deferred']])
    expect(nextAllowed(at('2026-03-28T22:00:00Z'), quiet, 'Europe/Berlin')).toBe(at('2026-03-29T05:00:00Z'))
  })

  it('holds everything while paused, and shows what is still ahead when the pause ends', () => {
    const paused = prefs({ pausedUntil: at('2026-03-25T10:55:00Z') })
    expect(dueTimes(entry(), paused)).toEqual([[10, '2026-03-25 11:55', 'deferred']])
    expect(dueTimes(entry(), prefs({ pausedUntil: at('2026-03-25T11:30:00Z') }))).toEqual([[10, null, 'held']])
  })
})

describe('notification text', () => {
  it('says what, which team, when in the person’s zone, and the meeting’s own time elsewhere', () => {
    const e = entry()
    expect(notificationText(e, at('2026-03-25T10:50:00Z'), 'Europe/Berlin')).toEqual({ title: 'Daily sync-up · Alpha', body: 'In 10 minutes, at 12:00' })
    expect(notificationText(e, at('2026-03-25T10:50:00Z'), 'America/New_York')).toEqual({
      title: 'Daily sync-up · Alpha',
      body: 'In 10 minutes, at 07:00 · 12:00 in Europe/Berlin'
    })
    expect(notificationText(e, at('2026-03-25T11:00:30Z'), 'Europe/Berlin').body).toBe('Starting now, at 12:00')
    expect(notificationText(session(), at('2026-03-24T11:00:00Z'), 'Europe/Berlin').body).toBe('Tomorrow at 12:00')
    expect(notificationText(session(), at('2026-03-22T11:00:00Z'), 'Europe/Berlin').body).toBe('Wed 25 Mar at 12:00')
    expect(notificationText(session({ timeSet: false }), at('2026-03-24T11:00:00Z'), 'Europe/Berlin').body).toBe('Tomorrow (no time set)')
  })
})
