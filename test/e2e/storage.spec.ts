import { expect, test, type Page } from '@playwright/test'
import { BASE_URL, createSpace, firstRun, peersOnOwnSignaling, screenshot } from './harness.ts'

const peer = peersOnOwnSignaling()

/** Whether the stored updates of the spaces' root documents hold `text` (as UTF-8, as Yjs writes strings). */
function storedInSpaceDocs(page: Page, text: string): Promise<boolean> {
  return page.evaluate(async (text) => {
    const needle = new TextEncoder().encode(text)
    const holds = (hay: Uint8Array) =>
      hay.some((_, i) => i + needle.length <= hay.length && needle.every((b, j) => hay[i + j] === b))
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('tandem')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const rows = await new Promise<{ u: Uint8Array }[]>((resolve, reject) => {
      const req = db.transaction('$spaces.doc_updates').objectStore('$spaces.doc_updates').getAll()
      req.onsuccess = () => resolve(req.result as { u: Uint8Array }[])
      req.onerror = () => reject(req.error)
    })
    db.close()
    return rows.some((row) => row.u instanceof Uint8Array && holds(row.u))
  }, text)
}

/**
 * A real quota failure through the DevTools protocol. Chromium's IndexedDB caches the space left
 * for a while and asks again only when writes use it up: so the quota is set before the first write
 * with a modest headroom, lowered to just above the usage when the disk should be full, and edits
 * go on until one cannot be written.
 */
const HEADROOM = 512 * 1024

async function storageQuota(page: Page) {
  const origin = new URL(BASE_URL).origin
  const cdp = await page.context().newCDPSession(page)
  const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0)
  return {
    limitTo: async (headroom: number) => {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage()) + headroom })
    },
    restore: () => cdp.send('Storage.overrideQuotaForOrigin', { origin })
  }
}

test('a full disk: the edit stays, the app says so until it is saved, and it survives a reload', async () => {
  const ada = await peer('Ada')
  const { page } = ada
  const quota = await storageQuota(page)
  await quota.limitTo(HEADROOM)
  await firstRun(ada)
  await createSpace(page, 'Platform team', 'Team')
  const description = page.getByLabel('Space description')

  await quota.limitTo(1024)
  // a description is at most 10 000 characters, so the disk fills over several edits, each a
  // little under the limit, until one cannot be written (bounded: 120 edits of 9 000 characters,
  // more than twice the headroom)
  const alert = page.getByRole('alert', { name: 'Your latest changes are not saved yet' })
  let marker = ''
  let text = ''
  for (let i = 0; i < 120 && !(await alert.isVisible()); i++) {
    marker = `Written while the disk was full, edit ${i}.`
    text = `${marker} ${'We keep the lights on and write everything down. '.repeat(175)}`.slice(0, 9_000)
    await description.fill(text)
    await description.blur()
    await expect(description).toHaveValue(text)
  }
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('The storage on this computer is full')
  await expect(alert).toContainText('free up disk space')
  await expect(description).toHaveValue(text)
  expect(await storedInSpaceDocs(page, marker), 'the write really failed').toBe(false)
  await screenshot(page, 'storage-full')

  // still full: the first automatic try (after 2 s) fails, the warning stays and the next waits 4 s
  await expect(alert).toContainText(/tries again by itself in [45] s/)
  expect(await storedInSpaceDocs(page, marker)).toBe(false)

  await quota.restore()
  await alert.getByRole('button', { name: 'Try again now' }).click()
  await expect(alert).toBeHidden()
  expect(await storedInSpaceDocs(page, marker)).toBe(true)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Platform team' })).toBeVisible()
  await expect(page.getByLabel('Space description')).toHaveValue(text)
  await expect(page.getByRole('alert', { name: 'Your latest changes are not saved yet' })).toHaveCount(0)

  // web mode: Settings shows how much of the browser's allowance Tandem uses
  await page.getByRole('link', { name: /^Ada ?: settings$/ }).click()
  const storage = page.getByRole('region', { name: 'Storage on this computer' })
  await expect(storage.getByRole('meter', { name: 'Storage used' })).toBeVisible()
  await expect(storage).toContainText(/\d+(\.\d)? (bytes|KB|MB|GB) of \d+(\.\d)? (KB|MB|GB|TB) used/)
  await storage.scrollIntoViewIfNeeded()
  await screenshot(page, 'settings-storage')
})
