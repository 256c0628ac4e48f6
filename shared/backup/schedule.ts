import { z } from 'zod'

/**
 * Scheduled backups (issue 14 #3, desktop): every space, every so often, into a folder the person
 * chose, keeping the last N. The file names carry the instant (UTC, sortable), so the newest are
 * found by name and only files of this pattern are ever deleted from the folder.
 */
export const SCHEDULE_INTERVALS = [6, 24, 168] as const
export const SCHEDULE_INTERVAL_LABELS: Record<(typeof SCHEDULE_INTERVALS)[number], string> = {
  6: 'Every 6 hours',
  24: 'Every day',
  168: 'Every week'
}

export const BackupSchedule = z.object({
  enabled: z.boolean().catch(false),
  everyHours: z.union(SCHEDULE_INTERVALS.map((n) => z.literal(n)) as [z.ZodLiteral<6>, z.ZodLiteral<24>, z.ZodLiteral<168>]).catch(24),
  keep: z.number().int().min(1).max(100).catch(7),
  privateNotes: z.boolean().catch(false),
  /** the last successful scheduled backup (this device's clock) */
  lastAt: z.number().finite().nullable().catch(null),
  /** what the last attempt said when it failed */
  lastError: z.string().max(600).nullable().catch(null)
})
export type BackupSchedule = z.infer<typeof BackupSchedule>

export const DEFAULT_SCHEDULE: BackupSchedule = { enabled: false, everyHours: 24, keep: 7, privateNotes: false, lastAt: null, lastError: null }

export function readSchedule(value: unknown): BackupSchedule {
  const parsed = BackupSchedule.safeParse(value ?? {})
  return parsed.success ? parsed.data : DEFAULT_SCHEDULE
}

/** the largest backup file Tandem writes or reads (shared/backup/archive.ts) */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024

const NAME = /^tandem-scheduled-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)\.tandem$/
export const MAX_SCHEDULED_FILE_NAME = 60

export function scheduledFileName(at: Date): string {
  return `tandem-scheduled-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.tandem`
}

export function isScheduledFileName(name: string): boolean {
  return name.length <= MAX_SCHEDULED_FILE_NAME && NAME.test(name)
}

/** The scheduled backups beyond the newest `keep` (other files are never named). */
export function filesToPrune(names: readonly string[], keep: number): string[] {
  const ours = names.filter(isScheduledFileName).sort().reverse()
  return ours.slice(Math.max(1, keep))
}

/** When the next backup is due (now, when none was made or the clock went back past it). */
export function nextDueAt(schedule: BackupSchedule, now: number): number {
  if (schedule.lastAt === null || schedule.lastAt > now) return now
  return schedule.lastAt + schedule.everyHours * 3_600_000
}

export function isDue(schedule: BackupSchedule, now: number): boolean {
  return schedule.enabled && nextDueAt(schedule, now) <= now
}
