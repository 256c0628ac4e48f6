import { afterEach, describe, expect, it } from 'vitest'
import { ADA, useFreshDatabase } from '../fixtures/database.ts'
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { db, type IdentityRow } from '@core/database/db.ts'
import { SpaceKeyChangeError } from '@core/database/keyGuard.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { myBoxKeys } from '@core/spaces/boxKeys.ts'
import { boxKeysOf, followRotation, newerKeyFor, planRemoval, publishBoxKey, removedMembers, removeMember, renewKey } from '@core/spaces/rotation.ts'
import { newSpaceKey } from '@shared/spaces/key.ts'
import { beaconKeyOf, rekeyContext } from '@shared/spaces/rotation.ts'
import { newBoxKeyPair, openBox } from '@shared/spaces/seal.ts'
import { as, person, type Person } from '../fixtures/people.ts'
import { setSigner } from '@core/collections/index.ts'
import { upsertSelf } from '@core/spaces/spaceDoc.ts'

useFreshDatabase()

const held: Y.Doc[] = []
afterEach(() => {
  for (const doc of held.splice(0)) DexieYProvider.release(doc)
})
async function loaded(spaceId: string): Promise<Y.Doc> {
  const doc = (await db().spaces.get(spaceId))!.doc
  await DexieYProvider.load(doc).whenLoaded
  held.push(doc)
  return doc
}
const BRUCE = person()
const CLEO = person()
const ME_PERSON = person()
const ME: IdentityRow = { id: 'me', deviceId: ME_PERSON.deviceId, name: 'Ada', color: '#3366cc', secretKey: ME_PERSON.secretKey }
/** publishes a device's box key as its person would (their seal: only they can) */
function publishAs(who: Person, doc: Y.Doc, boxKey: string) {
  as(who, () => publishBoxKey(doc, who.deviceId, boxKey))
}
function memberEntry(doc: Y.Doc, id: string, name: string) {
  // a person since signatures writes their own entry, sealed
  const who = [BRUCE, CLEO].find((p) => p.deviceId === id)
  if (who) {
    setSigner(who)
    upsertSelf(doc, { id, name, color: '#123456' }, 1)
    setSigner(null)
    return
  }
  doc.getMap('members').set(id, { id, name, color: '#123456', joinedAt: 1, lastSeenAt: 1 })
}

describe('remove member = rotate (core/spaces/rotation.ts)', () => {
  it('seals the new key to every remaining device and to none of the removed member', () => {
    const doc = new Y.Doc()
    const bruce = newBoxKeyPair()
    const bruce2 = newBoxKeyPair()
    const cleo = newBoxKeyPair()
    const ada = newBoxKeyPair()
    publishAs(BRUCE, doc, bruce.publicKey)
    publishAs(BRUCE, doc, bruce2.publicKey)
    publishAs(CLEO, doc, cleo.publicKey)
    memberEntry(doc, BRUCE.deviceId, 'Bruce')
    memberEntry(doc, CLEO.deviceId, 'Cleo')
    memberEntry(doc, 'dan', 'Dan')
    expect(boxKeysOf(doc).size).toBe(3)
    const plan = planRemoval(doc, 's1', CLEO.deviceId, { memberId: 'ada', boxKey: ada.publicKey }, 1)
    expect(Object.keys(plan.record.boxes).sort()).toEqual([ada.publicKey, bruce.publicKey, bruce2.publicKey].sort())
    for (const pair of [ada, bruce, bruce2]) {
      expect(openBox(pair, plan.record.boxes[pair.publicKey], rekeyContext('s1', 1, plan.record.id, pair.publicKey))).toBe(plan.key)
    }
    // a box does not open for another epoch or record
    expect(openBox(bruce, plan.record.boxes[bruce.publicKey], rekeyContext('s1', 2, plan.record.id, bruce.publicKey))).toBeNull()
    expect(plan.outcome).toEqual({ sealedFor: [BRUCE.deviceId], missing: ['dan'] })
    expect(JSON.stringify(plan.record)).not.toContain(plan.key)
  })

  it('rotates this device: new key, higher epoch, the record in the document; the guard admits only that', async () => {
    const id = await createSpace('Platform', 'team', ME)
    const doc = await loaded(id)
    const before = (await db().spaces.get(id))!.key
    memberEntry(doc, 'cleo', 'Cleo')
    const outcome = await removeMember(id, 'cleo', ME)
    expect(outcome).toEqual({ sealedFor: [], missing: [] })
    const row = (await db().spaces.get(id))!
    expect(row.key).not.toBe(before)
    expect(row.keyEpoch).toBe(1)
    const box = await myBoxKeys()
    expect([...removedMembers(doc, id, row, box)]).toEqual(['cleo'])
    // any other change of the key is still refused, also one that only claims the same epoch
    await expect(db().spaces.update(id, { key: newSpaceKey() })).rejects.toThrow(SpaceKeyChangeError)
    await expect(db().spaces.update(id, { key: newSpaceKey(), keyEpoch: 1 })).rejects.toThrow(SpaceKeyChangeError)
    await expect(removeMember(id, ME.deviceId, ME)).rejects.toThrow(/leave/)
    // renewing removes nobody and moves on to the next epoch
    await renewKey(id, ME)
    const renewed = (await db().spaces.get(id))!
    expect(renewed.keyEpoch).toBe(2)
    expect(renewed.key).not.toBe(row.key)
    expect([...removedMembers(doc, id, renewed, box)]).toEqual(['cleo'])
    // a person with an id from before signatures cannot rotate (their record would count nowhere)
    await expect(renewKey(id, ADA)).rejects.toThrow(/signing key/)
  })

  it('a remaining device takes the key sealed to it; a removed one finds nothing', async () => {
    const id = await createSpace('Platform', 'team', ADA)
    const doc = await loaded(id)
    const mine = await myBoxKeys()
    // another member (Bruce) rotates, removing Cleo; this device's box key was published (sealed
    // by this device's person, here a person since signatures)
    const me = person()
    publishAs(me, doc, mine.publicKey)
    const cleo = newBoxKeyPair()
    publishAs(CLEO, doc, cleo.publicKey)
    const row = (await db().spaces.get(id))!
    const plan = planRemoval(doc, id, CLEO.deviceId, { memberId: BRUCE.deviceId, boxKey: newBoxKeyPair().publicKey, secretKey: BRUCE.secretKey }, 1, { after: '', beaconKey: beaconKeyOf(row.key) })
    doc.getMap('rekeys').set(plan.record.id, plan.record)
    expect(await newerKeyFor(doc, id, row)).toMatchObject({ key: plan.key, epoch: 1 })
    expect(await followRotation(id, doc)).toBe('switched')
    expect((await db().spaces.get(id))).toMatchObject({ key: plan.key, keyEpoch: 1, keyRecord: plan.record.id })
    expect(await followRotation(id, doc)).toBe('same')
    // Cleo's device: no box of hers in the record
    expect(plan.record.boxes[cleo.publicKey]).toBeUndefined()
  })
})

