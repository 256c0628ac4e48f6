import { describe, expect, it } from 'vitest'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import { ReminderSchedule } from '@shared/reminders/schedule.ts'
import { ME, at, berlinOrg, wall } from './fixtures.ts'
import { harness } from './harness.ts'

/** The tray's "Pause reminders for an hour" on main's service (the page is told separately). */
const NOW = at('2026-03-23T10:30:00Z') // Monday 11:30 in Berlin: the sync-up at 12:00, reminded at 11:50

describe('pausing from the tray', () => {
  it('holds the reminder until the pause ends, then shows it while the meeting is still ahead', async () => {
    const { entries } = upcomingReminders({ now: NOW, zone: 'Europe/Berlin', me: ME, sprint: [berlinOrg()], pairs: [] })
    const h = harness(NOW)
    await h.service.start()
    await h.service.setSchedule(ReminderSchedule.parse({ entries, preferences: {}, zone: 'Europe/Berlin' }))
    await h.service.pause(NOW + 25 * 60_000) // until 11:55
    expect(h.service.view().next[0]?.remindAt).toBe(NOW + 25 * 60_000)
    await h.clock.advanceTo(at('2026-03-23T11:10:00Z'))
    expect(h.notifier.shown.map((s) => `${wall(s.at, 'Europe/Berlin')} ${s.title}`)).toEqual(['2026-03-23 11:55 Daily sync-up · Alpha'])
  })

  it('does nothing harmful before any schedule has arrived', async () => {
    const h = harness(NOW)
    await h.service.start()
    await h.service.pause(NOW + 3_600_000)
    expect(h.service.view().next).toEqual([])
    expect(h.warnings).toEqual([])
  })
})
