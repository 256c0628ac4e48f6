import { describe, expect, it } from 'vitest'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import { ReminderSchedule } from '@shared/reminders/schedule.ts'
import type { ReminderEntry } from '@shared/reminders/entry.ts'
import type { ReminderPreferencesInput } from '@shared/reminders/preferences.ts'
import { ALPHA_SPACE, ME, PAIR, at, berlinOrg, pair, wall } from './fixtures.ts'
import { FakeClock, harness, type Harness } from './harness.ts'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const NOW = at('2026-03-20T08:00:00Z') // Friday 09:00 in Berlin, 04:00 in New York

const sessions = [
  { id: 'intro', title: 'The Intro', date: '2026-03-18', durationMinutes: 35 },
  { id: 's2', title: 'First Step to Greatness', date: '2026-03-25', durationMinutes: 60 },
  { id: 's3', title: 'Lesson plan', date: '2026-04-01', durationMinutes: 60 }
]

/** Daria in Berlin: team lead of Alpha, and in a pair with Bruce. */
function berlinEntries(now = NOW): ReminderEntry[] {
  const lead = berlinOrg({ memberships: [{ teamId: 'alpha', spaceId: ALPHA_SPACE, role: 'team-lead' }] })
  return upcomingReminders({ now, zone: 'Europe/Berlin', me: ME, sprint: [lead], pairs: [pair({ sessions })] }).entries
}

/** Bruce in New York: the same pair, seen from his zone. */
function newYorkEntries(now = NOW): ReminderEntry[] {
  return upcomingReminders({ now, zone: 'America/New_York', me: 'device-bruce', sprint: [], pairs: [pair({ sessions })] }).entries
}

function schedule(entries: ReminderEntry[], preferences: ReminderPreferencesInput = {}, zone = 'Europe/Berlin', extra: Partial<ReminderSchedule> = {}) {
  return ReminderSchedule.parse({ entries, preferences, zone, ...extra })
}

/** Every reminder of these entries with the default lead times, due from `from` on. */
function expectedReminders(entries: ReminderEntry[], from = NOW) {
  const leads = { ceremony: [10], mentoring: [1440, 15] }
  return entries
    .flatMap((e) => leads[e.kind].map((lead) => ({ at: e.startsAt - lead * MIN, title: `${e.title} · ${e.groupLabel}` })))
    .filter((r) => r.at >= from)
    .sort((a, b) => a.at - b.at || a.title.localeCompare(b.title))
}

const shownList = (h: Harness) => h.notifier.shown.map((s) => ({ at: s.at, title: s.title })).sort((a, b) => a.at - b.at || a.title.localeCompare(b.title))
const shownIn = (h: Harness, zone: string) => h.notifier.shown.map((s) => `${wall(s.at, zone)} ${s.title}`)

async function running(entries: ReminderEntry[], preferences: ReminderPreferencesInput = {}, zone = 'Europe/Berlin', start = NOW): Promise<Harness> {
  const h = harness(start, { zone })
  await h.service.start()
  await h.service.setSchedule(schedule(entries, preferences, zone))
  return h
}

