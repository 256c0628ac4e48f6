import { afterEach, describe, expect, it } from 'vitest'
import { ADA, storedRow, useFreshDatabase } from '../fixtures/database.ts'
import { db, type SpaceRow } from '@core/database/db.ts'
import { LOCKED, setStorageKey } from '@core/database/secrets.ts'
import { unlockStoredSecrets, wrapStoredSecrets } from '@core/database/unlock.ts'
import { createSpace, inviteFor } from '@core/spaces/commands.ts'
import { myBoxKeys } from '@core/spaces/boxKeys.ts'
import { SpaceKeyChangeError } from '@core/database/keyGuard.ts'
import { newSpaceKey } from '@shared/spaces/key.ts'
import { base64urlnopad } from '@scure/base'
import { randomBytes } from '@noble/hashes/utils.js'

useFreshDatabase()
afterEach(() => setStorageKey(null))

describe('secrets at rest under the desktop storage key (core/database/secrets.ts)', () => {
  it('stores a space key wrapped and gives the app the plain key, on every way of reading', async () => {
    setStorageKey(randomBytes(32))
    const id = await createSpace('Payments', 'team', ADA)
    const stored = (await storedRow('spaces', id))!
    expect(String(stored.key)).toMatch(/^w1\./)
    const key = (await db().spaces.get(id))!.key
    expect(key).toHaveLength(43)
    expect(String(stored.key)).not.toContain(key)
    expect((await db().spaces.toArray())[0]!.key).toBe(key)
    expect((await db().spaces.where('id').equals(id).first())!.key).toBe(key)
    expect((await db().spaces.bulkGet([id]))[0]!.key).toBe(key)
    const viaCursor: string[] = []
    await db().spaces.each((r) => void viaCursor.push(r.key))
    expect(viaCursor).toEqual([key])
    expect((await inviteFor(id)).key).toBe(key)
    // other fields change as before, the key stays wrapped and the same
    await db().spaces.update(id, { name: 'Renamed' })
    expect((await storedRow('spaces', id))!.name).toBe('Renamed')
    expect((await db().spaces.get(id))!.key).toBe(key)
  })

  it('keeps the key guard: no write replaces a stored key', async () => {
    setStorageKey(randomBytes(32))
    const id = await createSpace('Pair', 'pair', ADA)
    const key = (await db().spaces.get(id))!.key
    await expect(db().spaces.update(id, { key: newSpaceKey() })).rejects.toThrow(SpaceKeyChangeError)
    await expect(db().spaces.toCollection().modify((r) => void (r.key = newSpaceKey()))).rejects.toThrow(SpaceKeyChangeError)
    expect((await db().spaces.get(id))!.key).toBe(key)
  })

  it('wraps plain keys on the first desktop start, once, and the keys stay the same', async () => {
    const a = await createSpace('Old team', 'team', ADA)
    const b = await createSpace('Old pair', 'pair', ADA)
    const box = await myBoxKeys()
    const before = { a: (await db().spaces.get(a))!.key, b: (await db().spaces.get(b))!.key }
    expect((await storedRow('spaces', a))!.key).toBe(before.a)
    const storage = base64urlnopad.encode(randomBytes(32))
    const state = await unlockStoredSecrets(() => Promise.resolve({ state: 'protected', key: storage }))
    expect(state).toEqual({ state: 'protected', wrapped: 3 })
    expect(String((await storedRow('spaces', a))!.key)).toMatch(/^w1\./)
    expect(String((await storedRow('spaces', b))!.key)).toMatch(/^w1\./)
    expect(String(((await storedRow('settings', 'boxKeyPair'))!.value as { secretKey: string }).secretKey)).toMatch(/^w1\./)
    expect((await db().spaces.get(a))!.key).toBe(before.a)
    expect((await db().spaces.get(b))!.key).toBe(before.b)
    expect((await db().settings.get('boxKeyPair'))!.value).toEqual(box)
    expect(await wrapStoredSecrets()).toBe(0)
  })

  it('without the storage key a wrapped key reads as LOCKED and writing the row back keeps it', async () => {
    const storage = randomBytes(32)
    setStorageKey(storage)
    const id = await createSpace('Payments', 'team', ADA)
    const key = (await db().spaces.get(id))!.key
    const wrapped = (await storedRow('spaces', id))!.key
    setStorageKey(null)
    const row = (await db().spaces.get(id)) as SpaceRow
    expect(row.key).toBe(LOCKED)
    await db().spaces.update(id, { status: 'left' })
    await db().spaces.where('id').equals(id).modify((r) => void (r.name = 'Still here'))
    expect((await storedRow('spaces', id))!.key).toBe(wrapped)
    // a wrong storage key opens nothing either
    setStorageKey(randomBytes(32))
    expect((await db().spaces.get(id))!.key).toBe(LOCKED)
    setStorageKey(storage)
    expect((await db().spaces.get(id))!.key).toBe(key)
    expect((await db().spaces.get(id))!.name).toBe('Still here')
  })

  it('web mode and an unprotected desktop wrap nothing and say why', async () => {
    expect(await unlockStoredSecrets(null)).toEqual({ state: 'browser' })
    const id = await createSpace('Web team', 'team', ADA)
    expect(String((await storedRow('spaces', id))!.key)).toHaveLength(43)
    const state = await unlockStoredSecrets(() => Promise.resolve({ state: 'unavailable', key: null, reason: 'no-keyring', detail: 'no keyring' }))
    expect(state).toEqual({ state: 'unavailable', reason: 'no-keyring', detail: 'no keyring' })
    expect(String((await storedRow('spaces', id))!.key)).toHaveLength(43)
    expect(await unlockStoredSecrets(() => Promise.reject(new Error('gone')))).toMatchObject({ state: 'failed' })
  })
})
