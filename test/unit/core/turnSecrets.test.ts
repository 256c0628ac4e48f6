import { afterEach, describe, expect, it } from 'vitest'
import { base64urlnopad } from '@scure/base'
import { randomBytes } from '@noble/hashes/utils.js'
import { ADA, storedRow, useFreshDatabase } from '../fixtures/database.ts'
import { db } from '@core/database/db.ts'
import { setStorageKey } from '@core/database/secrets.ts'
import { unlockStoredSecrets, wrapStoredSecrets } from '@core/database/unlock.ts'
import { getSettings, saveSettings } from '@core/device/settings.ts'
import { forgetSpaceTurn, inviteFor, joinSpace } from '@core/spaces/commands.ts'
import { newId, newSpaceKey } from '@shared/spaces/key.ts'
import { rtcConfigFor, type TurnServer } from '@shared/sync/ice.ts'

/**
 * TURN credentials at rest (issue 10 #19): this device's TURN servers (settings 'turnServers') and
 * those a space's invite brought (spaces.turn) are stored with username and credential wrapped
 * under the desktop's storage key, like space keys (core/database/secretFields.ts).
 */
useFreshDatabase()
afterEach(() => setStorageKey(null))

const mine = { url: 'turn:home.example:3478', username: 'ada-home', credential: 'home-secret-1' }
const office = { url: 'turns:turn.office.example:5349', username: 'ada-office', credential: 'office-secret-2' }
const teamTurn = { url: 'turn:turn.team.example', username: 'team-user', credential: 'team-secret-3' }

async function storedTurnSetting(): Promise<Record<string, unknown>[]> {
  return ((await storedRow('settings', 'turnServers'))?.value ?? []) as Record<string, unknown>[]
}

async function joinWithTurn(turn: TurnServer[]): Promise<string> {
  const spaceId = newId()
  await joinSpace({ spaceId, kind: 'team', name: 'Team', key: newSpaceKey(), turn }, ADA)
  return spaceId
}

function turnOf(config: ReturnType<typeof rtcConfigFor>): TurnServer[] {
  return config.iceServers.filter((s) => typeof s.urls === 'string').map((s) => ({ url: s.urls as string, username: s.username!, credential: s.credential! }))
}

