import { z } from 'zod'
import { FIELD_LIMITS } from '../text/limits.ts'
import type { MemberRecord } from './presence.ts'
import { isReservedKey } from '../collections/reserved.ts'
import { isVerifiableId, SEAL_MAX, signedText, verifySealNow } from '../identity/signing.ts'

/**
 * A member entry of a space's root document (`members`: member id → entry), as a peer may have
 * written it. Each device writes only its own entry, but any peer can write any value, so an entry
 * is read only when it is well-formed and bounded: a name longer than anyone's (the identity form
 * keeps 40 characters), a colour that is no colour, an entry filed under another member's id or
 * under a reserved key (`__proto__`) are not members. Fields this version does not know are kept
 * (a newer app may add some), unread.
 *
 * An entry under a member id derived from a key (shared/identity/signing.ts) must carry that
 * person's seal over its fields: another member cannot rename, recolour or "leave" them. Entries
 * under older ids are read unverified, as before.
 */
export const MemberEntry = z.looseObject({
  id: z.string().min(1).max(FIELD_LIMITS.id),
  name: z.string().max(FIELD_LIMITS.name),
  color: z.string().regex(/^#[0-9a-fA-F]{3,8}$/),
  joinedAt: z.number(),
  lastSeenAt: z.number(),
  leftAt: z.number().optional().catch(undefined),
  seal: z.string().max(SEAL_MAX).optional().catch(undefined)
})

/** What a member's seal signs: their entry's fields. */
export function memberEntryText(m: MemberRecord): string {
  return signedText('member', { id: m.id, name: m.name, color: m.color, joinedAt: m.joinedAt, lastSeenAt: m.lastSeenAt, leftAt: m.leftAt })
}

/** Why an entry is no member: malformed (or misfiled), or forged (a verifiable id without its seal). */
export type MemberEntryVerdict = { member: MemberRecord } | { member: null; forged: boolean }

/** The entry under `key` when it is a member's own, well-formed entry; else null. */
export function readMemberEntry(key: string, value: unknown): MemberRecord | null {
  return checkMemberEntry(key, value).member
}

export function checkMemberEntry(key: string, value: unknown): MemberEntryVerdict {
  if (isReservedKey(key)) return { member: null, forged: false }
  const parsed = MemberEntry.safeParse(value)
  if (!parsed.success || parsed.data.id !== key) return { member: null, forged: false }
  const { seal, ...member } = parsed.data
  const record = member as MemberRecord
  if (isVerifiableId(key) && !verifySealNow(seal, memberEntryText(record), key)) return { member: null, forged: true }
  return { member: record }
}
