import { expect, type Page } from '@playwright/test'
import { BASE_URL, createSpace, inviteCode, join, screenshot, type Peer, spaceIdOf } from './harness.ts'

/** Helpers for the retrospective end-to-end tests (house helpers are in harness.ts). */


export async function gotoRoute(page: Page, route: string): Promise<void> {
  await page.goto(`${BASE_URL}#${route}`)
}

export async function openTab(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true }).click()
}

/** The owner creates a team space and the others join it. Returns the team space id. */
export async function teamOf(owner: Peer, name: string, others: Peer[]): Promise<string> {
  await createSpace(owner.page, name, 'Team')
  await expect(owner.page).toHaveURL(/#\/space\//)
  const id = spaceIdOf(owner.page)
  const code = await inviteCode(owner.page)
  await Promise.all(
    others.map(async (peer) => {
      await join(peer.page, code)
      await expect(peer.page.getByRole('heading', { level: 1, name })).toBeVisible()
    })
  )
  return id
}

/** The board's current phase as the page shows it ("Vote", "Action plan", …). */
export function currentPhase(page: Page) {
  return page.getByRole('list', { name: 'Phases' }).locator('[aria-current="step"]')
}

export async function expectPhase(pages: Page[], label: string, timeout = 30_000): Promise<void> {
  for (const page of pages) await expect(currentPhase(page)).toHaveText(new RegExp(`\\d\\. ${label}$`), { timeout })
}

export function column(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true })
}

export async function addCard(page: Page, columnTitle: string, text: string): Promise<void> {
  const box = page.getByLabel(`New card in ${columnTitle}`)
  await box.fill(text)
  await box.press('Enter')
  await expect(box).toHaveValue('')
}

export function card(page: Page, text: string) {
  return page.getByRole('article', { name: text, exact: true })
}

/** The facilitator moves the board on ("Next: Vote →"). */
export async function nextPhase(page: Page, to: string): Promise<void> {
  await page.getByRole('button', { name: `Next: ${to} →` }).click()
}

/** A screenshot of the board from its header down (the page scrolls inside the app's main area). */
export async function boardShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.querySelector('.rt-board-head')?.scrollIntoView({ block: 'start' }))
  await page.mouse.move(1, 1)
  await screenshot(page, name)
}

/** The sprint the retro tab shows ("Sprint 12" in its sprint picker). */
export async function shownSprint(page: Page): Promise<number> {
  const text = (await page.getByRole('navigation', { name: 'Sprint' }).locator('.rt-sprint-number').textContent()) ?? ''
  const match = /Sprint (\d+)/.exec(text)
  if (!match) throw new Error(`no sprint in "${text}"`)
  return Number(match[1])
}

export async function recordLateTicket(page: Page, t: { key: string; title: string; expected: string; actual: string; reason?: string; newReason?: string }) {
  await page.getByRole('button', { name: 'Record a ticket' }).click()
  const form = page.getByRole('form', { name: 'Record a late ticket' })
  await form.getByRole('textbox', { name: 'Ticket key' }).fill(t.key)
  await form.getByRole('textbox', { name: 'Title', exact: true }).fill(t.title)
  await form.getByRole('textbox', { name: 'Expected', exact: true }).fill(t.expected)
  await form.getByRole('textbox', { name: 'Actual', exact: true }).fill(t.actual)
  const reason = form.getByRole('combobox', { name: 'Reason', exact: true })
  if (t.reason) await reason.selectOption({ label: t.reason })
  else {
    await reason.selectOption({ label: 'Add a reason…' })
    await form.getByLabel('New reason for the team’s list').fill(t.newReason!)
    await form.getByRole('button', { name: 'Add reason' }).click()
    await expect(reason).toHaveValue(/^custom:/)
  }
  await form.getByRole('button', { name: 'Record ticket' }).click()
  await expect(form).toHaveCount(0)
}
