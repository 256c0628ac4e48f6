import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseRequest } from '@shared/ipc/contract.ts'
import { scheduledFileName } from '@shared/backup/schedule.ts'
import { BackupFolder, nodeBackupFs } from '../../../electron/main/backups/backupFolder.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-backups-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const at = (day: number) => scheduledFileName(new Date(Date.UTC(2026, 10, day, 3)))

describe('the scheduled backups folder (main)', () => {
  it('writes into the folder chosen in the dialog, remembers it, and keeps the last N of its own files only', async () => {
    const folder = join(dir, 'Backups')
    const memory = join(dir, 'backup-folder.json')
    const picks: (string | null)[] = []
    const backups = new BackupFolder(nodeBackupFs, async (current) => {
      picks.push(current)
      return folder
    }, memory)
    await expect(backups.write(at(1), new Uint8Array([1]), 2)).rejects.toThrow(/Choose a folder/)
    expect(await backups.choose()).toEqual({ folder })
    await backups.write(at(1), new Uint8Array([1]), 2)
    // a file of the person's own in the folder is never deleted
    await writeFile(join(folder, 'my-notes.tandem'), 'mine')
    for (const day of [2, 3, 4]) await backups.write(at(day), new Uint8Array([day]), 2)
    expect((await readdir(folder)).sort()).toEqual([at(3), at(4), 'my-notes.tandem'].sort())
    expect([...(await readFile(join(folder, at(4))))]).toEqual([4])

    // a new start of the app reads the remembered folder, and the dialog opens on it
    const again = new BackupFolder(nodeBackupFs, async (current) => {
      picks.push(current)
      return null
    }, memory)
    expect(await again.current()).toBe(folder)
    expect(await again.choose()).toEqual({ folder })
    expect(picks).toEqual([null, folder])
  })

  it('refuses a name that is not a scheduled backup’s (no paths from the renderer)', async () => {
    const backups = new BackupFolder(nodeBackupFs, async () => dir, join(dir, 'mem.json'))
    await backups.choose()
    for (const name of ['../escape.tandem', 'tandem-scheduled-2026-11-29T09-05-03Z.tandem/../../x', 'evil.sh']) {
      await expect(backups.write(name, new Uint8Array([1]), 3)).rejects.toThrow(/file name/)
      expect(() => parseRequest('backup:write', { fileName: name, bytes: new Uint8Array([1]), keep: 3 })).toThrow()
    }
    expect(() => parseRequest('backup:write', { fileName: at(1), bytes: 'not bytes', keep: 3 })).toThrow()
    expect(() => parseRequest('backup:write', { fileName: at(1), bytes: new Uint8Array([1]), keep: 0 })).toThrow()
    expect(parseRequest('backup:write', { fileName: at(1), bytes: new Uint8Array([1]), keep: 3 })).toMatchObject({ keep: 3 })
  })

  it('a damaged memory file reads as no folder chosen', async () => {
    const memory = join(dir, 'mem.json')
    await writeFile(memory, '{"folder": ')
    const backups = new BackupFolder(nodeBackupFs, async () => null, memory)
    expect(await backups.current()).toBeNull()
  })

  it('a failed write leaves no half file under a backup’s name', async () => {
    const failing = { ...nodeBackupFs, rename: async () => Promise.reject(new Error('disk full')) }
    const backups = new BackupFolder(failing, async () => dir, join(dir, 'mem.json'))
    // the memory file's own rename fails too: remember through a working fs first
    await new BackupFolder(nodeBackupFs, async () => dir, join(dir, 'mem.json')).choose()
    await expect(backups.write(at(5), new Uint8Array([5]), 3)).rejects.toThrow(/could not be written.*disk full/)
    expect((await readdir(dir)).filter((f) => f.startsWith('tandem-'))).toEqual([])
  })
})
