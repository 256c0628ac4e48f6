import { useFreshDatabase } from '../fixtures/database.ts'
import { BRUCE, CLEO, DAN, IDENTITY, ME, opens, rotationTeam, useRotationTeams, type Team } from '../fixtures/rotationTeam.ts'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sync, type Person } from '../fixtures/people.ts'
import { db } from '@core/database/db.ts'
import { myBoxKeys } from '@core/spaces/boxKeys.ts'
import { chainOf, followRotation, planRemoval, recordsOf, removeMember } from '@core/spaces/rotation.ts'
import { mirrorRekeys } from '@core/spaces/rekeyBeacon.ts'
import { beaconKeyOf, proofHolds, settleRotations } from '@shared/spaces/rotation.ts'

/**
 * Rotations when things happen at once or someone is away (issue 10 #19), on real Yjs documents
 * and this device's real (fake-indexeddb) database: two members removing different people while
 * cut off from each other end on one key with both removed; a device that was away when the
 * others rotated finds the new key through the old key's beacon room.
 */
useFreshDatabase()

useRotationTeams()

/** Bruce, cut off from this device, removes someone on his copy of the root document (at the first key). */
function bruceRemoves(t: Team, copy: Y.Doc, who: Person) {
  const plan = planRemoval(copy, t.id, who.deviceId, { memberId: BRUCE.deviceId, boxKey: t.boxes.bruce.publicKey, secretKey: BRUCE.secretKey }, 1, { after: '', beaconKey: beaconKeyOf(t.first) })
  copy.getMap('rekeys').set(plan.record.id, plan.record)
  return plan
}

const tick = () => new Promise((r) => setTimeout(r, 5))
const steps = (doc: Y.Doc) => recordsOf(doc).map((r) => ({ id: r.id, after: r.after ?? '', epoch: r.epoch, at: r.at, by: r.by, removed: r.removed }))