describe('TURN credentials at rest (core/database/secretFields.ts)', () => {
  it('stores username and credential wrapped, never plain, and gives them back for use', async () => {
    setStorageKey(randomBytes(32))
    await saveSettings({ turnServers: [{ ...mine, inInvites: true }, { ...office, inInvites: false }] })
    const spaceId = await joinWithTurn([teamTurn])

    const stored = await storedTurnSetting()
    expect(stored.map((e) => e.url)).toEqual([mine.url, office.url])
    for (const e of stored) {
      expect(e.username).toMatch(/^w1\./)
      expect(e.credential).toMatch(/^w1\./)
    }
    const storedSpace = (await storedRow('spaces', spaceId))!
    const everything = JSON.stringify([stored, storedSpace])
    for (const secret of [mine, office, teamTurn].flatMap((t) => [t.username, t.credential])) expect(everything).not.toContain(secret)
    expect((storedSpace.turn as Record<string, unknown>[])[0]!.credential).toMatch(/^w1\./)

    // round trip: the settings, the connection's configuration and the invite see plain values
    const settings = await getSettings()
    expect(settings.turnServers).toEqual([
      { ...mine, inInvites: true },
      { ...office, inInvites: false }
    ])
    const space = (await db().spaces.get(spaceId))!
    expect(space.turn).toEqual([teamTurn])
    expect(turnOf(rtcConfigFor(settings, space.turn))).toEqual([mine, office, teamTurn])
    expect((await inviteFor(spaceId)).turn).toEqual([teamTurn, mine])

    // the space row written again for another reason: its TURN server stays, wrapped
    await db().spaces.update(spaceId, { name: 'Renamed' })
    expect((await db().spaces.get(spaceId))!.turn).toEqual([teamTurn])
    expect(JSON.stringify(await storedRow('spaces', spaceId))).not.toContain(teamTurn.credential)
  })

  it('a wrapped credential opens only where it was stored (another server, another space: left out)', async () => {
    setStorageKey(randomBytes(32))
    await saveSettings({ turnServers: [{ ...mine, inInvites: false }, { ...office, inInvites: false }] })
    const [a, b] = await storedTurnSetting()
    // swap the wrapped credentials between the two servers, past the middleware
    await rawPut('settings', { key: 'turnServers', value: [{ ...a, credential: b!.credential }, { ...b, credential: a!.credential }] })
    expect((await getSettings()).turnServers).toEqual([])
    // a space's wrapped server copied into another space's row
    const one = await joinWithTurn([teamTurn])
    const other = await joinWithTurn([])
    const copied = (await storedRow('spaces', one))!.turn
    await rawPut('spaces', { ...(await storedRow('spaces', other))!, turn: copied })
    expect((await db().spaces.get(other))!.turn).toEqual([])
  })

  it('wraps plain TURN credentials on the first desktop start, once, and they stay the same', async () => {
    await saveSettings({ turnServers: [{ ...mine, inInvites: true }] })
    const spaceId = await joinWithTurn([teamTurn])
    expect(await storedTurnSetting()).toEqual([{ ...mine, inInvites: true }])

    const state = await unlockStoredSecrets(() => Promise.resolve({ state: 'protected', key: base64urlnopad.encode(randomBytes(32)) }))
    // the space (key and TURN server: one row), the turnServers setting
    expect(state).toEqual({ state: 'protected', wrapped: 2 })
    expect((await storedTurnSetting())[0]!.credential).toMatch(/^w1\./)
    expect(((await storedRow('spaces', spaceId))!.turn as Record<string, unknown>[])[0]!.username).toMatch(/^w1\./)
    expect((await getSettings()).turnServers).toEqual([{ ...mine, inInvites: true }])
    expect((await db().spaces.get(spaceId))!.turn).toEqual([teamTurn])
    expect(await wrapStoredSecrets()).toBe(0)
  })

  it('a desktop whose system offers no protection leaves them as they are', async () => {
    await saveSettings({ turnServers: [{ ...mine, inInvites: false }] })
    await unlockStoredSecrets(() => Promise.resolve({ state: 'unavailable', key: null, reason: 'no-keyring', detail: 'no keyring' }))
    await saveSettings({ turnServers: [{ ...mine, inInvites: false }, { ...office, inInvites: false }] })
    expect(await storedTurnSetting()).toEqual([
      { ...mine, inInvites: false },
      { ...office, inInvites: false }
    ])
  })

  it('without the storage key they are not used and not lost: kept through writes, back with the key', async () => {
    const storage = randomBytes(32)
    setStorageKey(storage)
    await saveSettings({ turnServers: [{ ...mine, inInvites: true }] })
    const spaceId = await joinWithTurn([teamTurn])
    const wrappedSetting = await storedTurnSetting()

    // the keychain is gone (or another one answers): nothing to use, nothing to show
    for (const key of [null, randomBytes(32)]) {
      setStorageKey(key)
      const settings = await getSettings()
      expect(settings.turnServers).toEqual([])
      const space = (await db().spaces.get(spaceId))!
      expect(space.turn).toEqual([])
      expect(turnOf(rtcConfigFor(settings, space.turn))).toEqual([])
    }

    // locked: the person saves their settings with a new server, the space row is written again
    setStorageKey(null)
    await saveSettings({ turnServers: [{ ...office, inInvites: false }] })
    await db().spaces.update(spaceId, { name: 'Renamed while locked' })
    expect(await storedTurnSetting()).toEqual([{ ...office, inInvites: false }, wrappedSetting[0]])

    // the keychain is back: both
    setStorageKey(storage)
    expect((await getSettings()).turnServers).toEqual([
      { ...office, inInvites: false },
      { ...mine, inInvites: true }
    ])
    expect((await db().spaces.get(spaceId))!.turn).toEqual([teamTurn])
    expect((await db().spaces.get(spaceId))!.name).toBe('Renamed while locked')

    // forgetting a space's servers removes them, locked or not
    setStorageKey(null)
    await forgetSpaceTurn(spaceId)
    setStorageKey(storage)
    expect((await db().spaces.get(spaceId))!.turn).toBeUndefined()
    expect((await storedRow('spaces', spaceId))!.turn).toBeUndefined()
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
