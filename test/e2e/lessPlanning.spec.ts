import { expect, test, type Page } from '@playwright/test'
import { createSpace, firstRun, inviteCode, join, peersOnOwnSignaling, setOnline, spaceIdOf, storedAnywhere } from './harness.ts'
import { openTab, sprintScreenshot } from './sprintFlows.ts'

/**
 * LeSS planning across processes: a product manager and two team leads build the division's
 * backlog (a Jira CSV with a malformed row, pasted lines), give tickets to two teams — one lead is
 * offline meanwhile —, each team's scrum shows exactly its tickets, three members of one team play
 * a poker round whose votes are nowhere but on the voter's device until reveal, and the accepted
 * estimate shows on the division board.
 */
const peer = peersOnOwnSignaling()

const JIRA_CSV = [
  'Summary,Issue key,Issue id,Issue Type,Status,Priority,Sprint,Sprint,Custom field (Story Points),Description',
  '"Checkout fails with 100+ items",PAY-101,10231,Bug,In Progress,High,Sprint 41,Sprint 42,5.0,"Steps:',
  '1. add 101 items',
  '2. press ""Pay now"""',
  'Refund API: idempotency keys,PAY-102,10232,Story,To Do,Medium,Sprint 42,,8,',
  'Broken row,PAY-199,10299,Story,To Do',
  '"Search: typo tolerance (""fuzzy"")",SRCH-7,10240,Story,To Do,Highest,,,,One line',
  ''
].join('\r\n')

function ticket(page: Page, list: string, name: string) {
  return page.getByRole('list', { name: list }).getByRole('listitem', { name, exact: true })
}

