import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import { ReminderSchedule } from '@shared/reminders/schedule.ts'
import { EMPTY_FILE, JsonFileStore, ReminderFile, type FileSystem, type ReminderStore } from '../../../electron/main/reminders/store.ts'
import { ME, at, berlinOrg } from './fixtures.ts'
import { harness, tempFile } from './harness.ts'

const NOW = at('2026-03-20T08:00:00Z')
const entries = upcomingReminders({ now: NOW, zone: 'Europe/Berlin', me: ME, sprint: [berlinOrg()], pairs: [] }).entries
const schedule = ReminderSchedule.parse({ entries, preferences: {}, zone: 'Europe/Berlin' })

/** A file as the service writes it after a day with reminders. */
async function writtenFile(): Promise<string> {
  const h = harness(NOW)
  await h.service.start()
  await h.service.setSchedule(schedule)
  await h.clock.advanceTo(at('2026-03-20T12:00:00Z'))
  h.service.dispose()
  return h.file
}

const asideFiles = (file: string) => readdirSync(dirname(file)).filter((f) => f.startsWith('reminders.json.corrupt-'))

describe('the reminders file', () => {
  it('round-trips: a second start reads the schedule and what fired', async () => {
    const file = await writtenFile()
    const loaded = await new JsonFileStore(file, { now: () => NOW, log: { warn: () => {} } }).load()
    expect(loaded.recovered).toBeNull()
    expect(loaded.file.schedule?.entries).toEqual(entries)
    expect(Object.values(loaded.file.state.log).map((r) => r.outcome)).toEqual(['fired'])
  })

  it.each([
    ['cut in half (a write that never finished)', (text: string) => text.slice(0, Math.floor(text.length / 2)), /was not complete JSON/],
    ['cut one character short', (text: string) => text.slice(0, -1), /was not complete JSON/],
    ['garbage bytes', () => '\u0000\u00ff\u0013garbage\u{1F4A5}', /was not complete JSON/],
    ['empty', () => '', /was empty/],
    ['JSON of another shape', () => JSON.stringify({ version: 1, schedule: 5, state: {} }), /did not hold reminders as expected \(schedule: /],
    ['JSON with a bad entry', (text: string) => text.replace('"zone":"Europe/Berlin"', '"zone":"Mars/Olympus"'), /did not hold reminders as expected \(schedule\.entries\.0\.zone: /],
    ['from a newer Tandem', (text: string) => text.replace('"version":1', '"version":7'), /was written by a newer Tandem \(version 7\)/]
  ])('is recovered when %s: kept aside, rebuilt, and reminders go on', async (_label, damage, reason) => {
    const file = await writtenFile()
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, damage(original))
    const damaged = readFileSync(file, 'utf8')

    const h = harness(NOW, { file })
    await h.clock.advanceTo(at('2026-03-20T12:00:00Z'))
    await h.service.start()
    const { recovered } = h.service.view()
    expect(recovered).toMatch(reason)
    expect(recovered).toMatch(/; it was kept as .*reminders\.json\.corrupt-2026-03-20T12-00-00-000Z, and reminders start afresh\.$/)
    expect(h.warnings.some((w) => w.includes('reminders.json.corrupt-'))).toBe(true)
    // the damaged bytes are kept for a person to look at; a good file replaces them
    const [aside] = asideFiles(file)
    expect(readFileSync(join(dirname(file), aside!), 'utf8')).toBe(damaged)
    expect(ReminderFile.safeParse(JSON.parse(readFileSync(file, 'utf8'))).success).toBe(true)
    // the renderer sends the schedule again: reminders resume
    await h.service.setSchedule(schedule)
    await h.clock.advanceTo(at('2026-03-23T11:00:00Z'))
    expect(h.notifier.shown.map((s) => s.title)).toEqual(['Daily sync-up · Alpha'])
  })

  it('ignores a temp file left by a crash mid-write and removes it', async () => {
    const file = await writtenFile()
    writeFileSync(`${file}.tmp`, '{"version":1,"sche')
    const loaded = await new JsonFileStore(file, { now: () => NOW, log: { warn: () => {} } }).load()
    expect(loaded.recovered).toBeNull()
    expect(loaded.file.schedule?.entries).toHaveLength(entries.length)
    expect(existsSync(`${file}.tmp`)).toBe(false)
  })

  it('starts empty, without complaint, when there is no file yet', async () => {
    const loaded = await new JsonFileStore(tempFile(), { now: () => NOW, log: { warn: () => {} } }).load()
    expect(loaded).toEqual({ file: EMPTY_FILE, recovered: null })
  })

  it('writes a temp file, flushes it to disk, then renames it over the old one', async () => {
    const calls: string[] = []
    const fs: FileSystem = {
      readFile: async () => '',
      writeDurably: async (path) => void calls.push(`write+fsync ${path}`),
      rename: async (from, to) => void calls.push(`rename ${from} → ${to}`),
      unlink: async () => {},
      syncDirectory: async (path) => void calls.push(`fsync dir ${path}`)
    }
    await new JsonFileStore('/data/reminders.json', { now: () => NOW, log: { warn: () => {} }, fs }).save(EMPTY_FILE)
    expect(calls).toEqual(['write+fsync /data/reminders.json.tmp', 'rename /data/reminders.json.tmp → /data/reminders.json', 'fsync dir /data'])
  })

  it('still reminds when the file cannot be written (a full disk), and says so', async () => {
    const broken: ReminderStore = {
      load: async () => ({ file: EMPTY_FILE, recovered: null }),
      save: async () => {
        throw new Error('ENOSPC: no space left on device')
      }
    }
    const h = harness(NOW, { store: broken })
    await h.service.start()
    await h.service.setSchedule(schedule)
    await h.clock.advanceTo(at('2026-03-20T11:00:00Z'))
    expect(h.notifier.shown.map((s) => s.title)).toEqual(['Daily sync-up · Alpha'])
    expect(h.warnings).toContain('reminders: could not save the reminders file: ENOSPC: no space left on device')
  })

  it('starts afresh when a store cannot load at all', async () => {
    const failing: ReminderStore = {
      load: async () => {
        throw new Error('EACCES')
      },
      save: async () => {}
    }
    const h = harness(NOW, { store: failing })
    await expect(h.service.start()).resolves.toBeUndefined()
    expect(h.service.view().recovered).toMatch(/could not be read \(EACCES\)/)
  })

  it('keeps looking at the clock after a look that failed', async () => {
    let broken = true
    const h = harness(NOW, {
      systemZone: () => {
        if (broken) throw new Error('no zone yet')
        return 'Europe/Berlin'
      }
    })
    await expect(h.service.start()).resolves.toBeUndefined()
    expect(h.warnings).toEqual(['reminders: no zone yet'])
    expect(h.clock.pending).toBe(1) // it will look again
    broken = false
    await h.clock.advance(60_000)
    expect(h.warnings).toEqual(['reminders: no zone yet'])
    await h.service.setSchedule(schedule)
    await h.clock.advanceTo(at('2026-03-20T11:00:00Z'))
    expect(h.notifier.shown.map((s) => s.title)).toEqual(['Daily sync-up · Alpha'])
    expect(h.clock.pending).toBe(1)
  })

  it('writes only when something changed, not on every look at the clock', async () => {
    let saves = 0
    const file = tempFile()
    const real = new JsonFileStore(file, { now: () => NOW, log: { warn: () => {} } })
    const counting: ReminderStore = { load: () => real.load(), save: (f) => (saves++, real.save(f)) }
    const h = harness(NOW, { store: counting })
    await h.service.start()
    await h.service.setSchedule(schedule)
    saves = 0
    await h.clock.advance(14 * 86_400_000) // 20 160 looks at the clock
    // one write per reminder shown, and a few as meetings long past are forgotten
    expect(h.notifier.shown.length).toBe(13)
    expect(saves).toBeLessThan(30)
  })
})
