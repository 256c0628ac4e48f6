import { DateTime } from 'luxon'
import { formatDay, viewerTime } from '../sprint/viewerTime.ts'
import { type ReminderEntry, isZoneName } from './entry.ts'

/**
 * The words of a reminder notification: the meeting and its team or pair as the title; when it
 * starts in the person's own zone, and the meeting's own time when it is held in another zone.
 *   "Daily sync-up · Platform"   "In 10 minutes, at 12:00"
 *   "Retro & demo · Acme"        "Tomorrow at 09:00 · 15:00 in Europe/Berlin"
 */
export interface NotificationText {
  title: string
  body: string
}

function dayWord(date: string, today: string, tomorrow: string): string {
  if (date === today) return 'Today'
  if (date === tomorrow) return 'Tomorrow'
  return formatDay(date)
}

export function notificationText(entry: ReminderEntry, now: number, zone: string): NotificationText {
  const z = isZoneName(zone) ? zone : 'UTC'
  const title = entry.groupLabel ? `${entry.title} · ${entry.groupLabel}` : entry.title
  const start = DateTime.fromMillis(entry.startsAt, { zone: z })
  const local = DateTime.fromMillis(now, { zone: z })
  const date = start.toISODate() ?? ''
  const day = dayWord(date, local.toISODate() ?? '', local.plus({ days: 1 }).toISODate() ?? '')
  if (!entry.timeSet) return { title, body: `${day} (no time set)` }

  const minutes = Math.round((entry.startsAt - now) / 60_000)
  const at = start.toFormat('HH:mm')
  let when: string
  if (minutes <= 0) when = `Starting now, at ${at}`
  else if (minutes < 60) when = `In ${minutes} minute${minutes === 1 ? '' : 's'}, at ${at}`
  else when = `${day} at ${at}`
  const iso = (ms: number) => new Date(ms).toISOString()
  const { zoneNote } = viewerTime(
    { start: iso(entry.startsAt), end: iso(entry.startsAt + entry.durationMinutes * 60_000), zone: entry.zone },
    z
  )
  return { title, body: zoneNote ? `${when} · ${zoneNote}` : when }
}
