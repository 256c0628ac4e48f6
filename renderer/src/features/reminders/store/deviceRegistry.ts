import { useSyncStatus } from '@core/sync/status.ts'
import { ReminderDevices } from './devices.ts'

/** The one registry of this person's devices on this page, over the sync layer's presence. */
export const reminderDevices = new ReminderDevices({
  presence: {
    of: (spaceId) => useSyncStatus.getState().presence[spaceId] ?? [],
    subscribe: (f) => useSyncStatus.subscribe(f)
  },
  now: () => Date.now(),
  log: { warn: (message) => console.warn(message) }
})