describe('two members remove different people at once (issue 10 #19)', () => {
  it("this device's removal lost: it removes Cleo again on top of Bruce's key before using it; both removed, one key", async () => {
    const t = await rotationTeam()
    const bruceDoc = new Y.Doc()
    sync(t.doc, bruceDoc)
    const b = bruceRemoves(t, bruceDoc, DAN) // the earlier of the two
    await tick()
    await removeMember(t.id, CLEO.deviceId, IDENTITY)
    const a = (await db().spaces.get(t.id))!
    // the two meet (a beacon room of the first key): Bruce's record reaches this device and back
    sync(bruceDoc, t.doc)
    sync(t.doc, bruceDoc)
    expect(await followRotation(t.id, t.doc)).toBe('switched')
    const row = (await db().spaces.get(t.id))!
    const settled = settleRotations(steps(t.doc))
    expect(settled.owed).toEqual([])
    expect(settled.removed.sort()).toEqual([CLEO.deviceId, DAN.deviceId].sort())
    const fix = recordsOf(t.doc).find((r) => r.id === settled.line.at(-1)!.id)!
    expect(settled.line.map((l) => l.id)).toEqual([b.record.id, fix.id])
    expect(fix).toMatchObject({ after: b.record.id, removed: CLEO.deviceId, by: ME.deviceId, epoch: 2 })
    expect(row).toMatchObject({ key: opens(t, (await myBoxKeys()), fix), keyRecord: fix.id, keyEpoch: 2 })
    expect(row.key).not.toBe(a.key)
    // Bruce can open it; neither removed member can
    expect(opens(t, t.boxes.bruce, fix)).toBe(row.key)
    expect(fix.boxes[t.boxes.cleo.publicKey]).toBeUndefined()
    expect(fix.boxes[t.boxes.dan.publicKey]).toBeUndefined()
    // this device serves the beacon rooms of every key it passed: the first, its own, Bruce's
    expect(row.formerKeys!.map((f) => f.record)).toEqual(['', a.keyRecord, b.record.id])
    // Bruce's device, on his key, reaches the same key by the same rule
    sync(t.doc, bruceDoc)
    const bruceRow = { key: b.key, keyRecord: b.record.id, formerKeys: [{ record: '', beacon: beaconKeyOf(t.first), epoch: 0, until: Date.now() + 1e9 }] }
    const seen = chainOf(bruceDoc, t.id, bruceRow, t.boxes.bruce)
    expect(seen.settled.line.at(-1)!.id).toBe(fix.id)
    expect(seen.keys.get(fix.id)).toBe(row.key)
    // Cleo had Bruce's key (he did not know she was being removed: he was with her on it until
    // now), and never the key everyone ends on
    const cleo = chainOf(t.doc, t.id, { key: t.first }, t.boxes.cleo)
    expect([...cleo.keys.keys()]).toEqual(['', b.record.id])
    expect(cleo.settled.line.at(-1)!.id).toBe(fix.id)
  })

  it("this device's removal won: Bruce's removal is owed; it waits for Bruce's device, then anyone makes it", async () => {
    const t = await rotationTeam()
    const bruceDoc = new Y.Doc()
    sync(t.doc, bruceDoc)
    await removeMember(t.id, CLEO.deviceId, IDENTITY)
    const a = (await db().spaces.get(t.id))!
    await tick()
    bruceRemoves(t, bruceDoc, DAN) // the later of the two
    sync(bruceDoc, t.doc)
    expect(await followRotation(t.id, t.doc)).toBe('waiting')
    expect((await db().spaces.get(t.id))!.keyRecord).toBe(a.keyRecord)
    expect(await followRotation(t.id, t.doc, { anyone: true })).toBe('switched')
    const settled = settleRotations(steps(t.doc))
    expect(settled.line.map((l) => l.removed)).toEqual([CLEO.deviceId, DAN.deviceId])
    expect(settled.owed).toEqual([])
    expect((await db().spaces.get(t.id))!.keyRecord).toBe(settled.line.at(-1)!.id)
  })

  it('what this device wrote while on a losing key stays: the documents are the same, only the key changes', async () => {
    const t = await rotationTeam()
    const bruceDoc = new Y.Doc()
    sync(t.doc, bruceDoc)
    bruceRemoves(t, bruceDoc, DAN)
    await tick()
    await removeMember(t.id, CLEO.deviceId, IDENTITY)
    t.doc.getMap('meta').set('description', 'written on the key that lost')
    sync(bruceDoc, t.doc)
    expect(await followRotation(t.id, t.doc)).toBe('switched')
    // the same document (room names come from document ids): Bruce gets it once both are on the one key
    expect((await db().spaces.get(t.id))!.doc).toBe(t.doc)
    sync(t.doc, bruceDoc)
    expect(bruceDoc.getMap('meta').get('description')).toBe('written on the key that lost')
  })
})

