import { useState } from 'react'
import { browserZone } from '@shared/time/dates.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { toast } from '@ui/toasts.ts'
import { dismissMissedReminders, useReminderOverview } from './store/start.ts'
import { when } from './ReminderSettings.tsx'
import './reminders.css'

/**
 * In the shell: reminders that came due while this device slept or Tandem was not running, and
 * whose meeting had started by then. Listed here once, never as a late notification; each opens
 * its meeting, and "Dismiss" forgets them.
 */
export function MissedReminders() {
  const { missed: all } = useReminderOverview()
  const spaces = useSpaces()
  const [busy, setBusy] = useState(false)
  // a space left or deleted since: its meetings are no longer this person's business
  const here = new Set((spaces ?? []).filter((s) => s.status === 'active').map((s) => s.id))
  const missed = all.filter((m) => here.has(m.entry.spaceId))
  if (missed.length === 0) return null
  const zone = browserZone()
  const dismiss = async (instances: string[]) => {
    setBusy(true)
    try {
      await dismissMissedReminders(instances)
    } catch (err) {
      toast(`The missed reminders could not be dismissed: ${(err as Error).message}`, 'error')
    } finally {
      setBusy(false)
    }
  }
  const shown = missed.slice(-5).reverse()
  return (
    <section className="alert info missed-reminders" aria-labelledby="missed-title">
      <div>
        <h2 id="missed-title">Missed while Tandem was closed or asleep</h2>
        <ul>
          {shown.map((m) => (
            <li key={m.instance}>
              <a href={`#${m.entry.link}`}>
                {m.entry.title} · {m.entry.groupLabel}
              </a>{' '}
              <span className="muted">started {when(m.entry.startsAt, zone)}</span>
            </li>
          ))}
        </ul>
        {missed.length > shown.length && <p className="muted small">and {missed.length - shown.length} earlier</p>}
      </div>
      <button type="button" className="button" disabled={busy} onClick={() => void dismiss(all.map((m) => m.instance))}>
        Dismiss
      </button>
    </section>
  )
}
