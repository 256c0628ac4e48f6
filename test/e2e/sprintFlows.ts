import { expect, test, type Page } from '@playwright/test'
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server.ts'
import { BASE_URL, createSpace, inviteCode, join, launchPeer, screenshot, type Peer } from './harness.ts'

/** Helpers for the sprint end-to-end tests (the house helpers are in harness.ts). */

/**
 * A spec's signaling server (started before its tests) and its peers (each its own browser
 * process, closed after each test, which fails if any page had an uncaught error).
 * Returns the function that launches a peer.
 */
export function sprintPeers(): (name: string) => Promise<Peer> {
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
    await Promise.all(peers.splice(0).map((p) => p.close()))
    expect(errors, 'no uncaught errors on any page').toEqual([])
  })
  return async (name) => {
    const p = await launchPeer(name, signal.url)
    peers.push(p)
    return p
  }
}

/** The space id in the page's route (#/space/<id>/…). */
export function spaceIdOf(page: Page): string {
  const match = /#\/space\/([^/]+)/.exec(page.url())
  if (!match?.[1]) throw new Error(`not on a space page: ${page.url()}`)
  return match[1]
}

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
