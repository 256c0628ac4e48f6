import { DateTime } from 'luxon'
import { z } from 'zod'
import { CeremonyKind } from '../sprint/ceremonies.ts'
import { IsoWeekday, LocalTime } from '../sprint/localTime.ts'
import { Instant, ReminderKind, SpaceIdText } from './entry.ts'

/**
 * How this device reminds its person (local to the device, never synced). Every field has a
 * default, so `ReminderPreferences.parse({})` is the out-of-the-box behaviour:
 *   - 10 minutes before each ceremony; a day and 15 minutes before each mentoring session;
 *   - every day, no quiet hours: nothing is held back until the person says so;
 *   - nothing muted, not paused; snooze for 5 or 10 minutes.
 * Working days and quiet hours are read in the device's zone at the moment a reminder is due.
 */
export const MAX_LEAD_MINUTES = 7 * 24 * 60

const Lead = z.number().int().min(0).max(MAX_LEAD_MINUTES, 'a reminder can be at most a week ahead')
const Leads = z
  .array(Lead)
  .max(4, 'at most 4 reminders per meeting')
  .refine((l) => new Set(l).size === l.length, 'a lead time is listed twice')

const Ids = z.array(SpaceIdText).max(500)

export const QuietHours = z.object({ start: LocalTime, end: LocalTime })
export type QuietHours = z.infer<typeof QuietHours>

export const ReminderPreferences = z.object({
  /** minutes before the start; an empty list means no reminder of that kind */
  leadMinutes: z
    .object({
      ceremony: Leads.default([10]),
      mentoring: Leads.default([24 * 60, 15])
    })
    .prefault({}),
  /** ISO weekdays (1 = Monday) on which reminders may be shown */
  workingDays: z
    .array(IsoWeekday)
    .min(1, 'choose at least one day')
    .refine((d) => new Set(d).size === d.length, 'a day is listed twice')
    .default([1, 2, 3, 4, 5, 6, 7]),
  /** no reminder is shown from `start` to `end` (may span midnight); null: none */
  quietHours: QuietHours.nullable().default(null),
  muted: z
    .object({
      kinds: z.array(ReminderKind).max(2).default([]),
      ceremonies: z.array(CeremonyKind).max(6).default([]),
      /** team or org space ids (an entry's groupId) */
      teams: Ids.default([]),
      /** pair space ids */
      pairs: Ids.default([])
    })
    .prefault({}),
  /** nothing is shown before this instant (ms); null: not paused */
  pausedUntil: Instant.nullable().default(null),
  /** the snooze choices a notification offers, in minutes */
  snoozeMinutes: z
    .array(z.number().int().min(1).max(24 * 60))
    .min(1)
    .max(3)
    .default([5, 10]),
  /** start Tandem when the person logs in (macOS and Windows), so reminders arrive */
  launchAtLogin: z.boolean().default(false)
})
export type ReminderPreferences = z.infer<typeof ReminderPreferences>
export type ReminderPreferencesInput = z.input<typeof ReminderPreferences>

export const DEFAULT_PREFERENCES: ReminderPreferences = ReminderPreferences.parse({})

/** "Pause for an hour". */
export function pauseForAnHour(now: number): number {
  return now + 60 * 60_000
}

/**
 * "Pause until tomorrow": the start of tomorrow in `zone`, or, when the quiet hours span the night,
 * their end tomorrow morning (nothing would be shown before then anyway).
 */
export function pauseUntilTomorrow(now: number, zone: string, quietHours: QuietHours | null): number {
  const tomorrow = DateTime.fromMillis(now, { zone }).plus({ days: 1 }).startOf('day')
  if (!quietHours || quietHours.start <= quietHours.end) return tomorrow.toMillis()
  const [h, m] = quietHours.end.split(':').map(Number)
  return tomorrow.set({ hour: h ?? 0, minute: m ?? 0 }).toMillis()
}
