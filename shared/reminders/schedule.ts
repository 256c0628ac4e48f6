import { z } from 'zod'
import { DeviceFacts, NO_DEVICE_FACTS } from './devices.ts'
import { MAX_ENTRIES, ReminderEntry, ZoneName } from './entry.ts'
import { MAX_MISSED, MissedReminder, ShownReminder } from './engine.ts'
import { ReminderPreferences } from './preferences.ts'

/**
 * What the renderer sends main (IPC channel `reminders:set`) whenever the meetings or the
 * preferences change: the upcoming entries, this device's preferences, the device's zone (the
 * renderer notices a zone change; main's own may be stale), what another device of this person
 * reported shown and what the renderer knows of those devices (devices.ts: which one reminds now).
 * Main never reads a space: these facts come from the renderer. Main keeps the last schedule that
 * passed this schema.
 *
 * The entry count is checked before any entry is read, so a flood is refused cheaply.
 */
const Entries = z
  .array(z.unknown())
  .max(MAX_ENTRIES, `a schedule holds at most ${MAX_ENTRIES} meetings`)
  .pipe(z.array(ReminderEntry))
  .refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'a meeting id is listed twice')

export const ReminderSchedule = z.object({
  entries: Entries,
  preferences: ReminderPreferences,
  zone: ZoneName,
  shownElsewhere: z
    .array(z.unknown())
    .max(MAX_ENTRIES * 4, 'too many reports from other devices')
    .pipe(z.array(ShownReminder))
    .default([]),
  devices: DeviceFacts.default(NO_DEVICE_FACTS)
})
export type ReminderSchedule = z.infer<typeof ReminderSchedule>
export type ReminderScheduleInput = z.input<typeof ReminderSchedule>

/** What main tells the app about its reminders (IPC `reminders:state`). */
export const NEXT_SHOWN = 3
export const ReminderView = z.object({
  /** meetings whose reminder came due while this device slept or was off, newest last */
  missed: z.array(MissedReminder).max(MAX_MISSED),
  /** the next meetings ahead and when each will be reminded of (null: muted or held) */
  next: z.array(z.object({ entry: ReminderEntry, remindAt: z.number().nullable() })).max(NEXT_SHOWN),
  /** what this device has shown lately (for another device of the same person to skip) */
  shown: z.array(ShownReminder).max(MAX_ENTRIES * 4),
  /** instances of the next meetings that another device of this person reminded of */
  elsewhere: z.array(z.string().max(400)).max(NEXT_SHOWN).default([]),
  /** the reminders file was unreadable and kept aside: why, and where */
  recovered: z.string().nullable()
})
export type ReminderView = z.infer<typeof ReminderView>
