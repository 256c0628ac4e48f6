import { expect, test } from '@playwright/test'
import { createSpace, firstRun, inviteCode, join, peersOnOwnSignaling } from './harness.ts'
import { gotoRoute, openTab, sprintScreenshot, syncUpCard } from './sprintFlows.ts'

/** An org with teams: its timeline, joining a team from the org, planning, people and the time finder. */
const peer = peersOnOwnSignaling()

test('an org with teams: timeline of every team, a team joins and observes, planning and people', async () => {
  test.setTimeout(150_000)
  const a = await peer('Ada')
  const b = await peer('Bruce')
  await firstRun(a)
  await firstRun(b)
  await createSpace(a.page, 'Acme Engineering', 'Organization')
  await openTab(a.page, 'Teams & cadence')
  for (const [name, zone] of [['Payments', ''], ['Search', 'America/New_York']] as const) {
    await a.page.getByRole('button', { name: 'Add a team' }).click()
    const dialog = a.page.getByRole('dialog', { name: 'Add a team' })
    await dialog.getByLabel('Team name').fill(name)
    if (zone) await dialog.getByLabel('Team time zone (optional)').fill(zone)
    await dialog.getByRole('button', { name: 'Create team' }).click()
    await expect(a.page.getByRole('list', { name: 'Teams' }).getByRole('listitem', { name })).toBeVisible()
  }
  await expect(a.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Search' })).toBeVisible()
  await sprintScreenshot(a.page, 'sprint-org-cadence', 1500)

  await openTab(a.page, 'Timeline')
  const timeline = a.page.getByRole('table', { name: /^Sprint \d+ timeline$/ })
  await expect(timeline.getByRole('rowheader', { name: 'Payments' })).toBeVisible()
  await expect(timeline.getByRole('rowheader', { name: 'Search' })).toBeVisible()
  await expect(timeline.getByRole('link', { name: /^Sprint retrospective & demo/ })).toHaveCount(1)
  await expect(timeline.getByRole('link', { name: /^Team retrospective, Search/ })).toHaveCount(1)
  await expect(a.page.getByText('Current sprint')).toBeVisible()
  await sprintScreenshot(a.page, 'sprint-timeline', 860)
  await timeline.getByRole('link', { name: /^Division sprint planning/ }).click()
  await expect(a.page.getByText('identify which tickets should be estimated next sprint')).toBeVisible()
  await expect(a.page.getByText('Product managers, team leads, and certain backlog owners', { exact: false })).toBeVisible()
  await sprintScreenshot(a.page, 'sprint-org-ceremony', 1100)
  await openTab(a.page, 'Calendar')
  await a.page.getByLabel('Calendar of').selectOption({ label: 'Search' })
  await expect(a.page.getByRole('table', { name: 'What the calendar holds' })).toContainText('Daily sync-up · Search')
  await expect(a.page.getByRole('table', { name: 'What the calendar holds' })).not.toContainText('Payments')
  await sprintScreenshot(a.page, 'sprint-org-calendar', 900)

  // Bruce joins the org, and from its list observes the Search team
  // (the invite is in the space's header on every tab: no need to go back to the overview)
  await join(b.page, await inviteCode(a.page))
  await expect(b.page.getByRole('heading', { level: 1, name: 'Acme Engineering' })).toBeVisible()
  await openTab(b.page, 'Teams & cadence')
  const search = b.page.getByRole('list', { name: 'Teams' }).getByRole('listitem', { name: 'Search' })
  await search.getByRole('button', { name: 'Observe' }).click()
  await expect(b.page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
  await expect(b.page.getByText(/You are observing this team.s sync-up/)).toBeVisible()
  await expect(syncUpCard(b.page, 'Ada')).toBeVisible()
  await expect(syncUpCard(b.page, 'Bruce')).toHaveCount(0)
  // …then decides he is on the team after all
  await b.page.getByRole('button', { name: /on this team/ }).click()
  await expect(syncUpCard(b.page, 'Bruce')).toBeVisible()

  // Ada plans the Search team's sprint; Bruce reads along
  await a.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Search' }).click()
  await openTab(a.page, 'Planning')
  await a.page.getByLabel('New sprint goal').fill('Ship typo-tolerant search')
  await a.page.keyboard.press('Enter')
  await a.page.getByLabel('New sprint goal').fill('Halve p95 query latency')
  await a.page.keyboard.press('Enter')
  await a.page.getByLabel('New question').fill('Do we need the ranking review first?')
  await a.page.keyboard.press('Enter')
  await a.page.getByLabel('New question').fill('Which index version ships?')
  await a.page.keyboard.press('Enter')
  await a.page.getByRole('checkbox', { name: 'Resolved: Which index version ships?' }).check()
  await a.page.getByLabel('Answer to question 2').fill('v7, agreed with Platform')
  await a.page.getByLabel('Answer to question 2').blur()
  for (const [key, title] of [['SRCH-101', 'Fuzzy matching in the query parser'], ['SRCH-102', 'Cache hot queries']] as const) {
    await a.page.getByLabel('New ticket key').fill(key)
    await a.page.getByLabel('New ticket title').fill(title)
    await a.page.getByLabel('New ticket link').fill(`acme.atlassian.net/browse/${key}`)
    await a.page.getByRole('button', { name: 'Add ticket' }).click()
  }
  const plan = a.page.getByRole('list', { name: 'Plan' })
  await plan.getByRole('group', { name: 'Who works on SRCH-101' }).getByRole('button', { name: 'Ada' }).click()
  await plan.getByRole('group', { name: 'Who works on SRCH-102' }).getByRole('button', { name: 'Bruce' }).click()
  await expect(plan.getByRole('group', { name: 'Who works on SRCH-101' }).getByRole('button', { name: 'Ada' })).toHaveAttribute('aria-pressed', 'true')
  await expect(a.page.getByText('1 open · 1 resolved')).toBeVisible()
  await sprintScreenshot(a.page, 'sprint-planning', 1150)

  await openTab(b.page, 'Planning')
  await expect(b.page.getByRole('list', { name: 'Sprint goals' }).getByRole('textbox')).toHaveCount(2)
  await expect(b.page.getByLabel('Goal 1')).toHaveValue('Ship typo-tolerant search')
  await expect(b.page.getByLabel('Answer to question 2')).toHaveValue('v7, agreed with Platform')
  await expect(b.page.getByRole('list', { name: 'Plan' }).getByRole('listitem', { name: 'SRCH-102' })).toBeVisible()

  // people: Bruce works from Los Angeles, 09:00–17:00 — no overlap with Ada's 09:00–17:00 UTC
  await openTab(b.page, 'People')
  await b.page.getByLabel('Your time zone').fill('America/Los_Angeles')
  await b.page.getByLabel('Your time zone').press('Enter')
  await openTab(a.page, 'People')
  const finder = a.page.getByRole('region', { name: 'Sync-up time' })
  await expect(finder.getByRole('status')).toContainText('No 15-minute slot falls inside every member')
  await expect(finder.getByRole('status')).toContainText('have no working hours in common')
  await expect(finder.getByRole('status')).toContainText('Bruce (America/Los_Angeles, 09:00–17:00)')
  // he starts at 07:00 instead: 15:00–17:00 UTC is shared; the earliest of the equally good slots wins
  await b.page.getByLabel('Your working hours start').fill('07:00')
  await b.page.getByLabel('Your working hours start').blur()
  await expect(finder.getByLabel('Suggested time')).toContainText('Ada: 15:00')
  await expect(finder.getByLabel('Suggested time')).toContainText('Bruce: 07:00')
  await finder.getByRole('button', { name: 'Use 10:00' }).click()
  await expect(finder).toContainText('Now: 10:00 America/New_York')
  await expect(finder.getByLabel('Suggested time').getByText('Current time')).toBeVisible()
  await sprintScreenshot(a.page, 'sprint-people', 1000)
})

test('a device with the org and its team carries the cadence across while it shows only its home screen', async () => {
  test.setTimeout(150_000)
  // Ada has both spaces; Bruce is in the org only, Cleo in the team only: neither can copy anything
  const a = await peer('Ada')
  const b = await peer('Bruce')
  const c = await peer('Cleo')
  for (const p of [a, b, c]) await firstRun(p)
  await createSpace(a.page, 'Acme Engineering', 'Organization')
  const orgCode = await inviteCode(a.page)
  await openTab(a.page, 'Teams & cadence')
  await a.page.getByRole('button', { name: 'Add a team' }).click()
  const dialog = a.page.getByRole('dialog', { name: 'Add a team' })
  await dialog.getByLabel('Team name').fill('Payments')
  await dialog.getByRole('button', { name: 'Create team' }).click()
  await expect(a.page.getByRole('list', { name: 'Teams' }).getByRole('listitem', { name: 'Payments' })).toBeVisible()
  await a.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Payments' }).click()
  await expect(a.page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible()
  const teamCode = await inviteCode(a.page)
  // from here on Ada only looks at her home screen: no sprint screen of either space is open
  await gotoRoute(a.page, '/')
  await expect(a.page.getByRole('heading', { level: 1, name: 'Your spaces' })).toBeVisible()

  await join(b.page, orgCode)
  await expect(b.page.getByRole('heading', { level: 1, name: 'Acme Engineering' })).toBeVisible()
  await join(c.page, teamCode)
  await expect(c.page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible()
  await openTab(c.page, 'Sprint')
  await c.page.getByRole('link', { name: 'Sprint settings' }).click()
  await expect(c.page.getByLabel('Sprint length (days)')).toHaveValue('14')

  // the org's rhythm, changed where only the org is, reaches the team-only member
  await openTab(b.page, 'Teams & cadence')
  await b.page.getByLabel('Sprint length (days)').fill('21')
  await b.page.getByLabel('Sprint length (days)').press('Enter')
  await expect(c.page.getByLabel('Sprint length (days)')).toHaveValue('21', { timeout: 30_000 })

  // the team's own zone, changed where only the team is, reaches the org-only member
  await c.page.getByLabel('Team time zone').fill('Asia/Tokyo')
  await c.page.getByLabel('Team time zone').press('Enter')
  await expect(b.page.getByRole('list', { name: 'Teams' }).getByRole('listitem', { name: 'Payments' })).toContainText('Asia/Tokyo', { timeout: 30_000 })
  await expect(a.page.getByRole('heading', { level: 1, name: 'Your spaces' })).toBeVisible()
})
