import { open, readFile, rename, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { Instant } from '../../../shared/reminders/entry.ts'
import { EMPTY_STATE, ReminderState } from '../../../shared/reminders/engine.ts'
import { ReminderSchedule } from '../../../shared/reminders/schedule.ts'

/**
 * The reminder service's memory, one JSON file in userData: the last good schedule and what
 * happened to each reminder (so nothing fires twice across restarts).
 *
 * Writing: a temp file beside it, written and fsync'ed, then renamed over the old one (atomic on
 * one file system), then the directory fsync'ed where the platform allows. A crash leaves the old
 * file or the new one, never half of one.
 * Reading never throws: a file that is not JSON (truncated, garbage) or not this shape is renamed
 * to `<file>.corrupt-<time>` for a person to look at, and the service starts from nothing (the
 * renderer sends the schedule again). A file from a newer version is kept aside the same way.
 */
export const STORE_VERSION = 1

export const StoredSchedule = ReminderSchedule.extend({ receivedAt: Instant })
export type StoredSchedule = z.infer<typeof StoredSchedule>

export const ReminderFile = z.object({
  version: z.literal(STORE_VERSION),
  schedule: StoredSchedule.nullable(),
  state: ReminderState
})
export type ReminderFile = z.infer<typeof ReminderFile>

export const EMPTY_FILE: ReminderFile = { version: STORE_VERSION, schedule: null, state: EMPTY_STATE }

export interface Loaded {
  file: ReminderFile
  /** why the file on disk was not used (and where it was kept), or null */
  recovered: string | null
}

export interface ReminderStore {
  load(): Promise<Loaded>
  save(file: ReminderFile): Promise<void>
}

/** The file operations used (node:fs/promises by default), so a test can watch their order. */
export interface FileSystem {
  readFile(path: string): Promise<string>
  /** write `data` to `path`, replacing it, and fsync it before resolving */
  writeDurably(path: string, data: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** fsync a directory (best effort: Windows cannot) */
  syncDirectory(path: string): Promise<void>
}

export const nodeFileSystem: FileSystem = {
  readFile: (path) => readFile(path, 'utf8'),
  async writeDurably(path, data) {
    const handle = await open(path, 'w', 0o600)
    try {
      await handle.writeFile(data, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  async syncDirectory(path) {
    const handle = await open(path, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
}

const code = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code

export class JsonFileStore implements ReminderStore {
  private readonly fs: FileSystem

  constructor(
    private readonly path: string,
    private readonly deps: { now(): number; log: { warn(message: string): void }; fs?: FileSystem }
  ) {
    this.fs = deps.fs ?? nodeFileSystem
  }

  async load(): Promise<Loaded> {
    // a temp file left by a crash mid-write is never the truth: the rename did not happen
    await this.fs.unlink(`${this.path}.tmp`).catch(() => {})
    let text: string
    try {
      text = await this.fs.readFile(this.path)
    } catch (err) {
      if (code(err) === 'ENOENT') return { file: EMPTY_FILE, recovered: null }
      return this.keepAside(`could not be read (${(err as Error).message})`)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return this.keepAside(text.trim() === '' ? 'was empty' : 'was not complete JSON (cut short or damaged)')
    }
    const version = (json as { version?: unknown } | null)?.version
    if (typeof version === 'number' && version > STORE_VERSION) return this.keepAside(`was written by a newer Tandem (version ${version})`)
    const parsed = ReminderFile.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return this.keepAside(`did not hold reminders as expected (${issue?.path.join('.') || 'top'}: ${issue?.message ?? 'invalid'})`)
    }
    return { file: parsed.data, recovered: null }
  }

  async save(file: ReminderFile): Promise<void> {
    const tmp = `${this.path}.tmp`
    await this.fs.writeDurably(tmp, JSON.stringify(file))
    await this.fs.rename(tmp, this.path)
    await this.fs.syncDirectory(dirname(this.path)).catch(() => {})
  }

  private async keepAside(problem: string): Promise<Loaded> {
    const stamp = new Date(this.deps.now()).toISOString().replace(/[:.]/g, '-')
    const aside = `${this.path}.corrupt-${stamp}`
    let where: string
    try {
      await this.fs.rename(this.path, aside)
      where = `kept as ${aside}`
    } catch (err) {
      where = `could not be kept aside: ${(err as Error).message}`
    }
    const recovered = `The reminders file ${problem}; it was ${where}, and reminders start afresh.`
    this.deps.log.warn(`reminders: ${recovered}`)
    return { file: EMPTY_FILE, recovered }
  }
}
