import { chromium, expect, test, type Page } from '@playwright/test'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_URL, CHROMIUM_ARGS, chromiumPath, createSpace, firstRun, screenshot, type Peer } from './harness.ts'
import { parseRequest, parseResponse, type InvokeChannel } from '../../shared/ipc/contract.ts'
import { readArchive } from '../../shared/backup/archive.ts'
import { isScheduledFileName } from '../../shared/backup/schedule.ts'
import { BackupFolder, backupFolderHandlers, nodeBackupFs } from '../../electron/main/backups/backupFolder.ts'
import { ReminderService } from '../../electron/main/reminders/service.ts'
import { JsonFileStore } from '../../electron/main/reminders/store.ts'
import { reminderHandlers } from '../../electron/main/reminders/ipc.ts'
import { StorageKeyService, storageKeyHandlers, nodeKeyFile } from '../../electron/main/storageKey.ts'

/**
 * Scheduled backups in the desktop app's page with main's real backup folder service, without
 * Electron (as remindersDesktop.spec.ts does): the page's `window.desktop.invoke` reaches this
 * test process, where each request and answer is checked against the IPC contract and answered by
 * main's handlers — real files in a temp folder; the native folder dialog answers with that folder.
 * The page's clock is Playwright's, so a day passes in a moment.
 */
const START = Date.parse('2026-12-03T09:00:00Z')

let peer: Peer | null = null
test.afterEach(async () => {
  const errors = peer?.errors ?? []
  await peer?.close()
  peer = null
  expect(errors, 'no uncaught errors on the page').toEqual([])
})

/** Electron's safeStorage as the OS keychain would answer it (reversible only here). */
const fakeKeychain = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain: string) => Buffer.from(`keychain|${Buffer.from(plain).toString('base64')}`),
  decryptString: (data: Buffer) => Buffer.from(data.toString().slice('keychain|'.length), 'base64').toString()
}

/** The space keys as IndexedDB itself stores them (past Dexie and its middleware). */
function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('tandem')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const all = open.result.transaction('spaces').objectStore('spaces').getAll()
          all.onsuccess = () => {
            open.result.close()
            resolve((all.result as { key: string }[]).map((r) => r.key))
          }
        }
      })
  )
}

function mainProcess(folder: string) {
  const userData = mkdtempSync(join(tmpdir(), 'tandem-e2e-userdata-'))
  const reminders = new ReminderService({
    clock: { now: () => START, setTimer: () => () => {} },
    store: new JsonFileStore(join(userData, 'reminders.json'), { now: () => START, log: { warn: () => {} } }),
    notifier: { show: () => {} },
    systemZone: () => 'UTC',
    open: () => {},
    onMissed: () => {},
    log: { warn: () => {} }
  })
  const backups = new BackupFolder(nodeBackupFs, async () => folder, join(userData, 'backup-folder.json'))
  const handlers: Partial<Record<InvokeChannel, (request: never) => unknown>> = {
    'app:info': () => ({ version: 'e2e', platform: 'linux' }),
    'deep-link:take': () => ({ url: null }),
    ...(reminderHandlers(reminders) as Partial<Record<InvokeChannel, (request: never) => unknown>>),
    ...(backupFolderHandlers(backups) as Partial<Record<InvokeChannel, (request: never) => unknown>>),
    // main's storage key service on a file in userData, with a stand-in for the OS keychain
    ...(storageKeyHandlers(new StorageKeyService(fakeKeychain, nodeKeyFile(join(userData, 'storage-key.bin')), 'linux')) as Partial<
      Record<InvokeChannel, (request: never) => unknown>
    >)
  }
  return async (channel: InvokeChannel, request: unknown) => {
    const checked = parseRequest(channel, request)
    const handler = handlers[channel]
    if (!handler) throw new Error(`${channel} is not answered in this test`)
    return parseResponse(channel, await handler(checked as never))
  }
}

