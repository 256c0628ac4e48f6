import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@core/database/db.ts'
import { saveIdentity } from '@core/device/identity.ts'
import { DEVICE_KEY, reminderDeviceId, startReminders } from '../../../renderer/src/features/reminders/store/start.ts'
import { reminderDevices } from '../../../renderer/src/features/reminders/store/deviceRegistry.ts'
import { useFreshDatabase } from '../fixtures/database.ts'

/**
 * What starting the reminders writes to the local database (web mode in node). A fresh browser
 * gets no write until its person does something: a write at load is also where Chromium takes its
 * first measure of the storage left (test/e2e/storage.spec.ts, which lowers the quota after the
 * page loaded and before the first run, saw no full disk once this device's id was written there).
 */
useFreshDatabase()

let stop: () => void = () => {}
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.stubGlobal('document', { visibilityState: 'hidden', addEventListener: () => {}, removeEventListener: () => {} })
})
afterEach(() => {
  stop()
  stop = () => {}
  reminderDevices.setIdentity(null, null)
  vi.unstubAllGlobals()
})

const settled = () => new Promise((resolve) => setTimeout(resolve, 50))
const settingKeys = async () => (await db().settings.toCollection().primaryKeys()).map(String)

describe('starting the reminders', () => {
  it('writes nothing while this browser has no person yet (first run)', async () => {
    stop = startReminders()
    await settled()
    expect(await settingKeys()).toEqual([])
    expect(await db().identity.count()).toBe(0)
  })

  it("makes this device's id once there is a person, and keeps it", async () => {
    stop = startReminders()
    await settled()
    const ada = await saveIdentity('Ada', '#3366cc')
    await vi.waitFor(async () => expect(await settingKeys()).toContain(DEVICE_KEY))
    const id = (await db().settings.get(DEVICE_KEY))?.value
    expect(typeof id).toBe('string')
    await vi.waitFor(() => expect(reminderDevices['me']).toBe(ada.deviceId))
    expect(reminderDevices['device']).toBe(id)
    expect(await reminderDeviceId()).toBe(id)
  })

  it('gives tabs asking together one id', async () => {
    const ids = await Promise.all([reminderDeviceId(), reminderDeviceId(), reminderDeviceId()])
    expect(new Set(ids).size).toBe(1)
    expect((await db().settings.get(DEVICE_KEY))?.value).toBe(ids[0])
  })
})
