import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collection, ForeignRecordError } from '@core/collections/index.ts'
import { readMembers, upsertSelf } from '@core/spaces/spaceDoc.ts'
import { PEOPLE } from '@features/sprint/store/collections.ts'
import { ensurePerson, readPeopleRoles, savePerson } from '@features/sprint/store/people.ts'
import { teamPeople } from '@shared/sprint/people.ts'
import { as, person, settle, sync, useNoSignerBetweenTests, writeSealedElsewhere } from '../fixtures/people.ts'

/**
 * A member's settings in a team (role, observer, zone, hours) are theirs (issue 10 #15): sealed
 * with their key, read only under their own id. Each peer is its own Y.Doc; Eve writes raw Yjs
 * values (any byte of a document).
 */
const ada = person()
const eve = person()
useNoSignerBetweenTests()
const ZONE = 'Europe/Paris'

/** A team document where Ada and Eve have member entries and Ada has set her role. */
function team(): Y.Doc {
  const doc = new Y.Doc()
  as(ada, () => upsertSelf(doc, { id: ada.deviceId, name: 'Ada', color: '#1971c2' }, 1000))
  as(eve, () => upsertSelf(doc, { id: eve.deviceId, name: 'Eve', color: '#2f9e44' }, 1000))
  as(ada, () => ensurePerson(doc, ada.deviceId, ZONE))
  as(ada, () => savePerson(doc, ada.deviceId, { role: 'team-lead' }))
  return doc
}

const adaOf = (doc: Y.Doc) => teamPeople(readMembers(doc), collection(doc, PEOPLE).list(), 'UTC').find((p) => p.id === ada.deviceId)

describe("a member's settings carry their seal", () => {
  it("Ada's role, saved on her device, reads on a peer", async () => {
    const b = new Y.Doc()
    sync(team(), b)
    await settle()
    expect(readPeopleRoles(b)[ada.deviceId]).toEqual({ role: 'team-lead', observer: false })
    expect(adaOf(b)).toMatchObject({ role: 'team-lead', timezone: ZONE, configured: true })
  })

  it("Eve marking Ada as an observer (out of the sync-up) or changing her role is ignored", async () => {
    const hostile = new Y.Doc()
    sync(team(), hostile)
    hostile.getMap<unknown>(`people::${ada.deviceId}`).set('observer', true)
    hostile.getMap<unknown>(`people::${ada.deviceId}`).set('role', 'backlog-owner')
    const b = new Y.Doc()
    sync(hostile, b)
    expect(readPeopleRoles(b)).toEqual({}) // being checked
    await settle()
    expect(readPeopleRoles(b)[ada.deviceId]).toBeUndefined()
    expect(adaOf(b)).toMatchObject({ observer: false, role: 'team-member', configured: false })
    expect(collection(b, PEOPLE).stats.forged).toBeGreaterThan(0)
  })

  it("a record Eve seals herself under Ada's id is not read as Ada's", async () => {
    const doc = new Y.Doc()
    as(eve, () => collection(doc, PEOPLE).upsert(ada.deviceId, { memberId: eve.deviceId, role: 'team-member', observer: true }))
    await settle()
    expect(collection(doc, PEOPLE).list()).toHaveLength(1)
    expect(readPeopleRoles(doc)).toEqual({})
  })

  it("Ada's first save over a record Eve left under her id seals only what Ada chose", async () => {
    const doc = new Y.Doc()
    as(eve, () => collection(doc, PEOPLE).upsert(ada.deviceId, { memberId: eve.deviceId, role: 'team-member', observer: true, timezone: 'Asia/Tokyo' }))
    as(ada, () => savePerson(doc, ada.deviceId, { role: 'product-manager' }))
    const b = new Y.Doc()
    sync(doc, b)
    await settle()
    expect(readPeopleRoles(b)[ada.deviceId]).toEqual({ role: 'product-manager', observer: false })
    expect(collection(b, PEOPLE).get(ada.deviceId)?.timezone).toBeUndefined()
  })

  it("nobody's device writes another member's settings (the app offers only one's own row)", () => {
    const doc = team()
    expect(() => as(eve, () => savePerson(doc, ada.deviceId, { observer: true }))).toThrow(ForeignRecordError)
    expect(() => as(eve, () => ensurePerson(new Y.Doc(), ada.deviceId, ZONE))).toThrow(ForeignRecordError)
  })

  it("a device that has not checked Ada's seal yet does not take her record for a missing one", async () => {
    const phone = new Y.Doc()
    writeSealedElsewhere(phone, ada, PEOPLE as never, ada.deviceId, { memberId: ada.deviceId, role: 'backlog-owner', timezone: ZONE, workStart: '08:00', workEnd: '16:00' })
    expect(readPeopleRoles(phone)).toEqual({}) // being checked
    expect(as(ada, () => ensurePerson(phone, ada.deviceId, 'Asia/Tokyo'))).toBe(false)
    await settle()
    expect(readPeopleRoles(phone)[ada.deviceId]).toEqual({ role: 'backlog-owner', observer: false })
    expect(collection(phone, PEOPLE).get(ada.deviceId)).toMatchObject({ timezone: ZONE, workStart: '08:00' })
  })

  it('records from before signatures (no member id, an old-form id) still read, and are theirs to change', () => {
    const doc = new Y.Doc()
    const old = 'a'.repeat(22)
    doc.getMap<unknown>(`people::${old}`).set('role', 'team-lead')
    expect(readPeopleRoles(doc)[old]).toEqual({ role: 'team-lead', observer: false })
    savePerson(doc, old, { observer: true })
    expect(readPeopleRoles(doc)[old]).toEqual({ role: 'team-lead', observer: true })
    // under a key-derived id a record without a member id names nobody
    doc.getMap<unknown>(`people::${eve.deviceId}`).set('role', 'team-lead')
    expect(readPeopleRoles(doc)[eve.deviceId]).toBeUndefined()
  })
})