async function launchDesktop(invoke: ReturnType<typeof mainProcess>): Promise<Peer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' })
  await context.clock.install({ time: START })
  // bytes cross as a plain array and become a Uint8Array again on this side, as IPC's structured clone keeps them
  await context.exposeFunction('__tandemInvoke', (channel: InvokeChannel, request: unknown) => {
    const r = request as { bytes?: number[] } | undefined
    return invoke(channel, r && Array.isArray(r.bytes) ? { ...r, bytes: Uint8Array.from(r.bytes) } : request)
  })
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>
    w.desktop = {
      invoke: (channel: string, request: unknown) => {
        const r = request as { bytes?: unknown } | undefined
        const plain = r && r.bytes instanceof Uint8Array ? { ...r, bytes: Array.from(r.bytes) } : request
        return (w.__tandemInvoke as (c: string, r: unknown) => Promise<unknown>)(channel, plain)
      },
      on: () => () => {}
    }
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`Ada: ${err.message}`))
  await page.goto(BASE_URL)
  return { name: 'Ada', browser, context, page, errors, close: () => browser.close() }
}

const scheduled = (folder: string) => readdirSync(folder).filter(isScheduledFileName).sort()

async function aDayLater(page: Page): Promise<void> {
  await page.clock.fastForward(24 * 60 * 60_000 + 61_000)
}

test('desktop: every space is backed up into the chosen folder on a schedule, keeping the last 2', async () => {
  test.setTimeout(120_000)
  const folder = mkdtempSync(join(tmpdir(), 'tandem-e2e-backups-'))
  peer = await launchDesktop(mainProcess(folder))
  const { page } = peer
  await firstRun(peer)
  await createSpace(page, 'Platform team', 'Team')
  await createSpace(page, 'Ada & Bruce', 'Mentoring pair')
  await page.goto(`${BASE_URL}#/backup`)
  const panel = page.getByRole('region', { name: 'Scheduled backups' })
  await expect(panel).toContainText('No folder chosen yet.')
  await expect(panel.getByLabel('Back up every space on a schedule')).toBeDisabled()
  await panel.getByRole('button', { name: 'Choose folder…' }).click()
  await expect(panel).toContainText(folder)
  await panel.getByLabel('Keep the last').fill('2')
  await panel.getByLabel('Back up every space on a schedule').check()

  // the first look after a minute backs up every space
  await page.clock.fastForward(61_000)
  await expect.poll(() => scheduled(folder).length).toBe(1)
  await expect(panel).toContainText('Last backup')
  await panel.scrollIntoViewIfNeeded()
  await screenshot(page, 'backup-scheduled-desktop')

  // a day later, another; a day after that, the oldest goes. The clock moves on only once the
  // page has recorded the run (one run at a time: a look while one still runs is skipped, and the
  // next look would be a real minute later; CI saw that once)
  const status = panel.getByRole('status')
  const afterFirst = (await status.textContent()) ?? ''
  await aDayLater(page)
  await expect.poll(() => scheduled(folder).length).toBe(2)
  await expect(status).not.toHaveText(afterFirst)
  const [first] = scheduled(folder)
  await aDayLater(page)
  await expect.poll(() => scheduled(folder).includes(first!)).toBe(false)
  expect(scheduled(folder)).toHaveLength(2)

  // the newest is a whole backup of both spaces
  const newest = scheduled(folder).at(-1)!
  const read = readArchive(new Uint8Array(readFileSync(join(folder, newest))))
  if (!read.ok) throw new Error(read.error)
  expect(read.backup.spaces.map((s) => s.name).sort()).toEqual(['Ada & Bruce', 'Platform team'])

  // the keys are stored wrapped with main's storage key (issue 10 #19); the backup carries them plain
  const stored = await storedKeys(page)
  expect(stored).toHaveLength(2)
  for (const key of stored) expect(key).toMatch(/^w1\./)
  for (const space of read.backup.spaces) {
    expect(space.key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(stored.join(' ')).not.toContain(space.key)
  }
})