describe('a full 14-day schedule across the DST change', () => {
  it('reminds a team lead in Berlin of each ceremony and session once, at the right minute', async () => {
    const entries = berlinEntries()
    const h = await running(entries)
    await h.clock.advance(14 * DAY)
    const expected = expectedReminders(entries)
    expect(expected.length).toBe(18) // 14 ceremonies, 2 sessions × 2
    expect(shownList(h)).toEqual(expected)
    // the same Berlin minute on both sides of 29 March, one hour apart in UTC
    const syncUps = h.notifier.shown.filter((s) => s.title === 'Daily sync-up · Alpha').map((s) => new Date(s.at).toISOString())
    expect(syncUps).toContain('2026-03-27T10:50:00.000Z')
    expect(syncUps).toContain('2026-03-30T09:50:00.000Z')
    expect(new Set(h.notifier.shown.map((s) => wall(s.at, 'Europe/Berlin').slice(11)).values())).toEqual(
      new Set(['11:50', '10:50', '13:50', '13:20', '14:50', '09:50', '17:00', '16:45'])
    )
    expect(shownIn(h, 'Europe/Berlin').filter((s) => s.includes('Daria & Bruce'))).toEqual([
      '2026-03-24 17:00 First Step to Greatness · Daria & Bruce',
      '2026-03-25 16:45 First Step to Greatness · Daria & Bruce',
      '2026-03-31 17:00 Lesson plan · Daria & Bruce',
      '2026-04-01 16:45 Lesson plan · Daria & Bruce'
    ])
    expect(h.clock.longest).toBeLessThanOrEqual(60_000)
    expect(h.service.view().missed).toEqual([])
  })

  it('reminds his partner in New York at his own time, with hers beside it', async () => {
    const entries = newYorkEntries()
    const h = await running(entries, {}, 'America/New_York')
    await h.clock.advance(14 * DAY)
    expect(shownList(h)).toEqual(expectedReminders(entries))
    // 17:00 in Berlin is 12:00 in New York until Europe changes its clocks, then 11:00
    expect(h.notifier.shown.map((s) => `${wall(s.at, 'America/New_York')} ${s.body}`)).toEqual([
      '2026-03-24 12:00 Tomorrow at 12:00 · 17:00 in Europe/Berlin',
      '2026-03-25 11:45 In 15 minutes, at 12:00 · 17:00 in Europe/Berlin',
      '2026-03-31 11:00 Tomorrow at 11:00 · 17:00 in Europe/Berlin',
      '2026-04-01 10:45 In 15 minutes, at 11:00 · 17:00 in Europe/Berlin'
    ])
  })

  it('offers the snooze lengths and opens the meeting when clicked', async () => {
    const h = await running(berlinEntries())
    await h.clock.advanceTo(at('2026-03-20T10:50:00Z'))
    const [first] = h.notifier.shown
    expect(first).toMatchObject({ title: 'Daily sync-up · Alpha', body: 'In 10 minutes, at 12:00', snoozeMinutes: [5, 10] })
    first!.actions.open()
    expect(h.opened).toEqual([`/space/${ALPHA_SPACE}/sprint/6/ceremony/daily-sync-up%3Aalpha%3A2026-03-20`])
  })
})

describe('sleep and clock jumps', () => {
  const syncUp = (entries: ReminderEntry[]) => entries.find((e) => e.id.endsWith('daily-sync-up:alpha:2026-03-23'))!

  it('shows a reminder that came due during sleep once, on waking, when the meeting is still ahead', async () => {
    const entries = berlinEntries()
    const h = await running(entries)
    const meeting = syncUp(entries) // Monday 12:00 Berlin, reminder at 11:50
    await h.clock.advanceTo(meeting.startsAt - 30 * MIN)
    h.notifier.shown = []
    h.clock.sleep(25 * MIN) // lid closed at 11:30, opened at 11:55
    await h.service.check() // powerMonitor 'resume'
    expect(shownIn(h, 'Europe/Berlin')).toEqual(['2026-03-23 11:55 Daily sync-up · Alpha'])
    expect(h.notifier.shown[0]!.body).toBe('In 5 minutes, at 12:00')
    await h.clock.advance(2 * HOUR)
    expect(h.notifier.shown).toHaveLength(1)
  })

  it('catches up within a minute even without a resume event (timers stand still while asleep)', async () => {
    const entries = berlinEntries()
    const h = await running(entries)
    const meeting = syncUp(entries)
    await h.clock.advanceTo(meeting.startsAt - 30 * MIN)
    h.notifier.shown = []
    h.clock.sleep(25 * MIN)
    await h.clock.advance(MIN)
    expect(h.notifier.shown).toHaveLength(1)
    expect(h.notifier.shown[0]!.at - (meeting.startsAt - 5 * MIN)).toBeLessThanOrEqual(MIN)
  })

  it('records a reminder as missed, without a late toast, when the meeting started during sleep', async () => {
    const entries = berlinEntries()
    const h = await running(entries)
    const meeting = syncUp(entries)
    await h.clock.advanceTo(meeting.startsAt - 30 * MIN)
    h.notifier.shown = []
    h.clock.sleep(45 * MIN) // woken at 12:15
    await h.service.check()
    await h.clock.advance(HOUR)
    expect(h.notifier.shown).toEqual([])
    const { missed } = h.service.view()
    expect(missed.map((m) => [m.entry.id, m.dueAt, m.recordedAt])).toEqual([[meeting.id, meeting.startsAt - 10 * MIN, meeting.startsAt + 15 * MIN]])
    expect(h.missedEvents.at(-1)?.map((m) => m.entry.title)).toEqual(['Daily sync-up'])
    // seen in the app: gone from the list, and never back
    await h.service.dismissMissed([missed[0]!.instance])
    await h.service.check()
    expect(h.service.view().missed).toEqual([])
  })

  it('shows a session once after sleeping over both its reminders (a day and 15 minutes ahead)', async () => {
    const entries = berlinEntries()
    const h = await running(entries)
    const session = entries.find((e) => e.id === `m:${PAIR}:s:s2`)! // Wednesday 17:00 Berlin
    await h.clock.advanceTo(session.startsAt - 2 * DAY)
    const before = h.notifier.shown.length
    h.clock.sleep(2 * DAY - 5 * MIN)
    await h.service.check()
    const after = h.notifier.shown.slice(before).filter((s) => s.title.includes('Daria & Bruce'))
    expect(after.map((s) => [wall(s.at, 'Europe/Berlin'), s.body])).toEqual([['2026-03-25 16:55', 'In 5 minutes, at 17:00']])
    await h.clock.advance(DAY)
    expect(h.notifier.shown.slice(before).filter((s) => s.title.includes('Daria & Bruce'))).toHaveLength(1)
  })

  it('follows the wall clock when it is set forward or back', async () => {
    const entries = berlinEntries()
    const h = await running(entries)
    const meeting = syncUp(entries)
    await h.clock.advanceTo(meeting.startsAt - 3 * HOUR)
    h.notifier.shown = []
    h.clock.setWall(meeting.startsAt - 12 * MIN) // someone corrects the clock by hours
    await h.clock.advance(2 * MIN)
    expect(shownIn(h, 'Europe/Berlin')).toEqual(['2026-03-23 11:50 Daily sync-up · Alpha'])
    h.clock.setWall(meeting.startsAt - 20 * MIN) // and back again: nothing twice
    await h.clock.advance(15 * MIN)
    expect(h.notifier.shown).toHaveLength(1)
  })
})

