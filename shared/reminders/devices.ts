import { z } from 'zod'
import { Instant, MAX_ID_LENGTH, SpaceIdText, instanceKey } from './entry.ts'

/**
 * One person, several devices ("Add my other device": the same member id on a laptop and a desk
 * computer). Each device runs the reminder engine on its own; this is how they remind of a
 * meeting once between them, not once each.
 *
 * 1. **Shown records.** A device that shows a reminder writes it into the space of the meeting
 *    (the space its link opens: both devices have it), in its own record of a collection of that
 *    space's root document (`<member id>:<device>`, a random id per device): meeting instance key
 *    (`<entry id>@<start>`) → when it was shown. One writer per record, so the record carries its
 *    person's seal: nobody else in the space can forge a report and silence a reminder. Only
 *    people in the space can read it, and it tells them no more than that this person was
 *    reminded of a meeting of that space. The other devices read their member's records in every
 *    space and pass those reports to the engine as `shownElsewhere` (a reminder due at or before
 *    a report of its meeting is recorded `elsewhere`, never shown). Bounded: a record keeps the
 *    meetings of the last `KEEP_SHOWN_MS`, at most `MAX_SHOWN_FIELDS`; one record per device.
 * 2. **Election while both are online.** A report needs a moment to travel, and both devices come
 *    due at the same minute. So among this person's devices present in a space (presence carries
 *    the member id; each connection has its own client id), the one with the lowest client id
 *    shows that space's reminders at their time; a device with `rank` lower ones online holds a
 *    due reminder `rank × HANDOVER_MS` for a report (ranks differ, so two stand-ins never fire
 *    together). A report arriving decides it (`elsewhere`); the leader leaving makes this device
 *    the leader at once; nothing arriving by then (the leader is a tab without permission, or
 *    asleep and not yet dropped from presence) lets it show the reminder itself, late by that
 *    hold — never twice, never lost. The hold ends 30 s after the meeting's start at the latest.
 * 3. **Waking up.** A device that was asleep or off does not know yet what the other one did
 *    meanwhile: when this person has another device (`others`), a reminder that came due before it
 *    woke — or in its first `CATCHUP_MS` — is decided only `CATCHUP_MS` after waking (presence and
 *    reports arrive first; the meeting's start still caps a due one).
 *
 * What remains: two devices both offline (no network) each show a reminder once — acceptable,
 * nobody could tell them apart — and a report that arrives after the other device's catch-up (a
 * slow network on waking) lets both show it. Clock skew between devices does not matter to the
 * comparison (each device fires only when its own clock passes the due time, so a report is never
 * dated before it); it only has to stay well under `HANDOVER_MS`.
 */
export const HANDOVER_MS = 60_000
export const CATCHUP_MS = 30_000
/** No look for this long (timers stood still: asleep, suspended, or the app was off): "woke up". */
export const WAKE_GAP_MS = 3 * 60_000
export const KEEP_SHOWN_MS = 3 * 86_400_000
export const MAX_SHOWN_FIELDS = 32
export const MAX_RANK = 16
export const MAX_STANDBY = 500

export const DeviceIdText = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'is not a device id')

/** What the renderer knows of this person's other devices (sent with the schedule, see schedule.ts). */
export const DeviceFacts = z.object({
  /** another device of this person reminds (it is online now, or reported a reminder lately) */
  others: z.boolean(),
  /** spaces where `rank` devices of this person ahead in the election are online now */
  standby: z
    .array(z.object({ spaceId: SpaceIdText, rank: z.number().int().min(1).max(MAX_RANK) }))
    .max(MAX_STANDBY, `at most ${MAX_STANDBY} spaces`)
    .refine((s) => new Set(s.map((x) => x.spaceId)).size === s.length, 'a space is listed twice')
})
export type DeviceFacts = z.infer<typeof DeviceFacts>
export const NO_DEVICE_FACTS: DeviceFacts = { others: false, standby: [] }

/**
 * Until when a due reminder waits for another device of this person (see 2. and 3.); its due time
 * when nothing holds it. `graceMs`: how long after the start a reminder is still shown.
 */
