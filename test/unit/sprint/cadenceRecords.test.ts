import { describe, expect, it } from 'vitest'
import {
  TeamRecord,
  cadenceEditError,
  cadenceFieldsOf,
  composeCadence,
  currentDefaultSprintStart,
  defaultCadenceFields
} from '@shared/sprint/cadenceRecords.ts'
import { isoWeekday } from '@shared/sprint/localTime.ts'
import { sprintOfDate } from '@shared/sprint/sprintDays.ts'
import { berlinCadence } from './fixtures.ts'

const fields = { ...cadenceFieldsOf(berlinCadence()) } as Record<string, unknown>

describe('composeCadence', () => {
  it('rebuilds the cadence from its records, teams by name', () => {
    const composed = composeCadence(
      fields,
      [
        { id: 'zeta', name: 'Zeta', timezone: 'America/New_York', ceremonies: { 'daily-sync-up': { start: '09:30' } } },
        { id: 'alpha', name: 'Alpha' }
      ],
      [{ id: 'team-scrum:alpha:2026-01-19', cancelled: true }]
    )
    expect(composed?.teams).toEqual([
      { id: 'alpha', name: 'Alpha' },
      { id: 'zeta', name: 'Zeta', timezone: 'America/New_York' }
    ])
    expect(composed?.cadence.teams.zeta?.ceremonies['daily-sync-up']?.start).toBe('09:30')
    expect(composed?.cadence.teams.alpha?.ceremonies).toEqual({})
    expect(composed?.cadence.occurrences['team-scrum:alpha:2026-01-19']).toEqual({ cancelled: true })
    expect(composed?.cadence.firstSprintStart).toBe('2026-01-07')
  })

  it('is null without valid top-level fields', () => {
    expect(composeCadence(null, [], [])).toBeNull()
    expect(composeCadence({ ...fields, timezone: 'Mars/Olympus' }, [], [])).toBeNull()
    expect(composeCadence({ ...fields, firstSprintStart: undefined }, [], [])).toBeNull()
  })

  it('skips what a peer wrote badly instead of failing', () => {
    const composed = composeCadence(
      { ...fields, ceremonies: { 'team-scrum': { start: '25:00' }, 'daily-sync-up': { start: '11:45' }, bogus: {} } },
      [{ id: 'has:colon', name: 'Bad id' }, { id: 'ok', name: '  ' }],
      [],
      (id) => `Team ${id}`
    )
    expect(composed?.cadence.ceremonies).toEqual({ 'daily-sync-up': { start: '11:45' } })
    expect(composed?.teams).toEqual([{ id: 'ok', name: 'Team ok' }])
  })

  it('reads a team record leniently', () => {
    const record = TeamRecord.parse({ name: 'A', timezone: 'Nowhere/Else', ceremonies: 'nonsense', spaceId: 3 })
    expect(record).toEqual({ name: 'A' })
  })
})

describe('the default cadence', () => {
  it('starts sprint 1 on the Wednesday on or before today, so today is in sprint 1', () => {
    for (const today of ['2026-03-02', '2026-03-04', '2026-03-07', '2026-03-08', '2026-03-10']) {
      const start = currentDefaultSprintStart(today)
      expect(isoWeekday(start)).toBe(3)
      expect(start <= today).toBe(true)
      const cadence = composeCadence({ ...defaultCadenceFields(today, 'Europe/Lisbon') }, [], [])!.cadence
      expect(sprintOfDate(cadence, today)).toBe(1)
    }
    expect(currentDefaultSprintStart('2026-03-04')).toBe('2026-03-04')
    expect(currentDefaultSprintStart('2026-03-03')).toBe('2026-02-25')
  })
})

describe('cadenceEditError', () => {
  const current = cadenceFieldsOf(berlinCadence())
  it('accepts a valid edit and names the field of a bad one', () => {
    expect(cadenceEditError(current, { sprintLengthDays: 21 })).toBeNull()
    expect(cadenceEditError(current, { sprintLengthDays: 0 })).toMatch(/^Sprint length/)
    expect(cadenceEditError(current, { timezone: 'Europe/Nowhere' })).toMatch(/^Time zone: Use an IANA/)
    expect(cadenceEditError(current, { workingDays: [] })).toMatch(/^Working days/)
    expect(cadenceEditError(current, { holidays: ['2026-02-30'] })).toMatch(/^Holidays/)
  })
})
