import { describe, expect, it } from 'vitest'
import { sprintAt, sprintRange } from '@shared/sprint/schedule.ts'
import { berlinCadence } from './fixtures.ts'

describe('sprintRange', () => {
  const cadence = berlinCadence()

  it('numbers sprints from 1, two weeks from Wednesday to Tuesday, midnight to midnight in the org zone', () => {
    expect(sprintRange(cadence, 1)).toEqual({
      number: 1,
      startDate: '2026-01-07',
      endDate: '2026-01-20',
      start: '2026-01-06T23:00:00Z',
      end: '2026-01-20T23:00:00Z',
      zone: 'Europe/Berlin',
      workingDates: [
        '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12', '2026-01-13',
        '2026-01-14', '2026-01-15', '2026-01-16', '2026-01-19', '2026-01-20'
      ]
    })
  })

  it('follows the local midnight across a DST change: sprint 6 is an hour shorter', () => {
    const six = sprintRange(cadence, 6)
    expect(six.startDate).toBe('2026-03-18')
    expect(six.endDate).toBe('2026-03-31')
    expect(six.start).toBe('2026-03-17T23:00:00Z')
    expect(six.end).toBe('2026-03-31T22:00:00Z')
    expect(Date.parse(six.end) - Date.parse(six.start)).toBe((14 * 24 - 1) * 3_600_000)
    expect(sprintRange(cadence, 7).start).toBe(six.end)
  })

  it('leaves holidays out of the working dates', () => {
    const withHoliday = berlinCadence({ holidays: ['2026-03-31', '2026-03-21'] })
    expect(sprintRange(withHoliday, 6).workingDates).not.toContain('2026-03-31')
    expect(sprintRange(withHoliday, 6).workingDates).toHaveLength(9)
  })

  it('refuses sprint numbers below 1 and fractions', () => {
    expect(() => sprintRange(cadence, 0)).toThrow(/numbered from 1/)
    expect(() => sprintRange(cadence, 1.5)).toThrow(/numbered from 1/)
  })
})

describe('sprintAt', () => {
  const cadence = berlinCadence()

  it('is null before the first sprint and 1 from its first local midnight', () => {
    expect(sprintAt(cadence, '2026-01-06T22:59:59Z')).toBeNull()
    expect(sprintAt(cadence, '2026-01-06T23:00:00Z')).toBe(1)
    expect(sprintAt(cadence, '2026-01-07T00:00:00+01:00')).toBe(1)
    expect(sprintAt(cadence, '2020-05-05T12:00:00Z')).toBeNull()
  })

  it('switches at the org-local midnight, not at UTC midnight', () => {
    expect(sprintAt(cadence, '2026-01-20T22:59:59Z')).toBe(1)
    expect(sprintAt(cadence, '2026-01-20T23:00:00Z')).toBe(2)
    // after the spring change the boundary is at 22:00Z
    expect(sprintAt(cadence, '2026-03-31T21:59:59Z')).toBe(6)
    expect(sprintAt(cadence, '2026-03-31T22:00:00Z')).toBe(7)
  })

  it('reads the same boundary in another org zone', () => {
    const ny = berlinCadence({ timezone: 'America/New_York' })
    expect(sprintAt(ny, '2026-01-07T04:59:59Z')).toBeNull()
    expect(sprintAt(ny, '2026-01-07T05:00:00Z')).toBe(1)
  })

  it('accepts a Date', () => {
    expect(sprintAt(cadence, new Date('2026-10-20T12:00:00Z'))).toBe(21)
  })

  it('agrees with sprintRange for a hundred sprints, at both edges', () => {
    for (let n = 1; n <= 100; n++) {
      const range = sprintRange(cadence, n)
      expect(sprintAt(cadence, range.start)).toBe(n)
      expect(sprintAt(cadence, new Date(Date.parse(range.end) - 1))).toBe(n)
    }
  })

  it('works for weekly sprints', () => {
    const weekly = berlinCadence({ sprintLengthDays: 7 })
    expect(sprintAt(weekly, '2026-01-13T22:59:00Z')).toBe(1)
    expect(sprintAt(weekly, '2026-01-13T23:00:00Z')).toBe(2)
  })
})
