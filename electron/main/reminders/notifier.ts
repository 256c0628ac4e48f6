/**
 * How a reminder reaches the person. The service speaks to a `Notifier`; the Electron one wraps
 * `Notification` through the few members it needs (passed in by index.ts, the only file that
 * imports electron), so it is tested here with a fake.
 */
export interface ReminderNotification {
  title: string
  body: string
  /** snooze choices in minutes; empty when snoozing makes no sense (the meeting has started) */
  snoozeMinutes: number[]
}

export interface NotificationActions {
  /** the person clicked the notification: open the meeting */
  open(): void
  /** the person chose a snooze */
  snooze(minutes: number): void
}

export interface Notifier {
  show(notification: ReminderNotification, actions: NotificationActions): void
}

/** Windows shows a notification only for the AppUserModelID of the installed app: the build's appId. */
export const WINDOWS_APP_USER_MODEL_ID = 'org.tandem.app'

/** The part of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): void
  /** Electron 45 passes `{ actionIndex }` first; older versions passed the index second */
  on(event: 'action', listener: (details: { actionIndex?: number } | undefined, index?: number) => void): void
  show(): void
}

export interface NotificationOptions {
  title: string
  body: string
  /** buttons (macOS and Windows show them; Linux ignores them) */
  actions: { type: 'button'; text: string }[]
  silent: boolean
}

export interface ElectronNotifications {
  isSupported(): boolean
  create(options: NotificationOptions): NotificationLike
}

/** Notifications kept referenced: Electron drops the handlers of one that is garbage-collected. */
const KEEP = 32

export function snoozeLabel(minutes: number): string {
  return minutes % 60 === 0 ? `Snooze ${minutes / 60} h` : `Snooze ${minutes} min`
}

export function createElectronNotifier(api: ElectronNotifications, log: { warn(message: string): void }): Notifier {
  const alive: NotificationLike[] = []
  const forget = (n: NotificationLike) => {
    const i = alive.indexOf(n)
    if (i >= 0) alive.splice(i, 1)
  }
  return {
    show(notification, actions) {
      if (!api.isSupported()) {
        log.warn(`reminders: notifications are not supported here; not shown: ${notification.title}`)
        return
      }
      const n = api.create({
        title: notification.title,
        body: notification.body,
        actions: notification.snoozeMinutes.map((m) => ({ type: 'button' as const, text: snoozeLabel(m) })),
        silent: false
      })
      n.on('click', () => {
        forget(n)
        actions.open()
      })
      n.on('action', (details, index) => {
        const minutes = notification.snoozeMinutes[details?.actionIndex ?? index ?? -1]
        forget(n)
        if (minutes !== undefined) actions.snooze(minutes)
      })
      n.on('close', () => forget(n))
      alive.push(n)
      if (alive.length > KEEP) alive.shift()
      n.show()
    }
  }
}
