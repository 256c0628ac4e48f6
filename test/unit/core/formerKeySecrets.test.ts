import { storedRow, useFreshDatabase } from '../fixtures/database.ts'
import { afterEach, describe, expect, it } from 'vitest'
import { base64urlnopad } from '@scure/base'
import { randomBytes } from '@noble/hashes/utils.js'
import { DexieYProvider } from 'y-dexie'
import { person } from '../fixtures/people.ts'
import { db, type FormerKey, type IdentityRow } from '@core/database/db.ts'
import { setStorageKey } from '@core/database/secrets.ts'
import { unlockStoredSecrets, wrapStoredSecrets } from '@core/database/unlock.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { renewKey } from '@core/spaces/rotation.ts'
import { beaconKeyOf } from '@shared/spaces/rotation.ts'

/**
 * The beacon keys a space keeps of the keys it rotated away from (spaces.formerKeys, issue 10
 * #19) are stored wrapped under the desktop's storage key, like the space key itself
 * (core/database/secretFields.ts): kept while the keychain is locked, wrapped on the first
 * desktop start when stored plain.
 */
useFreshDatabase()
afterEach(() => setStorageKey(null))

const ME = person()
const IDENTITY: IdentityRow = { id: 'me', deviceId: ME.deviceId, name: 'Ada', color: '#3366cc', secretKey: ME.secretKey }
const DAY = 24 * 60 * 60_000

async function space(): Promise<string> {
  const id = await createSpace('Platform', 'team', IDENTITY)
  return id
}

const former = (record: string, epoch: number, beacon = base64urlnopad.encode(randomBytes(32))): FormerKey => ({ record, beacon, epoch, until: Date.now() + DAY })
const storedFormers = async (id: string) => ((await storedRow('spaces', id))!.formerKeys ?? []) as Record<string, unknown>[]

describe('former keys at rest (core/database/secretFields.ts)', () => {
  it('a rotation stores the left key\'s beacon key wrapped, never plain; the app reads it plain', async () => {
    setStorageKey(randomBytes(32))
    const id = await space()
    const first = (await db().spaces.get(id))!.key
    const doc = (await db().spaces.get(id))!.doc
    await DexieYProvider.load(doc).whenLoaded
    try {
      await renewKey(id, IDENTITY)
    } finally {
      DexieYProvider.release(doc)
    }
    const stored = await storedFormers(id)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.beacon).toMatch(/^w1\./)
    expect(JSON.stringify(await storedRow('spaces', id))).not.toContain(beaconKeyOf(first))
    expect((await db().spaces.get(id))!.formerKeys).toEqual([{ record: '', beacon: beaconKeyOf(first), epoch: 0, until: stored[0]!.until }])
  })

  it('a wrapped beacon key opens only where it was stored (another record, another space: left out)', async () => {
    setStorageKey(randomBytes(32))
    const a = await space()
    const b = await space()
    await db().spaces.update(a, { formerKeys: [former('r1', 1), former('r2', 2)] })
    const [one, two] = await storedFormers(a)
    await rawPut('spaces', { ...(await storedRow('spaces', a))!, formerKeys: [{ ...one, beacon: two!.beacon }, two] })
    expect((await db().spaces.get(a))!.formerKeys!.map((f) => f.record)).toEqual(['r2'])
    await rawPut('spaces', { ...(await storedRow('spaces', b))!, formerKeys: [two] })
    expect((await db().spaces.get(b))!.formerKeys).toEqual([])
  })

  it('wraps plain beacon keys on the first desktop start, once, and they stay the same', async () => {
    const id = await space()
    const kept = [former('', 0), former('r1', 1)]
    await db().spaces.update(id, { formerKeys: kept })
    expect(await storedFormers(id)).toEqual(kept)
    const state = await unlockStoredSecrets(() => Promise.resolve({ state: 'protected', key: base64urlnopad.encode(randomBytes(32)) }))
    // the one space row: its key and its former keys
    expect(state).toEqual({ state: 'protected', wrapped: 1 })
    for (const f of await storedFormers(id)) expect(f.beacon).toMatch(/^w1\./)
    expect((await db().spaces.get(id))!.formerKeys).toEqual(kept)
    expect(await wrapStoredSecrets()).toBe(0)
  })

  it('without the storage key they are not used and not lost: kept through writes, back with the key', async () => {
    const storage = randomBytes(32)
    setStorageKey(storage)
    const id = await space()
    const kept = [former('', 0), former('r1', 1)]
    await db().spaces.update(id, { formerKeys: kept })
    const wrapped = await storedFormers(id)
    for (const key of [null, randomBytes(32)]) {
      setStorageKey(key)
      expect((await db().spaces.get(id))!.formerKeys).toEqual([])
    }
    // locked: the row is written again (renamed), and with a list of its own (a newer former key)
    setStorageKey(null)
    await db().spaces.update(id, { name: 'Renamed while locked' })
    expect(await storedFormers(id)).toEqual(wrapped)
    const newer = former('r2', 2)
    await db().spaces.update(id, { formerKeys: [newer] })
    // the keychain is back: all three, oldest first
    setStorageKey(storage)
    expect((await db().spaces.get(id))!).toMatchObject({ name: 'Renamed while locked', formerKeys: [...kept, newer] })
  })
})

/** Writes a row as IndexedDB holds it, past Dexie and its middleware. */
function rawPut(store: string, row: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('tandem')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const idb = open.result
      const tx = idb.transaction(store, 'readwrite')
      tx.objectStore(store).put(row)
      tx.oncomplete = () => {
        idb.close()
        resolve()
      }
      tx.onerror = () => reject(tx.error)
    }
  })
}
