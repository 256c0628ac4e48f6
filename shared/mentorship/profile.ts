import { z } from 'zod'
import { plainText } from '../text/plainText.ts'

/**
 * A participant's profile in the mentorship program's pool.
 *
 * "Be a mentor" items are things the person has done at least 2–3 times and can teach;
 * "seek a mentor" items are things they have done once, or for under a year, and want to grow in.
 * The program asks for 3–4 of each. Items are plain text; the matcher reads them as free text.
 *
 * Stored as plain data (strings and arrays) so it fits a Yjs map as it is.
 */

/** True when the runtime knows this IANA time zone ("Europe/Berlin", "America/Los_Angeles"). */
export function isIanaTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Limits of a profile: generous for people, bounded for what a peer or a file can send. */
export const PROFILE_LIMITS = { name: 100, dept: 100, item: 500, items: 50 } as const

const Item = plainText(PROFILE_LIMITS.item).pipe(z.string().min(1, 'items cannot be empty'))
const Items = z.array(Item).max(PROFILE_LIMITS.items, `has more than ${PROFILE_LIMITS.items} items`)

export const Profile = z.object({
  name: plainText(PROFILE_LIMITS.name).pipe(z.string().min(1, 'name is required')),
  /** Department or team, e.g. "engg", "Growth". */
  dept: plainText(PROFILE_LIMITS.dept),
  /** IANA time zone, e.g. "America/Los_Angeles"; absent when not given. */
  timezone: z
    .string()
    .trim()
    .max(100, { abort: true, message: 'timezone must be an IANA time zone such as "Europe/Berlin"' })
    .refine(isIanaTimeZone, 'timezone must be an IANA time zone such as "Europe/Berlin"')
    .optional(),
  hobbies: Items,
  favoriteResources: Items,
  beAMentor: Items,
  seekAMentor: Items
})
export type Profile = z.infer<typeof Profile>

/** The program's guidance: 3–4 items on each side. */
export const RECOMMENDED_ITEMS = { min: 3, max: 4 } as const

/**
 * Gentle hints for the profile form (never errors): the program asks for 3–4 items on each side,
 * and a pool match needs at least one of each.
 */
export function profileHints(profile: Profile): string[] {
  const hints: string[] = []
  const sides = [
    ['be a mentor', profile.beAMentor.length, 'things you have done at least 2–3 times'],
    ['seek a mentor', profile.seekAMentor.length, 'things you have done once, or for under a year']
  ] as const
  for (const [side, count, meaning] of sides) {
    if (count === 0) hints.push(`Add ${RECOMMENDED_ITEMS.min}–${RECOMMENDED_ITEMS.max} "${side}" items (${meaning}); without one nobody can be matched with you.`)
    else if (count < RECOMMENDED_ITEMS.min) hints.push(`The program asks for ${RECOMMENDED_ITEMS.min}–${RECOMMENDED_ITEMS.max} "${side}" items; you have ${count}.`)
    else if (count > RECOMMENDED_ITEMS.max) hints.push(`The program asks for ${RECOMMENDED_ITEMS.min}–${RECOMMENDED_ITEMS.max} "${side}" items; you have ${count}: pick the strongest.`)
  }
  return hints
}
