import type { InvokeHandlers } from '../ipc.ts'
import type { ReminderService } from './service.ts'

type ReminderChannels = 'reminders:set' | 'reminders:state' | 'reminders:dismiss-missed'

/**
 * The reminder channels of the IPC contract. `registerInvokeHandlers` checks the sender and the
 * request first: a malformed schedule is refused before it reaches the service, which keeps the
 * last good one.
 */
export function reminderHandlers(service: ReminderService): Pick<InvokeHandlers, ReminderChannels> {
  return {
    'reminders:set': (schedule) => service.setSchedule(schedule),
    'reminders:state': () => service.view(),
    'reminders:dismiss-missed': async ({ instances }) => {
      await service.dismissMissed(instances)
      return service.view()
    }
  }
}