async function openTeam(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

async function addTeam(page: Page, name: string): Promise<void> {
  await openTab(page, 'Teams & cadence')
  await page.getByRole('button', { name: 'Add a team' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a team' })
  await dialog.getByLabel('Team name').fill(name)
  await dialog.getByRole('button', { name: 'Create team' }).click()
  await expect(page.getByRole('list', { name: 'Teams' }).getByRole('listitem', { name })).toBeVisible()
}

test('division planning, each team’s scrum, and a hidden poker round up to the estimate on the division board', async () => {
  test.setTimeout(240_000)
  const pia = await peer('Pia')
  const ada = await peer('Ada')
  const ben = await peer('Ben')
  for (const p of [pia, ada, ben]) await firstRun(p)

  // the org, its two teams (each created by its lead), and Payments' three members
  await createSpace(pia.page, 'Acme Engineering', 'Organization')
  const orgCode = await inviteCode(pia.page)
  for (const p of [ada, ben]) {
    await join(p.page, orgCode)
    await expect(p.page.getByRole('heading', { level: 1, name: 'Acme Engineering' })).toBeVisible()
  }
  await addTeam(ada.page, 'Payments')
  await addTeam(ben.page, 'Search')
  await openTeam(ada.page, 'Payments')
  const paymentsId = spaceIdOf(ada.page)
  // the org holds no team's key (issue 10 #19): Pia and Ben ask to join Payments, Ada lets them in
  for (const p of [pia, ben]) {
    await p.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Acme Engineering' }).click()
    await openTab(p.page, 'Teams & cadence')
    const payments = p.page.getByRole('list', { name: 'Teams' }).getByRole('listitem', { name: 'Payments' })
    await payments.getByRole('button', { name: 'Ask to join Payments' }).click()
    await expect(payments.getByRole('status')).toHaveText('Asked to join')
  }
  await ada.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Acme Engineering' }).click()
  await openTab(ada.page, 'Teams & cadence')
  const asking = ada.page.getByRole('list', { name: 'Asking to join Payments' })
  for (const name of ['Pia', 'Ben']) await asking.getByRole('button', { name: `Let in ${name}, asking to join Payments` }).click()
  for (const p of [pia, ben]) {
    await p.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Payments' }).click()
    await expect(p.page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible()
  }
  await openTeam(ada.page, 'Payments')

  // Ben, the Search lead, is offline during division planning
  await setOnline(ben.page, false)

  // Pia imports the tracker's export: the malformed row is reported with its line and skipped
  // from the timeline's meeting to its page
  await pia.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Acme Engineering' }).click()
  await openTab(pia.page, 'Timeline')
  await pia.page.getByRole('table', { name: /^Sprint \d+ timeline$/ }).getByRole('link', { name: /^Division sprint planning/ }).click()
  await pia.page.getByRole('link', { name: /^Open the division planning of sprint \d+$/ }).click()
  await expect(pia.page.getByText('identify which tickets should be estimated next sprint')).toBeVisible()
  await expect(pia.page.getByText('Next sprint', { exact: true })).toBeVisible()
  await pia.page.getByRole('button', { name: 'Import a CSV export' }).click()
  await pia.page.getByLabel('Tracker address (optional, to link each key)').fill('https://acme.atlassian.net')
  await pia.page.getByLabel('CSV file').setInputFiles({ name: 'jira-export.csv', mimeType: 'text/csv', buffer: Buffer.from(JIRA_CSV) })
  const report = pia.page.getByRole('status', { name: 'What was added' })
  await expect(report).toContainText('jira-export.csv: 3 added, 0 updated. 1 line was skipped:')
  await expect(report.getByRole('list', { name: 'Skipped lines' })).toHaveText('Line 6: it has 5 fields where the header has 10 (a delimiter outside quotes, or a cut line?)')
  await expect(ticket(pia.page, 'Division backlog', 'PAY-101')).toContainText('In Progress · High · 5.0 pts in the tracker · Sprint 41, Sprint 42')
  await expect(ticket(pia.page, 'Division backlog', 'PAY-199')).toHaveCount(0)
  // importing the same file again updates instead of duplicating
  await pia.page.getByLabel('CSV file').setInputFiles({ name: 'jira-export.csv', mimeType: 'text/csv', buffer: Buffer.from(JIRA_CSV) })
  await expect(report).toContainText('jira-export.csv: 0 added, 0 updated, 3 already up to date.')
  await expect(pia.page.getByRole('list', { name: 'Division backlog' }).getByRole('listitem')).toHaveCount(3)

  // Ada, on her own machine, pastes two more and both see the whole backlog
  await ada.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Acme Engineering' }).click()
  await openTab(ada.page, 'Division planning')
  await ada.page.getByRole('button', { name: 'Paste lines' }).click()
  await ada.page.getByLabel('Pasted tickets').fill('PAY-103 Retry failed webhooks\nSRCH-8: Synonyms for SKUs')
  await ada.page.getByRole('button', { name: 'Add these tickets' }).click()
  await expect(ticket(pia.page, 'Division backlog', 'SRCH-8')).toBeVisible()
  await expect(ticket(ada.page, 'Division backlog', 'PAY-101')).toBeVisible()
  await expect(pia.page.getByRole('list', { name: 'Here now' }).getByRole('listitem', { name: 'Ada' })).toBeVisible()

  // selected for next sprint and assigned: two tickets to Payments, one to Search; PAY-103 stays in the backlog
  for (const [key, team] of [['PAY-101', 'Payments'], ['PAY-102', 'Payments'], ['SRCH-7', 'Search'], ['PAY-103', 'Payments']] as const) {
    const item = ticket(pia.page, 'Division backlog', key)
    if (key !== 'PAY-103') await item.getByRole('checkbox', { name: /^Estimate .* in sprint \d+$/ }).check()
    await item.getByLabel(`Team for ${key}`).selectOption({ label: team })
  }
  const pay101 = ticket(ada.page, 'Division backlog', 'PAY-101')
  await pay101.getByLabel('Kind of question about PAY-101').selectOption('blocker')
  await pay101.getByLabel('New question about PAY-101').fill('Which payment provider handles retries?')
  await pay101.getByRole('button', { name: 'Add' }).click()
  await expect(ticket(pia.page, 'Division backlog', 'PAY-101')).toContainText('Which payment provider handles retries?')
  // sealed by Ada on her device, checked on Pia's, and named by Ada's member entry
  await expect(pia.page.getByRole('list', { name: 'Questions about PAY-101' }).getByRole('listitem')).toContainText('Ada')
  await expect(ticket(ada.page, 'Division backlog', 'SRCH-7').getByLabel('Team for SRCH-7')).toHaveValue(/.+/)
  await expect(pia.page.getByRole('list', { name: 'Tickets per team' })).toContainText('Payments: 2')
  await expect(pia.page.getByRole('list', { name: 'Tickets per team' })).toContainText('Search: 1')
  await pia.page.evaluate(() => document.querySelector('.less-page')?.scrollIntoView({ block: 'start' }))
  await sprintScreenshot(pia.page, 'less-division-planning', 1800)

  // Payments' scrum receives exactly its tickets for the sprint, with the division's question
  await openTeam(ada.page, 'Payments')
  await openTab(ada.page, 'Team scrum')
  await expect(ada.page.getByText('estimate tickets selected for next sprint')).toBeVisible()
  const adaTickets = ada.page.getByRole('list', { name: 'Team scrum tickets' })
  await expect(adaTickets.locator(':scope > li')).toHaveCount(2)
  await expect(ticket(ada.page, 'Team scrum tickets', 'PAY-101')).toBeVisible()
  await expect(ticket(ada.page, 'Team scrum tickets', 'PAY-102')).toBeVisible()
  await expect(ticket(ada.page, 'Team scrum tickets', 'PAY-101')).toContainText('Which payment provider handles retries?')
  // the mirror's copy names the asker as her member entry in the org does
  await expect(ada.page.getByRole('list', { name: 'From division planning: PAY-101' })).toContainText('Ada')

  // Ben comes back: his device carries Search's ticket over, and Search's scrum shows exactly it
  await setOnline(ben.page, true)
  await openTeam(ben.page, 'Search')
  await openTab(ben.page, 'Team scrum')
  await expect(ticket(ben.page, 'Team scrum tickets', 'SRCH-7')).toBeVisible({ timeout: 30_000 })
  await expect(ben.page.getByRole('list', { name: 'Team scrum tickets' }).locator(':scope > li')).toHaveCount(1)
  await sprintScreenshot(ben.page, 'less-team-scrum-search', 1000)

  // planning poker in Payments: Ada, Pia and Ben
  await openTeam(pia.page, 'Payments')
  await openTab(pia.page, 'Team scrum')
  await openTeam(ben.page, 'Payments')
  await openTab(ben.page, 'Team scrum')
  for (const p of [ada, pia, ben]) {
    for (const name of ['Ada', 'Pia', 'Ben']) await expect(p.page.getByRole('list', { name: 'Here now' }).getByRole('listitem', { name })).toBeVisible({ timeout: 60_000 })
  }
  await ticket(ada.page, 'Team scrum tickets', 'PAY-101').getByRole('button', { name: 'Estimate PAY-101' }).click()
  await ticket(ada.page, 'Team scrum tickets', 'PAY-101').getByRole('button', { name: 'Start voting on PAY-101' }).click()
  const votes = (page: Page) => page.getByRole('list', { name: 'Votes on PAY-101' })
  const card = (page: Page, value: string) => page.getByRole('group', { name: 'Your card for PAY-101' }).getByRole('button', { name: value, exact: true })
  for (const p of [pia, ben]) await expect(card(p.page, '5')).toBeVisible()

  await card(ada.page, '5').click()
  await card(pia.page, '8').click()
  for (const p of [ada, pia, ben]) {
    await expect(votes(p.page).getByRole('listitem', { name: 'Ada: voted' })).toBeVisible()
    await expect(votes(p.page).getByRole('listitem', { name: 'Pia: voted' })).toBeVisible()
    await expect(votes(p.page).getByRole('listitem', { name: 'Ben: not voted yet' })).toBeVisible()
    // no value on any page: the cards are face down, no spread
    await expect(votes(p.page)).not.toContainText(/\d/)
    await expect(p.page.getByRole('status', { name: 'Spread on PAY-101' })).toHaveCount(0)
  }
  await expect(card(ada.page, '5')).toHaveAttribute('aria-pressed', 'true')
  await expect(card(pia.page, '8')).toHaveAttribute('aria-pressed', 'true')
  await sprintScreenshot(ben.page, 'less-poker-hidden', 1300)

  // …and no vote in anyone's data but the voter's own device
  const sprintN = /Preparing sprint (\d+):/.exec((await ada.page.getByText(/^Preparing sprint \d+:/).textContent()) ?? '')?.[1]
  expect(sprintN).toBeTruthy()
  // a waiting vote is a row of the voter's own local table (its id names scrum, ticket and round):
  // Ada and Pia each hold their own, Ben (not voted yet) none; and no device, the voters' included,
  // holds a published vote (a record of the scrum document's 'pokerVotes' collection)
  const waitingVote = `${paymentsId}/scrum/${sprintN}|PAY-101#1`
  expect(await storedAnywhere(ada.page, waitingVote)).toBe('tandem/pokerVotes')
  expect(await storedAnywhere(pia.page, waitingVote)).toBe('tandem/pokerVotes')
  expect(await storedAnywhere(ben.page, waitingVote)).toBeNull()
  for (const p of [ada, pia, ben]) expect(await storedAnywhere(p.page, 'pokerVotes::'), `a published vote on ${p.name}'s device`).toBeNull()

  // Ben votes last: the cards turn by themselves on every page
  await card(ben.page, '8').click()
  for (const p of [ada, pia, ben]) {
    const spread = p.page.getByRole('status', { name: 'Spread on PAY-101' })
    await expect(spread).toContainText('From 5 to 8: 1 card apart. Ada (lowest), Ben and Pia (highest) explain first. Average 7.', { timeout: 30_000 })
    await expect(votes(p.page).getByRole('listitem', { name: 'Ada: 5' })).toBeVisible()
    await expect(votes(p.page).getByRole('listitem', { name: 'Pia: 8' })).toBeVisible()
    await expect(votes(p.page).getByRole('listitem', { name: 'Ben: 8' })).toBeVisible()
  }
  // now published, and the local copies are gone
  await expect.poll(() => storedAnywhere(pia.page, 'pokerVotes::')).not.toBeNull()
  await expect.poll(() => storedAnywhere(ada.page, waitingVote)).toBeNull()
  await sprintScreenshot(pia.page, 'less-poker-revealed', 1300)

  // they discuss and vote again; Ada turns the cards by hand before Ben has voted
  await ada.page.getByRole('button', { name: 'Vote again' }).click()
  for (const p of [ada, pia, ben]) await expect(p.page.getByRole('group', { name: 'Poker on PAY-101' })).toContainText('Round 2')
  await card(ada.page, '8').click()
  await card(pia.page, '8').click()
  await expect(votes(ben.page).getByRole('listitem', { name: 'Pia: voted' })).toBeVisible()
  await expect(votes(ben.page).getByRole('listitem', { name: 'Ada: voted' })).toBeVisible()
  await ada.page.getByRole('button', { name: 'Reveal cards' }).click()
  for (const p of [ada, pia, ben]) {
    await expect(p.page.getByRole('status', { name: 'Spread on PAY-101' })).toContainText('Everyone who estimated says 8.')
    await expect(votes(p.page).getByRole('listitem', { name: 'Ben: no vote' })).toBeVisible()
  }

  // Ada accepts the suggestion; the estimate is on the ticket in the team and on the division board
  await expect(ada.page.getByLabel('Estimate to accept for PAY-101')).toHaveValue('8')
  await ada.page.getByRole('button', { name: 'Accept 8' }).click()
  for (const p of [ada, pia, ben]) await expect(ticket(p.page, 'Team scrum tickets', 'PAY-101').getByLabel('Estimate of PAY-101')).toHaveText('8')

  // the goals of the sprint being prepared open that sprint's team planning
  await ada.page.getByLabel('New sprint goal').fill('Retries never double-charge')
  await ada.page.keyboard.press('Enter')
  await expect(pia.page.getByLabel('Goal 1')).toHaveValue('Retries never double-charge')
  await openTab(ada.page, 'Planning')
  await ada.page.getByRole('link', { name: 'Next sprint' }).click()
  await expect(ada.page.getByRole('navigation', { name: 'Sprint' }).getByRole('heading', { name: new RegExp(`^Sprint ${sprintN}\\b`) })).toBeVisible()
  await expect(ada.page.getByLabel('Goal 1')).toHaveValue('Retries never double-charge')

  await pia.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Acme Engineering' }).click()
  await openTab(pia.page, 'Division planning')
  await expect(ticket(pia.page, 'Division backlog', 'PAY-101').getByLabel('Estimate of PAY-101')).toContainText('8', { timeout: 30_000 })
  await expect(ticket(pia.page, 'Division backlog', 'PAY-101').getByLabel('Estimate of PAY-101')).toContainText('Payments')
  await sprintScreenshot(pia.page, 'less-division-estimated', 1300)
})
