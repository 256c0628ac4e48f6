import { z } from 'zod'
import { type DeviceFacts, NO_DEVICE_FACTS, holdUntil } from './devices.ts'
import { Instant, ReminderEntry, instanceKey } from './entry.ts'
import { type PlannedReminder, isMuted, planReminders } from './plan.ts'
import type { ReminderPreferences } from './preferences.ts'

/**
 * What the reminder service decides, as a pure step: given what happened so far (`ReminderState`,
 * persisted by main), the schedule, the preferences and the time, which reminders to show now,
 * which to record as missed, and when to look again. Main (electron/main/reminders) and, later,
 * web mode run the same step with their own clock, storage and notifications.
 *
 * The rules, for one meeting at one start (an "instance"; a meeting moved to another start is a
 * new instance and is reminded of again):
 *   - each planned reminder (plan.ts) gets exactly one outcome, recorded under its key, so it is
 *     never decided twice, also across restarts (the state is saved before anything is shown);
 *   - due and the meeting not started yet (up to LATE_GRACE_MS after the start, for a reminder
 *     at the start itself): shown. Several due at once for one meeting (after sleep, or deferred
 *     to the same moment) show once: the one nearest the start;
 *   - covered: a notification of the same meeting was shown here, or on another device of this
 *     person (`shownElsewhere`), at or after this one's due time: not shown again;
 *   - held for another device of this person (`devices`, see devices.ts): one ahead of this one
 *     in the election is online, or this device just woke up and the other's reports may be on
 *     their way. Not decided yet: looked at again when the hold ends or new facts arrive;
 *   - due while the meeting has started: `missed` if this device knew of the meeting before the
 *     reminder was due (it slept, or was not running) — kept for the app to show, never a late
 *     toast; `skipped` when the meeting was only learnt of after its reminder's time;
 *   - muted or held by quiet hours / working days / pause with no allowed moment before the
 *     start: `skipped` once its time has passed, so unmuting later cannot make it missed or late.
 *   - a snooze shows the reminder once more, at the chosen time or at the start, whichever comes
 *     first; a meeting that started meanwhile makes it missed.
 */
export const LATE_GRACE_MS = 60_000
/** Outcomes and first-seen times are kept this long after their meeting started. */
export const RETAIN_MS = 2 * 86_400_000
/** Missed reminders are offered for a week, at most this many. */
export const MISSED_DAYS = 7
export const MAX_MISSED = 100

export const Outcome = z.enum(['fired', 'covered', 'elsewhere', 'missed', 'skipped'])
export type Outcome = z.infer<typeof Outcome>

const Ms = z.number().int().min(0)

export const LogRecord = z.object({ outcome: Outcome, at: Ms, instance: z.string(), startsAt: Ms })
export type LogRecord = z.infer<typeof LogRecord>

export const Snooze = z.object({ instance: z.string(), entry: ReminderEntry, dueAt: Ms, createdAt: Ms })
export type Snooze = z.infer<typeof Snooze>

export const MissedReminder = z.object({ instance: z.string(), entry: ReminderEntry, dueAt: Ms, recordedAt: Ms })
export type MissedReminder = z.infer<typeof MissedReminder>

/** A notification of a meeting shown on some device (exchanged between one person's devices). */
export const ShownReminder = z.object({ id: ReminderEntry.shape.id, startsAt: Instant, shownAt: Instant })
export type ShownReminder = z.infer<typeof ShownReminder>

export const ReminderState = z.object({
  /** instance → when this device first knew of it */
  seen: z.record(z.string(), Ms),
  /** reminder key → its one outcome */
  log: z.record(z.string(), LogRecord),
  snoozes: z.array(Snooze),
  missed: z.array(MissedReminder)
})
export type ReminderState = z.infer<typeof ReminderState>

export const EMPTY_STATE: ReminderState = { seen: {}, log: {}, snoozes: [], missed: [] }

export interface Firing {
  /** the key recorded as fired */
  key: string
  entry: ReminderEntry
  /** the planned lead time, or null for a snooze coming back */
  leadMinutes: number | null
  dueAt: number
}

