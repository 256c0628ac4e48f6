import { byStart, instanceKey } from '@shared/reminders/entry.ts'
import { WakeTracker } from '@shared/reminders/devices.ts'
import { advance, dismissMissed, EMPTY_STATE, shownElsewhereIn, type MissedReminder, type ReminderState, type ShownReminder } from '@shared/reminders/engine.ts'
import { notificationText } from '@shared/reminders/notification.ts'
import { planReminders, type PlannedReminder } from '@shared/reminders/plan.ts'
import type { ReminderSchedule, ReminderView } from '@shared/reminders/schedule.ts'

/**
 * Web mode's reminder service: the same decision step as main's (`advance`, shared/reminders),
 * run in the page while the tab is open, with the browser's Notification API. What it decided and
 * the last schedule are kept in the device's settings table, so a reminder shown before a reload
 * is not shown again and one that came due while the tab was closed is listed as missed (never a
 * late notification).
 *
 * Nothing is decided while notifications are not allowed: the person has not asked for them yet,
 * and recording reminders as shown that nobody saw would hide them for good.
 * Web notifications have no buttons without a service worker, so there is no snooze here.
 * This person's other devices: the schedule carries their reports and which one reminds now
 * (shared/reminders/devices.ts); what this tab shows goes to `onShown`, which reports it to them.
 */
export interface WebNotifications {
  /** the person allowed notifications for this site */
  granted(): boolean
  show(notice: { title: string; body: string; tag: string }, onClick: () => void): void
}

/** What the runner keeps between visits: its decisions and the last schedule (so a reminder that came due while the tab was closed is found). */
export interface StoredRunner {
  state: ReminderState
  schedule: ReminderSchedule | null
}

export interface StateStore {
  load(): Promise<StoredRunner | null>
  save(stored: StoredRunner): Promise<void>
}

export interface WebRunnerDeps {
  now(): number
  setTimer(f: () => void, ms: number): () => void
  notifications: WebNotifications
  store: StateStore
  /** a clicked notification: open the meeting (an app path) */
  open(path: string): void
  log: { warn(message: string): void }
  /** reminders just shown here (reported to this person's other devices) */
  onShown?(shown: ShownReminder[]): void
  heartbeatMs?: number
}

export const WEB_HEARTBEAT_MS = 60_000
/** Settings lists this many next meetings in web mode (the desktop's tray and view show 3). */
export const WEB_NEXT_SHOWN = 6

/** `reminded`: instances of the next meetings already reminded of here; `elsewhere`: on another device of this person */
export type WebReminderView = Pick<ReminderView, 'missed' | 'next' | 'elsewhere'> & { reminded: string[] }

export class WebReminderRunner {
  private state: ReminderState = EMPTY_STATE
  private loaded = false
  private schedule: ReminderSchedule | null = null
  private plan: { of: ReminderSchedule; plan: PlannedReminder[] } | null = null
  private queue: Promise<void> = Promise.resolve()
  private cancelTimer: (() => void) | null = null
  private stopped = false
  private readonly listeners = new Set<() => void>()
  private snapshot: WebReminderView = { missed: [], next: [], reminded: [], elsewhere: [] }
  private readonly wake = new WakeTracker()

  constructor(private readonly deps: WebRunnerDeps) {}

  /**
   * A new schedule. What came due under the old one is decided first (after sleep, the new one no
   * longer lists a meeting that has started, and its reminder must still count as missed).
   */
  setSchedule(schedule: ReminderSchedule): Promise<void> {
    return this.run(async () => {
      await this.step()
      this.schedule = schedule
      await this.save()
    })
  }

  /** Looks again now (a timer, the tab coming back, permission just granted). Never rejects. */
  check(): Promise<void> {
    return this.run(() => {})
  }

  dismissMissed(instances: readonly string[]): Promise<void> {
    return this.run(async () => {
      this.state = dismissMissed(this.state, instances)
      await this.save()
    })
  }

  view(): WebReminderView {
    return this.snapshot
  }

  subscribe(f: () => void): () => void {
    this.listeners.add(f)
    return () => this.listeners.delete(f)
  }

  stop(): void {
    this.stopped = true
    this.cancelTimer?.()
  }

  idle(): Promise<void> {
    return this.queue
  }

