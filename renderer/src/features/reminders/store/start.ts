import { liveQuery } from 'dexie'
import { useSyncExternalStore } from 'react'
import { ReminderState, type MissedReminder } from '@shared/reminders/engine.ts'
import { instanceKey } from '@shared/reminders/entry.ts'
import { ReminderSchedule, type ReminderView } from '@shared/reminders/schedule.ts'
import { DeviceIdText } from '@shared/reminders/devices.ts'
import { newId } from '@shared/spaces/key.ts'
import { browserZone } from '@shared/time/dates.ts'
import { db } from '@core/database/db.ts'
import { getIdentity } from '@core/device/identity.ts'
import { platform } from '@core/platform/index.ts'
import { spaceParts } from './parts.ts'
import { reminderDevices } from './deviceRegistry.ts'
import { savePreferences, watchPreferences } from './preferences.ts'
import { SchedulePublisher } from './publisher.ts'
import { WebReminderRunner, type StateStore, type WebNotifications } from './webRunner.ts'

/**
 * Reminders in the renderer, started once by main.tsx (with the services of services.ts):
 * the publisher computes this person's schedule and sends it to main (desktop) or to the page's
 * runner (web mode, while the tab is open, with the Notification API). The shell and Settings
 * read what there is to show through `useReminderOverview`.
 */
export type Permission = 'granted' | 'denied' | 'default' | 'unsupported'

export interface ReminderOverview {
  mode: 'desktop' | 'web'
  /** web mode: what the browser allows (desktop: always 'granted', main shows them) */
  permission: Permission
  missed: MissedReminder[]
  next: ReminderView['next']
  /** instances of the next meetings already reminded of */
  reminded: string[]
  /** instances of the next meetings another device of this person reminded of */
  elsewhere: string[]
  /** the reminders file was damaged and rebuilt (desktop) */
  recovered: string | null
  /** meetings left out of the schedule, and why */
  problems: string[]
}

const log = { warn: (message: string) => console.warn(message) }
const setTimer = (f: () => void, ms: number) => {
  const handle = setTimeout(f, ms)
  return () => clearTimeout(handle)
}

function webPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

let overview: ReminderOverview = {
  mode: platform.reminders ? 'desktop' : 'web',
  permission: platform.reminders ? 'granted' : webPermission(),
  missed: [],
  next: [],
  reminded: [],
  elsewhere: [],
  recovered: null,
  problems: []
}
const listeners = new Set<() => void>()
function update(patch: Partial<ReminderOverview>): void {
  const next = { ...overview, ...patch }
  if (JSON.stringify(next) === JSON.stringify(overview)) return
  overview = next
  for (const f of [...listeners]) f()
}

export function useReminderOverview(): ReminderOverview {
  return useSyncExternalStore(
    (f) => {
      listeners.add(f)
      return () => listeners.delete(f)
    },
    () => overview
  )
}

/** Where a clicked web notification (or another in-page link) asks to open a meeting. */
const openers = new Set<(path: string) => void>()
export function onOpenMeeting(f: (path: string) => void): () => void {
  openers.add(f)
  return () => openers.delete(f)
}
function openMeeting(path: string): void {
  for (const f of [...openers]) f(path)
}

const webNotifications: WebNotifications = {
  granted: () => webPermission() === 'granted',
  show(notice, onClick) {
    const n = new Notification(notice.title, { body: notice.body, tag: notice.tag })
    n.onclick = () => {
      window.focus()
      onClick()
      n.close()
    }
  }
}

const STATE_KEY = 'reminderState'
const webStateStore: StateStore = {
  async load() {
    const value = (await db().settings.get(STATE_KEY))?.value as { state?: unknown; schedule?: unknown } | undefined
    const state = ReminderState.safeParse(value?.state)
    if (!state.success) return null
    const schedule = ReminderSchedule.safeParse(value?.schedule)
    return { state: state.data, schedule: schedule.success ? schedule.data : null }
  },
  async save(stored) {
    await db().settings.put({ key: STATE_KEY, value: stored })
  }
}

/**
 * This device's own id among this person's devices (shared/reminders/devices.ts): random, kept in
 * the local settings table (tabs of one browser are one device), never synced or derived from the
 * member id. Made the first time it is asked for, which `startReminders` does only once this
 * browser has a person: starting the app writes nothing until someone does something (a write at
 * load, before the first run, is also where the browser takes its first measure of the storage
 * left, see test/e2e/storage.spec.ts). Read again and made in one transaction, so tabs starting
 * together keep one id.
 */
export const DEVICE_KEY = 'reminderDevice'
export async function reminderDeviceId(): Promise<string> {
  const read = async () => DeviceIdText.safeParse((await db().settings.get(DEVICE_KEY))?.value)
  const stored = await read()
  if (stored.success) return stored.data
  return db().transaction('rw', db().settings, async () => {
    const again = await read()
    if (again.success) return again.data
    const id = newId()
    await db().settings.put({ key: DEVICE_KEY, value: id })
    return id
  })
}

let runner: WebReminderRunner | null = null
const STARTUP_WAIT_MS = 10_000
let started = false

/** The person pressed "Allow notifications" (web mode). Never asked on load. */
export async function askForNotifications(): Promise<Permission> {
  if (typeof Notification === 'undefined') return 'unsupported'
  try {
    await Notification.requestPermission()
  } catch (err) {
    log.warn(`reminders: the browser did not ask: ${(err as Error).message}`)
  }
  update({ permission: webPermission() })
  void runner?.check()
  return webPermission()
}