export interface AdvanceInput {
  entries: readonly ReminderEntry[]
  prefs: ReminderPreferences
  /** the device's zone now */
  zone: string
  now: number
  shownElsewhere?: readonly ShownReminder[]
  /** what the renderer knows of this person's other devices (devices.ts); none when absent */
  devices?: DeviceFacts
  /** when this device last woke up or started (`WakeTracker`); null: no catch-up hold */
  awakeSince?: number | null
  /** `planReminders(entries, prefs, zone)`, when the caller keeps it between steps */
  plan?: readonly PlannedReminder[]
}

export interface AdvanceResult {
  state: ReminderState
  fire: Firing[]
  /** newly recorded as missed */
  missed: MissedReminder[]
  /** the next moment something is due; null when nothing is planned */
  nextWakeAt: number | null
  /** the state differs from the one given (worth saving) */
  changed: boolean
}

function copy(state: ReminderState): ReminderState {
  return { seen: { ...state.seen }, log: { ...state.log }, snoozes: [...state.snoozes], missed: [...state.missed] }
}

function startsAtOf(instance: string): number {
  return Number(instance.slice(instance.lastIndexOf('@') + 1))
}

function latestPerInstance(pairs: Iterable<[string, number]>): Map<string, number> {
  const out = new Map<string, number>()
  for (const [instance, at] of pairs) out.set(instance, Math.max(at, out.get(instance) ?? -Infinity))
  return out
}

export function advance(previous: ReminderState, input: AdvanceInput): AdvanceResult {
  const { now } = input
  const devices = input.devices ?? NO_DEVICE_FACTS
  const awakeSince = input.awakeSince ?? null
  const state = copy(previous)
  const fire: Firing[] = []
  const missed: MissedReminder[] = []
  let nextWakeAt: number | null = null
  const wakeAt = (t: number) => {
    nextWakeAt = nextWakeAt === null ? t : Math.min(nextWakeAt, t)
  }
  let changed = false
  const instances = new Set<string>()
  for (const entry of input.entries) {
    const instance = instanceKey(entry)
    instances.add(instance)
    if (!(instance in state.seen)) {
      state.seen[instance] = now
      changed = true
    }
  }
  const shownHere = latestPerInstance(
    Object.values(state.log)
      .filter((r) => r.outcome === 'fired')
      .map((r) => [r.instance, r.at])
  )
  const shownThere = latestPerInstance((input.shownElsewhere ?? []).map((s) => [instanceKey({ id: s.id, startsAt: s.startsAt }), s.shownAt]))
  const addMissed = (instance: string, entry: ReminderEntry, dueAt: number) => {
    if (state.missed.some((m) => m.instance === instance)) return
    const record = { instance, entry, dueAt, recordedAt: now }
    state.missed.push(record)
    missed.push(record)
  }

  const due = new Map<string, PlannedReminder[]>()
  for (const p of input.plan ?? planReminders(input.entries, input.prefs, input.zone)) {
    if (p.key in state.log) continue
    const when = p.dueAt ?? p.nominalAt
    if (when > now) {
      wakeAt(when)
      continue
    }
    const record = (outcome: Outcome) => {
      state.log[p.key] = { outcome, at: now, instance: p.instance, startsAt: p.entry.startsAt }
      changed = true
    }
    const held = p.dueAt === null ? now : holdUntil({ dueAt: p.dueAt, entry: p.entry }, devices, awakeSince, now, LATE_GRACE_MS)
    if (p.dueAt === null) record('skipped')
    else if ((shownHere.get(p.instance) ?? -Infinity) >= p.dueAt) record('covered')
    else if ((shownThere.get(p.instance) ?? -Infinity) >= p.dueAt) record('elsewhere')
    else if (held > now) wakeAt(held) // another device of this person may show it (or has): wait for its report
    else if (now <= p.entry.startsAt + LATE_GRACE_MS) due.set(p.instance, [...(due.get(p.instance) ?? []), p])
    else if ((state.seen[p.instance] ?? now) <= p.dueAt) {
      record('missed')
      addMissed(p.instance, p.entry, p.dueAt)
    } else record('skipped')
  }
  for (const [instance, group] of due) {
    // the one nearest the start speaks for the others
    const [chosen, ...others] = [...group].sort((a, b) => (b.dueAt ?? 0) - (a.dueAt ?? 0) || a.leadMinutes - b.leadMinutes)
    if (!chosen) continue
    state.log[chosen.key] = { outcome: 'fired', at: now, instance, startsAt: chosen.entry.startsAt }
    for (const o of others) state.log[o.key] = { outcome: 'covered', at: now, instance, startsAt: o.entry.startsAt }
    fire.push({ key: chosen.key, entry: chosen.entry, leadMinutes: chosen.leadMinutes, dueAt: chosen.dueAt ?? now })
    changed = true
  }

  const paused = input.prefs.pausedUntil !== null && now < input.prefs.pausedUntil
  const snoozes = state.snoozes.length
  state.snoozes = state.snoozes.filter((s) => {
    if (!instances.has(s.instance) || isMuted(s.entry, input.prefs)) return false
    const at = paused ? Math.max(s.dueAt, input.prefs.pausedUntil ?? 0) : s.dueAt
    if (at > now) {
      wakeAt(at)
      return true
    }
    const key = `${s.instance}#snooze@${s.createdAt}`
    if (fire.some((f) => instanceKey(f.entry) === s.instance)) {
      // a planned reminder of the same meeting shows right now: it speaks for the snooze
      state.log[key] = { outcome: 'covered', at: now, instance: s.instance, startsAt: s.entry.startsAt }
    } else if (now <= s.entry.startsAt + LATE_GRACE_MS) {
      state.log[key] = { outcome: 'fired', at: now, instance: s.instance, startsAt: s.entry.startsAt }
      fire.push({ key, entry: s.entry, leadMinutes: null, dueAt: s.dueAt })
    } else {
      state.log[key] = { outcome: 'missed', at: now, instance: s.instance, startsAt: s.entry.startsAt }
      addMissed(s.instance, s.entry, s.dueAt)
    }
    return false
  })
  if (state.snoozes.length !== snoozes) changed = true

  if (prune(state, now, instances)) changed = true
  fire.sort((a, b) => a.entry.startsAt - b.entry.startsAt)
  return { state, fire, missed, nextWakeAt, changed }
}

