import { useFreshDatabase } from '../fixtures/database.ts'
import { BRUCE, CLEO, DAN, IDENTITY, ME, opens, rotationTeam, useRotationTeams, type Team } from '../fixtures/rotationTeam.ts'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { as, sync } from '../fixtures/people.ts'
import { db } from '@core/database/db.ts'
import { inviteFor } from '@core/spaces/commands.ts'
import { myBoxKeys } from '@core/spaces/boxKeys.ts'
import { chainOf, followRotation, planRemoval, publishBoxKey, recordsOf, removedMembers, removeMember, renewKey } from '@core/spaces/rotation.ts'
import { beaconKeyOf, rekeyProof, rekeyProofText, type RekeyRecord } from '@shared/spaces/rotation.ts'
import { decodeInvite, encodeInvite } from '@shared/spaces/invite.ts'
import { newBoxKeyPair } from '@shared/spaces/seal.ts'

/**
 * Who wrote a rotation, and who may get its key (issue 10 #19 meets #15), on real Yjs documents
 * and this device's real (fake-indexeddb) database: a rotation counts only sealed by its author,
 * so a removed member holding the old key cannot write one in another member's name; a member
 * removed and invited again gets the keys of later rotations, one not invited again never does.
 */
useFreshDatabase()

useRotationTeams()

const recordOf = (t: Team, id: string) => recordsOf(t.doc).find((r) => r.id === id)!

describe('a rotation counts only sealed by its author (issue 10 #19)', () => {
  it("a removed member's backdated rotation in another member's name loses: everyone stays on the key of the one who removed her", async () => {
    const t = await rotationTeam()
    // Cleo's copy of the root document, still on the first key
    const cleoDoc = new Y.Doc()
    sync(t.doc, cleoDoc)
    await removeMember(t.id, CLEO.deviceId, IDENTITY)
    const a = (await db().spaces.get(t.id))!
    // Cleo, removed, writes "Bruce's" renewal at time 0 on the first key (she holds it: a valid
    // proof), its new key sealed to her alone, with her own seal (she cannot make Bruce's)
    const forged = as(CLEO, () =>
      planRemoval(cleoDoc, t.id, '', { memberId: CLEO.deviceId, boxKey: t.boxes.cleo.publicKey }, 1, { after: '', beaconKey: beaconKeyOf(t.first), exclude: [ME.deviceId, BRUCE.deviceId, DAN.deviceId] })
    )
    const unsigned = { ...forged.record, by: BRUCE.deviceId, at: 0 }
    delete unsigned.seal
    const record: RekeyRecord = { ...unsigned, proof: rekeyProof(beaconKeyOf(t.first), rekeyProofText(t.id, unsigned)), seal: forged.record.seal! }
    cleoDoc.getMap('rekeys').set(record.id, record)
    sync(cleoDoc, t.doc)
    expect(Object.keys(record.boxes)).toEqual([t.boxes.cleo.publicKey])
    // this device stays; Bruce's device (on the first key, away until now) takes Ada's key, not Cleo's
    expect(await followRotation(t.id, t.doc)).toBe('same')
    expect((await db().spaces.get(t.id))!.keyRecord).toBe(a.keyRecord)
    const bruce = chainOf(t.doc, t.id, { key: t.first }, t.boxes.bruce)
    expect(bruce.settled.line.map((l) => l.id)).toEqual([a.keyRecord])
    expect(bruce.keys.get(a.keyRecord!)).toBe(a.key)
    expect(bruce.valid.map((r) => r.id)).not.toContain(record.id)
    // the same record without any seal, or by an author with an id from before signatures: no rotation either
    for (const other of [{ ...record, seal: undefined }, { ...record, by: 'bruce-old-id' }]) {
      t.doc.getMap('rekeys').set(record.id, { ...other, proof: rekeyProof(beaconKeyOf(t.first), rekeyProofText(t.id, other)) })
      expect(chainOf(t.doc, t.id, { key: t.first }, t.boxes.bruce).settled.line.map((l) => l.id)).toEqual([a.keyRecord])
    }
  })

  it("a record whose seal no longer holds (backdated after sealing) is ignored; Bruce's own counts", async () => {
    const t = await rotationTeam()
    const bruceDoc = new Y.Doc()
    sync(t.doc, bruceDoc)
    await removeMember(t.id, CLEO.deviceId, IDENTITY)
    const a = (await db().spaces.get(t.id))!
    // Bruce renews on the first key a moment later (cut off): his record, sealed by him
    const renewal = planRemoval(bruceDoc, t.id, '', { memberId: BRUCE.deviceId, boxKey: t.boxes.bruce.publicKey, secretKey: BRUCE.secretKey }, 1, {
      after: '',
      beaconKey: beaconKeyOf(t.first)
    })
    // someone holding the first key backdates it to win, keeping his seal, with a fresh proof
    const changed = { ...renewal.record, at: 0 }
    const broken: RekeyRecord = { ...changed, proof: rekeyProof(beaconKeyOf(t.first), rekeyProofText(t.id, changed)) }
    t.doc.getMap('rekeys').set(broken.id, broken)
    expect(chainOf(t.doc, t.id, { key: t.first }, t.boxes.bruce).settled.line.map((l) => l.id)).toEqual([a.keyRecord])
    // as Bruce wrote it, it counts (later than Ada's, it loses by time)
    t.doc.getMap('rekeys').set(renewal.record.id, renewal.record)
    const seen = chainOf(t.doc, t.id, { key: t.first }, t.boxes.bruce)
    expect(seen.valid.map((r) => r.id)).toContain(renewal.record.id)
    expect(seen.settled.line.map((l) => l.id)).toEqual([a.keyRecord])
  })
})