function fromMain(view: ReminderView): Partial<ReminderOverview> {
  const shown = new Set(view.shown.map((s) => instanceKey(s)))
  const reminded = view.next.map((n) => instanceKey(n.entry)).filter((i) => shown.has(i))
  return { missed: view.missed, next: view.next, reminded, elsewhere: view.elsewhere, recovered: view.recovered }
}

export async function dismissMissedReminders(instances: string[]): Promise<void> {
  if (platform.reminders) {
    const view = await platform.reminders.dismissMissed(instances)
    update(fromMain(view))
  } else {
    await runner?.dismissMissed(instances)
  }
}

export function startReminders(): () => void {
  if (started) return () => {}
  started = true
  const desktop = platform.reminders
  const stops: (() => void)[] = []
  let send: (schedule: ReminderSchedule) => Promise<unknown>
  // what this device shows is written where this person's other devices read it
  const report = (shown: ReminderView['shown']) => reminderDevices.report(shown, (id) => publisher.spaceOf(id))
  if (desktop) {
    const refresh = () =>
      desktop
        .state()
        .then((view) => {
          update(fromMain(view))
          // a report main sent while this page was not listening (a reload): those still ahead
          const now = Date.now()
          report(view.shown.filter((s) => s.startsAt >= now))
        })
        .catch((err: unknown) => log.warn(`reminders: ${(err as Error).message}`))
    stops.push(desktop.onShown((shown) => report(shown)))
    send = async (schedule) => {
      await desktop.set(schedule)
      await refresh()
    }
    stops.push(desktop.onMissed((missed) => update({ missed })))
    // the tray's "Pause reminders for an hour": kept in this device's preferences like the button's
    stops.push(
      desktop.onPause((until) => {
        void savePreferences((p) => ({ ...p, pausedUntil: until })).then((r) => !r.ok && log.warn(`reminders: ${r.error}`))
      })
    )
    void refresh()
    // main decides on its own clock: what is next (and reminded) changes without the page asking
    const every = setInterval(() => void refresh(), 60_000)
    stops.push(() => clearInterval(every))
  } else {
    // one tab reminds: the one holding the lock (another tab takes over when it closes)
    let leader = typeof navigator === 'undefined' || !navigator.locks
    const notifications: WebNotifications = { granted: () => leader && webNotifications.granted(), show: webNotifications.show }
    const web = new WebReminderRunner({ now: () => Date.now(), setTimer, notifications, store: webStateStore, open: openMeeting, log, onShown: report })
    runner = web
    if (!leader) {
      let release = () => {}
      navigator.locks
        .request('tandem-reminders', () => {
          leader = true
          void web.check()
          return new Promise<void>((resolve) => (release = resolve))
        })
        .catch((err: unknown) => log.warn(`reminders: ${(err as Error).message}`))
      stops.push(() => release())
    }
    stops.push(web.subscribe(() => update(web.view())))
    const look = () => {
      update({ permission: webPermission() })
      if (document.visibilityState === 'visible') void web.check()
    }
    document.addEventListener('visibilitychange', look)
    stops.push(() => document.removeEventListener('visibilitychange', look), () => web.stop())
    send = (schedule) => web.setSchedule(schedule)
  }
  // start-up: wait until every active space has been read, or STARTUP_WAIT_MS at most (a space whose
  // journal never opens must not hold back everyone else's reminders)
  const startedAt = Date.now()
  let active: string[] | null = null
  const ready = () => {
    if (Date.now() - startedAt >= STARTUP_WAIT_MS) return true
    if (active === null) return false
    const read = new Set(spaceParts.list().map((p) => p.spaceId))
    return active.every((id) => read.has(id))
  }
  const publisher = new SchedulePublisher({
    parts: spaceParts,
    devices: reminderDevices,
    ready,
    now: () => Date.now(),
    zone: browserZone,
    setTimer,
    send: async (schedule) => {
      await send(schedule)
      update({ problems: publisher.problems })
    },
    log
  })
  const rows = liveQuery(async () => (await db().spaces.toArray()).filter((r) => r.status === 'active').map((r) => r.id)).subscribe({
    next: (ids) => {
      active = ids
      publisher.changed()
    },
    error: (err: unknown) => log.warn(`reminders: ${(err as Error).message}`)
  })
  stops.push(() => rows.unsubscribe())
  // this device's id is made when there is a person (never at start-up of a fresh browser)
  let device: Promise<string> | null = null
  let latest = 0
  const identity = liveQuery(getIdentity).subscribe({
    next: (row) => {
      const me = row?.deviceId ?? null
      publisher.setIdentity(me)
      const turn = ++latest
      const id = me === null ? Promise.resolve(null) : (device ??= reminderDeviceId())
      id.then((d) => turn === latest && reminderDevices.setIdentity(me, d)).catch((err: unknown) => {
        device = null
        log.warn(`reminders: ${(err as Error).message}`)
      })
    },
    error: (err: unknown) => log.warn(`reminders: ${(err as Error).message}`)
  })
  stops.push(() => identity.unsubscribe())
  stops.push(watchPreferences((p) => publisher.setPreferences(p)))
  publisher.start()
  const waited = setTimeout(() => publisher.changed(), STARTUP_WAIT_MS)
  stops.push(() => clearTimeout(waited), () => publisher.stop())
  return () => {
    for (const stop of stops.reverse()) stop()
    started = false
    runner = null
  }
}
