import { useLiveQuery } from 'dexie-react-hooks'
import { DEFAULT_SCHEDULE, isDue, readSchedule, scheduledFileName, type BackupSchedule } from '@shared/backup/schedule.ts'
import { db } from '@core/database/db.ts'
import { getIdentity } from '@core/device/identity.ts'
import { platform, type DesktopBackupFolder } from '@core/platform/index.ts'
import { allSpaceIds, exportSpaces } from './backup.ts'

/**
 * Scheduled backups (issue 14 #3, desktop): every space, unsealed (the folder is the person's
 * own), every 6 hours, day or week, into the folder main holds, keeping the last N. The schedule
 * is a local setting (`backup.schedule`); a look every minute decides (shared/backup/schedule.ts),
 * one backup at a time.
 */
const KEY = 'backup.schedule'
const LOOK_EVERY_MS = 60_000
const RETRY_AFTER_FAILURE_MS = 15 * 60_000

export async function getSchedule(): Promise<BackupSchedule> {
  return readSchedule((await db().settings.get(KEY))?.value)
}

export async function saveSchedule(patch: Partial<BackupSchedule>): Promise<BackupSchedule> {
  const next = readSchedule({ ...(await getSchedule()), ...patch })
  await db().settings.put({ key: KEY, value: next })
  return next
}

export function useSchedule(): BackupSchedule | undefined {
  return useLiveQuery(async () => readSchedule((await db().settings.get(KEY))?.value ?? DEFAULT_SCHEDULE), [])
}

let running: Promise<string> | null = null

/** One backup of every space into the folder now; resolves to what to tell the person. */
export function backUpNow(folder: DesktopBackupFolder, now = new Date()): Promise<string> {
  running ??= (async () => {
    const schedule = await getSchedule()
    try {
      const ids = await allSpaceIds()
      if (!ids.length) throw new Error('There is no space to back up yet.')
      const app = await platform.appInfo().then((i) => i.version, () => 'unknown')
      const out = await exportSpaces({ spaceIds: ids, privateNotes: schedule.privateNotes, passphrase: '', app, identity: await getIdentity() })
      const written = await folder.write(scheduledFileName(now), out.bytes, schedule.keep)
      await saveSchedule({ lastAt: now.getTime(), lastError: null })
      return `Backed up ${ids.length} space${ids.length === 1 ? '' : 's'} to ${written.path}${written.removed.length ? ` (${written.removed.length} older removed)` : ''}.`
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      await saveSchedule({ lastError: message.slice(0, 600) })
      throw new Error(message, { cause: err })
    }
  })().finally(() => {
    running = null
  })
  return running
}

/** Looks every minute whether a scheduled backup is due (desktop); returns the function that stops it. */
export function startScheduledBackups(): () => void {
  const folder = platform.backupFolder
  if (!folder) return () => {}
  let failedAt = 0
  const look = async () => {
    const now = Date.now()
    if (running || now - failedAt < RETRY_AFTER_FAILURE_MS) return
    const schedule = await getSchedule()
    if (!isDue(schedule, now)) return
    // a failure is kept in the schedule (lastError) and shown on the backup screen; tried again later
    await backUpNow(folder).catch(() => {
      failedAt = Date.now()
    })
  }
  const timer = setInterval(() => void look().catch(() => undefined), LOOK_EVERY_MS)
  return () => clearInterval(timer)
}
