import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { db } from '@core/database/db.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { backUpNow, getSchedule, saveSchedule } from '@features/backup/store/schedule.ts'
import { openBackup } from '@features/backup/store/backup.ts'
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

describe('a scheduled backup run (renderer side, real IndexedDB, a fake folder)', () => {
  it('writes every space as one archive named by the instant, records when, and says why it failed', async () => {
    await db().open()
    const me = { id: 'me' as const, deviceId: 'device-aaaaaaaa', name: 'Ada', color: '#3366cc' }
    await db().identity.put(me)
    await createSpace('Platform', 'team', me)
    await createSpace('Ada & Bo', 'pair', me)
    await saveSchedule({ enabled: true, keep: 3 })
    const written: { name: string; bytes: Uint8Array; keep: number }[] = []
    const folder = {
      current: async () => '/backups',
      choose: async () => '/backups',
      write: async (name: string, bytes: Uint8Array, keep: number) => {
        written.push({ name, bytes, keep })
        return { path: `/backups/${name}`, removed: [] }
      }
    }
    const at = new Date('2026-11-29T10:00:00Z')
    expect(await backUpNow(folder, at)).toMatch(/Backed up 2 spaces to \/backups\/tandem-scheduled-2026-11-29T10-00-00Z\.tandem/)
    expect(written[0]!.keep).toBe(3)
    const opened = await openBackup(written[0]!.bytes, '')
    expect(opened.ok && opened.backup.spaces.map((s) => s.name).sort()).toEqual(['Ada & Bo', 'Platform'])
    expect(await getSchedule()).toMatchObject({ lastAt: at.getTime(), lastError: null })

    const full = { ...folder, write: async () => Promise.reject(new Error('The backup could not be written to /backups: disk full')) }
    await expect(backUpNow(full, new Date('2026-11-30T10:00:00Z'))).rejects.toThrow(/disk full/)
    expect(await getSchedule()).toMatchObject({ lastAt: at.getTime(), lastError: expect.stringMatching(/disk full/) })
    await Promise.all(db().tables.map((t) => t.clear()))
  })
})