describe('removed, then invited again (issue 10 #19)', () => {
  it('a member invited again after her removal gets the keys of later rotations; one not invited again never does', async () => {
    const t = await rotationTeam()
    await removeMember(t.id, CLEO.deviceId, IDENTITY)
    // not invited again: Cleo's device publishes what it can — proof of the first key only
    const cleoDoc = new Y.Doc()
    sync(t.doc, cleoDoc)
    as(CLEO, () => publishBoxKey(cleoDoc, CLEO.deviceId, t.boxes.cleo.publicKey, t.first))
    sync(cleoDoc, t.doc)
    await renewKey(t.id, IDENTITY)
    const after2 = (await db().spaces.get(t.id))!
    expect(recordOf(t, after2.keyRecord!).boxes[t.boxes.cleo.publicKey]).toBeUndefined()
    expect([...removedMembers(t.doc, t.id, after2, await myBoxKeys())]).toEqual([CLEO.deviceId])

    // Ada invites her again: the invite carries the key and where it stands in the rotations
    const invite = decodeInvite(encodeInvite(await inviteFor(t.id)))
    expect(invite.rekey).toEqual({ record: after2.keyRecord, epoch: 2 })
    // Cleo's device joins with it (a new box key: her space was deleted and joined again) and publishes its box key
    const cleoBox = newBoxKeyPair()
    as(CLEO, () => publishBoxKey(t.doc, CLEO.deviceId, cleoBox.publicKey, invite.key))
    expect([...removedMembers(t.doc, t.id, after2, await myBoxKeys())]).toEqual([])
    await renewKey(t.id, IDENTITY)
    const after3 = (await db().spaces.get(t.id))!
    const r3 = recordOf(t, after3.keyRecord!)
    expect(opens(t, cleoBox, r3)).toBe(after3.key)
    // her old device's box key too (it is hers, sealed by her); Bruce's as always
    expect(opens(t, t.boxes.cleo, r3)).toBe(after3.key)
    expect(opens(t, t.boxes.bruce, r3)).toBe(after3.key)
    // her device, joined with the invite, follows that rotation
    const cleo = chainOf(t.doc, t.id, { key: invite.key, keyRecord: invite.rekey!.record }, cleoBox)
    expect(cleo.settled.line.at(-1)!.id).toBe(r3.id)
    expect(cleo.keys.get(r3.id)).toBe(after3.key)
    // and her own rotations count again: she renews on top, Ada's device follows
    const hers = planRemoval(t.doc, t.id, '', { memberId: CLEO.deviceId, boxKey: cleoBox.publicKey, secretKey: CLEO.secretKey }, 4, {
      after: r3.id,
      beaconKey: beaconKeyOf(after3.key),
      exclude: cleo.settled.removed
    })
    t.doc.getMap('rekeys').set(hers.record.id, hers.record)
    expect(await followRotation(t.id, t.doc)).toBe('switched')
    expect((await db().spaces.get(t.id))!.keyRecord).toBe(hers.record.id)
  })
})
