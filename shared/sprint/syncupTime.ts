import { DateTime } from 'luxon'
import { z } from 'zod'
import { IsoDate } from '../time/dates.ts'
import { IsoWeekday, LocalTime, TimeZoneName, daysBetween, formatMinutes, minutesOfDay, toUtcIso } from './localTime.ts'

/**
 * Finds a daily sync-up time "convenient for all timezones represented on a team": a slot inside
 * every member's working hours, as close to everyone's midday as possible ("usually around midday").
 *
 * Candidates are 15-minute steps in UTC over every instant at which some place on earth is on the
 * reference date (UTC+14 to UTC−12); the reference date also fixes which DST offsets apply. A slot
 * fits a member when it starts and ends inside the member's hours (hours may run past midnight,
 * e.g. 22:00–06:00) on one of the member's working days. The best slot minimises the sum of the
 * members' distances from their local 12:00; ties go to the earlier slot. The same UTC time of day
 * is offered once, on the day closest to the reference date for the members.
 */
export const SyncUpMember = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  timezone: TimeZoneName,
  workStart: LocalTime,
  workEnd: LocalTime,
  /** ISO weekdays (1 = Monday); every day when absent. */
  workingDays: z.array(IsoWeekday).optional()
})
export type SyncUpMember = z.infer<typeof SyncUpMember>

export interface MemberLocalTime {
  name: string
  id?: string
  timezone: string
  localDate: string
  localTime: string
  /** Signed minutes from the member's local 12:00 (negative: before midday). */
  minutesFromMidday: number
}

export interface SyncUpSlot {
  /** UTC instant of the slot on (or next to) the reference date. */
  start: string
  /** The same slot as a UTC time of day, 'HH:mm'. */
  utcTime: string
  /** Sum of the members' minutes away from their midday; lower is better. */
  score: number
  perMember: MemberLocalTime[]
}

export interface SyncUpConflict {
  /** Names of the members involved: one member, a pair, or everyone. */
  members: string[]
  message: string
}

export type SyncUpTimeResult =
  | ({ ok: true; durationMinutes: number; alternatives: SyncUpSlot[] } & SyncUpSlot)
  | { ok: false; reason: string; conflicts: SyncUpConflict[] }

export interface SyncUpTimeOptions {
  /** A typical working date; its DST offsets are used. */
  referenceDate: string
  /** Default 15. */
  durationMinutes?: number
  /** How many other slots to offer. Default 3. */
  alternatives?: number
}

const STEP_MINUTES = 15
const MIDDAY = 12 * 60

interface Fit {
  fits: boolean
  local: MemberLocalTime
  dayDistance: number
}

function fitOf(member: SyncUpMember, instant: DateTime, duration: number, referenceDate: string): Fit {
  const local = instant.setZone(member.timezone)
  const localDate = local.toISODate() ?? ''
  const minutes = local.hour * 60 + local.minute
  const start = minutesOfDay(member.workStart)
  const end = minutesOfDay(member.workEnd)
  const inHours =
    start < end
      ? minutes >= start && minutes + duration <= end
      : minutes >= start ? minutes + duration <= end + 1440 : minutes + duration <= end
  const onWorkingDay = !member.workingDays || member.workingDays.includes(local.weekday)
  const localMember: MemberLocalTime = {
    name: member.name,
    timezone: member.timezone,
    localDate,
    localTime: formatMinutes(minutes),
    minutesFromMidday: minutes - MIDDAY
  }
  if (member.id !== undefined) localMember.id = member.id
  return { fits: inHours && onWorkingDay, local: localMember, dayDistance: Math.abs(daysBetween(referenceDate, localDate)) }
}

function candidates(referenceDate: string): DateTime[] {
  const first = DateTime.fromISO(`${referenceDate}T00:00`, { zone: 'utc' }).minus({ hours: 14 })
  const count = ((24 + 14 + 12) * 60) / STEP_MINUTES
  return Array.from({ length: count }, (_, i) => first.plus({ minutes: i * STEP_MINUTES }))
}

interface Ranked extends SyncUpSlot {
  dayDistance: number
  millis: number
}

function rankSlots(members: readonly SyncUpMember[], instants: readonly DateTime[], duration: number, referenceDate: string): Ranked[] {
  const slots: Ranked[] = []
  for (const instant of instants) {
    const fits = members.map((m) => fitOf(m, instant, duration, referenceDate))
    if (!fits.every((f) => f.fits)) continue
    slots.push({
      start: toUtcIso(instant),
      utcTime: instant.toFormat('HH:mm'),
      score: fits.reduce((sum, f) => sum + Math.abs(f.local.minutesFromMidday), 0),
      perMember: fits.map((f) => f.local),
      dayDistance: fits.reduce((sum, f) => sum + f.dayDistance, 0),
      millis: instant.toMillis()
    })
  }
  slots.sort((a, b) => a.score - b.score || a.dayDistance - b.dayDistance || a.millis - b.millis)
  const seen = new Set<string>()
  return slots.filter((slot) => !seen.has(slot.utcTime) && (seen.add(slot.utcTime), true))
}

function describe(member: SyncUpMember): string {
  return `${member.name} (${member.timezone}, ${member.workStart}–${member.workEnd})`
}

function explain(members: readonly SyncUpMember[], instants: readonly DateTime[], duration: number, referenceDate: string): SyncUpConflict[] {
  const conflicts: SyncUpConflict[] = []
  const alone = members.map((m) => rankSlots([m], instants, duration, referenceDate).length > 0)
  members.forEach((member, i) => {
    if (!alone[i]) {
      conflicts.push({
        members: [member.name],
        message: `${describe(member)} has no ${duration}-minute slot of working time around ${referenceDate}.`
      })
    }
  })
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]
      const b = members[j]
      if (!a || !b || !alone[i] || !alone[j]) continue
      if (rankSlots([a, b], instants, duration, referenceDate).length === 0) {
        conflicts.push({ members: [a.name, b.name], message: `${describe(a)} and ${describe(b)} have no working hours in common.` })
      }
    }
  }
  if (conflicts.length === 0) {
    conflicts.push({
      members: members.map((m) => m.name),
      message: 'Every two members share some working hours, but there is no time when all of them are working.'
    })
  }
  return conflicts
}

export function findSyncUpTime(members: readonly SyncUpMember[], options: SyncUpTimeOptions): SyncUpTimeResult {
  const referenceDate = IsoDate.parse(options.referenceDate)
  const duration = options.durationMinutes ?? STEP_MINUTES
  if (members.length === 0) {
    return { ok: false, reason: 'Add the team members, with their time zones and working hours, first.', conflicts: [] }
  }
  const instants = candidates(referenceDate)
  const [best, ...rest] = rankSlots(members, instants, duration, referenceDate)
  if (!best) {
    return {
      ok: false,
      reason: `No ${duration}-minute slot falls inside every member's working hours.`,
      conflicts: explain(members, instants, duration, referenceDate)
    }
  }
  const plain = ({ start, utcTime, score, perMember }: Ranked): SyncUpSlot => ({ start, utcTime, score, perMember })
  return {
    ok: true,
    durationMinutes: duration,
    ...plain(best),
    alternatives: rest.slice(0, options.alternatives ?? 3).map(plain)
  }
}

/** A slot's start as a local 'HH:mm' in a zone: what to store as the team's sync-up time. */
export function slotTimeIn(slot: Pick<SyncUpSlot, 'start'>, zone: string): string {
  return DateTime.fromISO(slot.start, { zone: 'utc' }).setZone(zone).toFormat('HH:mm')
}
