import { NO_DEVICE_FACTS } from '@shared/reminders/devices.ts'
import type { ReminderPreferences } from '@shared/reminders/preferences.ts'
import type { ReminderSchedule } from '@shared/reminders/schedule.ts'
import { composeSources, type SpacePart } from '@shared/reminders/sources.ts'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import type { DevicesView } from './devices.ts'

/**
 * Turns the spaces' parts (services.ts), this person's id, the device's zone and preferences into
 * the schedule (shared/reminders: the next 14 days of meetings) and sends it — to main over
 * `reminders:set` on desktop, to the page's own runner in web mode — whenever it changes:
 *   - a change (a part, the preferences, the identity) waits `debounceMs`, so a burst of edits
 *     sends once;
 *   - every `refreshMs` it is computed again (the 14-day window moves, the zone may have changed);
 *   - a schedule equal to the last one sent is not sent again; a failed send is tried again at the
 *     next change or refresh.
 * Time and timers are injected (tests drive them by hand).
 */
export interface PublisherDeps {
  parts: { list(): SpacePart[]; subscribe(f: () => void): () => void }
  now(): number
  zone(): string
  setTimer(f: () => void, ms: number): () => void
  send(schedule: ReminderSchedule): Promise<unknown>
  log: { warn(message: string): void }
  /** this person's other devices: their reports and which one reminds now (devices.ts) */
  devices?: { facts(): DevicesView; subscribe(f: () => void): () => void }
  /**
   * Every space's part has been read (start-up): until then nothing is sent, so main never gets a
   * schedule missing spaces still loading (it would drop their snoozes). Absent: always ready.
   */
  ready?(): boolean
  debounceMs?: number
  refreshMs?: number
}

export const DEBOUNCE_MS = 500
export const REFRESH_MS = 15 * 60_000

export class SchedulePublisher {
  private me: string | null = null
  private prefs: ReminderPreferences | null = null
  private lastSent: string | null = null
  private cancelDebounce: (() => void) | null = null
  private cancelRefresh: (() => void) | null = null
  private unsubscribe: (() => void) | null = null
  private unsubscribeDevices: (() => void) | null = null
  private sending: Promise<void> = Promise.resolve()
  /** entry id → its space, of the last schedule computed (where a shown reminder is reported) */
  private spaces = new Map<string, string>()
  /** why some meetings were left out of the last schedule (shown in Settings) */
  problems: string[] = []

  constructor(private readonly deps: PublisherDeps) {}

  start(): void {
    this.unsubscribe = this.deps.parts.subscribe(() => this.changed())
    this.unsubscribeDevices = this.deps.devices?.subscribe(() => this.changed()) ?? null
    this.armRefresh()
    this.changed()
  }

  stop(): void {
    this.unsubscribe?.()
    this.unsubscribeDevices?.()
    this.unsubscribeDevices = null
    this.cancelDebounce?.()
    this.cancelRefresh?.()
    this.unsubscribe = this.cancelDebounce = this.cancelRefresh = null
  }

  setIdentity(me: string | null): void {
    if (me === this.me) return
    this.me = me
    this.changed()
  }

  setPreferences(prefs: ReminderPreferences): void {
    this.prefs = prefs
    this.changed()
  }

  /** Something changed: publish once things settle. */
  changed(): void {
    if (this.cancelDebounce) return
    this.cancelDebounce = this.deps.setTimer(() => {
      this.cancelDebounce = null
      void this.flush()
    }, this.deps.debounceMs ?? DEBOUNCE_MS)
  }

  /** The schedule as it stands now, or null until the identity and preferences are known. */
  compute(): ReminderSchedule | null {
    if (this.me === null || this.prefs === null || this.deps.ready?.() === false) return null
    const now = this.deps.now()
    const zone = this.deps.zone()
    const { sprint, pairs } = composeSources(this.deps.parts.list(), this.me)
    const { entries, problems } = upcomingReminders({ now, zone, me: this.me, sprint, pairs })
    this.problems = problems
    this.spaces = new Map(entries.map((e) => [e.id, e.spaceId]))
    const devices = this.deps.devices?.facts()
    return { entries, preferences: this.prefs, zone, shownElsewhere: devices?.shownElsewhere ?? [], devices: devices?.devices ?? NO_DEVICE_FACTS }
  }

  /** The space of a meeting of the last schedule computed, or null. */
  spaceOf(entryId: string): string | null {
    return this.spaces.get(entryId) ?? null
  }

  /** Computes and sends now if it differs from what was sent; never rejects. */
  flush(): Promise<void> {
    this.sending = this.sending.then(async () => {
      let schedule: ReminderSchedule | null
      try {
        schedule = this.compute()
      } catch (err) {
        this.deps.log.warn(`reminders: the schedule could not be computed: ${(err as Error).message}`)
        return
      }
      if (!schedule) return
      const text = JSON.stringify(schedule)
      if (text === this.lastSent) return
      try {
        await this.deps.send(schedule)
        this.lastSent = text
      } catch (err) {
        this.deps.log.warn(`reminders: the schedule was not taken: ${(err as Error).message}`)
      }
    })
    return this.sending
  }

  private armRefresh(): void {
    this.cancelRefresh = this.deps.setTimer(() => {
      this.armRefresh()
      void this.flush()
    }, this.deps.refreshMs ?? REFRESH_MS)
  }
}
