import { useEffect, useState, type FormEvent } from 'react'
import { DateTime } from 'luxon'
import { CEREMONIES, CEREMONY_KINDS, type CeremonyKind } from '@shared/sprint/ceremonies.ts'
import { isMuted } from '@shared/reminders/plan.ts'
import { pauseForAnHour, pauseUntilTomorrow, type ReminderPreferences } from '@shared/reminders/preferences.ts'
import type { ReminderKind } from '@shared/reminders/entry.ts'
import { browserZone } from '@shared/time/dates.ts'
import { platform } from '@core/platform/index.ts'
import { Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'
import { useNow } from '@ui/useNow.ts'
import { useReminderGroups } from './store/hooks.ts'
import { savePreferences, useReminderPreferences } from './store/preferences.ts'
import './reminders.css'
import { askForNotifications, useReminderOverview } from './store/start.ts'

/**
 * Settings → Reminders: this device's reminder preferences (never synced), whether this browser
 * may show notifications (web mode: asked only from the button), pause, and the next meetings.
 */
const DAYS: [number, string][] = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [7, 'Sun']
]

export function when(ms: number, zone = browserZone()): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL, HH:mm')
}

/** "1440, 15" → [1440, 15]; anything else → an error sentence. */
export function parseMinutes(text: string): number[] | string {
  const parts = text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter(Boolean)
  const out: number[] = []
  for (const p of parts) {
    if (!/^\d{1,5}$/.test(p)) return `"${p}" is not a number of minutes`
    out.push(Number(p))
  }
  return out
}

function leadText(minutes: readonly number[]): string {
  return minutes.join(', ')
}

export function ReminderSettings() {
  const prefs = useReminderPreferences()
  return (
    <section className="panel reminder-settings" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders</h2>
      <Delivery />
      {prefs && <Pause prefs={prefs} />}
      {/* a pause (here or from the tray) must not reset what is being edited below */}
      {prefs && <PreferencesForm key={JSON.stringify({ ...prefs, pausedUntil: null })} prefs={prefs} />}
      <NextMeetings prefs={prefs} />
    </section>
  )
}

function Delivery() {
  const overview = useReminderOverview()
  if (overview.mode === 'desktop') {
    return (
      <p className="muted">
        Tandem reminds you with a desktop notification before each meeting you take part in, also while its window is closed
        (it keeps running in the tray), and catches up after your computer sleeps.
      </p>
    )
  }
  return (
    <div className="stack reminder-web">
      {overview.permission === 'granted' && <p>Notifications are on: this tab reminds you of your meetings while it is open.</p>}
      {overview.permission === 'default' && (
        <div className="row">
          <p>This browser has not been allowed to show Tandem’s reminders yet.</p>
          <button type="button" className="button primary" onClick={() => void askForNotifications()}>
            Allow notifications
          </button>
        </div>
      )}
      {overview.permission === 'denied' && (
        <p role="status">Notifications are blocked for this site. Allow them in your browser’s site settings, then reload Tandem.</p>
      )}
      {overview.permission === 'unsupported' && <p role="status">This browser cannot show notifications.</p>}
      <p className="muted small">
        In a browser, reminders arrive only while a Tandem tab is open. The desktop app reminds you with the window closed
        (from the tray), after sleep it tells you what you missed, it offers Snooze on each reminder (macOS, Windows), and
        it can start when you log in.
      </p>
    </div>
  )
}