export function holdUntil(
  p: { dueAt: number; entry: { spaceId: string; startsAt: number } },
  facts: DeviceFacts,
  awakeSince: number | null,
  now: number,
  graceMs: number
): number {
  // when the one ahead decides: at the due time, or at the end of its catch-up after a wake-up
  let hold = p.dueAt
  if (facts.others && awakeSince !== null && p.dueAt < awakeSince + CATCHUP_MS) hold = awakeSince + CATCHUP_MS
  // a device behind it in the election waits for its report on top of that (two that woke
  // together do not end their catch-up and fire at one moment)
  const rank = facts.standby.find((s) => s.spaceId === p.entry.spaceId)?.rank ?? 0
  hold += rank * HANDOVER_MS
  // a meeting still ahead is reminded of by its start (and half the grace) at the latest
  if (now <= p.entry.startsAt + graceMs) hold = Math.min(hold, Math.max(p.dueAt, p.entry.startsAt + graceMs / 2))
  return hold
}

/**
 * When this device last woke: its first look, or the first look after a gap of `WAKE_GAP_MS`
 * (timers stood still) or a clock set back. Kept in memory: a restart is a wake-up.
 */
export class WakeTracker {
  private last: number | null = null
  private since: number | null = null

  look(now: number): number {
    if (this.last === null || this.since === null || now - this.last > WAKE_GAP_MS || now < this.last - WAKE_GAP_MS) this.since = now
    this.last = now
    return this.since
  }
}

/** How one device sees a space's presence: its own connection and this person's other ones. */
export function rankIn(presence: readonly { id: string; clientId: number }[], me: string, myClientId: number): { rank: number; others: number } {
  const mine = new Set(presence.filter((p) => p.id === me && p.clientId !== myClientId).map((p) => p.clientId))
  let rank = 0
  for (const c of mine) if (c < myClientId) rank++
  return { rank: Math.min(rank, MAX_RANK), others: mine.size }
}

// --- the shown records (1.) ---------------------------------------------------------------

const MAX_INSTANCE_LENGTH = MAX_ID_LENGTH + 20

function startOf(instance: string): number {
  return Number(instance.slice(instance.lastIndexOf('@') + 1))
}

/** A meeting's instance key: `<entry id>@<start ms>`. */
export function isInstanceKey(key: string): boolean {
  if (key.length > MAX_INSTANCE_LENGTH) return false
  const at = key.lastIndexOf('@')
  if (at < 1) return false
  return /^\d{13}$/.test(key.slice(at + 1)) && Instant.safeParse(startOf(key)).success && /^[\x21-\x7e]+$/.test(key.slice(0, at))
}

/** instance key → when it was shown; as read from a peer, the well-formed entries only. */
const ShownMap = z.record(z.string(), z.unknown()).transform((entries) => {
  const out: Record<string, number> = {}
  for (const [key, value] of Object.entries(entries)) {
    if (isInstanceKey(key) && Instant.safeParse(value).success) out[key] = value as number
  }
  return out
})

/**
 * One device's shown record in a space (collection 'remindersShown', id `<member id>:<device>`):
 * written by that device only, so the whole record can carry its person's seal (a signed
 * record: nobody else in the space can report a reminder for them and so silence one). One bad
 * entry costs nothing else.
 */
export const ShownRecord = z.object({ memberId: z.string().max(256), device: DeviceIdText, shown: ShownMap })
export type ShownRecord = z.infer<typeof ShownRecord>

export function shownRecordId(memberId: string, device: string): string {
  return `${memberId}:${device}`
}

/** The reports of one device's record. */
export function reportsOf(record: Pick<ShownRecord, 'shown'>): { id: string; startsAt: number; shownAt: number }[] {
  return Object.entries(record.shown).map(([key, at]) => ({ id: key.slice(0, key.lastIndexOf('@')), startsAt: startOf(key), shownAt: at }))
}

/**
 * This device's record with these reports added and pruned (meetings that started before
 * `now − KEEP_SHOWN_MS` dropped, then the oldest beyond `MAX_SHOWN_FIELDS`); null when nothing
 * changes.
 */
export function nextShown(
  current: Readonly<Record<string, number>>,
  reports: readonly { id: string; startsAt: number; shownAt: number }[],
  now: number
): Record<string, number> | null {
  const next = new Map<string, number>()
  let changed = false
  for (const [key, at] of Object.entries(current)) {
    if (startOf(key) < now - KEEP_SHOWN_MS) changed = true
    else next.set(key, at)
  }
  for (const r of reports) {
    const key = instanceKey(r)
    if (!isInstanceKey(key) || r.startsAt < now - KEEP_SHOWN_MS) continue
    if ((next.get(key) ?? -Infinity) >= r.shownAt) continue
    next.set(key, r.shownAt)
    changed = true
  }
  const kept = [...next].sort((a, b) => startOf(b[0]) - startOf(a[0]) || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_SHOWN_FIELDS)
  if (kept.length !== next.size) changed = true
  return changed ? Object.fromEntries(kept) : null
}