describe('restarts', () => {
  it('fires nothing twice when the app restarts mid-schedule, and nothing is lost', async () => {
    const entries = berlinEntries()
    const clock = new FakeClock(NOW)
    const first = harness(NOW, { clock })
    await first.service.start()
    await first.service.setSchedule(schedule(entries))
    // runs until the very minute of the 2026-03-24 sync-up reminder, then quits
    await clock.advanceTo(at('2026-03-24T10:50:00Z'))
    first.service.dispose()
    const second = harness(NOW, { clock, file: first.file })
    await second.service.start() // the renderer has not sent anything yet: the file has the schedule
    await clock.advance(14 * DAY)
    const all = [...first.notifier.shown, ...second.notifier.shown].map((s) => ({ at: s.at, title: s.title }))
    all.sort((a, b) => a.at - b.at || a.title.localeCompare(b.title))
    expect(all).toEqual(expectedReminders(entries))
    expect(first.notifier.shown.at(-1)).toMatchObject({ at: at('2026-03-24T10:50:00Z'), title: 'Daily sync-up · Alpha' })
  })

  it('after being off: shows what is still ahead once, records what started as missed', async () => {
    const entries = berlinEntries()
    const clock = new FakeClock(NOW)
    const first = harness(NOW, { clock })
    await first.service.start()
    await first.service.setSchedule(schedule(entries))
    await clock.advanceTo(at('2026-03-23T10:30:00Z')) // Monday 11:30 Berlin
    first.service.dispose()
    clock.sleep(25 * MIN) // off until 11:55
    const second = harness(NOW, { clock, file: first.file })
    await second.service.start()
    expect(shownIn(second, 'Europe/Berlin')).toEqual(['2026-03-23 11:55 Daily sync-up · Alpha'])
    second.service.dispose()
    clock.sleep(DAY) // off until Tuesday 11:55: that day's 11:50 reminder came due, the meeting is still ahead
    const third = harness(NOW, { clock, file: first.file })
    await third.service.start()
    expect(shownIn(third, 'Europe/Berlin')).toEqual(['2026-03-24 11:55 Daily sync-up · Alpha'])
    third.service.dispose()
    clock.sleep(DAY + HOUR) // off until Wednesday 12:55: that sync-up has started, the 17:00 session has not
    const fourth = harness(NOW, { clock, file: first.file })
    await fourth.service.start()
    expect(fourth.notifier.shown.map((s) => `${wall(s.at, 'Europe/Berlin')} ${s.title}: ${s.body}`)).toEqual([
      '2026-03-25 12:55 First Step to Greatness · Daria & Bruce: Today at 17:00'
    ])
    expect(fourth.service.view().missed.map((m) => m.entry.id)).toEqual([entries.find((e) => e.id.endsWith('daily-sync-up:alpha:2026-03-25'))!.id])
  })

  it('does not remind late of a meeting it learns of after its reminder time, nor call it missed', async () => {
    const entries = berlinEntries()
    const h = await running([])
    await h.clock.advanceTo(at('2026-03-20T11:20:00Z')) // 12:20 Berlin: today's sync-up has started
    await h.service.setSchedule(schedule(entries))
    expect(h.notifier.shown).toEqual([])
    expect(h.service.view().missed).toEqual([])
  })

  it('reminds at once of a meeting learnt of after its reminder time that has not started yet', async () => {
    const entries = berlinEntries()
    const h = await running([])
    await h.clock.advanceTo(at('2026-03-20T10:55:00Z')) // 11:55 Berlin
    await h.service.setSchedule(schedule(entries))
    expect(shownIn(h, 'Europe/Berlin')).toEqual(['2026-03-20 11:55 Daily sync-up · Alpha'])
    await h.service.setSchedule(schedule(berlinEntries(h.clock.now()))) // recomputed a minute later
    await h.clock.advance(10 * MIN)
    expect(h.notifier.shown).toHaveLength(1)
  })

  it('reminds again of a meeting moved to another time, once', async () => {
    const entries = berlinEntries()
    const h = await running(entries)
    await h.clock.advanceTo(at('2026-03-20T10:51:00Z'))
    expect(h.notifier.shown).toHaveLength(1)
    const moved = entries.map((e) => (e.id.endsWith('daily-sync-up:alpha:2026-03-20') ? { ...e, startsAt: at('2026-03-20T14:00:00Z') } : e))
    await h.service.setSchedule(schedule(moved))
    await h.clock.advanceTo(at('2026-03-20T15:00:00Z'))
    expect(shownIn(h, 'Europe/Berlin')).toEqual(['2026-03-20 11:50 Daily sync-up · Alpha', '2026-03-20 14:50 Daily sync-up · Alpha'])
  })
})

