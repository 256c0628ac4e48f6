import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { filesToPrune, isScheduledFileName } from '../../../shared/backup/schedule.ts'
import type { InvokeHandlers } from '../ipc.ts'

/**
 * Scheduled backups' folder (issue 14 #3), main side. The renderer builds the backup file; main
 * writes it into the folder the person chose in a native dialog and deletes the oldest scheduled
 * backups beyond "keep the last N".
 *
 * The renderer never names a path: the folder is only ever what the dialog returned (remembered
 * in `backup-folder.json` in userData), a file name must be a scheduled backup's name
 * (shared/backup/schedule.ts), and only such files are deleted. A write goes to a temp file
 * (`.part`), is fsync'ed, then renamed: a crash leaves no half backup under a backup's name.
 */
export interface BackupFs {
  readText(path: string): Promise<string | null>
  writeDurably(path: string, data: Uint8Array): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  list(dir: string): Promise<string[]>
  ensureDir(dir: string): Promise<void>
}

export const nodeBackupFs: BackupFs = {
  async readText(path) {
    try {
      return await readFile(path, 'utf8')
    } catch {
      return null
    }
  },
  async writeDurably(path, data) {
    const handle = await open(path, 'w', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  list: (dir) => readdir(dir),
  ensureDir: async (dir) => void (await mkdir(dir, { recursive: true }))
}

/** Shows the native folder picker; resolves to the chosen folder or null (cancelled). */
export type FolderPicker = (current: string | null) => Promise<string | null>

const Remembered = z.object({ folder: z.string().min(1).max(4096) })

export class BackupFolderError extends Error {
  override name = 'BackupFolderError'
}

export class BackupFolder {
  private folder: string | null | undefined = undefined

  constructor(
    private readonly fs: BackupFs,
    private readonly pick: FolderPicker,
    /** where the chosen folder is remembered (userData/backup-folder.json) */
    private readonly memoryFile: string
  ) {}

  async current(): Promise<string | null> {
    if (this.folder === undefined) {
      const text = await this.fs.readText(this.memoryFile)
      let folder: string | null
      try {
        const parsed = Remembered.safeParse(text === null ? null : JSON.parse(text))
        folder = parsed.success ? parsed.data.folder : null
      } catch {
        folder = null
      }
      this.folder = folder
    }
    return this.folder
  }

  async choose(): Promise<{ folder: string | null }> {
    const chosen = await this.pick(await this.current())
    if (chosen) {
      this.folder = chosen
      const tmp = `${this.memoryFile}.part`
      await this.fs.writeDurably(tmp, new TextEncoder().encode(JSON.stringify({ folder: chosen })))
      await this.fs.rename(tmp, this.memoryFile)
    }
    return { folder: await this.current() }
  }

  async write(fileName: string, bytes: Uint8Array, keep: number): Promise<{ path: string; removed: string[] }> {
    const folder = await this.current()
    if (!folder) throw new BackupFolderError('Choose a folder for scheduled backups first.')
    if (!isScheduledFileName(fileName)) throw new BackupFolderError('Not a scheduled backup’s file name.')
    await this.fs.ensureDir(folder)
    const path = join(folder, fileName)
    const part = `${path}.part`
    try {
      await this.fs.writeDurably(part, bytes)
      await this.fs.rename(part, path)
    } catch (err) {
      await this.fs.unlink(part).catch(() => {})
      throw new BackupFolderError(`The backup could not be written to ${folder}: ${(err as Error).message}`)
    }
    const removed: string[] = []
    for (const old of filesToPrune(await this.fs.list(folder), keep)) {
      try {
        await this.fs.unlink(join(folder, old))
        removed.push(old)
      } catch {
        // gone already, or not ours to delete: left as it is
      }
    }
    return { path, removed }
  }
}

type BackupChannels = 'backup:folder' | 'backup:choose-folder' | 'backup:write'

export function backupFolderHandlers(folder: BackupFolder): Pick<InvokeHandlers, BackupChannels> {
  return {
    'backup:folder': async () => ({ folder: await folder.current() }),
    'backup:choose-folder': () => folder.choose(),
    'backup:write': ({ fileName, bytes, keep }) => folder.write(fileName, bytes, keep)
  }
}
