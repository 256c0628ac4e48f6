import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyPoolFilter, canClaim, canEditProfile, claimedNames, departments, notMatchable, ownProfile, profileColor, removableBy, zoneGapHours } from '@shared/mentorship/poolOwnership.ts'
import { PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { planPoolImport } from '@shared/mentorship/poolImport.ts'
import { importProfiles, profileToYaml } from '@shared/mentorship/profileYaml.ts'
import { colorFor } from '@shared/identity/identity.ts'
import { applyPoolImport, claimProfile, recordPoolPair, removeProfiles, reportPoolPairStatus, saveProfile, setPoolPairEnded, POOL, POOL_PAIRS } from '@features/mentorship/store/pool.ts'
import { collection } from '@core/collections/index.ts'
import { profileNamed } from './fixtures/profile.ts'

const ada = { id: 'p1', name: 'Ada', ownerId: 'dev-ada' }
const bo = { id: 'p2', name: 'Bo', ownerId: null }
const admin = { me: 'dev-admin', isAdmin: true }

describe('people own their profiles (issue 15 #3)', () => {
  it('only the owner edits a claimed profile; the admin edits an unclaimed one; nobody else', () => {
    expect(canEditProfile(ada, { me: 'dev-ada', isAdmin: false })).toBe(true)
    expect(canEditProfile(ada, admin)).toBe(false)
    expect(canEditProfile(ada, { me: 'dev-cy', isAdmin: false })).toBe(false)
    expect(canEditProfile(bo, admin)).toBe(true)
    expect(canEditProfile(bo, { me: 'dev-cy', isAdmin: false })).toBe(false)
  })

  it('a member claims an unclaimed profile only while owning none', () => {
    expect(canClaim(bo, [ada, bo], 'dev-cy')).toBe(true)
    expect(canClaim(bo, [ada, bo], 'dev-ada')).toBe(false)
    expect(canClaim(ada, [ada, bo], 'dev-cy')).toBe(false)
    expect(ownProfile([ada, bo], 'dev-ada')).toBe(ada)
  })

  it('bulk removal offers the admin the unclaimed profiles and their own, never a member\'s', () => {
    expect(removableBy([ada, bo, { id: 'p3', name: 'Admin', ownerId: 'dev-admin' }], admin).map((p) => p.id)).toEqual(['p2', 'p3'])
  })

  it('an import never writes over a claimed profile, and says so', () => {
    const imported = importProfiles([{ name: 'pool.yaml', text: [profileNamed('Ada'), profileNamed('Bo'), profileNamed('Cy')].map(profileToYaml).join('---\n') }]).profiles
    const writes = planPoolImport([ada, bo], imported, () => 'new')
    expect(writes.map((w) => w.profile.name)).toEqual(['Bo', 'Cy'])
    expect(claimedNames([ada, bo], imported.map((p) => p.profile.name))).toEqual(['Ada'])
  })

  it('an avatar has the member\'s colour, as in the sidebar, where the profile is theirs or bears their name', () => {
    const members = [{ id: 'dev-ada', name: 'Ada', color: '#123456' }, { id: 'dev-bo', name: 'bo ', color: '#abcdef' }]
    expect(profileColor(ada, members)).toBe('#123456')
    expect(profileColor(bo, members)).toBe('#abcdef')
    expect(profileColor({ name: 'Cy', ownerId: null }, members)).toBe(colorFor('Cy'))
  })
})

function peers(): [Y.Doc, Y.Doc, () => void] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  }
  return [a, b, sync]
}

describe('availability and capacity (issue 15 #3)', () => {
  it('leaves out whoever is not open to a pair, or whose running pairs fill their capacity', () => {
    const pool = [
      { id: 'a', available: true, capacity: 1 },
      { id: 'b', available: false, capacity: 3 },
      { id: 'c', available: true, capacity: 2 },
      { id: 'd', available: true, capacity: 1 }
    ]
    expect(notMatchable(pool, [{ aProfileId: 'a', bProfileId: 'c' }])).toEqual(['a', 'b'])
    expect(notMatchable(pool, [{ aProfileId: 'a', bProfileId: 'c' }, { aProfileId: 'c', bProfileId: 'd' }])).toEqual(['a', 'b', 'c', 'd'])
  })
  it('a profile from an older pool reads as open to one pair', () => {
    const old = PoolProfile.parse({ ...profileNamed('Old'), importedFrom: null, addedAt: 1 })
    expect([old.available, old.capacity, old.ownerId]).toEqual([true, 1, null])
    expect(PoolProfile.parse({ ...old, capacity: 99, available: 'yes' })).toMatchObject({ capacity: 1, available: true })
  })
})

