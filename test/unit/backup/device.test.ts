import { describe, expect, it } from 'vitest'
import { useFreshDatabase } from '../fixtures/database.ts'
import { DexieYProvider } from 'y-dexie'
import { decodeDeviceCode, DEVICE_CODE_TTL_MS, encodeDeviceCode, newDevicePassphrase, normalizePassphrase, type DeviceTransfer } from '@shared/backup/deviceCode.ts'
import { db, type IdentityRow } from '@core/database/db.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { acceptDevice, offerDevice } from '@features/backup/store/device.ts'
import { saveIdentity } from '@core/device/identity.ts'
import { setSigner } from '@core/collections/index.ts'
import { readMembers } from '@core/spaces/spaceDoc.ts'
import { keyMatchesId, newSigningKeys } from '@shared/identity/signing.ts'

const me: IdentityRow = { id: 'me', deviceId: 'device-aaaaaaaa', name: 'Ada', color: '#3366cc' }

useFreshDatabase()

const transfer: DeviceTransfer = {
  identity: { id: 'device-aaaaaaaa', name: 'Ada', color: '#3366cc' },
  spaces: [{ id: 'Vq3xYb2c9D0eF1gH2iJ3kA', kind: 'team', name: 'Platform', key: 'A'.repeat(42) + 'E', status: 'active' }],
  createdAt: 1_000_000
}

describe('device codes', () => {
  it('a passphrase is 10 characters of Crockford base32, typed loosely', () => {
    const p = newDevicePassphrase()
    expect(p).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(normalizePassphrase(` ${p.toLowerCase().replace('-', ' ')} `)).toBe(p)
    expect(normalizePassphrase('OIL00-11111')).toBe('01100-11111')
  })

  it('opens with its passphrase only, and not after it expired', async () => {
    const code = await encodeDeviceCode(transfer, 'K7QM2-XD9PA')
    expect(code).not.toContain('Platform')
    expect(await decodeDeviceCode(code, 'k7qm2 xd9pa', 1_000_000)).toEqual({ ok: true, transfer })
    const wrong = await decodeDeviceCode(code, 'K7QM2-XD9PB', 1_000_000)
    expect(wrong).toMatchObject({ ok: false, error: expect.stringMatching(/passphrase does not open/) })
    const cut = await decodeDeviceCode(code.slice(0, -4), 'K7QM2-XD9PA', 1_000_000)
    expect(cut.ok).toBe(false)
    const late = await decodeDeviceCode(code, 'K7QM2-XD9PA', 1_000_000 + DEVICE_CODE_TTL_MS + 11 * 60_000)
    expect(late).toMatchObject({ ok: false, error: expect.stringMatching(/expired/) })
  })
})

describe('adding my other device', () => {
  it('the second device becomes the same person and has every active space with its key', async () => {
    const team = await createSpace('Platform', 'team', me)
    const pair = await createSpace('Ada & Bo', 'pair', me)
    const offer = await offerDevice(me)
    expect(offer.spaces).toBe(2)
    const rows = await db().spaces.toArray()
    // a fresh device: nothing here
    await Promise.all(db().tables.map((t) => t.clear()))
    const joined = await acceptDevice(offer.code, offer.passphrase)
    expect(joined).toMatchObject({ ok: true, report: { name: 'Ada', joined: 2, already: 0, refused: [] } })
    expect((await db().identity.get('me'))?.deviceId).toBe(me.deviceId)
    for (const id of [team, pair]) expect((await db().spaces.get(id))?.key).toBe(rows.find((r) => r.id === id)!.key)
  })

  it('carries where each key stands in the rotations, so the new device follows the next one (as an invite does)', async () => {
    const team = await createSpace('Platform', 'team', me)
    await db().spaces.update(team, { keyRecord: 'rec-after-a-removal', keyEpoch: 3 })
    const offer = await offerDevice(me)
    await Promise.all(db().tables.map((t) => t.clear()))
    expect(await acceptDevice(offer.code, offer.passphrase)).toMatchObject({ ok: true })
    expect(await db().spaces.get(team)).toMatchObject({ keyRecord: 'rec-after-a-removal', keyEpoch: 3 })
    // a damaged position is refused with the code, never half read
    const bad = { ...transfer, spaces: [{ ...transfer.spaces[0]!, rekey: { record: 'x y', epoch: 0 } }] }
    expect(await decodeDeviceCode(await encodeDeviceCode(bad, 'K7QM2-XD9PA'), 'K7QM2-XD9PA', 1_000_000)).toMatchObject({ ok: false })
  })

  it('refuses on a device that already has spaces as another person, and changes nothing', async () => {
    const offer = await offerDevice(me)
    const other: IdentityRow = { id: 'me', deviceId: 'device-bbbbbbbb', name: 'Bo', color: '#000000' }
    await db().identity.put(other)
    await createSpace('Bo’s team', 'team', other)
    const r = await acceptDevice(offer.code, offer.passphrase)
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/already has spaces as another person/) })
    expect((await db().identity.get('me'))?.deviceId).toBe('device-bbbbbbbb')
  })
})

describe('the person’s key goes with them (issue 10 #15)', () => {
  it('the second device gets the secret key of a person whose id derives from it, and seals as them', async () => {
    const ada = await saveIdentity('Ada', '#3366cc')
    expect(ada.secretKey && keyMatchesId(ada.secretKey, ada.deviceId)).toBe(true)
    const team = await createSpace('Platform', 'team', ada)
    const offer = await offerDevice(ada)
    await Promise.all(db().tables.map((t) => t.clear()))
    setSigner(null)
    expect(await acceptDevice(offer.code, offer.passphrase)).toMatchObject({ ok: true })
    expect(await db().identity.get('me')).toMatchObject({ deviceId: ada.deviceId, secretKey: ada.secretKey })
    // the member entry this device wrote on joining is sealed: it reads as Ada, not as a forgery
    const doc = (await db().spaces.get(team))!.doc
    const provider = DexieYProvider.load(doc)
    await provider.whenLoaded
    expect(readMembers(doc).map((m) => m.id)).toEqual([ada.deviceId])
    DexieYProvider.release(doc)
  })

  it('refuses a code that names a key-derived person without their key, or with another key', async () => {
    const ada = await saveIdentity('Ada', '#3366cc')
    const passphrase = newDevicePassphrase()
    const without: DeviceTransfer = { ...transfer, identity: { id: ada.deviceId, name: 'Ada', color: '#3366cc' }, createdAt: Date.now() }
    const other: DeviceTransfer = { ...without, identity: { ...without.identity, secretKey: newSigningKeys().secretKey } }
    await Promise.all(db().tables.map((t) => t.clear()))
    for (const t of [without, other]) {
      const r = await acceptDevice(await encodeDeviceCode(t, passphrase), passphrase)
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/does not carry their key/) })
    }
    expect(await db().identity.get('me')).toBeUndefined()
    expect(await db().spaces.count()).toBe(0)
  })
})

describe('observer copies (issue 10 #19)', () => {
  it('are not carried to another device nor into "back up everything"', async () => {
    const team = await createSpace('Platform', 'team', me)
    await db().spaces.add({ id: 'Obs3xYb2c9D0eF1gH2iJ3kA', kind: 'team', name: 'Search (observing)', key: 'B'.repeat(42) + 'E', status: 'active', joinedAt: 1, keyVerified: true, access: 'observer' } as never)
    const offer = await offerDevice(me)
    expect(offer.spaces).toBe(1)
    const { allSpaceIds } = await import('@features/backup/store/backup.ts')
    expect(await allSpaceIds()).toEqual([team])
  })
})