describe('a device away during a rotation, with no relay (issue 10 #19)', () => {
  it("finds the new key through the old key's beacon room; junk and records of unknown keys stay out", async () => {
    const t = await rotationTeam()
    // Bruce removes Cleo while this device is away; his device keeps serving the first key's beacon room
    const bruceRoot = new Y.Doc()
    sync(t.doc, bruceRoot)
    const b = bruceRemoves(t, bruceRoot, CLEO)
    const bruceBeacon = new Y.Doc()
    const first = beaconKeyOf(t.first)
    const stopBruce = mirrorRekeys(bruceRoot, bruceBeacon, (r) => proofHolds(first, t.id, r), () => {})
    // junk in his copy: no proof; a record continuing a key nobody here knows
    bruceRoot.getMap('rekeys').set('junk', { ...b.record, id: 'junk', proof: 'x'.repeat(43) })
    bruceRoot.getMap('rekeys').set('orphan', { ...b.record, id: 'orphan', after: 'nowhere' })
    // the beacon carries rotation records and nothing else
    expect([...bruceBeacon.share.keys()]).toEqual(['rekeys'])
    // this device comes back on the first key, joins the beacon room (a simulated connection: Yjs sync)
    const myBeacon = new Y.Doc()
    let imported = 0
    const stopMine = mirrorRekeys(t.doc, myBeacon, (r) => proofHolds(first, t.id, r), () => imported++)
    sync(bruceBeacon, myBeacon)
    sync(myBeacon, bruceBeacon)
    expect(imported).toBe(1)
    expect([...t.doc.getMap('rekeys').keys()]).toEqual([b.record.id])
    expect(await followRotation(t.id, t.doc)).toBe('switched')
    expect((await db().spaces.get(t.id))!).toMatchObject({ key: b.key, keyRecord: b.record.id, keyEpoch: 1 })
    stopBruce()
    stopMine()
  })

  it('a removed device comes back: it learns that a rotation happened and gets no key', async () => {
    const t = await rotationTeam()
    const bruceRoot = new Y.Doc()
    sync(t.doc, bruceRoot)
    const b = bruceRemoves(t, bruceRoot, CLEO)
    sync(bruceRoot, t.doc)
    const cleo = chainOf(t.doc, t.id, { key: t.first }, t.boxes.cleo)
    expect(cleo.settled.line.map((l) => l.id)).toEqual([b.record.id])
    expect(cleo.keys.has(b.record.id)).toBe(false)
    // and what she builds on the first key after her removal never wins over it
    const forged = planRemoval(t.doc, t.id, BRUCE.deviceId, { memberId: CLEO.deviceId, boxKey: t.boxes.cleo.publicKey, secretKey: CLEO.secretKey }, 1, { after: '', beaconKey: beaconKeyOf(t.first) })
    forged.record.at = 0
    t.doc.getMap('rekeys').set(forged.record.id, { ...forged.record })
    const bruce = chainOf(t.doc, t.id, { key: t.first }, t.boxes.bruce)
    expect(bruce.settled.line.map((l) => l.id)).toEqual([b.record.id])
  })
})

describe('records from before seals (issue 10 #19: never released)', () => {
  it("an older app's rotation, chained or not, without its author's seal is not taken; one this device took already stays its anchor", async () => {
    const t = await rotationTeam()
    // an older app: no `after`, no proof, no seal, keyed by epoch
    const old = planRemoval(t.doc, t.id, CLEO.deviceId, { memberId: BRUCE.deviceId, boxKey: t.boxes.bruce.publicKey }, 1)
    delete old.record.seal
    t.doc.getMap('rekeys').set('1', old.record)
    // a chained one from the day before seals: proof, no seal
    const chained = planRemoval(t.doc, t.id, CLEO.deviceId, { memberId: BRUCE.deviceId, boxKey: t.boxes.bruce.publicKey }, 1, { after: '', beaconKey: beaconKeyOf(t.first) })
    delete chained.record.seal
    t.doc.getMap('rekeys').set(chained.record.id, chained.record)
    expect(await followRotation(t.id, t.doc)).toBe('same')
    expect((await db().spaces.get(t.id))!.key).toBe(t.first)
    // this device took the chained one's key before seals: it stays on it, and follows what comes after it
    await db().spaces.update(t.id, { key: opens(t, await myBoxKeys(), chained.record)!, keyEpoch: 1, keyRecord: chained.record.id, formerKeys: [] })
    const next = planRemoval(t.doc, t.id, DAN.deviceId, { memberId: BRUCE.deviceId, boxKey: t.boxes.bruce.publicKey, secretKey: BRUCE.secretKey }, 2, {
      after: chained.record.id,
      beaconKey: beaconKeyOf(chained.key)
    })
    t.doc.getMap('rekeys').set(next.record.id, next.record)
    expect(await followRotation(t.id, t.doc)).toBe('switched')
    expect((await db().spaces.get(t.id))!).toMatchObject({ key: next.key, keyEpoch: 2, keyRecord: next.record.id })
  })
})
