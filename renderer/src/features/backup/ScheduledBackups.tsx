import { useEffect, useState } from 'react'
import { nextDueAt, SCHEDULE_INTERVAL_LABELS, SCHEDULE_INTERVALS, type BackupSchedule } from '@shared/backup/schedule.ts'
import type { DesktopBackupFolder } from '@core/platform/index.ts'
import { Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'
import { useNow } from '@ui/useNow.ts'
import { backUpNow, saveSchedule, useSchedule } from './store/schedule.ts'

const when = (ms: number) => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })

/** Desktop: every space into a folder on a schedule, keeping the last N. */
export function ScheduledBackups({ folder }: { folder: DesktopBackupFolder }) {
  const stored = useSchedule()
  // what was just chosen shows at once; the stored schedule catches up a moment later
  const [chosen, setChosen] = useState<Partial<BackupSchedule>>({})
  const clock = useNow(60_000)
  const [path, setPath] = useState<string | null | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    let live = true
    void folder.current().then((p) => live && setPath(p), () => live && setPath(null))
    return () => {
      live = false
    }
  }, [folder])
  if (!stored) return null
  const schedule: BackupSchedule = { ...stored, ...chosen }
  const save = (patch: Partial<BackupSchedule>) => {
    setChosen((c) => ({ ...c, ...patch }))
    void saveSchedule(patch)
  }
  const choose = async () => {
    const chosen = await folder.choose().catch(() => null)
    setPath(chosen)
  }
  const now = async () => {
    setBusy(true)
    try {
      toast(await backUpNow(folder))
    } catch (err) {
      toast(err instanceof Error ? err.message : 'The backup failed.', 'error')
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="panel" aria-labelledby="schedule-title">
      <h2 id="schedule-title">Scheduled backups</h2>
      <p className="muted">Every space, into a folder you choose (not protected by a passphrase: keep the folder private), keeping the newest files.</p>
      <div className="row">
        <span>{path ? <>Folder: <code>{path}</code></> : path === null ? 'No folder chosen yet.' : 'Checking the folder…'}</span>
        <button type="button" className="button" onClick={() => void choose()}>
          {path ? 'Change folder…' : 'Choose folder…'}
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={schedule.enabled} disabled={!path} onChange={(e) => save({ enabled: e.target.checked })} />
        <span>Back up every space on a schedule</span>
      </label>
      <div className="row">
        <Field label="How often">
          <select value={schedule.everyHours} onChange={(e) => save({ everyHours: Number(e.target.value) as BackupSchedule['everyHours'] })}>
            {SCHEDULE_INTERVALS.map((h) => (
              <option key={h} value={h}>
                {SCHEDULE_INTERVAL_LABELS[h]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Keep the last">
          <input type="number" min={1} max={100} value={schedule.keep} onChange={(e) => save({ keep: Math.min(100, Math.max(1, Math.round(Number(e.target.value)) || 1)) })} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={schedule.privateNotes} onChange={(e) => save({ privateNotes: e.target.checked })} />
        <span>Include my private notes in scheduled backups</span>
      </label>
      <p className="muted small" role="status">
        {schedule.lastError
          ? `The last backup failed: ${schedule.lastError}`
          : schedule.lastAt
            ? `Last backup ${when(schedule.lastAt)}.${schedule.enabled ? ` Next ${when(nextDueAt(schedule, clock))}.` : ''}`
            : 'No scheduled backup made yet.'}
      </p>
      <div className="row end">
        <button type="button" className="button" disabled={!path || busy} onClick={() => void now()}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
    </section>
  )
}