describe('preferences hold', () => {
  it('keeps muted kinds, ceremonies, teams and pairs silent, and unmuting later brings back only what is ahead', async () => {
    const entries = berlinEntries()
    const h = await running(entries, { muted: { ceremonies: ['daily-sync-up'], pairs: [PAIR] } })
    await h.clock.advanceTo(at('2026-03-27T12:00:00Z'))
    expect(shownIn(h, 'Europe/Berlin')).toEqual(['2026-03-27 10:50 Division sprint planning · Acme engineering'])
    await h.service.setSchedule(schedule(entries, { muted: { teams: [ALPHA_SPACE], kinds: ['mentoring'] } }))
    await h.clock.advanceTo(at('2026-04-03T08:00:00Z'))
    const titles = h.notifier.shown.slice(1).map((s) => s.title)
    expect(titles).toEqual(['Sprint retrospective & demo · Acme engineering'])
    expect(h.service.view().missed).toEqual([])
  })

  it('holds quiet hours in the device’s zone, across Europe’s clock change', async () => {
    // Bruce in New York is in team Alpha (Berlin): its sync-up at 12:00 Berlin is 07:00 for him
    // until 29 March, then 06:00. He wants nothing before 06:55.
    const entries = upcomingReminders({ now: NOW, zone: 'America/New_York', me: 'device-bruce', sprint: [berlinOrg()], pairs: [] }).entries.filter(
      (e) => e.ceremony === 'daily-sync-up'
    )
    const h = await running(entries, { quietHours: { start: '22:00', end: '06:55' } }, 'America/New_York')
    await h.clock.advance(14 * DAY)
    expect(shownIn(h, 'America/New_York')).toEqual([
      '2026-03-20 06:55 Daily sync-up · Alpha',
      '2026-03-23 06:55 Daily sync-up · Alpha',
      '2026-03-24 06:55 Daily sync-up · Alpha',
      '2026-03-25 06:55 Daily sync-up · Alpha',
      '2026-03-26 06:55 Daily sync-up · Alpha',
      '2026-03-27 06:55 Daily sync-up · Alpha'
      // from 30 March the meeting starts at 06:00, inside his quiet hours: nothing
    ])
    expect(h.service.view().missed).toEqual([])
  })

  it('holds a pause, then reminds of what is still ahead', async () => {
    const entries = berlinEntries()
    const h = await running(entries, { pausedUntil: at('2026-03-23T10:55:00Z') }) // until Monday 11:55 Berlin
    await h.clock.advanceTo(at('2026-03-24T12:00:00Z'))
    expect(shownIn(h, 'Europe/Berlin')).toEqual(['2026-03-23 11:55 Daily sync-up · Alpha', '2026-03-24 11:50 Daily sync-up · Alpha'])
    expect(h.service.view().missed).toEqual([])
  })

  it('keeps to working days: no reminder on a day off', async () => {
    const entries = berlinEntries()
    const h = await running(entries, { workingDays: [1, 2, 3, 4, 5] })
    await h.clock.advance(14 * DAY)
    expect(h.notifier.shown.every((s) => [1, 2, 3, 4, 5].includes(new Date(s.at).getUTCDay()))).toBe(true)
    expect(h.notifier.shown).toHaveLength(expectedReminders(entries).length)
  })

  it('tells main to launch at login only when that preference changes', async () => {
    const h = await running(berlinEntries(), { launchAtLogin: true })
    await h.service.setSchedule(schedule(berlinEntries(), { launchAtLogin: true }))
    await h.service.setSchedule(schedule(berlinEntries(), { launchAtLogin: false }))
    expect(h.launchAtLogin).toEqual([true, false])
  })
})

