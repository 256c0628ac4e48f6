import { chromium, expect, test, type Page } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_URL, CHROMIUM_ARGS, chromiumPath, firstRun, launchPeer, screenshot, type Peer } from './harness.ts'
import { parseRequest, parseResponse, type InvokeChannel } from '../../shared/ipc/contract.ts'
import { BackupFolder, backupFolderHandlers, nodeBackupFs } from '../../electron/main/backups/backupFolder.ts'
import { ReminderService } from '../../electron/main/reminders/service.ts'
import { JsonFileStore } from '../../electron/main/reminders/store.ts'
import { reminderHandlers } from '../../electron/main/reminders/ipc.ts'
import { nodeKeyFile, StorageKeyService, storageKeyHandlers, type SafeStorageLike } from '../../electron/main/storageKey.ts'

/**
 * Keys on this computer (issue 10 #19), in the desktop app's page with main's real storage key
 * service on a file in a temp userData, without Electron (as backupDesktop.spec.ts does): the
 * page's `window.desktop.invoke` reaches this test process, where each request and answer is
 * checked against the IPC contract. Electron's safeStorage is a stand-in answering as a Linux
 * keyring would (gnome_libsecret), or as Linux without one ('basic_text', a fixed password).
 */
type Handlers = Partial<Record<InvokeChannel, (request: never) => unknown>>

let peer: Peer | null = null
test.afterEach(async () => {
  const errors = peer?.errors ?? []
  await peer?.close()
  peer = null
  expect(errors, 'no uncaught errors on the page').toEqual([])
})

function keychain(backend: 'gnome_libsecret' | 'basic_text'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.from(`keychain|${Buffer.from(plain).toString('base64')}`),
    decryptString: (data) => Buffer.from(data.toString().slice('keychain|'.length), 'base64').toString()
  }
}

function mainProcess(safe: SafeStorageLike) {
  const userData = mkdtempSync(join(tmpdir(), 'tandem-e2e-keys-'))
  const reminders = new ReminderService({
    clock: { now: () => Date.now(), setTimer: () => () => {} },
    store: new JsonFileStore(join(userData, 'reminders.json'), { now: () => Date.now(), log: { warn: () => {} } }),
    notifier: { show: () => {} },
    systemZone: () => 'UTC',
    open: () => {},
    onMissed: () => {},
    log: { warn: () => {} }
  })
  const handlers: Handlers = {
    'app:info': () => ({ version: 'e2e', platform: 'linux' }),
    'deep-link:take': () => ({ url: null }),
    ...(reminderHandlers(reminders) as Handlers),
    ...(backupFolderHandlers(new BackupFolder(nodeBackupFs, async () => null, join(userData, 'backup-folder.json'))) as Handlers),
    ...(storageKeyHandlers(new StorageKeyService(safe, nodeKeyFile(join(userData, 'storage-key.bin')), 'linux')) as Handlers)
  }
  return async (channel: InvokeChannel, request: unknown) => {
    const checked = parseRequest(channel, request)
    const handler = handlers[channel]
    if (!handler) throw new Error(`${channel} is not answered in this test`)
    return parseResponse(channel, await handler(checked as never))
  }
}

async function launchDesktop(safe: SafeStorageLike): Promise<Peer> {
  const invoke = mainProcess(safe)
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.exposeFunction('__tandemInvoke', (channel: InvokeChannel, request: unknown) => invoke(channel, request))
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>
    w.desktop = {
      invoke: (channel: string, request: unknown) => (w.__tandemInvoke as (c: string, r: unknown) => Promise<unknown>)(channel, request),
      on: () => () => {}
    }
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`Ada: ${err.message}`))
  await page.goto(BASE_URL)
  return { name: 'Ada', browser, context, page, errors, close: () => browser.close() }
}

async function openSettings(page: Page) {
  await page.getByRole('link', { name: /: settings$/ }).click()
  const keys = page.getByRole('region', { name: 'Keys on this computer' })
  await keys.scrollIntoViewIfNeeded()
  return keys
}

/** This device's TURN servers as IndexedDB itself stores them (past Dexie and its middleware). */
function storedTurnServers(page: Page): Promise<Record<string, string>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>[]>((resolve, reject) => {
        const open = indexedDB.open('tandem')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('turnServers')
          get.onsuccess = () => {
            open.result.close()
            resolve(((get.result as { value?: Record<string, string>[] } | undefined)?.value ?? []) as Record<string, string>[])
          }
        }
      })
  )
}

test('desktop on Linux without a keyring: Settings says the keys have no system protection and what to do', async () => {
  peer = await launchDesktop(keychain('basic_text'))
  const { page } = peer
  await firstRun(peer)
  const keys = await openSettings(page)
  const note = keys.getByRole('note')
  await expect(note).toContainText('Your keys are stored on this computer without the system’s protection')
  await expect(note).toContainText('install or unlock a keyring (GNOME Keyring or KWallet, whichever your desktop uses), then restart Tandem')
  await screenshot(page, 'keys-no-keyring')
})

test('desktop with a keyring: Settings says so, and a TURN server’s credentials are stored wrapped and used plain', async () => {
  peer = await launchDesktop(keychain('gnome_libsecret'))
  const { page } = peer
  await firstRun(peer)
  const keys = await openSettings(page)
  await expect(keys).toContainText('Your keys are stored wrapped with a key your system’s keychain protects')
  await expect(keys.getByRole('note')).toHaveCount(0)

  const ice = page.getByRole('region', { name: 'Connecting across networks' })
  await ice.getByRole('button', { name: 'Add a TURN server' }).click()
  await ice.getByLabel('TURN server 1 address').fill('turn:turn.example.org:3478')
  await ice.getByLabel('TURN server 1 username').fill('ada-at-work')
  await ice.getByLabel('TURN server 1 credential').fill('correct horse battery')
  await ice.getByRole('button', { name: 'Save network settings' }).click()
  await expect(ice.getByRole('button', { name: 'Save network settings' })).toBeDisabled()

  const stored = await storedTurnServers(page)
  expect(stored).toHaveLength(1)
  expect(stored[0]!.url).toBe('turn:turn.example.org:3478')
  expect(stored[0]!.username).toMatch(/^w1\./)
  expect(stored[0]!.credential).toMatch(/^w1\./)
  expect(JSON.stringify(stored)).not.toContain('correct horse battery')

  // after a restart (the same storage key from main): the form shows them as typed
  await page.reload()
  await openSettings(page)
  await expect(ice.getByLabel('TURN server 1 username')).toHaveValue('ada-at-work')
  await expect(ice.getByLabel('TURN server 1 credential')).toHaveValue('correct horse battery')
  await keys.scrollIntoViewIfNeeded()
  await screenshot(page, 'keys-protected')
})

test('web mode: Settings says the keys are kept in the browser’s storage', async () => {
  peer = await launchPeer('Ada', 'ws://127.0.0.1:9/')
  await firstRun(peer)
  const keys = await openSettings(peer.page)
  await expect(keys).toContainText('Tandem keeps your keys in this browser’s storage')
  await expect(keys.getByRole('note')).toHaveCount(0)
})
