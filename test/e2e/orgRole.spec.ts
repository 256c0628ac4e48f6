import { chromium, expect, test } from '@playwright/test'
import { BASE_URL, CHROMIUM_ARGS, chromiumPath, createSpace, firstRun, screenshot, type Peer } from './harness.ts'
import { openTab } from './retroFlows.ts'
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server.ts'

/**
 * Issue 11: an org role without a team. Pia is in the org space only (no team); on the org's
 * People tab she says she is its product manager (area product owner), and her reminders then
 * include division sprint planning besides the whole org's retro & demo. The page's clock is
 * Playwright's (a Thursday in Berlin), so the meetings listed are known.
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

test('an org role without a team: set on the org’s People tab, it brings division sprint planning into the reminders', async () => {
  test.setTimeout(120_000)
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin' })
  await context.clock.install({ time: new Date('2026-12-03T09:00:00+01:00') })
  await context.addInitScript((url) => {
    ;(window as unknown as { TANDEM_CONFIG: unknown }).TANDEM_CONFIG = { signaling: [url] }
  }, signal.url)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  await page.goto(BASE_URL)
  peer = { name: 'Pia', browser, context, page, errors, close: () => browser.close() }
  await firstRun(peer)
  await createSpace(page, 'Acme Engineering', 'Organization')
  await openTab(page, 'Teams & cadence')
  await page.getByRole('button', { name: 'Start with two-week sprints' }).click()
  await expect(page.getByRole('heading', { name: 'Sprint rhythm' })).toBeVisible()

  // without an org role: only the whole org's meeting
  const settings = async () => {
    await page.getByRole('link', { name: /: settings$/ }).click()
    const next = page.locator('section.reminder-settings').getByRole('list').filter({ hasText: 'Acme Engineering' })
    await expect(next).toBeVisible()
    return next
  }
  let next = await settings()
  await expect(next).toContainText('Sprint retrospective & demo')
  await expect(next).not.toContainText('Division sprint planning')

  await page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Acme Engineering' }).click()
  await openTab(page, 'People')
  const table = page.getByRole('table', { name: 'People of the org' })
  const mine = table.getByRole('row').filter({ hasText: '(you)' })
  await expect(mine).toContainText('Sprint retrospective & demo')
  await mine.getByLabel('Your org role').selectOption({ label: 'Product manager (area product owner)' })
  await expect(mine.getByRole('cell').last()).toHaveText('Division sprint planning, Sprint retrospective & demo')
  await page.getByLabel('Your org role').focus()
  await screenshot(page, 'org-people-roles')

  // her reminders now include division sprint planning (in the org, with no team)
  next = await settings()
  await expect(next.getByRole('listitem').filter({ hasText: 'Division sprint planning · Acme Engineering' }).first()).toContainText('reminder at')
  await expect(next).toContainText('Sprint retrospective & demo')
})
