import { chromium, expect, test, type Page } from '@playwright/test'
import { BASE_URL, CHROMIUM_ARGS, chromiumPath, createSpace, firstRun, screenshot, spaceIdOf, type Peer } from './harness.ts'
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server.ts'

/**
 * Reminders in web mode (issue 11): the page runs the shared reminder engine with the browser's
 * Notification API while the tab is open. One person, two teams in Berlin (default cadence: the
 * daily sync-up at 12:00 on working days, reminded 10 minutes before). The page's clock is
 * Playwright's: installed on a Thursday at 11:48 and moved forward by hand, so no assertion waits
 * for real time to pass.
 *
 * Notifications are observed through the page's own Notification API: an init script records
 * every notification the page constructs (the real constructor still runs), and a click is the
 * notification's own click event.
 */
let signal: SignalingServer
let peer: Peer | null = null
test.beforeAll(async () => {
  signal = await startSignalingServer({ host: '127.0.0.1', port: 0, log: () => {} })
})
test.afterAll(async () => {
  await signal.close()
})
test.afterEach(async () => {
  const errors = peer?.errors ?? []
  await peer?.close()
  peer = null
  expect(errors, 'no uncaught errors on the page').toEqual([])
})

// Thursday 3 December 2026, 11:48 in Berlin (sprint 1 starts on Wednesday 2 December: the default
// is the Wednesday on or before the day the team is created)
const THURSDAY_1148 = new Date('2026-12-03T11:48:00+01:00')

interface Seen {
  title: string
  body: string
}

async function notifications(page: Page): Promise<Seen[]> {
  return page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen.map(({ title, body }) => ({ title, body })))
}

async function clickNotification(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => {
    const seen = (window as unknown as { __seen: { notification: Notification }[] }).__seen
    seen[i]?.notification.dispatchEvent(new Event('click'))
  }, index)
}

async function launch(name: string): Promise<Peer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin' })
  await context.clock.install({ time: THURSDAY_1148 })
  await context.addInitScript((url) => {
    ;(window as unknown as { TANDEM_CONFIG: unknown }).TANDEM_CONFIG = { signaling: [url] }
    const Real = window.Notification
    const seen: { title: string; body: string; notification: Notification }[] = []
    ;(window as unknown as { __seen: typeof seen }).__seen = seen
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options)
        seen.push({ title, body: options?.body ?? '', notification: this })
      }
    }
    window.Notification = Recorded
  }, signal.url)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`${name}: ${err.message}`))
  await page.goto(BASE_URL)
  return { name, browser, context, page, errors, close: () => browser.close() }
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: /: settings$/ }).click()
  await expect(page.getByRole('heading', { name: 'Reminders' })).toBeVisible()
}

test('a due sync-up raises a web notification once allowed; clicking it opens the meeting; a muted team is not reminded; a reminder due while away is listed as missed', async () => {
  test.setTimeout(120_000)
  peer = await launch('Ada')
  const { page, context } = peer
  await firstRun(peer)
  await createSpace(page, 'Growth', 'Team')
  const growth = spaceIdOf(page)
  await createSpace(page, 'Payments', 'Team')
  const payments = spaceIdOf(page)

  await openSettings(page)
  const panel = page.locator('section.reminder-settings')
  const allow = panel.getByRole('button', { name: 'Allow notifications' })
  // never asked on load: the page waits for the button
  await expect(allow).toBeVisible()
  await expect(panel.getByText('The desktop app reminds you with the window closed', { exact: false })).toBeVisible()
  const next = panel.getByRole('list').filter({ hasText: 'Daily sync-up' })
  await expect(next.getByRole('listitem').filter({ hasText: 'Payments' }).filter({ hasText: 'Thu 3 Dec, 12:00' })).toContainText(
    'reminder at Thu 3 Dec, 11:50'
  )
  await panel.scrollIntoViewIfNeeded()
  await screenshot(page, 'reminders-web-permission')
  expect(await notifications(page)).toEqual([])

  await context.grantPermissions(['notifications'], { origin: new URL(BASE_URL).origin })
  await allow.click()
  await expect(panel.getByText('Notifications are on')).toBeVisible()
  await panel.getByRole('heading', { name: 'Next meetings' }).scrollIntoViewIfNeeded()
  await screenshot(page, 'reminders-settings')

  // 11:51: both teams' 12:00 sync-ups are due (10 minutes before)
  await page.clock.fastForward('03:00')
  await expect.poll(async () => (await notifications(page)).map((n) => n.title).sort()).toEqual([
    'Daily sync-up · Growth',
    'Daily sync-up · Payments'
  ])
  const shown = await notifications(page)
  expect(shown[0]?.body).toMatch(/^In 9 minutes, at 12:00$/)

  // clicking Payments' reminder opens that sync-up's page
  await clickNotification(
    page,
    shown.findIndex((n) => n.title.endsWith('Payments'))
  )
  await expect(page).toHaveURL(new RegExp(`#/space/${payments}/sprint/1/ceremony/`))
  await expect(page.getByRole('heading', { name: 'Daily sync-up' }).first()).toBeVisible()
  await screenshot(page, 'reminders-opened-meeting')

  // mute Payments, then Friday 11:51: only Growth is reminded (both are decided in one step)
  await openSettings(page)
  await expect(next.getByRole('listitem').filter({ hasText: 'Payments' }).filter({ hasText: 'Thu 3 Dec, 12:00' })).toContainText('reminded')
  await panel.getByRole('group', { name: 'Mute a team or pair' }).getByLabel('Payments').check()
  await panel.getByRole('button', { name: 'Save reminder settings' }).click()
  // the page's reminders have the new preferences once Friday's Payments sync-up says so
  await expect(next.getByRole('listitem').filter({ hasText: 'Payments' }).filter({ hasText: 'Fri 4 Dec, 12:00' })).toContainText(
    'muted'
  )
  await page.clock.fastForward(24 * 60 * 60_000)
  await expect.poll(async () => (await notifications(page)).slice(2)).toEqual([{ title: 'Daily sync-up · Growth', body: 'In 9 minutes, at 12:00' }])

  // the computer "sleeps" over the weekend and past Monday's sync-up: listed as missed, no late toast
  await page.clock.fastForward((72 * 60 + 14) * 60_000)
  const missed = page.getByRole('region', { name: 'Missed while Tandem was closed or asleep' })
  await expect(missed).toBeVisible()
  await expect(missed.getByRole('link', { name: 'Daily sync-up · Growth' })).toBeVisible()
  await expect(missed).not.toContainText('Payments')
  expect(await notifications(page)).toHaveLength(3)
  await missed.scrollIntoViewIfNeeded()
  await screenshot(page, 'reminders-missed')
  // the missed meeting opens from the notice
  await missed.getByRole('link', { name: 'Daily sync-up · Growth' }).click()
  await expect(page).toHaveURL(new RegExp(`#/space/${growth}/sprint/1/ceremony/`))
  await expect(page.getByText('Mon 7 Dec, 12:00–12:15')).toBeVisible()
  await missed.getByRole('button', { name: 'Dismiss' }).click()
  await expect(missed).toHaveCount(0)
})
