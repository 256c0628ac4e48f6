import { describe, expect, it } from 'vitest'
import { inZones, isPlannable, pairCalendar, sessionStart } from '@shared/mentorship/pairSchedule.ts'

describe('sessions on the calendar (issue 15 #6)', () => {
  const next = { date: '2026-06-04', time: '14:00', zone: 'Europe/Berlin' }

  it('shows the next session in both people\'s zones, each zone once', () => {
    expect(inZones(next, ['America/New_York', 'Europe/Berlin', null, 'Mars/Olympus'])).toEqual(['Thu, Jun 4, 14:00 Europe/Berlin', 'Thu, Jun 4, 08:00 America/New_York'])
    expect(sessionStart(next).toUTC().toISO()).toBe('2026-06-04T12:00:00.000Z')
  })

  it('plans only a real date, time and zone', () => {
    expect(isPlannable(next)).toBe(true)
    expect(isPlannable({ ...next, time: '25:00' })).toBe(false)
    expect(isPlannable({ ...next, zone: 'Nowhere/City' })).toBe(false)
    expect(isPlannable({ ...next, date: null })).toBe(false)
  })

  it('exports held sessions as whole days and the next one at its time, text escaped and bounded', () => {
    const ics = pairCalendar({
      spaceId: 'space1',
      title: 'Daria & Bruce',
      participants: ['Daria', 'Bruce'],
      sessions: [
        { id: 's1', title: 'The intro; kick-off, with commas', date: '2026-05-01', durationMinutes: 30 },
        { id: 's2', title: 'Undated', date: null, durationMinutes: null }
      ],
      next: { ...next, minutes: 45, agenda: 'Go through the lesson plans\nand the OKR' }
    })
    expect(ics).toContain('BEGIN:VCALENDAR')
    expect(ics).toContain('DTSTART;VALUE=DATE:20260501')
    expect(ics).toContain('SUMMARY:The intro\\; kick-off\\, with commas · Daria & Bruce')
    expect(ics).toContain('DTSTART:20260604T120000Z')
    expect(ics).toContain('DTEND:20260604T124500Z')
    expect(ics).toContain('DESCRIPTION:Go through the lesson plans and the OKR')
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2)
    const huge = pairCalendar({ spaceId: 'x', title: 't'.repeat(10_000), participants: ['a'], sessions: Array.from({ length: 2000 }, (_, i) => ({ id: `s${i}`, title: 's', date: '2026-01-01', durationMinutes: null })), next: null })
    expect(huge.match(/BEGIN:VEVENT/g)).toHaveLength(500)
  })
})