function Pause({ prefs }: { prefs: ReminderPreferences }) {
  const now = useNow(30_000)
  const paused = prefs.pausedUntil !== null && prefs.pausedUntil > now
  const set = async (pausedUntil: number | null, message: string) => {
    const result = await savePreferences((p) => ({ ...p, pausedUntil }))
    toast(result.ok ? message : result.error, result.ok ? 'info' : 'error')
  }
  return (
    <div className="row pause-row">
      <p role="status">{paused ? `Reminders are paused until ${when(prefs.pausedUntil ?? now)}.` : 'Reminders are on.'}</p>
      <button type="button" className="button" onClick={() => void set(pauseForAnHour(Date.now()), 'Reminders paused for an hour.')}>
        Pause for an hour
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void set(pauseUntilTomorrow(Date.now(), browserZone(), prefs.quietHours), 'Reminders paused until tomorrow.')}
      >
        Pause until tomorrow
      </button>
      {paused && (
        <button type="button" className="button" onClick={() => void set(null, 'Reminders are on again.')}>
          Resume
        </button>
      )}
    </div>
  )
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value)
}

function PreferencesForm({ prefs }: { prefs: ReminderPreferences }) {
  const overview = useReminderOverview()
  const groups = useReminderGroups()
  const [ceremonyLead, setCeremonyLead] = useState(leadText(prefs.leadMinutes.ceremony))
  const [mentoringLead, setMentoringLead] = useState(leadText(prefs.leadMinutes.mentoring))
  const [snooze, setSnooze] = useState(leadText(prefs.snoozeMinutes))
  const [days, setDays] = useState<number[]>(prefs.workingDays)
  const [quiet, setQuiet] = useState(prefs.quietHours !== null)
  const [quietStart, setQuietStart] = useState(prefs.quietHours?.start ?? '20:00')
  const [quietEnd, setQuietEnd] = useState(prefs.quietHours?.end ?? '08:00')
  const [kinds, setKinds] = useState<ReminderKind[]>(prefs.muted.kinds)
  const [ceremonies, setCeremonies] = useState<CeremonyKind[]>(prefs.muted.ceremonies)
  const [teams, setTeams] = useState<string[]>(prefs.muted.teams)
  const [pairs, setPairs] = useState<string[]>(prefs.muted.pairs)
  const [launch, setLaunch] = useState(prefs.launchAtLogin)
  const [error, setError] = useState<string | null>(null)
  const [os, setOs] = useState<string | null>(null)
  useEffect(() => {
    if (overview.mode !== 'desktop') return
    let live = true
    platform
      .appInfo()
      .then((info) => live && setOs(info.platform))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [overview.mode])

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const ceremony = parseMinutes(ceremonyLead)
    const mentoring = parseMinutes(mentoringLead)
    const snoozeMinutes = parseMinutes(snooze)
    const bad = [ceremony, mentoring, snoozeMinutes].find((v): v is string => typeof v === 'string')
    if (bad) return setError(bad)
    const result = await savePreferences((p) => ({
      ...p,
      leadMinutes: { ceremony, mentoring },
      snoozeMinutes,
      workingDays: [...days].sort(),
      quietHours: quiet ? { start: quietStart, end: quietEnd } : null,
      muted: { kinds, ceremonies, teams, pairs },
      launchAtLogin: launch
    }))
    if (!result.ok) return setError(result.error)
    setError(null)
    toast('Reminder settings saved.')
  }

  return (
    <form className="stack" onSubmit={(e) => void save(e)} noValidate>
      <div className="reminder-grid">
        <Field label="Ceremonies: minutes before" hint="Several reminders: separate with commas, e.g. 10, 2">
          <input value={ceremonyLead} inputMode="numeric" onChange={(e) => setCeremonyLead(e.target.value)} />
        </Field>
        <Field label="Mentoring sessions: minutes before" hint="1440 is a day before">
          <input value={mentoringLead} inputMode="numeric" onChange={(e) => setMentoringLead(e.target.value)} />
        </Field>
        <Field label="Snooze choices (minutes)" hint={overview.mode === 'web' ? 'Offered by the desktop app’s notifications' : 'Up to three'}>
          <input value={snooze} inputMode="numeric" onChange={(e) => setSnooze(e.target.value)} />
        </Field>
      </div>
      <fieldset className="checks">
        <legend>Remind me on</legend>
        {DAYS.map(([day, label]) => (
          <label key={day} className="check">
            <input type="checkbox" checked={days.includes(day)} onChange={(e) => setDays(toggle(days, day, e.target.checked))} />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>Quiet hours</legend>
        <label className="check">
          <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />
          No reminders between
        </label>
        <input type="time" aria-label="Quiet hours start" value={quietStart} disabled={!quiet} onChange={(e) => setQuietStart(e.target.value)} />
        <span>and</span>
        <input type="time" aria-label="Quiet hours end" value={quietEnd} disabled={!quiet} onChange={(e) => setQuietEnd(e.target.value)} />
      </fieldset>
      <fieldset className="checks">
        <legend>Mute</legend>
        <label className="check">
          <input type="checkbox" checked={kinds.includes('ceremony')} onChange={(e) => setKinds(toggle(kinds, 'ceremony', e.target.checked))} />
          All ceremonies
        </label>
        <label className="check">
          <input type="checkbox" checked={kinds.includes('mentoring')} onChange={(e) => setKinds(toggle(kinds, 'mentoring', e.target.checked))} />
          All mentoring sessions
        </label>
        {CEREMONY_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input type="checkbox" checked={ceremonies.includes(kind)} onChange={(e) => setCeremonies(toggle(ceremonies, kind, e.target.checked))} />
            {CEREMONIES[kind].label}
          </label>
        ))}
      </fieldset>
      {groups.length > 0 && (
        <fieldset className="checks">
          <legend>Mute a team or pair</legend>
          {groups.map((g) => {
            const list = g.kind === 'team' ? teams : pairs
            const setList = g.kind === 'team' ? setTeams : setPairs
            return (
              <label key={g.id} className="check">
                <input type="checkbox" checked={list.includes(g.id)} onChange={(e) => setList(toggle(list, g.id, e.target.checked))} />
                {g.label}
              </label>
            )
          })}
        </fieldset>
      )}
      {overview.mode === 'desktop' && os === 'linux' && (
        <p className="muted small">To have reminders after you log in, add Tandem to your desktop’s startup applications.</p>
      )}
      {overview.mode === 'desktop' && os !== null && os !== 'linux' && (
        <label className="check">
          <input type="checkbox" checked={launch} onChange={(e) => setLaunch(e.target.checked)} />
          Start Tandem when I log in (macOS and Windows), so reminders arrive
        </label>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        <button type="submit" className="button primary">
          Save reminder settings
        </button>
      </div>
    </form>
  )
}

function NextMeetings({ prefs }: { prefs: ReminderPreferences | undefined }) {
  const overview = useReminderOverview()
  const zone = browserZone()
  return (
    <div className="stack">
      <h3>Next meetings</h3>
      {overview.next.length === 0 ? (
        <p className="muted">No meeting of yours in the next 14 days.</p>
      ) : (
        <ul className="reminder-next">
          {overview.next.map(({ entry, remindAt }) => (
            <li key={`${entry.id}@${entry.startsAt}`}>
              <strong>{entry.title}</strong> · {entry.groupLabel} — {when(entry.startsAt, zone)}
              {!entry.timeSet && ' (no time set; placed at 10:00)'}
              <span className="muted"> · {remindAt !== null
                  ? `reminder at ${when(remindAt, zone)}`
                  : overview.reminded.includes(`${entry.id}@${entry.startsAt}`)
                    ? 'reminded'
                    : overview.elsewhere.includes(`${entry.id}@${entry.startsAt}`)
                      ? 'reminded on your other device'
                      : prefs && isMuted(entry, prefs)
                      ? 'muted'
                      : 'no reminder ahead'}</span>
            </li>
          ))}
        </ul>
      )}
      {overview.problems.length > 0 && <p className="muted small">Left out: {overview.problems.slice(0, 3).join('; ')}</p>}
      {overview.recovered && <p className="muted small">{overview.recovered}</p>}
    </div>
  )
}