describe('claiming and removing on real Yjs documents', () => {
  it('two members claiming one imported profile at once: one owner on both peers, one profile', () => {
    const [a, b, sync] = peers()
    applyPoolImport(a, planPoolImport([], importProfiles([{ name: 'p.yaml', text: profileToYaml(profileNamed('Dana')) }]).profiles, () => 'dana'))
    sync()
    expect(claimProfile(a, 'dana', 'dev-1')).toBe(true)
    expect(claimProfile(b, 'dana', 'dev-2')).toBe(true)
    sync()
    const onA = collection(a, POOL).list()
    const onB = collection(b, POOL).list()
    expect(onA).toHaveLength(1)
    expect(onA[0]?.ownerId).toBe(onB[0]?.ownerId)
    expect(['dev-1', 'dev-2']).toContain(onA[0]?.ownerId)
    // the one who lost sees it taken: no second claim
    const loser = onA[0]?.ownerId === 'dev-1' ? 'dev-2' : 'dev-1'
    expect(claimProfile(a, 'dana', loser)).toBe(false)
  })

  it('one member claiming on two devices at once, and claiming two profiles in a row: still one profile each', () => {
    const [a, b, sync] = peers()
    applyPoolImport(a, planPoolImport([], importProfiles([{ name: 'p.yaml', text: [profileNamed('Dana'), profileNamed('Eli')].map(profileToYaml).join('---\n') }]).profiles, (() => { let i = 0; return () => `id${i++}` })()))
    sync()
    expect(claimProfile(a, 'id0', 'dev-1')).toBe(true)
    expect(claimProfile(b, 'id0', 'dev-1')).toBe(true)
    sync()
    expect(claimProfile(a, 'id1', 'dev-1')).toBe(false)
    expect(collection(a, POOL).list().filter((p) => p.ownerId === 'dev-1')).toHaveLength(1)
    expect(collection(b, POOL).list()).toHaveLength(2)
  })

  it('a profile typed in is its writer\'s; a re-import leaves a claimed one alone even when the claim arrives first', () => {
    const [a, b, sync] = peers()
    const id = saveProfile(a, null, profileNamed('Fay'), 'dev-fay')
    expect(collection(a, POOL).get(id)?.ownerId).toBe('dev-fay')
    sync()
    const again = planPoolImport([], importProfiles([{ name: 'p.yaml', text: profileToYaml({ ...profileNamed('Fay'), dept: 'changed' }) }]).profiles, () => id)
    applyPoolImport(b, again.map((w) => ({ ...w, isNew: false })))
    expect(collection(b, POOL).get(id)?.dept).not.toBe('changed')
  })

  it('a pair that ends says why to the program only when the pair wrote it', () => {
    const [a] = peers()
    const id = recordPoolPair(a, { aProfileId: 'p1', bProfileId: 'p2', aName: 'A', bName: 'B', spaceId: 'space-1', startedAt: 1 })
    setPoolPairEnded(a, 'space-1', 5, 'a new role')
    expect(collection(a, POOL_PAIRS).get(id)).toMatchObject({ endedAt: 5, endedWhy: 'a new role' })
    setPoolPairEnded(a, 'space-1', null)
    expect(collection(a, POOL_PAIRS).get(id)).toMatchObject({ endedAt: null, endedWhy: null })
  })

  it('the pair\'s status report carries dates only, and follows an end and a pick-up', () => {
    const [a] = peers()
    const id = recordPoolPair(a, { aProfileId: 'p1', bProfileId: 'p2', aName: 'A', bName: 'B', spaceId: 'space-1', startedAt: 1 })
    reportPoolPairStatus(a, 'space-1', { lastSessionOn: '2026-05-01', nextSessionOn: '2026-06-01', endedAt: null })
    expect(collection(a, POOL_PAIRS).get(id)).toMatchObject({ lastSessionOn: '2026-05-01', nextSessionOn: '2026-06-01', endedAt: null })
    reportPoolPairStatus(a, 'space-1', { lastSessionOn: '2026-05-01', nextSessionOn: '2026-06-01', endedAt: 9 })
    expect(collection(a, POOL_PAIRS).get(id)?.endedAt).toBe(9)
    reportPoolPairStatus(a, 'space-1', { lastSessionOn: '2026-05-01', nextSessionOn: '2026-06-01', endedAt: null })
    expect(collection(a, POOL_PAIRS).get(id)?.endedAt).toBeNull()
    let writes = 0
    a.on('update', () => writes++)
    reportPoolPairStatus(a, 'space-1', { lastSessionOn: '2026-05-01', nextSessionOn: '2026-06-01', endedAt: null })
    expect(writes).toBe(0)
  })

  it('bulk removal is one change on every peer', () => {
    const [a, b, sync] = peers()
    const ids = ['Gus', 'Hal', 'Ivy'].map((name) => saveProfile(a, null, profileNamed(name)))
    sync()
    let updates = 0
    a.on('update', () => updates++)
    removeProfiles(a, ids.slice(0, 2))
    expect(updates).toBe(1)
    sync()
    expect(collection(b, POOL).list().map((p) => p.name)).toEqual(['Ivy'])
  })
})

describe('filters for suggestions (issue 15 #3)', () => {
  const at = Date.parse('2026-01-15T12:00:00Z')
  const pool = [
    { id: 'a', dept: 'Web', timezone: 'Europe/Berlin' },
    { id: 'b', dept: 'web ', timezone: 'America/Los_Angeles' },
    { id: 'c', dept: 'Data', timezone: 'Europe/London' },
    { id: 'd', dept: 'Web', timezone: undefined }
  ]
  it('keeps one department, names departments once', () => {
    expect(departments(pool)).toEqual(['Data', 'Web'])
    expect(applyPoolFilter(pool, { dept: 'WEB', maxZoneGap: null }, at).people.map((p) => p.id)).toEqual(['a', 'b', 'd'])
  })
  it('rules out pairs whose zones are too far apart; an unknown zone passes', () => {
    expect(zoneGapHours('Europe/Berlin', 'America/Los_Angeles', at)).toBe(9)
    expect(applyPoolFilter(pool, { dept: '', maxZoneGap: 3 }, at).excludePairs).toEqual([
      ['a', 'b'],
      ['b', 'c']
    ])
  })
})
