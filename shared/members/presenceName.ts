import { NOT_VERIFIED } from './personName.ts'
import { isVerifiableId } from '../identity/signing.ts'

/**
 * How a presence (who is here right now: retro pointers and avatars, a meeting's "Here now", a
 * session's visitors) names its person. A presence carries the name its sender chooses; its proof
 * (core/sync/presenceProof.ts) says only that a key-derived id is its sender's, and an id from
 * before signatures proves nothing. So a presence going by the name of a verified member (one with
 * a key-derived id) while its id is not theirs — an old-form id, made up or not, or another
 * person's key — says "(not verified)", as a card by an old-form id does (personName.ts).
 */
export type VerifiedNames = ReadonlyMap<string, ReadonlySet<string>>

/** Names as people read them: one form of each character, no invisible ones, case and spacing aside. */
const asRead = (name: string): string =>
  name
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

/** The names of the members whose ids are key-derived, each with the ids going by it. */
export function verifiedNames(members: readonly { id: string; name: string }[]): VerifiedNames {
  const out = new Map<string, Set<string>>()
  for (const m of members) {
    if (!isVerifiableId(m.id)) continue
    const key = asRead(m.name)
    if (!key) continue
    const ids = out.get(key) ?? new Set<string>()
    ids.add(m.id)
    out.set(key, ids)
  }
  return out
}

export const NO_VERIFIED_NAMES: VerifiedNames = new Map()

/** The presence's name, marked "(not verified)" when a verified member goes by it and this is not them. */
export function presenceName(presence: { id: string; name: string }, verified: VerifiedNames): string {
  const ids = verified.get(asRead(presence.name))
  return ids && !ids.has(presence.id) ? `${presence.name} ${NOT_VERIFIED}` : presence.name
}
