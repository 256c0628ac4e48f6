import * as Y from 'yjs'
import type { SpaceKind } from '@shared/spaces/space.ts'
import type { MemberRecord } from '@shared/members/presence.ts'

/**
 * The shape of a space's root document:
 *   meta:    name, kind, description, createdAt, createdBy
 *   members: member id → MemberRecord (each member writes only their own entry)
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

export function readMeta(doc: Y.Doc, fallbackName: string): SpaceMeta {
  const m = meta(doc)
  const str = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : null)
  const createdAt = m.get('createdAt')
  return {
    name: str('name') ?? fallbackName,
    kind: (str('kind') as SpaceKind | null) ?? null,
    description: str('description') ?? '',
    createdAt: typeof createdAt === 'number' ? createdAt : null
  }
}

/** Who created the space (its device id), so that only one device fills in defaults. */
export function createdByOf(doc: Y.Doc): string | null {
  const by = meta(doc).get('createdBy')
  return typeof by === 'string' ? by : null
}

export function setSpaceName(doc: Y.Doc, name: string): void {
  meta(doc).set('name', name)
}

export function setSpaceDescription(doc: Y.Doc, description: string): void {
  meta(doc).set('description', description)
}

function isMemberRecord(value: unknown): value is MemberRecord {
  const r = value as MemberRecord
  return !!r && typeof r.id === 'string' && typeof r.name === 'string' && typeof r.color === 'string' &&
    typeof r.joinedAt === 'number' && typeof r.lastSeenAt === 'number'
}

/** Member records, skipping anything malformed a peer may have written. */
export function readMembers(doc: Y.Doc): MemberRecord[] {
  return [...members(doc).values()].filter(isMemberRecord)
}

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
  const prev = map.get(me.id)
  const joinedAt = isMemberRecord(prev) && !prev.leftAt ? prev.joinedAt : now
  const next: MemberRecord = { id: me.id, name: me.name, color: me.color, joinedAt, lastSeenAt: now }
  if (leftAt) next.leftAt = leftAt
  map.set(me.id, next)
}
