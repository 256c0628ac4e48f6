import { byStart, instanceKey, type ReminderEntry } from '../../../shared/reminders/entry.ts'
import { WakeTracker } from '../../../shared/reminders/devices.ts'
import {
  advance,
  dismissMissed,
  shownElsewhereIn,
  shownHere,
  snooze,
  type AdvanceResult,
  type Firing,
  type MissedReminder,
  type ShownReminder
} from '../../../shared/reminders/engine.ts'
import { notificationText } from '../../../shared/reminders/notification.ts'
import { planReminders, type PlannedReminder } from '../../../shared/reminders/plan.ts'
import { DEFAULT_PREFERENCES, type ReminderPreferences } from '../../../shared/reminders/preferences.ts'
import { NEXT_SHOWN, type ReminderSchedule, type ReminderView } from '../../../shared/reminders/schedule.ts'
import type { Clock } from './clock.ts'
import type { Notifier } from './notifier.ts'
import { EMPTY_FILE, type ReminderFile, type ReminderStore } from './store.ts'

/**
 * The reminder service of the main process: keeps the schedule the renderer sent, decides with
 * the shared step (`advance`, shared/reminders/engine.ts) what is due, saves what it decided, then
 * shows it. It looks again when something is due, at least every `heartbeatMs` (a changed clock
 * or zone is noticed within that), on `check()` (index.ts calls it on powerMonitor `resume`) and
 * whenever a new schedule arrives.
 *
 * Once only: an outcome is saved before its notification is shown, so a crash in between loses
 * that one notification rather than showing it twice. Across devices (shared/reminders/devices.ts):
 * main cannot see another device; the renderer passes what this person's other devices reported
 * shown (`shownElsewhere`) and which of them reminds now (`devices`), and main tells the renderer
 * what it showed (`onShown`), which the page writes where the other devices read it. A wake-up
 * (the first look, or one after timers stood still) is noticed here (`WakeTracker`).
 *
 * Operations run one at a time (a queue); none throws to its caller for a failed save or
 * notification (logged; the reminder is still shown from memory).
 */
export interface ReminderServiceDeps {
  clock: Clock
  store: ReminderStore
  notifier: Notifier
  /** the system's zone, used until the renderer has sent its own */
  systemZone(): string
  /** open a meeting's page (focus the window, deliver the deep link) */
  open(link: string): void
  log: { warn(message: string): void }
  /** reminders were just shown here (to tell the renderer, which reports them to the other devices) */
  onShown?(shown: ShownReminder[]): void
  /** the missed list changed (to tell the renderer) */
  onMissed?(missed: MissedReminder[]): void
  /** launch-at-login changed (index.ts applies it) */
  onLaunchAtLogin?(enabled: boolean): void
  /** something the view shows may have changed (the tray's menu follows it) */
  onChange?(): void
  heartbeatMs?: number
}

export const HEARTBEAT_MS = 60_000

export class ReminderService {
  private file: ReminderFile = EMPTY_FILE
  private recovered: string | null = null
  private loaded = false
  private queue: Promise<unknown> = Promise.resolve()
  private cancelTimer: (() => void) | null = null
  private disposed = false
  /** the plan of the current schedule in the current zone (recomputed when either changes) */
  private planned: { schedule: ReminderFile['schedule']; zone: string; plan: PlannedReminder[] } | null = null
  private readonly wake = new WakeTracker()

  constructor(private readonly deps: ReminderServiceDeps) {}

  /** Loads the file (recovering a damaged one) and catches up on what came due meanwhile. Never rejects. */
  start(): Promise<void> {
    return this.check()
  }

  /** Looks again now: after sleep, a clock change, or on a timer. Never rejects (a failure is logged). */
  check(): Promise<void> {
    // a failed look (logged by run) must not stop the timers: look again after a heartbeat
    return this.run(async () => void (await this.step())).catch(() => this.arm(null, this.deps.clock.now()))
  }

  /**
   * A new schedule from the renderer (already checked against the contract). What came due under
   * the old one is decided first, then the new one replaces it and is saved.
   */
  setSchedule(schedule: ReminderSchedule): Promise<{ entries: number; nextDueAt: number | null }> {
    return this.run(async () => {
      await this.step()
      const before = this.file.schedule?.preferences.launchAtLogin ?? false
      this.file = { ...this.file, schedule: { ...schedule, receivedAt: this.deps.clock.now() } }
      const result = await this.step(true)
      if (schedule.preferences.launchAtLogin !== before) this.deps.onLaunchAtLogin?.(schedule.preferences.launchAtLogin)
      return { entries: schedule.entries.length, nextDueAt: result?.nextWakeAt ?? null }
    })
  }

  /** The person chose "Snooze" on a meeting's notification: it comes back once. */
  snooze(entry: ReminderEntry, minutes: number): Promise<boolean> {
    return this.run(async () => {
      const next = snooze(this.file.state, entry, minutes, this.deps.clock.now())
      if (!next) return false
      this.file = { ...this.file, state: next }
      await this.step(true)
      return true
    })
  }

  /**
   * "Pause reminders for an hour" from the tray: nothing is shown before `until`. Applied to the
   * schedule kept here at once; the page is told too (index.ts) and saves it in its preferences,
   * which stay the source of truth (its next schedule carries the same pause, or a Resume).
   */
  pause(until: number): Promise<void> {
    return this.run(async () => {
      const schedule = this.file.schedule
      if (schedule) this.file = { ...this.file, schedule: { ...schedule, preferences: { ...schedule.preferences, pausedUntil: until } } }
      await this.step(true)
    })
  }

