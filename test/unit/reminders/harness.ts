import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_TIMER_MS, type Clock } from '../../../electron/main/reminders/clock.ts'
import type { NotificationActions, Notifier, ReminderNotification } from '../../../electron/main/reminders/notifier.ts'
import { ReminderService, type ReminderServiceDeps } from '../../../electron/main/reminders/service.ts'
import { JsonFileStore, type ReminderStore } from '../../../electron/main/reminders/store.ts'
import type { MissedReminder } from '@shared/reminders/engine.ts'

/**
 * A clock for tests. Timers run on a monotonic time, as libuv's do: during a `sleep` the wall
 * clock moves on and the timers stand still (a laptop's lid is closed), and `setWall` moves the
 * wall clock alone (someone changes the time). `advance` lets time pass and runs every timer
 * that comes due, waiting for the service to finish after each.
 */
export class FakeClock implements Clock {
  private mono = 0
  private offset: number
  private seq = 0
  private timers: { at: number; seq: number; callback: () => void }[] = []
  longest = 0

  constructor(start: number, private settle: () => Promise<void> = async () => {}) {
    this.offset = start
  }

  now(): number {
    return this.mono + this.offset
  }

  setTimer(callback: () => void, delayMs: number): () => void {
    if (delayMs > MAX_TIMER_MS) throw new Error(`a timer of ${delayMs} ms is longer than the platform allows`)
    this.longest = Math.max(this.longest, delayMs)
    const timer = { at: this.mono + Math.max(0, delayMs), seq: this.seq++, callback }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  get pending(): number {
    return this.timers.length
  }

  onSettle(settle: () => Promise<void>): void {
    this.settle = settle
  }

  /** Lets `ms` of awake time pass. */
  async advance(ms: number): Promise<void> {
    const end = this.mono + ms
    await this.settle()
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!next || next.at > end) break
      this.timers = this.timers.filter((t) => t !== next)
      this.mono = Math.max(this.mono, next.at)
      next.callback()
      await this.settle()
    }
    this.mono = end
  }

  /** Until the wall clock reads `at`. */
  async advanceTo(at: number): Promise<void> {
    await this.advance(Math.max(0, at - this.now()))
  }

  /** The machine sleeps: the wall clock moves, timers do not. */
  sleep(ms: number): void {
    this.offset += ms
  }

  setWall(at: number): void {
    this.offset = at - this.mono
  }
}

export interface Shown extends ReminderNotification {
  at: number
  actions: NotificationActions
}

export class FakeNotifier implements Notifier {
  shown: Shown[] = []
  constructor(private clock: Clock) {}
  show(notification: ReminderNotification, actions: NotificationActions): void {
    this.shown.push({ ...notification, at: this.clock.now(), actions })
  }
}

export function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'tandem-reminders-')), 'reminders.json')
}

export interface Harness {
  clock: FakeClock
  notifier: FakeNotifier
  service: ReminderService
  store: ReminderStore
  file: string
  opened: string[]
  missedEvents: MissedReminder[][]
  warnings: string[]
  launchAtLogin: boolean[]
}

/** A service on a fake clock and notifier, its file in a fresh temp dir (or `file`). */
export function harness(
  start: number,
  options: { file?: string; store?: ReminderStore; heartbeatMs?: number; zone?: string; systemZone?: () => string; clock?: FakeClock; onShown?: ReminderServiceDeps['onShown'] } = {}
): Harness {
  const clock = options.clock ?? new FakeClock(start)
  const notifier = new FakeNotifier(clock)
  const file = options.file ?? tempFile()
  const warnings: string[] = []
  const log = { warn: (message: string) => void warnings.push(message) }
  const store = options.store ?? new JsonFileStore(file, { now: () => clock.now(), log })
  const opened: string[] = []
  const missedEvents: MissedReminder[][] = []
  const launchAtLogin: boolean[] = []
  const deps: ReminderServiceDeps = {
    clock,
    store,
    notifier,
    systemZone: options.systemZone ?? (() => options.zone ?? 'Europe/Berlin'),
    open: (link) => void opened.push(link),
    log,
    onMissed: (missed) => void missedEvents.push(missed),
    onLaunchAtLogin: (enabled) => void launchAtLogin.push(enabled),
    ...(options.onShown ? { onShown: options.onShown } : {}),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {})
  }
  const service = new ReminderService(deps)
  clock.onSettle(() => service.idle())
  return { clock, notifier, service, store, file, opened, missedEvents, warnings, launchAtLogin }
}
