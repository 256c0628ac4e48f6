import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { collection, defineCollection, forgeries, ForeignRecordError, SEAL_FIELD } from '@core/collections/index.ts'
import { readMembers, upsertSelf } from '@core/spaces/spaceDoc.ts'
import { isVerifiableId, keyMatchesId, memberIdOf, newSigningKeys, seal, signedText, verifySealLater, verifySealNow } from '@shared/identity/signing.ts'
import { as, person, settle, sync, useNoSignerBetweenTests } from '../fixtures/people.ts'

/**
 * Issue 10 #15: what carries a person's name carries their seal. Each peer is its own Y.Doc and
 * its own "device" (the signer is set before each one writes); updates travel as Yjs updates.
 */
const Note = z.object({ text: z.string().max(200), authorId: z.string().optional(), column: z.string().optional() })
const notes = defineCollection({ name: 'signedNotes', schema: Note, signed: { by: 'authorId', fields: ['text', 'authorId'] } })

const ada = person()
const ben = person()
useNoSignerBetweenTests()

describe('identity keys', () => {
  it('derives the member id from the public key, in a form old random ids never take', () => {
    const keys = newSigningKeys()
    const id = memberIdOf(keys.publicKey)
    expect(isVerifiableId(id)).toBe(true)
    expect(id).toHaveLength(27)
    expect(isVerifiableId('AbCdEfGhIjKlMnOpQrStUv')).toBe(false) // a 22-character newId
    expect(keyMatchesId(keys.secretKey, id)).toBe(true)
    expect(keyMatchesId(newSigningKeys().secretKey, id)).toBe(false)
    expect(keyMatchesId('not a key', id)).toBe(false)
  })

  it('a seal holds for its text and key only, checked now or in the background', async () => {
    const text = signedText('test', { a: 1, b: 'two' })
    const sealed = seal(ada.secretKey, text)
    expect(verifySealNow(sealed, text, ada.deviceId)).toBe(true)
    expect(verifySealNow(sealed, text + ' ', ada.deviceId)).toBe(false)
    expect(verifySealNow(sealed, text, ben.deviceId)).toBe(false)
    expect(verifySealNow('garbage', text, ada.deviceId)).toBe(false)
    expect(verifySealNow(12, text, ada.deviceId)).toBe(false)
    // another text under the same seal is checked on its own, not taken from what is remembered
    const other = signedText('test', { a: 2, b: 'two' })
    expect(await verifySealLater(sealed, other, ada.deviceId)).toBe(false)
    // a signature bit flipped
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1)
    expect(await verifySealLater(flipped, text, ada.deviceId)).toBe(false)
  })

  it('signs the same values the same way whatever their key order', () => {
    expect(signedText('s', { b: 1, a: [{ y: 1, x: 2 }] })).toBe(signedText('s', { a: [{ x: 2, y: 1 }], b: 1 }))
  })
})

