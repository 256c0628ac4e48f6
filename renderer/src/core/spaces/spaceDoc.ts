import * as Y from 'yjs'
import { SPACE_DESCRIPTION_MAX, SPACE_NAME_MAX, SpaceKind } from '@shared/spaces/space.ts'
import type { MemberRecord } from '@shared/members/presence.ts'
import { checkMemberEntry, memberEntryText, readMemberEntry } from '@shared/members/memberEntry.ts'
import { isVerifiableId, seal } from '@shared/identity/signing.ts'
import { countForgery, secretKeyOf } from '../collections/signing.ts'
import { FIELD_LIMITS } from '@shared/text/limits.ts'

/**
 * The shape of a space's root document:
 *   meta:    name, kind, description, createdAt, createdBy
 *   members: member id → MemberRecord (each member writes only their own entry)
 *
 * Any member can write any of it, so every read is bounded (issue 10 #14): a name or description
 * past its limit, a kind that is no kind, reads as absent (the name falls back to the one this
 * device last saw); a member entry is read only when it is well-formed, bounded and filed under its
 * own id, never under a reserved key such as `__proto__` (shared/members/memberEntry.ts). An entry
 * under a member id derived from a key carries its person's seal; a forged one is ignored and
 * counted (issue 10 #15).
 */
export interface SpaceMeta {
  name: string
  kind: SpaceKind | null
  description: string
  createdAt: number | null
}

const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta')
const members = (doc: Y.Doc) => doc.getMap<MemberRecord>('members')

export function initSpaceDoc(doc: Y.Doc, init: { name: string; kind: SpaceKind; createdBy: string; now: number }): void {
  doc.transact(() => {
    const m = meta(doc)
    m.set('name', init.name)
    m.set('kind', init.kind)
    m.set('description', '')
    m.set('createdAt', init.now)
    m.set('createdBy', init.createdBy)
  })
}

/** The string under `key` when it is one of at most `max` characters. */
function boundedString(m: Y.Map<unknown>, key: string, max: number): string | null {
  const value = m.get(key)
  return typeof value === 'string' && value.length <= max ? value : null
}

export function readMeta(doc: Y.Doc, fallbackName: string): SpaceMeta {
  const m = meta(doc)
  const name = boundedString(m, 'name', SPACE_NAME_MAX)
  const kind = SpaceKind.safeParse(m.get('kind'))
  const createdAt = m.get('createdAt')
  return {
    name: name?.trim() ? name : fallbackName,
    kind: kind.success ? kind.data : null,
    description: boundedString(m, 'description', SPACE_DESCRIPTION_MAX) ?? '',
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : null
  }
}

/** Whether two reads of the meta say the same (a view keeps the first and does not re-render). */
export function sameMeta(a: SpaceMeta, b: SpaceMeta): boolean {
  return a.name === b.name && a.kind === b.kind && a.description === b.description && a.createdAt === b.createdAt
}

/**
 * Calls `f` whenever the meta map changes — not for member entries ("last seen" refreshes) nor any
 * other root type of the document (a team's or an org's collections); returns the function that
 * stops it.
 */
export function watchMeta(doc: Y.Doc, f: () => void): () => void {
  const map = meta(doc)
  map.observe(f)
  return () => map.unobserve(f)
}

/** Who created the space (its device id), so that only one device fills in defaults. */
export function createdByOf(doc: Y.Doc): string | null {
  const by = boundedString(meta(doc), 'createdBy', FIELD_LIMITS.id)
  return by || null
}

export function setSpaceName(doc: Y.Doc, name: string): void {
  meta(doc).set('name', name)
}

/** Stores the description, at most SPACE_DESCRIPTION_MAX characters (a longer one would read as none). */
export function setSpaceDescription(doc: Y.Doc, description: string): void {
  meta(doc).set('description', description.slice(0, SPACE_DESCRIPTION_MAX))
}

/** forged entries already counted (a peer's value is one object for as long as it stands) */
const countedForged = new WeakSet<object>()

/** Member records, skipping anything malformed, oversized or misfiled a peer may have written. */
export function readMembers(doc: Y.Doc): MemberRecord[] {
  const out: MemberRecord[] = []
  let good = lastGood.get(doc)
  if (!good) lastGood.set(doc, (good = new Map()))
  for (const [key, value] of members(doc).entries()) {
    const verdict = checkMemberEntry(key, value)
    if (verdict.member) {
      out.push(verdict.member)
      good.set(key, verdict.member)
      continue
    }
    if (!verdict.forged) continue
    // a forged entry took the place of a person's own: they stay as this page last saw them
    const kept = good.get(key)
    if (kept) out.push(kept)
    if (typeof value === 'object' && value !== null && !countedForged.has(value)) {
      countedForged.add(value)
      countForgery()
    }
  }
  return out
}

/** each document's members as last read with their own seal (this page only) */
const lastGood = new WeakMap<Y.Doc, Map<string, MemberRecord>>()

const membersCache = new WeakMap<Y.Doc, MemberRecord[]>()
const cacheWatched = new WeakSet<Y.Doc>()

/**
 * The member records as one array that stays the same until the members change (a snapshot for
 * useSyncExternalStore); `watchMembers` says when.
 */
export function membersOf(doc: Y.Doc): readonly MemberRecord[] {
  let cached = membersCache.get(doc)
  if (!cached) {
    cached = readMembers(doc)
    membersCache.set(doc, cached)
    if (!cacheWatched.has(doc)) {
      cacheWatched.add(doc)
      members(doc).observe(() => membersCache.delete(doc))
    }
  }
  return cached
}

/** Calls `f` whenever a member entry changes; returns the function that stops it. */
export function watchMembers(doc: Y.Doc, f: () => void): () => void {
  // the cache's own observer comes first, so `f` reads the new members
  membersOf(doc)
  const map = members(doc)
  map.observe(f)
  return () => map.unobserve(f)
}

/** Adds or refreshes this device's own member entry. */
export function upsertSelf(doc: Y.Doc, me: { id: string; name: string; color: string }, now: number, leftAt?: number): void {
  const map = members(doc)
  const prev = readMemberEntry(me.id, map.get(me.id))
  const joinedAt = prev && !prev.leftAt ? prev.joinedAt : now
  const next: MemberRecord & { seal?: string } = { id: me.id, name: me.name, color: me.color, joinedAt, lastSeenAt: now }
  if (leftAt) next.leftAt = leftAt
  // this person's seal (the member id is theirs: signing.ts); without their key here an entry
  // under a verifiable id would read as forged, so none is written
  const key = secretKeyOf(me.id)
  if (isVerifiableId(me.id) && !key) return
  if (key) next.seal = seal(key, memberEntryText(next))
  map.set(me.id, next)
}
