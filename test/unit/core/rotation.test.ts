import { afterEach, describe, expect, it } from 'vitest'
import { ADA, useFreshDatabase } from '../fixtures/database.ts'
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { db } from '@core/database/db.ts'
import { SpaceKeyChangeError } from '@core/database/keyGuard.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { myBoxKeys } from '@core/spaces/boxKeys.ts'
import { boxKeysOf, followRotation, newerKeyFor, planRemoval, publishBoxKey, removedMembers, removeMember, renewKey } from '@core/spaces/rotation.ts'
import { newSpaceKey } from '@shared/spaces/key.ts'
import { rekeyContext } from '@shared/spaces/rotation.ts'
import { newBoxKeyPair, openBox } from '@shared/spaces/seal.ts'

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
function memberEntry(doc: Y.Doc, id: string, name: string) {
  doc.getMap('members').set(id, { id, name, color: '#123456', joinedAt: 1, lastSeenAt: 1 })
}

describe('remove member = rotate (core/spaces/rotation.ts)', () => {
  it('seals the new key to every remaining device and to none of the removed member', () => {
    const doc = new Y.Doc()
    const bruce = newBoxKeyPair()
    const bruce2 = newBoxKeyPair()
    const cleo = newBoxKeyPair()
    const ada = newBoxKeyPair()
    publishBoxKey(doc, 'bruce', bruce.publicKey)
    publishBoxKey(doc, 'bruce', bruce2.publicKey)
    publishBoxKey(doc, 'cleo', cleo.publicKey)
    memberEntry(doc, 'bruce', 'Bruce')
    memberEntry(doc, 'cleo', 'Cleo')
    memberEntry(doc, 'dan', 'Dan')
    expect(boxKeysOf(doc).size).toBe(3)
    const plan = planRemoval(doc, 's1', 'cleo', { memberId: 'ada', boxKey: ada.publicKey }, 1)
    expect(Object.keys(plan.record.boxes).sort()).toEqual([ada.publicKey, bruce.publicKey, bruce2.publicKey].sort())
    for (const pair of [ada, bruce, bruce2]) {
      expect(openBox(pair, plan.record.boxes[pair.publicKey], rekeyContext('s1', 1, plan.record.id, pair.publicKey))).toBe(plan.key)
    }
    // a box does not open for another epoch or record
    expect(openBox(bruce, plan.record.boxes[bruce.publicKey], rekeyContext('s1', 2, plan.record.id, bruce.publicKey))).toBeNull()
    expect(plan.outcome).toEqual({ sealedFor: ['bruce'], missing: ['dan'] })
    expect(JSON.stringify(plan.record)).not.toContain(plan.key)
  })

  it('rotates this device: new key, higher epoch, the record in the document; the guard admits only that', async () => {
    const id = await createSpace('Platform', 'team', ADA)
    const doc = await loaded(id)
    const before = (await db().spaces.get(id))!.key
    memberEntry(doc, 'cleo', 'Cleo')
    const outcome = await removeMember(id, 'cleo', ADA)
    expect(outcome).toEqual({ sealedFor: [], missing: [] })
    const row = (await db().spaces.get(id))!
    expect(row.key).not.toBe(before)
    expect(row.keyEpoch).toBe(1)
    expect([...removedMembers(doc)]).toEqual(['cleo'])
    // any other change of the key is still refused, also one that only claims the same epoch
    await expect(db().spaces.update(id, { key: newSpaceKey() })).rejects.toThrow(SpaceKeyChangeError)
    await expect(db().spaces.update(id, { key: newSpaceKey(), keyEpoch: 1 })).rejects.toThrow(SpaceKeyChangeError)
    await expect(removeMember(id, ADA.deviceId, ADA)).rejects.toThrow(/leave/)
    // renewing removes nobody and moves on to the next epoch
    await renewKey(id, ADA)
    const renewed = (await db().spaces.get(id))!
    expect(renewed.keyEpoch).toBe(2)
    expect(renewed.key).not.toBe(row.key)
    expect([...removedMembers(doc)]).toEqual(['cleo'])
  })

  it('a remaining device takes the key sealed to it; a removed one finds nothing', async () => {
    const id = await createSpace('Platform', 'team', ADA)
    const doc = await loaded(id)
    const mine = await myBoxKeys()
    // another member (Bruce) rotates, removing Cleo; this device's box key was published
    publishBoxKey(doc, ADA.deviceId, mine.publicKey)
    const cleo = newBoxKeyPair()
    publishBoxKey(doc, 'cleo', cleo.publicKey)
    const plan = planRemoval(doc, id, 'cleo', { memberId: 'bruce', boxKey: newBoxKeyPair().publicKey }, 1)
    doc.getMap('rekeys').set('1', plan.record)
    expect(await newerKeyFor(doc, id, {})).toMatchObject({ key: plan.key, epoch: 1 })
    expect(await followRotation(id, doc)).toBe(true)
    expect((await db().spaces.get(id))).toMatchObject({ key: plan.key, keyEpoch: 1, keyRecord: plan.record.id })
    expect(await followRotation(id, doc)).toBe(false)
    // Cleo's device: no box of hers in the record
    expect(plan.record.boxes[cleo.publicKey]).toBeUndefined()
  })
})