describe('signed records', () => {
  it("shows the author's record on another peer once its seal is checked", async () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const id = as(ada, () => collection(a, notes).create({ text: 'mine', authorId: ada.deviceId }))
    // the author's own write shows at once (its seal is known)
    expect(collection(a, notes).get(id)?.text).toBe('mine')
    sync(a, b)
    const seen = collection(b, notes)
    await settle()
    expect(seen.get(id)?.text).toBe('mine')
    expect(seen.stats.forged).toBe(0)
  })

  it('ignores and counts a record written under another person\u2019s id', async () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const before = forgeries()
    // Ben writes a note as Ada: no seal (his app cannot make one for her) …
    const map = a.getMap<unknown>('signedNotes::forged1')
    map.set('text', 'Ada agrees with me')
    map.set('authorId', ada.deviceId)
    // … or his own seal on her id
    const map2 = a.getMap<unknown>('signedNotes::forged2')
    map2.set('text', 'me too')
    map2.set('authorId', ada.deviceId)
    map2.set(SEAL_FIELD, seal(ben.secretKey, signedText('record signedNotes forged2', { text: 'me too', authorId: ada.deviceId })))
    sync(a, b)
    const seen = collection(b, notes)
    seen.list()
    await settle()
    expect(seen.list()).toEqual([])
    expect(seen.stats.forged).toBe(2)
    expect(forgeries() - before).toBe(2)
  })

  it("ignores the author's record once someone else changes what it vouches for, keeps it when others change the rest", async () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const id = as(ada, () => collection(a, notes).create({ text: 'ship it', authorId: ada.deviceId }))
    sync(a, b)
    // Ben moves it to another column: not a signed field, the note stays Ada's
    as(ben, () => collection(b, notes).patch(id, { column: 'later' }))
    sync(b, a)
    await settle()
    expect(collection(a, notes).get(id)).toMatchObject({ text: 'ship it', column: 'later' })
    // Ben's app refuses to change her text …
    expect(() => as(ben, () => collection(b, notes).patch(id, { text: 'do not ship it' }))).toThrow(ForeignRecordError)
    expect(collection(b, notes).get(id)?.text).toBe('ship it')
    // … and a hostile peer that writes it anyway gets a record nobody shows
    b.getMap<unknown>(`signedNotes::${id}`).set('text', 'do not ship it')
    sync(b, a)
    await settle()
    expect(collection(a, notes).get(id)).toBeNull()
    expect(collection(a, notes).stats.forged).toBe(1)
    // Ada's next edit is sealed again and shows everywhere
    as(ada, () => collection(a, notes).patch(id, { text: 'ship it on Monday' }))
    sync(a, b)
    await settle()
    expect(collection(b, notes).get(id)?.text).toBe('ship it on Monday')
  })

  it("keeps one device's whole version when two devices of the author edit at once", async () => {
    const one = new Y.Doc()
    const two = new Y.Doc()
    const id = as(ada, () => collection(one, notes).create({ text: 'draft', authorId: ada.deviceId }))
    sync(one, two)
    await settle()
    as(ada, () => collection(one, notes).patch(id, { text: 'from the laptop' }))
    as(ada, () => collection(two, notes).patch(id, { text: 'from the phone' }))
    sync(one, two)
    sync(two, one)
    await settle()
    const a = collection(one, notes).get(id)
    const b = collection(two, notes).get(id)
    expect(a?.text).toMatch(/^from the (laptop|phone)$/)
    expect(b).toEqual(a)
    expect(collection(one, notes).stats.forged + collection(two, notes).stats.forged).toBe(0)
  })

  it('reads records by older ids and records without an author as before', async () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const legacy = collection(a, notes).create({ text: 'old style', authorId: 'AbCdEfGhIjKlMnOpQrStUv' })
    const anonymous = collection(a, notes).create({ text: 'nobody' })
    sync(a, b)
    await settle()
    expect(collection(b, notes).get(legacy)?.text).toBe('old style')
    expect(collection(b, notes).get(anonymous)?.text).toBe('nobody')
  })

  it('never shows a forged version while a gap in updates holds the record', async () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const id = as(ada, () => collection(a, notes).create({ text: 'v1', authorId: ada.deviceId }))
    sync(a, b)
    await settle()
    expect(collection(b, notes).get(id)?.text).toBe('v1')
    // a hostile edit of her text arrives while b waits for an earlier update of another writer
    const other = new Y.Doc()
    sync(a, other)
    other.getMap('filler').set('x', 1)
    const earlier = Y.encodeStateAsUpdate(other, Y.encodeStateVector(a))
    sync(other, a)
    other.getMap('filler').set('x', 2)
    const later = Y.encodeStateAsUpdate(other, Y.encodeStateVector(a))
    void earlier
    Y.applyUpdate(b, later) // a gap: b misses `earlier`
    const hostile = new Y.Doc()
    sync(a, hostile)
    hostile.getMap<unknown>(`signedNotes::${id}`).set('text', 'forged')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(hostile, Y.encodeStateVector(a)))
    await settle()
    expect(collection(b, notes).get(id)?.text ?? null).not.toBe('forged')
  })
})

describe('member entries', () => {
  it("are sealed by their person; another member's rewrite of them is ignored", () => {
    const doc = new Y.Doc()
    as(ada, () => upsertSelf(doc, { id: ada.deviceId, name: 'Ada', color: '#1971c2' }, 1000))
    expect(readMembers(doc).map((m) => m.name)).toEqual(['Ada'])
    // Ben renames her (he cannot seal for her id)
    const before = forgeries()
    const entry = doc.getMap<Record<string, unknown>>('members').get(ada.deviceId)!
    doc.getMap('members').set(ada.deviceId, { ...entry, name: 'Ada (fired)' })
    // she stays as last read with her seal
    expect(readMembers(doc).map((m) => m.name)).toEqual(['Ada'])
    expect(forgeries() - before).toBe(1)
    // on a page that never saw her own entry, the forged one shows nobody
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc))
    expect(readMembers(fresh)).toEqual([])
    // her next refresh is hers again
    as(ada, () => upsertSelf(doc, { id: ada.deviceId, name: 'Ada', color: '#1971c2' }, 2000))
    expect(readMembers(doc).map((m) => m.name)).toEqual(['Ada'])
  })

  it('is not written under a verifiable id without its key (it would read as forged)', () => {
    const doc = new Y.Doc()
    upsertSelf(doc, { id: ada.deviceId, name: 'Ada', color: '#1971c2' }, 1000)
    expect(doc.getMap('members').size).toBe(0)
    // older ids are written and read as before
    upsertSelf(doc, { id: 'AbCdEfGhIjKlMnOpQrStUv', name: 'Old', color: '#1971c2' }, 1000)
    expect(readMembers(doc).map((m) => m.name)).toEqual(['Old'])
  })
})
