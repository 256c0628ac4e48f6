import { MAX_ENTRIES, ReminderEntry, byStart } from './entry.ts'
import { type SprintSource, ceremonyEntries } from './ceremonies.ts'
import { type PairSource, mentoringEntries } from './mentoring.ts'

/**
 * Everything this person will be reminded of: the ceremonies of their teams and org role and the
 * sessions of their mentoring pairs, starting within the next `days` days (14), sorted by start.
 * The renderer computes it from its spaces and sends it to main (which never reads a space).
 *
 * A source that cannot be scheduled, or an entry the IPC contract would refuse, is left out and
 * named in `problems`, so one bad record never stops every other reminder.
 */
export const UPCOMING_DAYS = 14

export interface UpcomingInput {
  /** ms since epoch */
  now: number
  /** the viewer's IANA zone */
  zone: string
  /** this device's member id */
  me: string
  sprint: readonly SprintSource[]
  pairs: readonly PairSource[]
  days?: number
  /** where a mentoring session without a time is placed ('HH:mm', viewer's zone) */
  defaultSessionTime?: string
}

export interface Upcoming {
  entries: ReminderEntry[]
  problems: string[]
}

export function upcomingReminders(input: UpcomingInput): Upcoming {
  const window = { from: input.now, to: input.now + (input.days ?? UPCOMING_DAYS) * 86_400_000 }
  const problems: string[] = []
  const found: ReminderEntry[] = []
  const collect = (what: string, compute: () => ReminderEntry[]) => {
    try {
      found.push(...compute())
    } catch (err) {
      problems.push(`${what}: ${(err as Error).message}`)
    }
  }
  for (const source of input.sprint) collect(`sprint schedule of ${source.id}`, () => ceremonyEntries(source, input.me, window))
  for (const pair of input.pairs) {
    const options = { zone: input.zone, ...(input.defaultSessionTime ? { defaultTime: input.defaultSessionTime } : {}) }
    collect(`mentoring pair ${pair.spaceId}`, () => mentoringEntries(pair, window, options))
  }

  const seen = new Set<string>()
  const entries: ReminderEntry[] = []
  for (const entry of found.sort(byStart)) {
    if (seen.has(entry.id)) continue
    const checked = ReminderEntry.safeParse(entry)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      problems.push(`${entry.id}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`)
      continue
    }
    seen.add(entry.id)
    entries.push(checked.data)
  }
  if (entries.length > MAX_ENTRIES) {
    problems.push(`${entries.length - MAX_ENTRIES} meetings after the first ${MAX_ENTRIES} are left out`)
    entries.length = MAX_ENTRIES
  }
  return { entries, problems }
}
