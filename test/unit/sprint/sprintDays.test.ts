import { describe, expect, it } from 'vitest'
import {
  currentSprint,
  defaultSyncUpDate,
  isWorkingDate,
  nearestWorkingDate,
  sprintOfDate,
  stepWorkingDate
} from '@shared/sprint/sprintDays.ts'
import { berlinCadence } from './fixtures.ts'

// sprint 1: Wed 2026-01-07 … Tue 2026-01-20; sprint 2 from Wed 2026-01-21
const cadence = berlinCadence({ holidays: ['2026-01-12'] })

describe('sprint days', () => {
  it('numbers the sprint of a date', () => {
    expect(sprintOfDate(cadence, '2026-01-06')).toBeNull()
    expect(sprintOfDate(cadence, '2026-01-07')).toBe(1)
    expect(sprintOfDate(cadence, '2026-01-20')).toBe(1)
    expect(sprintOfDate(cadence, '2026-01-21')).toBe(2)
    expect(currentSprint(cadence, '2025-12-01')).toBe(1)
    expect(currentSprint(cadence, '2026-02-04')).toBe(3)
  })

  it('skips weekends and holidays', () => {
    expect(isWorkingDate(cadence, '2026-01-12')).toBe(false)
    expect(isWorkingDate(cadence, '2026-01-10')).toBe(false)
    expect(nearestWorkingDate(cadence, '2026-01-10')).toBe('2026-01-13')
    expect(nearestWorkingDate(cadence, '2026-01-12', -1)).toBe('2026-01-09')
    expect(stepWorkingDate(cadence, '2026-01-09', 1)).toBe('2026-01-13')
    expect(stepWorkingDate(cadence, '2026-01-13', -1)).toBe('2026-01-09')
    expect(stepWorkingDate(cadence, '2026-01-07', -1)).toBeNull()
  })

  it('opens the sync-up on today, the next working day, or the first day of sprint 1', () => {
    expect(defaultSyncUpDate(cadence, '2026-01-08')).toBe('2026-01-08')
    expect(defaultSyncUpDate(cadence, '2026-01-10')).toBe('2026-01-13')
    expect(defaultSyncUpDate(cadence, '2025-12-24')).toBe('2026-01-07')
  })
})
