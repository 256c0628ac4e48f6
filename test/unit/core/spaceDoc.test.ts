import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initSpaceDoc, membersOf, readMembers, readMeta, sameMeta, setSpaceDescription, upsertSelf, watchMembers, watchMeta } from '@core/spaces/spaceDoc.ts'
import { SPACE_DESCRIPTION_MAX } from '@shared/spaces/space.ts'

/** A space's root document as a hostile member may write it (issue 10 #14), merged as peers merge. */
function pair() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  }
  initSpaceDoc(a, { name: 'Platform', kind: 'team', createdBy: 'device-ana', now: 1 })
  upsertSelf(a, { id: 'member-ana', name: 'Ana', color: '#3366cc' }, 2)
  sync()
  return { a, b, sync }
}

const MB = 'x'.repeat(1024 * 1024)

describe('space meta from a peer', () => {
  it('a 1 MB name, a description past its limit and an unknown kind read as absent', () => {
    const { a, b, sync } = pair()
    const meta = b.getMap('meta')
    meta.set('name', MB)
    meta.set('description', 'd'.repeat(SPACE_DESCRIPTION_MAX + 1))
    meta.set('kind', '__proto__')
    meta.set('createdAt', Number.POSITIVE_INFINITY)
    sync()
    expect(readMeta(a, 'Platform (last seen)')).toEqual({ name: 'Platform (last seen)', kind: null, description: '', createdAt: null })
  })

  it('keeps what is well-formed, and never writes a description that would read as none', () => {
    const { a, b, sync } = pair()
    setSpaceDescription(b, 'z'.repeat(SPACE_DESCRIPTION_MAX + 500))
    sync()
    const meta = readMeta(a, 'fallback')
    expect(meta.name).toBe('Platform')
    expect(meta.kind).toBe('team')
    expect(meta.description).toHaveLength(SPACE_DESCRIPTION_MAX)
  })
})

describe('member entries from a peer', () => {
  it('skips a 1 MB name, a misfiled entry, a reserved key and junk; keeps the honest entries', () => {
    const { a, b, sync } = pair()
    upsertSelf(b, { id: 'member-ben', name: 'Ben', color: '#cc3366' }, 3)
    const members = b.getMap('members')
    members.set('member-huge', { id: 'member-huge', name: MB, color: '#000000', joinedAt: 1, lastSeenAt: 1 })
    // filed under Ana's id, claiming another one: not Ana's entry, and not a member
    members.set('member-cy', { id: 'member-ana', name: 'Not Ana', color: '#000000', joinedAt: 1, lastSeenAt: 1 })
    members.set('__proto__', { id: '__proto__', name: 'Proto', color: '#000000', joinedAt: 1, lastSeenAt: 1 })
    members.set('member-junk', 'not an entry')
    members.set('member-colour', { id: 'member-colour', name: 'Colour', color: 'javascript:alert(1)', joinedAt: 1, lastSeenAt: 1 })
    sync()
    expect(readMembers(a).map((m) => m.name).sort()).toEqual(['Ana', 'Ben'])
    expect(membersOf(a).map((m) => m.id).sort()).toEqual(['member-ana', 'member-ben'])
  })

  it('a member refreshing their entry keeps their join date only from a well-formed entry of their own', () => {
    const { a, b, sync } = pair()
    b.getMap('members').set('member-ana', { id: 'member-ana', name: MB, color: '#000000', joinedAt: -5, lastSeenAt: 1 })
    sync()
    upsertSelf(a, { id: 'member-ana', name: 'Ana', color: '#3366cc' }, 10)
    expect(readMembers(a)).toEqual([{ id: 'member-ana', name: 'Ana', color: '#3366cc', joinedAt: 10, lastSeenAt: 10 }])
  })
})

/**
 * What the space page reads (core/spaces/hooks.ts: useMeta, useMembers) is woken only by the part
 * of the root document it shows: a peer's description edit must not re-read and re-render the
 * members, nor a member's "last seen" refresh or a team's records the meta.
 */
describe('space page reads woken only by what they show', () => {
  it('a peer editing the description wakes the meta, not the members; the members keep their array', () => {
    const { a, b, sync } = pair()
    const metaWoken: number[] = []
    const membersWoken: number[] = []
    const stopMeta = watchMeta(a, () => metaWoken.push(1))
    const stopMembers = watchMembers(a, () => membersWoken.push(1))
    const before = membersOf(a)
    const shown = readMeta(a, 'fallback')
    setSpaceDescription(b, 'What we work on')
    sync()
    expect(metaWoken).toHaveLength(1)
    expect(membersWoken).toHaveLength(0)
    expect(membersOf(a)).toBe(before)
    const now = readMeta(a, 'fallback')
    expect(now.description).toBe('What we work on')
    expect(sameMeta(shown, now)).toBe(false)
    stopMeta()
    stopMembers()
  })

  it('a "last seen" refresh and a collection record wake the members or nothing, never the meta', () => {
    const { a, b, sync } = pair()
    const metaWoken: number[] = []
    const membersWoken: number[] = []
    const stopMeta = watchMeta(a, () => metaWoken.push(1))
    const stopMembers = watchMembers(a, () => membersWoken.push(1))
    const shown = readMeta(a, 'fallback')
    upsertSelf(b, { id: 'member-ana', name: 'Ana', color: '#3366cc' }, 99)
    b.getMap('people::member-ana').set('role', 'developer')
    sync()
    expect(metaWoken).toHaveLength(0)
    expect(membersWoken).toHaveLength(1)
    expect(sameMeta(shown, readMeta(a, 'fallback'))).toBe(true)
    stopMeta()
    setSpaceDescription(b, 'after stopping')
    sync()
    expect(metaWoken).toHaveLength(0)
    stopMembers()
  })
})
