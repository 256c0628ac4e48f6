import { expect, type Page } from '@playwright/test'
import { BASE_URL, createSpace, inviteCode, join, screenshot, type Peer, spaceIdOf } from './harness.ts'

/** Helpers for the sprint end-to-end tests (the house helpers are in harness.ts). */



/** Opens a route of the app (hash routing) directly. */
export async function gotoRoute(page: Page, route: string): Promise<void> {
  await page.goto(`${BASE_URL}#${route}`)
}

export async function openTab(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true }).click()
}

/** A creates a team space; B, C… join it with its invite. Returns the team space id. */
export async function teamWithMembers(owner: Peer, name: string, others: Peer[]): Promise<string> {
  await createSpace(owner.page, name, 'Team')
  const id = spaceIdOf(owner.page)
  const code = await inviteCode(owner.page)
  for (const peer of others) {
    await join(peer.page, code)
    await expect(peer.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }
  return id
}

/** One person's sync-up card. */
export function syncUpCard(page: Page, name: string) {
  return page.getByRole('region', { name: new RegExp(`^${name}( \\(you\\))?$`) })
}

/** The seconds left on the sync-up timer as this page shows it. */
export async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'Time left' }).textContent()) ?? ''
  const match = /^(\d+):(\d\d)$/.exec(text.trim())
  if (!match) throw new Error(`not a countdown: ${text}`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** Shifts a peer's clock by `skewMs` (Date.now and timers) while it keeps running; reloads. */
export async function skewClock(peer: Peer, skewMs: number): Promise<void> {
  await peer.context.clock.install({ time: Date.now() + skewMs })
  await peer.page.reload()
}

/** What the page's Date.now() says minus the test's: the peer's clock skew. */
export async function clockSkew(page: Page): Promise<number> {
  const before = Date.now()
  const theirs = await page.evaluate(() => Date.now())
  return theirs - (before + Date.now()) / 2
}

/** A screenshot tall enough for a whole sprint screen, without the passing toasts. */
export async function sprintScreenshot(page: Page, name: string, height = 1100): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const button of await page.locator('.toasts').getByRole('button', { name: 'Dismiss' }).all()) {
      await button.click({ timeout: 1_000 }).catch(() => {})
    }
  }
  const size = page.viewportSize()
  await page.setViewportSize({ width: 1280, height })
  await page.waitForTimeout(250)
  await screenshot(page, name)
  if (size) await page.setViewportSize(size)
}
