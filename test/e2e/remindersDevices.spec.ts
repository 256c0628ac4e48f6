import { chromium, expect, test, type Page } from '@playwright/test'
import { BASE_URL, CHROMIUM_ARGS, chromiumPath, createSpace, firstRun, member, screenshot, spaceIdOf, type Peer } from './harness.ts'
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server.ts'

/**
 * Issue 11: "nothing fires twice … when a second device of the same person is running". Ada on two
 * browser processes (the second added with "Add my other device": the same member), both with
 * notifications allowed, both in the team space. Each page's clock is Playwright's, installed at
 * 11:44 in Berlin and moved forward by hand, 10 s at a time on each page in turn, so no
 * assertion waits for real time to pass. Notifications are observed through each page's own
 * Notification API (as reminders.spec.ts does). Across both browsers exactly one notification of
 * the 12:00 sync-up is shown, and the other device says it reminded Ada there.
 */
let signal: SignalingServer
const peers: Peer[] = []
test.beforeAll(async () => {
  signal = await startSignalingServer({ host: '127.0.0.1', port: 0, log: () => {} })
})
test.afterAll(async () => {
  await signal.close()
})
test.afterEach(async () => {
  const errors = peers.flatMap((p) => p.errors)
  await Promise.all(peers.map((p) => p.close()))
  peers.length = 0
  expect(errors, 'no uncaught errors on the pages').toEqual([])
})

// Thursday 3 December 2026 in Berlin: the team's daily sync-up is at 12:00, reminded at 11:50
const THURSDAY_1144 = new Date('2026-12-03T11:44:00+01:00')
const DUE = Date.parse('2026-12-03T11:50:00+01:00')

async function launch(name: string): Promise<Peer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin' })
  await context.clock.install({ time: THURSDAY_1144 })
  await context.addInitScript((url) => {
    ;(window as unknown as { TANDEM_CONFIG: unknown }).TANDEM_CONFIG = { signaling: [url] }
    const Real = window.Notification
    const seen: { title: string; body: string }[] = []
    ;(window as unknown as { __seen: typeof seen }).__seen = seen
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options)
        seen.push({ title, body: options?.body ?? '' })
      }
    }
    window.Notification = Recorded
  }, signal.url)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`))
  await page.goto(BASE_URL)
  const peer = { name, browser, context, page, errors, close: () => browser.close() }
  peers.push(peer)
  return peer
}

async function titles(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __seen: { title: string }[] }).__seen.map((n) => n.title))
}

/** In-app navigation without reloading (a reload would restart the page's reminders). */
async function route(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#${path}`)
}

async function allowNotifications(p: Peer): Promise<void> {
  await p.page.getByRole('link', { name: /: settings$/ }).click()
  const panel = p.page.locator('section.reminder-settings')
  await p.context.grantPermissions(['notifications'], { origin: new URL(BASE_URL).origin })
  await panel.getByRole('button', { name: 'Allow notifications' }).click()
  await expect(panel.getByText('Notifications are on')).toBeVisible()
}

/**
 * Moves every page's clock to `target`, 10 s at a time, each page in turn: they stay within
 * seconds of each other, and presence (renewed every 15 s, dropped after 30 s without news) holds.
 */
async function stepTo(pages: readonly Page[], target: number): Promise<void> {
  for (;;) {
    let behind = false
    for (const page of pages) {
      const now = await page.evaluate(() => Date.now())
      if (now >= target) continue
      behind = true
      await page.clock.fastForward(Math.min(10_000, target - now))
    }
    if (!behind) return
  }
}

test('one person on two browsers is reminded once of a sync-up: one device shows it, the other says it was shown there', async () => {
  test.setTimeout(240_000)
  const laptop = await launch('Ada')
  await firstRun(laptop)
  await createSpace(laptop.page, 'Growth', 'Team')
  const growth = spaceIdOf(laptop.page)

  // "Add my other device": a link and a passphrase, opened in a second browser process
  await route(laptop.page, '/backup')
  await laptop.page.getByRole('button', { name: 'Make a link for my other device' }).click()
  const linkField = laptop.page.getByLabel('Link for your other device')
  await expect(linkField).toHaveValue(/#\/device\/tandem-device1\./)
  const link = await linkField.inputValue()
  const passphrase = (await laptop.page.locator('.passphrase').textContent()) ?? ''
  const desk = await launch('Ada (desk)')
  await desk.page.goto(link)
  await desk.page.getByLabel('Passphrase your other device shows').fill(passphrase)
  await desk.page.getByRole('button', { name: 'Add this device' }).click()
  await expect(desk.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Growth' })).toBeVisible()

  for (const p of [laptop, desk]) await allowNotifications(p)
  // both devices in the team space, each seeing the other: Ada online on 2 devices
  for (const p of [laptop, desk]) await route(p.page, `/space/${growth}`)
  for (const p of [laptop, desk]) {
    await expect(member(p.page, 'Ada')).toHaveAttribute('aria-label', /online now on 2 devices/, { timeout: 45_000 })
  }
  for (const p of [laptop, desk]) expect(await p.page.evaluate(() => Date.now())).toBeLessThan(DUE - 60_000)

  // 11:50:30 on both: one of them reminds (the one ahead in the election), the other holds
  const pages = [laptop.page, desk.page]
  const all = async () => [...(await titles(laptop.page)), ...(await titles(desk.page))]
  await stepTo(pages, DUE + 30_000)
  await expect.poll(all, { timeout: 30_000 }).toEqual(['Daily sync-up · Growth'])
  // past every hold (the other device's included), and on to the meeting: still only that one
  await stepTo(pages, DUE + 5 * 60_000)
  await stepTo(pages, DUE + 9 * 60_000)
  expect(await all()).toEqual(['Daily sync-up · Growth'])

  // each device's settings say so: "reminded" where it was shown, "on your other device" on the other
  const [shower, other] = (await titles(laptop.page)).length === 1 ? [laptop, desk] : [desk, laptop]
  for (const p of [shower, other]) await p.page.getByRole('link', { name: /: settings$/ }).click()
  const item = (p: Peer) =>
    p.page.locator('section.reminder-settings').getByRole('list').filter({ hasText: 'Daily sync-up' }).getByRole('listitem').filter({ hasText: 'Thu 3 Dec, 12:00' })
  await expect(item(shower)).toContainText(/· reminded$/)
  await expect(item(other)).toContainText('reminded on your other device')
  await item(other).scrollIntoViewIfNeeded()
  await screenshot(other.page, 'reminders-other-device')
})
