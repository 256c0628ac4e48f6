import { liveQuery } from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import { DEFAULT_PREFERENCES, ReminderPreferences } from '@shared/reminders/preferences.ts'
import { db } from '@core/database/db.ts'

/**
 * This device's reminder preferences (shared/reminders/preferences.ts): one row of the local
 * settings table, never synced. A stored value that no longer reads (an older or damaged one)
 * gives the defaults instead of failing, and is replaced at the next save.
 */
const KEY = 'reminderPreferences'

export function readPreferences(value: unknown): ReminderPreferences {
  const parsed = ReminderPreferences.safeParse(value ?? {})
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES
}

export async function loadPreferences(): Promise<ReminderPreferences> {
  return readPreferences((await db().settings.get(KEY))?.value)
}

export type PreferencesResult = { ok: true; preferences: ReminderPreferences } | { ok: false; error: string }

/** Checks and saves a change; a value the rules refuse is not saved and the first problem is returned. */
export async function savePreferences(change: (current: ReminderPreferences) => unknown): Promise<PreferencesResult> {
  const current = await loadPreferences()
  const parsed = ReminderPreferences.safeParse(change(current))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, error: issue ? `${issue.path.join(' ') || 'preferences'}: ${issue.message}` : 'these preferences cannot be saved' }
  }
  await db().settings.put({ key: KEY, value: parsed.data })
  return { ok: true, preferences: parsed.data }
}

/** The preferences, live; undefined while loading. */
export function useReminderPreferences(): ReminderPreferences | undefined {
  return useLiveQuery(loadPreferences, [])
}

/** Calls `f` with the preferences now and after every change (for the publisher). */
export function watchPreferences(f: (p: ReminderPreferences) => void): () => void {
  let last = ''
  const subscription = liveQuery(loadPreferences).subscribe({
    next: (p) => {
      const text = JSON.stringify(p)
      if (text === last) return
      last = text
      f(p)
    },
    error: (err: unknown) => console.error('reminders: preferences could not be read', err)
  })
  return () => subscription.unsubscribe()
}
