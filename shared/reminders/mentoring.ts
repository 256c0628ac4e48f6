import type { Cadence } from '../mentorship/pairRecords.ts'
import { nextSession } from '../mentorship/pairCadence.ts'
import { isIsoDate, todayIn } from '../time/dates.ts'
import { LocalTime, zonedDateTime } from '../sprint/localTime.ts'
import { type ReminderEntry, isZoneName, mentoringEntryId } from './entry.ts'
import { oneLine } from './text.ts'
import type { Window } from './ceremonies.ts'

/**
 * A mentoring pair's sessions this person takes part in, as reminder entries: every planned
 * session (a session dated ahead), and when none is planned, the next one from the pair's cadence
 * (`nextSession`: the date the pair set, or "time to meet again" a cadence after the last one).
 *
 * The journal stores a session's day, not its hour. A session or pair may say when it meets
 * (`time` in `zone`); otherwise the meeting is placed at `defaultTime` in the viewer's zone and
 * the entry says `timeSet: false`, so a notification can say that no time was set.
 */
export interface PairSession {
  id: string
  title: string
  date: string | null
  durationMinutes: number | null
  time?: string | null
  zone?: string | null
}

export interface PairSource {
  spaceId: string
  /** "Daria & Bruce" */
  label: string
  ended: boolean
  cadence: Cadence
  /** the next session date the pair set (PairInfo.nextSession), or null */
  nextSession: string | null
  sessions: readonly PairSession[]
  /** when the pair usually meets, 'HH:mm' in `zone`, if it says (the time it set for its next session) */
  time?: string | null
  zone?: string | null
  /** how long its next session is planned to last */
  minutes?: number | null
}

export interface MentoringOptions {
  /** the viewer's zone */
  zone: string
  /** where a session without a time is placed, 'HH:mm' in the viewer's zone (default 10:00) */
  defaultTime?: string
}

export const DEFAULT_SESSION_TIME = '10:00'
export const DEFAULT_SESSION_MINUTES = 60

function validZone(zone: string | null | undefined): zone is string {
  return !!zone && isZoneName(zone)
}

function validTime(time: string | null | undefined): time is string {
  return !!time && LocalTime.safeParse(time).success
}

/** Where a day's meeting starts: the session's time, the pair's, or the default in the viewer's zone. */
function placeOn(date: string, pair: PairSource, session: PairSession | null, options: MentoringOptions) {
  const ownTime = validTime(session?.time) ? session.time : validTime(pair.time) ? pair.time : null
  const ownZone = validZone(session?.zone) ? session.zone : validZone(pair.zone) ? pair.zone : null
  const zone = ownTime !== null && ownZone !== null ? ownZone : validZone(options.zone) ? options.zone : 'UTC'
  const time = ownTime ?? (validTime(options.defaultTime) ? options.defaultTime : DEFAULT_SESSION_TIME)
  return { startsAt: zonedDateTime(date, time, zone).toMillis(), zone, timeSet: ownTime !== null }
}

export function mentoringEntries(pair: PairSource, window: Window, options: MentoringOptions): ReminderEntry[] {
  if (pair.ended) return []
  const label = oneLine(pair.label, 'Mentoring pair')
  const today = todayIn(validZone(options.zone) ? options.zone : 'UTC', window.from)
  const entries: ReminderEntry[] = []
  const inWindow = (t: number) => t >= window.from && t < window.to
  let planned = false
  for (const session of pair.sessions) {
    if (!session.date || !isIsoDate(session.date) || session.date < today) continue
    const at = placeOn(session.date, pair, session, options)
    if (at.startsAt < window.from) continue
    planned = true
    if (!inWindow(at.startsAt)) continue
    entries.push({
      id: mentoringEntryId(pair.spaceId, { sessionId: session.id }),
      kind: 'mentoring',
      title: oneLine(session.title, 'Mentoring session'),
      ...at,
      durationMinutes: session.durationMinutes ?? DEFAULT_SESSION_MINUTES,
      spaceId: pair.spaceId,
      link: `/space/${pair.spaceId}/sessions/${encodeURIComponent(session.id)}`,
      groupId: pair.spaceId,
      groupLabel: label
    })
  }
  if (planned) return entries
  const next = nextSession({ sessionDates: pair.sessions.map((s) => s.date), cadence: pair.cadence, override: pair.nextSession })
  if (next.date === null || next.date < today) return entries
  const at = placeOn(next.date, pair, null, options)
  if (!inWindow(at.startsAt)) return entries
  entries.push({
    id: mentoringEntryId(pair.spaceId, { nextOn: next.date }),
    kind: 'mentoring',
    title: next.source === 'set' ? 'Next mentoring session' : 'Time to meet again',
    ...at,
    durationMinutes: pair.minutes && pair.minutes > 0 ? pair.minutes : DEFAULT_SESSION_MINUTES,
    spaceId: pair.spaceId,
    link: `/space/${pair.spaceId}/pair`,
    groupId: pair.spaceId,
    groupLabel: label
  })
  return entries
}
