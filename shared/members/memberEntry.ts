import { z } from 'zod'
import { FIELD_LIMITS } from '../text/limits.ts'
import type { MemberRecord } from './presence.ts'
import { isReservedKey } from '../collections/reserved.ts'

/**
 * A member entry of a space's root document (`members`: member id → entry), as a peer may have
 * written it. Each device writes only its own entry, but any peer can write any value, so an entry
 * is read only when it is well-formed and bounded: a name longer than anyone's (the identity form
 * keeps 40 characters), a colour that is no colour, an entry filed under another member's id or
 * under a reserved key (`__proto__`) are not members. Fields this version does not know are kept
 * (a newer app may add some), unread.
 */
export const MemberEntry = z.looseObject({
  id: z.string().min(1).max(FIELD_LIMITS.id),
  name: z.string().max(FIELD_LIMITS.name),
  color: z.string().regex(/^#[0-9a-fA-F]{3,8}$/),
  joinedAt: z.number(),
  lastSeenAt: z.number(),
  leftAt: z.number().optional().catch(undefined)
})

/** The entry under `key` when it is a member's own, well-formed entry; else null. */
export function readMemberEntry(key: string, value: unknown): MemberRecord | null {
  if (isReservedKey(key)) return null
  const parsed = MemberEntry.safeParse(value)
  if (!parsed.success || parsed.data.id !== key) return null
  return parsed.data as MemberRecord
}
