import { DateTime } from 'luxon'
import { type ReminderEntry, instanceKey, isZoneName } from './entry.ts'
import type { QuietHours, ReminderPreferences } from './preferences.ts'
import { minutesOfDay } from '../sprint/localTime.ts'

/**
 * The reminder plan: for every entry and every lead time of its kind, when it is due.
 *
 * - `nominalAt` = start − lead.
 * - Muted (its kind, its ceremony, its team or org, its pair): never shown (`reason: 'muted'`).
 * - Due on a day that is not a working day, inside the quiet hours or while paused: moved to the
 *   next moment that is none of these (`'deferred'`), if that is still no later than the
 *   meeting's start; otherwise it is not shown (`'held'`). Days and hours are read in `zone`,
 *   the device's zone, with luxon, so they follow DST.
 * Everything is absolute milliseconds; the plan is a pure function of its inputs.
 */
export interface PlannedReminder {
  /** `${instance}#${lead}`: what is fired at most once */
  key: string
  /** the meeting at its start (entry id @ start) */
  instance: string
  entry: ReminderEntry
  leadMinutes: number
  nominalAt: number
  /** when to show it; null when it is not shown */
  dueAt: number | null
  reason: 'muted' | 'deferred' | 'held' | null
}

export function reminderKey(instance: string, leadMinutes: number): string {
  return `${instance}#${leadMinutes}`
}

export function isMuted(entry: ReminderEntry, prefs: ReminderPreferences): boolean {
  const m = prefs.muted
  if (m.kinds.includes(entry.kind)) return true
  if (entry.ceremony && m.ceremonies.includes(entry.ceremony)) return true
  return (entry.kind === 'ceremony' ? m.teams : m.pairs).includes(entry.groupId)
}

/** The end of the quiet hours that contain `local`, or null when `local` is outside them. */
function quietEnd(local: DateTime, quiet: QuietHours): DateTime | null {
  const start = minutesOfDay(quiet.start)
  const end = minutesOfDay(quiet.end)
  const now = local.hour * 60 + local.minute
  if (start === end) return null
  const inside = start < end ? now >= start && now < end : now >= start || now < end
  if (!inside) return null
  const day = start > end && now >= start ? local.plus({ days: 1 }) : local
  return day.startOf('day').set({ hour: Math.floor(end / 60), minute: end % 60 })
}

/** The first moment at or after `t` that is on a working day, outside quiet hours and not paused. */
export function nextAllowed(t: number, prefs: ReminderPreferences, zone: string): number | null {
  const z = isZoneName(zone) ? zone : 'UTC'
  let at = t
  for (let step = 0; step < 64; step++) {
    if (prefs.pausedUntil !== null && at < prefs.pausedUntil) {
      at = prefs.pausedUntil
      continue
    }
    const local = DateTime.fromMillis(at, { zone: z })
    if (!prefs.workingDays.includes(local.weekday)) {
      at = local.plus({ days: 1 }).startOf('day').toMillis()
      continue
    }
    const end = prefs.quietHours ? quietEnd(local, prefs.quietHours) : null
    if (end) {
      // luxon moves a time inside a DST gap forward; never step backwards
      at = Math.max(end.toMillis(), at + 60_000)
      continue
    }
    return at
  }
  return null
}

export function planReminders(entries: readonly ReminderEntry[], prefs: ReminderPreferences, zone: string): PlannedReminder[] {
  const plan: PlannedReminder[] = []
  for (const entry of entries) {
    const instance = instanceKey(entry)
    const muted = isMuted(entry, prefs)
    for (const leadMinutes of prefs.leadMinutes[entry.kind]) {
      const nominalAt = entry.startsAt - leadMinutes * 60_000
      const base = { key: reminderKey(instance, leadMinutes), instance, entry, leadMinutes, nominalAt }
      if (muted) {
        plan.push({ ...base, dueAt: null, reason: 'muted' })
        continue
      }
      const allowed = nextAllowed(nominalAt, prefs, zone)
      if (allowed === null || allowed > entry.startsAt) plan.push({ ...base, dueAt: null, reason: 'held' })
      else plan.push({ ...base, dueAt: allowed, reason: allowed === nominalAt ? null : 'deferred' })
    }
  }
  return plan
}
