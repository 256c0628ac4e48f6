import { IANAZone } from 'luxon'
import { z } from 'zod'
import { CeremonyKind } from '../sprint/ceremonies.ts'
import { plainText } from '../text/plainText.ts'

/**
 * One meeting this person takes part in, as the reminder service needs it: computed by the
 * renderer from the spaces (ceremonies.ts, mentoring.ts), sent to main over the IPC contract, kept
 * by main in its JSON file. Main never reads a space: everything a notification shows is here.
 *
 * `id` is derived from the occurrence (stable across recomputations and devices, see
 * `ceremonyEntryId` / `mentoringEntryId`); the same id with another `startsAt` is the meeting
 * moved, and is reminded of again.
 */
export const REMINDER_KINDS = ['ceremony', 'mentoring'] as const
export const ReminderKind = z.enum(REMINDER_KINDS)
export type ReminderKind = z.infer<typeof ReminderKind>

/** At most this many entries in one schedule (14 days of ten teams' sync-ups is ~100). */
export const MAX_ENTRIES = 2000
export const MAX_ID_LENGTH = 300
export const MAX_TITLE_LENGTH = 200
export const MAX_LINK_LENGTH = 600
/** Instants outside [2020, 2100) are refused: no real meeting is there, and such numbers come from bugs. */
export const EARLIEST_INSTANT = Date.UTC(2020, 0, 1)
export const LATEST_INSTANT = Date.UTC(2100, 0, 1)

export const Instant = z
  .number()
  .int('must be whole milliseconds')
  .min(EARLIEST_INSTANT, 'is before 2020 (dates must be in 2020–2100)')
  .max(LATEST_INSTANT, 'is after 2100 (dates must be in 2020–2100)')

/** A space id as invites carry it. */
export const SpaceIdText = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a space id')

/**
 * An in-app route to a meeting: `/space/<id>` and path segments of URL-safe characters (a
 * ceremony id is percent-encoded), nothing that could leave the app or climb out of it.
 */
export const AppPath = z
  .string()
  .max(MAX_LINK_LENGTH, `must be at most ${MAX_LINK_LENGTH} characters`)
  .regex(/^\/space\/[A-Za-z0-9_-]{1,64}(\/[A-Za-z0-9_.~%!*'()-]+)*$/, 'must be an app path like /space/<id>/…')
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'must not contain . or .. segments')

/**
 * An IANA zone name. luxon's check builds an Intl formatter each time (about half a millisecond):
 * too slow for 2 000 entries checked in preload and again in main, so answers are remembered
 * (a bounded cache: names are few, and a flood of made-up ones only evicts).
 */
const zoneAnswers = new Map<string, boolean>()
export function isZoneName(zone: string): boolean {
  const known = zoneAnswers.get(zone)
  if (known !== undefined) return known
  const valid = zone.length <= 64 && IANAZone.isValidZone(zone)
  if (zoneAnswers.size >= 1000) zoneAnswers.clear()
  zoneAnswers.set(zone, valid)
  return valid
}

export const ZoneName = z.string().refine(isZoneName, 'must be an IANA time zone such as Europe/Berlin')

export const ReminderEntry = z.object({
  id: z.string().min(1).max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
  kind: ReminderKind,
  /** which of the six ceremonies, for ceremony entries (mute per ceremony) */
  ceremony: CeremonyKind.optional(),
  title: plainText(MAX_TITLE_LENGTH).pipe(z.string().min(1, 'must not be empty')),
  startsAt: Instant,
  durationMinutes: z.number().int().min(0).max(24 * 60),
  /** false when only the day is known (a session without a time): placed at a default hour */
  timeSet: z.boolean(),
  /** the zone the meeting is held in (its own wall-clock time is shown next to the viewer's) */
  zone: ZoneName,
  /** the space the link opens */
  spaceId: SpaceIdText,
  link: AppPath,
  /** what mutes it: a team's or org's space id (ceremonies), a pair's space id (mentoring) */
  groupId: SpaceIdText,
  /** "Platform team", "Whole org", "Daria & Bruce" */
  groupLabel: plainText(MAX_TITLE_LENGTH)
})
export type ReminderEntry = z.infer<typeof ReminderEntry>

/** One meeting at one start: what "once" is counted against. */
export function instanceKey(entry: Pick<ReminderEntry, 'id' | 'startsAt'>): string {
  return `${entry.id}@${entry.startsAt}`
}

/** Ceremony entries: the org (or lone team) space's id, then the sprint occurrence id. */
export function ceremonyEntryId(sourceId: string, occurrenceId: string): string {
  return `c:${sourceId}:${occurrenceId}`
}

/** Mentoring entries: a planned session by its id, or the cadence's "time to meet again" by date. */
export function mentoringEntryId(pairSpaceId: string, session: { sessionId: string } | { nextOn: string }): string {
  return 'sessionId' in session ? `m:${pairSpaceId}:s:${session.sessionId}` : `m:${pairSpaceId}:next:${session.nextOn}`
}

/** Sorted by start, then id: one order everywhere (main, tray, tests). */
export function byStart(a: Pick<ReminderEntry, 'id' | 'startsAt'>, b: Pick<ReminderEntry, 'id' | 'startsAt'>): number {
  return a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * `tandem://open/<path>`: how a clicked notification asks the app to open a meeting, through the
 * same inbox as invite links. `appPathOfLink` reads it back and refuses anything else.
 */
export const OPEN_LINK_PREFIX = 'tandem://open'

export function openLinkOf(path: string): string {
  return `${OPEN_LINK_PREFIX}${path}`
}

export function appPathOfLink(url: string): string | null {
  if (!url.toLowerCase().startsWith(`${OPEN_LINK_PREFIX}/`)) return null
  const parsed = AppPath.safeParse(url.slice(OPEN_LINK_PREFIX.length))
  return parsed.success ? parsed.data : null
}