  private run(before: () => void | Promise<void>): Promise<void> {
    this.queue = this.queue
      .then(async () => {
        if (!this.loaded) await this.load()
        await before()
        await this.step()
      })
      .catch((err: unknown) => {
        this.deps.log.warn(`reminders: ${(err as Error).message}`)
        this.arm(null)
      })
    return this.queue
  }

  private async load(): Promise<void> {
    try {
      const stored = await this.deps.store.load()
      this.state = stored?.state ?? EMPTY_STATE
      this.schedule = stored?.schedule ?? null
    } catch (err) {
      this.deps.log.warn(`reminders: what was shown before could not be read (${(err as Error).message}); starting afresh`)
    }
    this.loaded = true
  }

  private async save(): Promise<void> {
    try {
      await this.deps.store.save({ state: this.state, schedule: this.schedule })
    } catch (err) {
      this.deps.log.warn(`reminders: could not save what was shown: ${(err as Error).message}`)
    }
  }

  private async step(): Promise<void> {
    if (this.stopped) return
    const now = this.deps.now()
    const schedule = this.schedule
    if (schedule && this.plan?.of !== schedule) this.plan = { of: schedule, plan: planReminders(schedule.entries, schedule.preferences, schedule.zone) }
    if (!schedule || !this.plan || !this.deps.notifications.granted()) {
      this.publish(now)
      this.arm(null)
      return
    }
    const result = advance(this.state, {
      entries: schedule.entries,
      prefs: schedule.preferences,
      zone: schedule.zone,
      now,
      plan: this.plan.plan,
      shownElsewhere: schedule.shownElsewhere,
      devices: schedule.devices,
      awakeSince: this.wake.look(now)
    })
    this.state = result.state
    if (result.changed) await this.save()
    for (const firing of result.fire) {
      const { entry } = firing
      try {
        this.deps.notifications.show({ ...notificationText(entry, now, schedule.zone), tag: `${entry.id}@${entry.startsAt}` }, () => this.deps.open(entry.link))
      } catch (err) {
        this.deps.log.warn(`reminders: could not show a notification: ${(err as Error).message}`)
      }
    }
    if (result.fire.length > 0) {
      try {
        this.deps.onShown?.(result.fire.map((f) => ({ id: f.entry.id, startsAt: f.entry.startsAt, shownAt: now })))
      } catch (err) {
        this.deps.log.warn(`reminders: ${(err as Error).message}`)
      }
    }
    this.publish(now)
    this.arm(result.nextWakeAt)
  }

  private publish(now: number): void {
    const missed: MissedReminder[] = [...this.state.missed]
    const remindAt = new Map<string, number>()
    for (const p of this.plan?.of === this.schedule ? (this.plan?.plan ?? []) : []) {
      if (p.dueAt === null || p.dueAt <= now || p.key in this.state.log) continue
      remindAt.set(p.entry.id, Math.min(p.dueAt, remindAt.get(p.entry.id) ?? Infinity))
    }
    const next = (this.schedule?.entries ?? [])
      .filter((e) => e.startsAt > now)
      .sort(byStart)
      .slice(0, WEB_NEXT_SHOWN)
      .map((entry) => ({ entry, remindAt: remindAt.get(entry.id) ?? null }))
    const fired = new Set(Object.values(this.state.log).filter((r) => r.outcome === 'fired').map((r) => r.instance))
    const reminded = next.map((n) => instanceKey(n.entry)).filter((i) => fired.has(i))
    const there = shownElsewhereIn(this.state)
    const elsewhere = next.map((n) => instanceKey(n.entry)).filter((i) => there.has(i))
    const view = { missed, next, reminded, elsewhere }
    if (JSON.stringify(view) === JSON.stringify(this.snapshot)) return
    this.snapshot = view
    for (const f of [...this.listeners]) f()
  }

  private arm(nextWakeAt: number | null): void {
    this.cancelTimer?.()
    if (this.stopped) return
    const heartbeat = this.deps.heartbeatMs ?? WEB_HEARTBEAT_MS
    const now = this.deps.now()
    const delay = nextWakeAt === null ? heartbeat : Math.min(Math.max(0, nextWakeAt - now), heartbeat)
    this.cancelTimer = this.deps.setTimer(() => void this.check(), delay)
  }
}
