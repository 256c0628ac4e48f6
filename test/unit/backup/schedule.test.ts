import { describe, expect, it } from 'vitest'
import { DEFAULT_SCHEDULE, filesToPrune, isDue, isScheduledFileName, nextDueAt, readSchedule, scheduledFileName } from '@shared/backup/schedule.ts'

const HOUR = 3_600_000

describe('scheduled backups', () => {
  it('names files by their UTC instant, so names sort by time', () => {
    const a = scheduledFileName(new Date('2026-11-29T09:05:03.120Z'))
    expect(a).toBe('tandem-scheduled-2026-11-29T09-05-03Z.tandem')
    expect(isScheduledFileName(a)).toBe(true)
    for (const other of ['tandem-platform-2026-11-29.tandem', 'notes.txt', '../tandem-scheduled-2026-11-29T09-05-03Z.tandem', 'tandem-scheduled-2026-11-29T09-05-03Z.tandem.part']) {
      expect(isScheduledFileName(other)).toBe(false)
    }
  })

  it('keeps the newest N and never names a file that is not a scheduled backup', () => {
    const names = ['2026-11-01T00-00-00Z', '2026-11-03T00-00-00Z', '2026-11-02T00-00-00Z', '2026-10-30T12-00-00Z'].map((t) => `tandem-scheduled-${t}.tandem`)
    expect(filesToPrune([...names, 'my-own-file.tandem', 'photo.jpg'], 2)).toEqual(['tandem-scheduled-2026-11-01T00-00-00Z.tandem', 'tandem-scheduled-2026-10-30T12-00-00Z.tandem'])
    expect(filesToPrune(names, 10)).toEqual([])
    // keeping none would delete the backup just written: at least one stays
    expect(filesToPrune(names, 0)).toHaveLength(3)
  })

  it('is due at once when never made, then every interval; a clock that went back does not wait for ever', () => {
    const s = { ...DEFAULT_SCHEDULE, enabled: true, everyHours: 24 as const }
    expect(isDue(s, 1000)).toBe(true)
    const made = { ...s, lastAt: 100 * HOUR }
    expect(isDue(made, 110 * HOUR)).toBe(false)
    expect(nextDueAt(made, 110 * HOUR)).toBe(124 * HOUR)
    expect(isDue(made, 124 * HOUR)).toBe(true)
    expect(isDue(made, 50 * HOUR)).toBe(true)
    expect(isDue({ ...made, enabled: false }, 200 * HOUR)).toBe(false)
  })

  it('reads a stored schedule defensively', () => {
    expect(readSchedule(undefined)).toEqual(DEFAULT_SCHEDULE)
    expect(readSchedule({ enabled: true, everyHours: 5, keep: 10_000, lastAt: 'x' })).toEqual({ ...DEFAULT_SCHEDULE, enabled: true })
    expect(readSchedule({ enabled: true, everyHours: 168, keep: 3, privateNotes: true, lastAt: 5, lastError: null })).toMatchObject({ everyHours: 168, keep: 3, privateNotes: true, lastAt: 5 })
  })
})
