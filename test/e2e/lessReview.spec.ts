import { expect, test, type Page } from '@playwright/test'
import { createSpace, firstRun, inviteCode, join, peersOnOwnSignaling } from './harness.ts'
import { addCard, nextPhase } from './retroFlows.ts'
import { openTab, sprintScreenshot } from './sprintFlows.ts'

/**
 * The sprint retrospective & demo (issue 12, part 3): an escalated card with the org's notes and
 * follow-up, two shout-outs written at the same moment by two peers (both kept, one reacted to),
 * demo slides filled in from a team's planning, and presenter mode followed by a second peer.
 */
const peer = peersOnOwnSignaling()

async function toOrg(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Acme Engineering' }).click()
  await openTab(page, tab)
}

test('sprint retro & demo: escalated cards, simultaneous shout-outs, demo slides in presenter mode', async () => {
  test.setTimeout(240_000)
  const ada = await peer('Ada')
  const ben = await peer('Ben')
  await firstRun(ada)
  await firstRun(ben)
  await createSpace(ada.page, 'Acme Engineering', 'Organization')
  const orgCode = await inviteCode(ada.page)
  await openTab(ada.page, 'Teams & cadence')
  for (const name of ['Alpha', 'Beta']) {
    await ada.page.getByRole('button', { name: 'Add a team' }).click()
    const dialog = ada.page.getByRole('dialog', { name: 'Add a team' })
    await dialog.getByLabel('Team name').fill(name)
    await dialog.getByRole('button', { name: 'Create team' }).click()
    await expect(ada.page.getByRole('list', { name: 'Teams' }).getByRole('listitem', { name })).toBeVisible()
  }
  await join(ben.page, orgCode)
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Acme Engineering' })).toBeVisible()

  // Alpha planned this sprint, and escalates a card from its retrospective
  await ada.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Alpha' }).click()
  await openTab(ada.page, 'Planning')
  await ada.page.getByLabel('New sprint goal').fill('Ship the retry queue')
  await ada.page.keyboard.press('Enter')
  await ada.page.getByLabel('New ticket key').fill('ALP-1')
  await ada.page.getByLabel('New ticket title').fill('Retry queue')
  await ada.page.getByRole('button', { name: 'Add ticket' }).click()
  await openTab(ada.page, 'Retro')
  await ada.page.getByRole('button', { name: 'Create the board' }).click()
  await addCard(ada.page, 'What to improve', 'Deploys need a freeze window')
  for (const phase of ['Reveal', 'Group', 'Vote', 'Discuss']) await nextPhase(ada.page, phase)
  // Alpha belongs to Acme: the card goes straight to Acme's sprint retrospective
  await ada.page.getByRole('button', { name: 'Escalate to the org: Deploys need a freeze window' }).click()
  await expect(ada.page.locator('.rt-topic-card', { hasText: 'Deploys need a freeze window' })).toContainText('Escalated to the org')

  // both at the org's retro & demo
  await toOrg(ada.page, 'Retro & demo')
  await toOrg(ben.page, 'Retro & demo')
  await expect(ben.page.getByText('give shout outs to teammates for exemplary performance')).toBeVisible()
  for (const p of [ada, ben]) {
    await expect(p.page.getByRole('list', { name: 'Here now' }).getByRole('listitem', { name: 'Ada' })).toBeVisible({ timeout: 30_000 })
    await expect(p.page.getByRole('list', { name: 'Here now' }).getByRole('listitem', { name: 'Ben' })).toBeVisible({ timeout: 30_000 })
    await expect(p.page.getByRole('list', { name: 'Escalated by Alpha' }).getByRole('listitem', { name: 'Deploys need a freeze window' })).toBeVisible({ timeout: 30_000 })
  }
  const escalated = (page: Page) => page.getByRole('list', { name: 'Escalated by Alpha' }).getByRole('listitem', { name: 'Deploys need a freeze window' })
  await escalated(ada.page).getByLabel('Discussion notes: Deploys need a freeze window').fill('Freeze on Friday afternoons, org-wide')
  await escalated(ada.page).getByLabel('Discussion notes: Deploys need a freeze window').blur()
  await escalated(ada.page).getByLabel('New follow-up: Deploys need a freeze window').fill('Write the freeze policy')
  await escalated(ada.page).getByLabel('Who follows up: Deploys need a freeze window').fill('Ben')
  await escalated(ada.page).getByRole('button', { name: 'Add follow-up' }).click()
  await expect(escalated(ben.page).getByLabel('Discussion notes: Deploys need a freeze window')).toHaveValue('Freeze on Friday afternoons, org-wide')
  await expect(escalated(ben.page).getByRole('list', { name: 'Follow-ups: Deploys need a freeze window' })).toContainText('Write the freeze policy')

  // two shout-outs sent at the same moment from two machines: both kept
  const form = (page: Page) => page.getByRole('form', { name: 'New shout-out' })
  await form(ada.page).getByRole('checkbox', { name: 'Ben' }).check()
  await form(ada.page).getByLabel('Shout-out').fill('Thanks for the failover drill')
  await form(ben.page).getByRole('checkbox', { name: 'Ada' }).check()
  await form(ben.page).getByLabel('Shout-out').fill('Great pairing on search')
  await Promise.all([form(ada.page).getByRole('button', { name: 'Send shout-out' }).click(), form(ben.page).getByRole('button', { name: 'Send shout-out' }).click()])
  for (const p of [ada, ben]) {
    const list = p.page.getByRole('list', { name: /^Shout-outs of sprint \d+$/ })
    await expect(list.getByRole('listitem', { name: 'Shout-out from Ada to Ben' })).toContainText('Thanks for the failover drill')
    await expect(list.getByRole('listitem', { name: 'Shout-out from Ben to Ada' })).toContainText('Great pairing on search')
  }
  await ben.page.getByRole('listitem', { name: 'Shout-out from Ada to Ben' }).getByRole('button', { name: 'applause 0' }).click()
  await expect(ada.page.getByRole('listitem', { name: 'Shout-out from Ada to Ben' }).getByRole('button', { name: 'applause 1' })).toBeVisible()

  // the demo: Alpha's slide filled in from its planning (on Ada's device, who is in Alpha), seen by Ben
  const alpha = (page: Page) => page.getByRole('article', { name: 'Demo of Alpha' })
  for (const p of [ada, ben]) {
    await expect(alpha(p.page).getByRole('list', { name: /^What we accomplished in sprint \d+: Alpha$/ }).getByRole('textbox')).toHaveCount(2, { timeout: 30_000 })
  }
  await alpha(ada.page).getByRole('checkbox', { name: 'Achieved: Ship the retry queue' }).check()
  await alpha(ada.page).getByLabel(/^Add to Goals for sprint \d+: Alpha$/).fill('Settle payouts in EUR')
  await alpha(ada.page).getByLabel(/^Add to Goals for sprint \d+: Alpha$/).press('Enter')
  await expect(alpha(ben.page).getByRole('checkbox', { name: 'Achieved: Ship the retry queue' })).toBeChecked()
  await sprintScreenshot(ben.page, 'less-retro-demo', 2000)

  // presenter mode: Ada presents, Ben follows; the team on and its timer are the same on both
  await ada.page.getByRole('button', { name: 'Present the demo' }).click()
  const presenter = (page: Page) => page.getByRole('dialog', { name: 'Demo presenter' })
  await expect(presenter(ada.page).getByRole('heading', { level: 1, name: 'Alpha' })).toBeVisible()
  await ben.page.getByRole('status', { name: 'Now presenting' }).getByRole('button', { name: 'Follow in presenter mode' }).click()
  await expect(presenter(ben.page).getByRole('heading', { level: 1, name: 'Alpha' })).toBeVisible()
  await expect(presenter(ben.page)).toContainText('Ship the retry queue')
  await expect(presenter(ben.page)).toContainText('Settle payouts in EUR')
  const seconds = async (page: Page) => {
    const [m, s] = ((await presenter(page).getByRole('timer').textContent()) ?? '').replace(/[^\d:]/g, '').split(':').map(Number)
    return (m ?? 0) * 60 + (s ?? 0)
  }
  const [a, b] = await Promise.all([seconds(ada.page), seconds(ben.page)])
  expect(a).toBeGreaterThan(200)
  expect(Math.abs(a - b)).toBeLessThanOrEqual(2)
  await sprintScreenshot(ben.page, 'less-demo-presenter', 820)
  await presenter(ada.page).press('ArrowRight')
  for (const p of [ada, ben]) await expect(presenter(p.page).getByRole('heading', { level: 1, name: 'Beta' })).toBeVisible()
  await presenter(ada.page).press('p')
  await expect(presenter(ben.page).getByRole('timer')).toContainText('⏸')
  await presenter(ada.page).press('Escape')
  await expect(presenter(ada.page)).toHaveCount(0)
  await expect(presenter(ben.page).getByRole('heading', { level: 1, name: 'Beta' })).toBeVisible()
})
