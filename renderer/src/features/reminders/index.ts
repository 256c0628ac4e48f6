/**
 * Reminders: this person's meetings of the next 14 days (shared/reminders) sent to main's reminder
 * service (desktop) or run in the page with web notifications (web mode), the device's reminder
 * preferences, and the missed-reminder notice. Its store lives in ./store.
 */
export { reminderServices } from './store/services.ts'
export { startReminders, onOpenMeeting } from './store/start.ts'
export { ReminderSettings } from './ReminderSettings.tsx'
export { MissedReminders } from './MissedReminders.tsx'