  dismissMissed(instances: readonly string[]): Promise<void> {
    return this.run(async () => {
      this.file = { ...this.file, state: dismissMissed(this.file.state, instances) }
      await this.save()
      this.deps.onMissed?.(this.file.state.missed)
    })
  }

  /** What the app may show: missed reminders, the next meetings, what was shown, a recovered file. */
  view(): ReminderView {
    const now = this.deps.clock.now()
    const { entries, plan } = this.current()
    const remindAt = new Map<string, number>()
    for (const p of plan) {
      if (p.dueAt === null || p.dueAt <= now || p.key in this.file.state.log) continue
      remindAt.set(p.entry.id, Math.min(p.dueAt, remindAt.get(p.entry.id) ?? Infinity))
    }
    const next = entries
      .filter((e) => e.startsAt > now)
      .sort(byStart)
      .slice(0, NEXT_SHOWN)
      .map((entry) => ({ entry, remindAt: remindAt.get(entry.id) ?? null }))
    const there = shownElsewhereIn(this.file.state)
    const elsewhere = next.map((n) => instanceKey(n.entry)).filter((i) => there.has(i))
    return { missed: [...this.file.state.missed], next, shown: shownHere(this.file.state).slice(-8000), elsewhere, recovered: this.recovered }
  }

  /** Resolves when every operation asked for so far has finished. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined)
  }

  dispose(): void {
    this.disposed = true
    this.cancelTimer?.()
    this.cancelTimer = null
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (!this.loaded) await this.load()
      return operation()
    })
    this.queue = next.catch((err: unknown) => this.deps.log.warn(`reminders: ${(err as Error).message}`))
    return next
  }

  private async load(): Promise<void> {
    try {
      const { file, recovered } = await this.deps.store.load()
      this.file = file
      this.recovered = recovered
    } catch (err) {
      // the file store never throws; any other store that does must not stop reminders
      this.recovered = `The reminders file could not be read (${(err as Error).message}); reminders start afresh.`
      this.deps.log.warn(`reminders: ${this.recovered}`)
    }
    this.loaded = true
    // a damaged file is replaced by a good one at once
    if (this.recovered) await this.save()
  }

  private current(): { entries: readonly ReminderEntry[]; prefs: ReminderPreferences; zone: string; plan: PlannedReminder[] } {
    const schedule = this.file.schedule
    const entries = schedule?.entries ?? []
    const prefs = schedule?.preferences ?? DEFAULT_PREFERENCES
    const zone = schedule?.zone ?? this.deps.systemZone()
    if (this.planned?.schedule !== schedule || this.planned.zone !== zone) {
      this.planned = { schedule, zone, plan: planReminders(entries, prefs, zone) }
    }
    return { entries, prefs, zone, plan: this.planned.plan }
  }

  private async step(forceSave = false): Promise<AdvanceResult | null> {
    if (this.disposed) return null
    const now = this.deps.clock.now()
    const { entries, prefs, zone, plan } = this.current()
    const schedule = this.file.schedule
    const awakeSince = this.wake.look(now)
    const result = advance(this.file.state, {
      entries,
      prefs,
      zone,
      now,
      plan,
      shownElsewhere: schedule?.shownElsewhere ?? [],
      ...(schedule?.devices ? { devices: schedule.devices } : {}),
      awakeSince
    })
    this.file = { ...this.file, state: result.state }
    if (result.changed || forceSave) await this.save()
    for (const firing of result.fire) this.show(firing, now, zone, prefs)
    if (result.fire.length > 0) {
      try {
        this.deps.onShown?.(result.fire.map((f) => ({ id: f.entry.id, startsAt: f.entry.startsAt, shownAt: now })))
      } catch (err) {
        this.deps.log.warn(`reminders: ${(err as Error).message}`)
      }
    }
    if (result.missed.length > 0) this.deps.onMissed?.(this.file.state.missed)
    this.arm(result.nextWakeAt, now)
    try {
      this.deps.onChange?.()
    } catch (err) {
      this.deps.log.warn(`reminders: ${(err as Error).message}`)
    }
    return result
  }

  private async save(): Promise<void> {
    try {
      await this.deps.store.save(this.file)
    } catch (err) {
      this.deps.log.warn(`reminders: could not save the reminders file: ${(err as Error).message}`)
    }
  }

  private show(firing: Firing, now: number, zone: string, prefs: ReminderPreferences): void {
    const { entry } = firing
    try {
      this.deps.notifier.show(
        { ...notificationText(entry, now, zone), snoozeMinutes: now < entry.startsAt ? [...prefs.snoozeMinutes] : [] },
        {
          open: () => this.deps.open(entry.link),
          snooze: (minutes) => void this.snooze(entry, minutes)
        }
      )
    } catch (err) {
      this.deps.log.warn(`reminders: could not show a notification: ${(err as Error).message}`)
    }
  }

  private arm(nextWakeAt: number | null, now: number): void {
    this.cancelTimer?.()
    if (this.disposed) return
    const heartbeat = this.deps.heartbeatMs ?? HEARTBEAT_MS
    const delay = nextWakeAt === null ? heartbeat : Math.min(Math.max(0, nextWakeAt - now), heartbeat)
    this.cancelTimer = this.deps.clock.setTimer(() => void this.check(), delay)
  }
}
