import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { createSpace, firstRun, inviteCode, join, screenshot, type Peer, peersOnOwnSignaling, spaceIdOf } from './harness.ts'
import { addCard, gotoRoute, nextPhase, openTab, recordLateTicket, shownSprint, teamOf } from './retroFlows.ts'

/** The retrospective across spaces: a team's late tickets in its org's report, escalations to the org. */
// a stuck action fails within half a minute, not at the end of the whole test
test.use({ actionTimeout: 30_000 })

const peer = peersOnOwnSignaling()

test('teams share late tickets with their org, whose report spans sprints and teams; an escalated card reaches the org’s sprint retro, linked back', async () => {
  test.setTimeout(120_000)
  const ada = await peer('Ada')
  await firstRun(ada)
  const { page } = ada
  await createSpace(page, 'Acme Engineering', 'Organization')
  await expect(page).toHaveURL(/#\/space\//)

  // Alpha: two sprints of late tickets, and a card escalated while discussing
  await createSpace(page, 'Alpha team', 'Team')
  await expect(page).toHaveURL(/#\/space\//)
  const alphaId = spaceIdOf(page)
  await openTab(page, 'Retro')
  await page.getByRole('button', { name: 'Create the board' }).click()
  const sprint = await shownSprint(page)
  await recordLateTicket(page, { key: 'ALP-1', title: 'Search index', expected: '2', actual: '6', reason: 'Dependency on another team' })
  await addCard(page, 'What to improve', 'Deploys need a freeze window')
  for (const phase of ['Reveal', 'Group', 'Vote', 'Discuss']) await nextPhase(page, phase)
  await page.getByRole('button', { name: 'Escalate to the org: Deploys need a freeze window' }).click()
  await page.getByRole('dialog', { name: 'Escalate to which org?' }).getByRole('button', { name: /^Acme Engineering/ }).click()
  await expect(page.locator('.rt-topic-card', { hasText: 'Deploys need a freeze window' })).toContainText('Escalated to the org')
  await page.getByLabel('New action item').fill('Write down the freeze policy')
  await page.getByRole('button', { name: 'Add action' }).click()
  await expect(page.getByRole('list', { name: 'Action items' })).toContainText('Write down the freeze policy')

  // the next sprint's board: the open action item comes along, on top, until someone ticks it done
  await gotoRoute(page, `/space/${alphaId}/retro/${sprint + 1}`)
  await page.getByRole('button', { name: 'Create the board' }).click()
  const carried = page.getByRole('list', { name: 'Action items' }).getByRole('listitem').first()
  await expect(carried).toContainText('Write down the freeze policy')
  await expect(carried).toContainText(`From sprint ${sprint}`)
  await carried.getByRole('checkbox', { name: 'Done: Write down the freeze policy' }).check()
  await gotoRoute(page, `/space/${alphaId}/retro/${sprint + 2}`)
  await page.getByRole('button', { name: 'Create the board' }).click()
  await expect(page.getByText('No action items yet')).toBeVisible()
  await gotoRoute(page, `/space/${alphaId}/retro/${sprint + 1}`)
  await recordLateTicket(page, { key: 'ALP-7', title: 'Billing', expected: '3', actual: '5', reason: 'Hidden complexity' })
  await recordLateTicket(page, { key: 'ALP-9', title: 'Exports', expected: '1', actual: '4', reason: 'Dependency on another team' })
  await openTab(page, 'Late tickets')
  await page.getByRole('checkbox', { name: /Share our late tickets/ }).check()
  await expect(page.getByText('Shared: the org’s Retro insights include this team.')).toBeVisible()

  // Beta picks the org itself (it is not linked to one) and shares
  await createSpace(page, 'Beta team', 'Team')
  await openTab(page, 'Retro')
  await page.getByRole('button', { name: 'Create the board' }).click()
  await recordLateTicket(page, { key: 'BET-3', title: 'Onboarding', expected: '2', actual: '3', newReason: 'Flaky CI' })
  await openTab(page, 'Late tickets')
  await page.getByLabel('Org to share with').selectOption({ label: 'Acme Engineering' })
  await page.getByRole('checkbox', { name: /Share our late tickets/ }).check()
  await expect(page.getByText('Shared: the org’s Retro insights include this team.')).toBeVisible()

  // the org's report: across sprints and teams, as charts with tables, and CSV
  await page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Acme Engineering' }).click()
  await openTab(page, 'Retro insights')
  await expect(page.getByRole('list', { name: 'Top reasons' }).getByRole('listitem')).toHaveCount(3)
  await expect(page.getByRole('list', { name: 'Top reasons' }).getByRole('listitem').first()).toContainText('Dependency on another team')
  await expect(page.getByRole('img', { name: 'Late tickets per sprint, by reason' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Late tickets per team, by reason' })).toBeVisible()
  await page.getByText('Show as a table').last().click()
  const perTeam = page.getByRole('table', { name: 'Late tickets per team and reason' })
  await expect(perTeam.getByRole('row', { name: /Alpha team/ })).toContainText('3')
  await expect(perTeam.getByRole('row', { name: /Beta team/ }).getByRole('cell').last()).toHaveText('1')
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report CSV' }).click()])
  const report = readFileSync((await csv.path())!, 'utf8')
  expect(report.split('\r\n')[0]).toBe(`Reason,Tickets,Share,Average overrun,Sprint ${sprint},Sprint ${sprint + 1},Team Alpha team,Team Beta team`)
  expect(report).toContain('Dependency on another team,2,0.5,')
  const dismiss = page.getByRole('button', { name: 'Dismiss' })
  while ((await dismiss.count()) > 0) await dismiss.first().click()
  await page.getByRole('heading', { name: 'Trend per sprint' }).evaluate((h) => h.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'retro-org-insights')

  // the org's sprint retro lists the escalated card, linked back to Alpha's board
  await openTab(page, 'Sprint retro')
  const agenda = page.getByRole('list', { name: 'Escalated by Alpha team' })
  await expect(agenda).toContainText('Deploys need a freeze window')
  await screenshot(page, 'retro-org-sprint-retro')
  await agenda.getByRole('link', { name: `Open Alpha team’s sprint ${sprint} board` }).click()
  await expect(page.getByRole('list', { name: 'Discussion order' })).toContainText('Deploys need a freeze window')
  await expect(page.locator('.rt-topic-card', { hasText: 'Deploys need a freeze window' })).toContainText('Escalated to the org')
})

test('a team’s late tickets reach its org while no retro screen is open on the device that has both spaces', async () => {
  test.setTimeout(120_000)
  const [ada, bruce, cleo] = (await Promise.all(['Ada', 'Bruce', 'Cleo'].map(peer))) as [Peer, Peer, Peer]
  await Promise.all([ada, bruce, cleo].map((p) => firstRun(p)))
  // Ada has the org and the team; Cleo only the org; Bruce only the team
  await createSpace(ada.page, 'Acme Engineering', 'Organization')
  const orgCode = await inviteCode(ada.page)
  await join(cleo.page, orgCode)
  await expect(cleo.page.getByRole('heading', { level: 1, name: 'Acme Engineering' })).toBeVisible()
  const gammaId = await teamOf(ada, 'Gamma team', [bruce])
  await openTab(ada.page, 'Retro')
  await ada.page.getByRole('button', { name: 'Create the board' }).click()
  await openTab(ada.page, 'Late tickets')
  await ada.page.getByLabel('Org to share with').selectOption({ label: 'Acme Engineering' })
  await ada.page.getByRole('checkbox', { name: /Share our late tickets/ }).check()
  await expect(ada.page.getByText('Shared: the org’s Retro insights include this team.')).toBeVisible()
  // Ada leaves every retro screen; nothing of the retrospective is shown on her device from now on
  await gotoRoute(ada.page, '/settings')
  await expect(ada.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()

  // Bruce, who has no org space, records a late ticket on the team's board
  await gotoRoute(bruce.page, `/space/${gammaId}/retro`)
  await recordLateTicket(bruce.page, { key: 'GAM-4', title: 'Payments', expected: '2', actual: '5', reason: 'Hidden complexity' })

  // Cleo, who has no team space, sees it in the org's report: only Ada's device can have copied it
  await cleo.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Acme Engineering' }).click()
  await openTab(cleo.page, 'Retro insights')
  await expect(cleo.page.getByRole('list', { name: 'Top reasons' })).toContainText('Hidden complexity')
  await expect(cleo.page.getByText(/\(1 team so far\)/)).toBeVisible()
  expect(ada.page.url()).toMatch(/#\/settings$/)
})