describe('box keys are sealed by their person (issue 10 #15 meets #19)', () => {
  it('a member about to be removed cannot have the new key sealed to a box key published under another name', () => {
    const doc = new Y.Doc()
    const bruce = newBoxKeyPair()
    const eve = newBoxKeyPair()
    const EVE = person()
    publishAs(BRUCE, doc, bruce.publicKey)
    memberEntry(doc, BRUCE.deviceId, 'Bruce')
    memberEntry(doc, EVE.deviceId, 'Eve')
    // Eve writes her own box key as Bruce's: unsealed, and sealed by her own key
    doc.getMap('boxKeys').set(eve.publicKey, { member: BRUCE.deviceId, at: 1 })
    const other = newBoxKeyPair()
    setSigner(EVE)
    publishBoxKey(doc, BRUCE.deviceId, other.publicKey) // her app cannot seal for Bruce: nothing written
    setSigner(null)
    expect(doc.getMap('boxKeys').has(other.publicKey)).toBe(false)
    expect([...boxKeysOf(doc).keys()]).toEqual([bruce.publicKey])
    const plan = planRemoval(doc, 's1', EVE.deviceId, { memberId: 'ada', boxKey: newBoxKeyPair().publicKey }, 1)
    expect(plan.record.boxes[eve.publicKey]).toBeUndefined()
    expect(plan.record.boxes[bruce.publicKey]).toBeDefined()
  })
})

describe('join requests are sealed by their asker (issue 10 #15 meets #19)', () => {
  it("a request in another member's name with someone else's box key is not read, so nobody lets it in", async () => {
    const { JOIN_REQUESTS } = await import('@features/sprint/store/teamAccess.ts')
    const { collection } = await import('@core/collections/index.ts')
    const doc = new Y.Doc()
    const eve = newBoxKeyPair()
    const bruce = newBoxKeyPair()
    // Bruce's own request, sealed by him
    setSigner(BRUCE)
    collection(doc, JOIN_REQUESTS).replace(`t1|${BRUCE.deviceId}`, { teamId: 't1', memberId: BRUCE.deviceId, name: 'Bruce', boxKey: bruce.publicKey, askedAt: 1 })
    setSigner(null)
    // Eve asks "as Cleo", with her own box key: no seal of Cleo's
    const forged = doc.getMap<unknown>(`joinRequests::t1|${CLEO.deviceId}`)
    for (const [k, v] of Object.entries({ teamId: 't1', memberId: CLEO.deviceId, name: 'Cleo', boxKey: eve.publicKey, askedAt: 2 })) forged.set(k, v)
    await new Promise((r) => setTimeout(r, 20))
    expect(collection(doc, JOIN_REQUESTS).list().map((r) => r.name)).toEqual(['Bruce'])
    expect(collection(doc, JOIN_REQUESTS).stats.forged).toBe(1)
  })
})