describe('snooze', () => {
  it('shows the reminder again once, after the chosen minutes', async () => {
    const h = await running(berlinEntries())
    await h.clock.advanceTo(at('2026-03-20T10:50:00Z'))
    h.notifier.shown[0]!.actions.snooze(5)
    await h.clock.advance(30 * MIN)
    expect(h.notifier.shown.map((s) => `${wall(s.at, 'Europe/Berlin')} ${s.body}`)).toEqual([
      '2026-03-20 11:50 In 10 minutes, at 12:00',
      '2026-03-20 11:55 In 5 minutes, at 12:00'
    ])
  })

  it('brings a snooze back at the start at the latest, and not after a restart twice', async () => {
    const clock = new FakeClock(NOW)
    const first = harness(NOW, { clock })
    await first.service.start()
    await first.service.setSchedule(schedule(berlinEntries()))
    await clock.advanceTo(at('2026-03-20T10:50:00Z'))
    first.notifier.shown[0]!.actions.snooze(30)
    await first.service.idle()
    first.service.dispose()
    const second = harness(NOW, { clock, file: first.file })
    await second.service.start()
    await clock.advance(HOUR)
    expect(second.notifier.shown.map((s) => `${wall(s.at, 'Europe/Berlin')} ${s.body}`)).toEqual(['2026-03-20 12:00 Starting now, at 12:00'])
    expect(second.notifier.shown[0]!.snoozeMinutes).toEqual([])
  })

  it('shows one notification when a snooze comes back at the moment of another reminder of the meeting', async () => {
    const h = await running(berlinEntries(), { leadMinutes: { ceremony: [10, 0] } })
    await h.clock.advanceTo(at('2026-03-20T10:50:00Z'))
    h.notifier.shown[0]!.actions.snooze(10) // back at 12:00, when the "at the start" reminder is due too
    await h.clock.advance(20 * MIN)
    expect(h.notifier.shown.map((s) => `${wall(s.at, 'Europe/Berlin')} ${s.body}`)).toEqual([
      '2026-03-20 11:50 In 10 minutes, at 12:00',
      '2026-03-20 12:00 Starting now, at 12:00'
    ])
  })

  it('cannot snooze a meeting that has started', async () => {
    const entries = berlinEntries()
    const h = await running(entries)
    await h.clock.advanceTo(at('2026-03-20T11:01:00Z'))
    await expect(h.service.snooze(entries[0]!, 5)).resolves.toBe(false)
  })
})

describe('another device of the same person', () => {
  it('does not show what the other device reported shown, and reports what it showed', async () => {
    const entries = berlinEntries()
    const first = entries[0]!
    const h = await running(entries, {}, 'Europe/Berlin')
    await h.service.setSchedule(
      schedule(entries, {}, 'Europe/Berlin', { shownElsewhere: [{ id: first.id, startsAt: first.startsAt, shownAt: first.startsAt - 10 * MIN }] })
    )
    await h.clock.advanceTo(at('2026-03-23T11:00:00Z'))
    expect(shownIn(h, 'Europe/Berlin')).toEqual(['2026-03-23 11:50 Daily sync-up · Alpha'])
    expect(h.service.view().shown.map((s) => s.id)).toEqual([entries.find((e) => e.id.endsWith('2026-03-23'))!.id])
  })
})
