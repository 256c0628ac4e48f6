import { IANAZone } from 'luxon'
import { colorFor } from '../identity/identity.ts'
import { nameKey } from './poolImport.ts'

/**
 * People own their profiles (issue 15 #3). A pool profile is tied to the member who wrote or claimed
 * it (`ownerId`, the member's device id) and only that member edits or removes it; a profile nobody
 * has claimed (imported from the program's YAML by an admin) is the admin's to edit, remove or
 * update by importing again, until a member claims it as theirs. The program's admin is the member
 * who created the org space. A member owns at most one profile.
 *
 * These rules decide what the app offers; the shared document itself cannot stop a peer's app that
 * ignores them (records are not signed), so they are rules of conduct between honest apps.
 */

export interface Owned {
  id: string
  name: string
  ownerId: string | null
}

export interface Viewer {
  /** this device's member id */
  me: string
  /** the org's admin (the space's creator) */
  isAdmin: boolean
}

/** Edit and remove: the owner, or the admin while nobody has claimed it. */
export function canEditProfile(profile: Owned, viewer: Viewer): boolean {
  return profile.ownerId === null ? viewer.isAdmin : profile.ownerId === viewer.me
}

/** The profile this member owns, if any (the first by id when a race left two). */
export function ownProfile<P extends Owned>(pool: readonly P[], me: string): P | null {
  return [...pool].filter((p) => p.ownerId === me).sort((a, b) => a.id.localeCompare(b.id))[0] ?? null
}

/** A member may claim an unclaimed profile while owning none. */
export function canClaim(profile: Owned, pool: readonly Owned[], me: string): boolean {
  return profile.ownerId === null && ownProfile(pool, me) === null
}

/** Profiles an admin may remove in bulk: the unclaimed ones, and their own. */
export function removableBy<P extends Owned>(pool: readonly P[], viewer: Viewer): P[] {
  return pool.filter((p) => canEditProfile(p, viewer))
}

/** Of an import's names, those whose profile a member has claimed: the import leaves them as they are. */
export function claimedNames(existing: readonly Owned[], importedNames: readonly string[]): string[] {
  const claimed = new Map(existing.filter((p) => p.ownerId !== null).map((p) => [nameKey(p.name), p.name]))
  return [...new Set(importedNames.map(nameKey))].flatMap((key) => (claimed.has(key) ? [claimed.get(key) as string] : []))
}

export interface MemberLike {
  id: string
  name: string
  color: string
}

/**
 * The colour a person's avatar has everywhere: their member colour (as in the sidebar and the
 * member list) when the profile is theirs or carries the name of a member of the space, else one
 * derived from the name.
 */
export function profileColor(profile: { name: string; ownerId: string | null }, members: readonly MemberLike[]): string {
  const owner = profile.ownerId ? members.find((m) => m.id === profile.ownerId) : undefined
  if (owner) return owner.color
  const named = members.filter((m) => nameKey(m.name) === nameKey(profile.name))
  return named.length === 1 ? named[0]!.color : colorFor(profile.name)
}

/**
 * Who suggestions leave out: people not open to a new pair, and people whose running pairs fill
 * their capacity (how many pairs they can take at once; 1 unless they said more).
 */
export function notMatchable(
  pool: readonly { id: string; available: boolean; capacity: number }[],
  runningPairs: readonly { aProfileId: string; bProfileId: string }[]
): string[] {
  const running = new Map<string, number>()
  for (const p of runningPairs) for (const id of [p.aProfileId, p.bProfileId]) running.set(id, (running.get(id) ?? 0) + 1)
  return pool.filter((p) => !p.available || (running.get(p.id) ?? 0) >= Math.max(1, p.capacity)).map((p) => p.id)
}

/** The hours between two IANA zones now (null when either is unknown). */
export function zoneGapHours(a: string | null | undefined, b: string | null | undefined, atMs: number): number | null {
  if (!a || !b || a.length > 100 || b.length > 100 || !IANAZone.isValidZone(a) || !IANAZone.isValidZone(b)) return null
  return Math.abs(IANAZone.create(a).offset(atMs) - IANAZone.create(b).offset(atMs)) / 60
}

export interface PoolFilter {
  /** only people of this department ('' = everyone) */
  dept: string
  /** only pairs whose zones are at most this many hours apart (null = any); unknown zones pass */
  maxZoneGap: number | null
}

/** The pool's departments, as written, once each (case-insensitive), sorted. */
export function departments(pool: readonly { dept: string }[]): string[] {
  const byKey = new Map<string, string>()
  for (const p of pool) if (p.dept.trim() && !byKey.has(nameKey(p.dept))) byKey.set(nameKey(p.dept), p.dept.trim())
  return [...byKey.values()].sort((x, y) => x.localeCompare(y))
}

/** People the filter keeps, and the pairs (by id) it rules out for their zones. */
export function applyPoolFilter<P extends { id: string; dept: string; timezone?: string | undefined }>(
  pool: readonly P[],
  filter: PoolFilter,
  atMs: number
): { people: P[]; excludePairs: [string, string][] } {
  const people = filter.dept ? pool.filter((p) => nameKey(p.dept) === nameKey(filter.dept)) : [...pool]
  const excludePairs: [string, string][] = []
  if (filter.maxZoneGap !== null) {
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const gap = zoneGapHours(people[i]!.timezone, people[j]!.timezone, atMs)
        if (gap !== null && gap > filter.maxZoneGap) excludePairs.push([people[i]!.id, people[j]!.id])
      }
    }
  }
  return { people, excludePairs }
}