/**
 * Forgets what can no longer matter: outcomes of meetings long started that are no longer in the
 * schedule (while one is, its outcomes stay, so it is never decided again), old missed reminders.
 */
function prune(state: ReminderState, now: number, scheduled: ReadonlySet<string>): boolean {
  let pruned = false
  for (const [key, record] of Object.entries(state.log)) {
    if (record.startsAt < now - RETAIN_MS && !scheduled.has(record.instance)) {
      delete state.log[key]
      pruned = true
    }
  }
  for (const instance of Object.keys(state.seen)) {
    if (startsAtOf(instance) < now - RETAIN_MS && !scheduled.has(instance)) {
      delete state.seen[instance]
      pruned = true
    }
  }
  const kept = state.missed.filter((m) => m.entry.startsAt >= now - MISSED_DAYS * 86_400_000).slice(-MAX_MISSED)
  if (kept.length !== state.missed.length) pruned = true
  state.missed = kept
  return pruned
}

/**
 * Snooze a meeting's reminder: it comes back once, `minutes` from now or at the start, whichever
 * is first. Null when the meeting has already started (nothing to snooze). One snooze per meeting.
 */
export function snooze(previous: ReminderState, entry: ReminderEntry, minutes: number, now: number): ReminderState | null {
  if (now >= entry.startsAt) return null
  const instance = instanceKey(entry)
  const state = copy(previous)
  state.snoozes = [
    ...state.snoozes.filter((s) => s.instance !== instance),
    { instance, entry, dueAt: Math.min(now + minutes * 60_000, entry.startsAt), createdAt: now }
  ]
  return state
}

export function dismissMissed(previous: ReminderState, instances: readonly string[]): ReminderState {
  const state = copy(previous)
  state.missed = state.missed.filter((m) => !instances.includes(m.instance))
  return state
}

/** Instances recorded as shown on another device of this person. */
export function shownElsewhereIn(state: ReminderState): Set<string> {
  return new Set(
    Object.values(state.log)
      .filter((r) => r.outcome === 'elsewhere')
      .map((r) => r.instance)
  )
}

/** What this device has shown lately, for another device of the same person to skip. */
export function shownHere(state: ReminderState): ShownReminder[] {
  return Object.values(state.log)
    .filter((r) => r.outcome === 'fired')
    .map((r) => ({ id: r.instance.slice(0, r.instance.lastIndexOf('@')), startsAt: r.startsAt, shownAt: r.at }))
}
