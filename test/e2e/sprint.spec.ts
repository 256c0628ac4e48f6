import { expect, test } from '@playwright/test'
import { firstRun, setOnline, peersOnOwnSignaling } from './harness.ts'
import { clockSkew, openTab, skewClock, sprintScreenshot, syncUpCard, teamWithMembers, timerSeconds } from './sprintFlows.ts'

/** The daily sync-up with three peers, each in its own browser process, two with skewed clocks. */
const peer = peersOnOwnSignaling()

test('three peers hold one daily sync-up: answers, a timer in sync across skewed clocks, the retro inbox, offline edits', async () => {
  test.setTimeout(180_000)
  const a = await peer('Ada')
  const b = await peer('Bruce')
  const c = await peer('Cleo')
  // Bruce's clock runs 4 minutes ahead, Cleo's 3 minutes behind
  await skewClock(b, 4 * 60_000)
  await skewClock(c, -3 * 60_000)
  expect(Math.abs((await clockSkew(b.page)) - 4 * 60_000)).toBeLessThan(5_000)
  expect(Math.abs((await clockSkew(c.page)) + 3 * 60_000)).toBeLessThan(5_000)
  for (const p of [a, b, c]) await firstRun(p)
  await teamWithMembers(a, 'Platform team', [b, c])

  await openTab(a.page, 'Sync-up')
  await expect(a.page.getByRole('timer', { name: 'Time left' })).toBeVisible()
  const day = (await a.page.getByRole('navigation', { name: 'Day' }).getByRole('heading').textContent()) ?? ''
  for (const p of [b, c]) {
    await openTab(p.page, 'Sync-up')
    await expect(syncUpCard(p.page, p.name)).toBeVisible()
    await expect(p.page.getByRole('navigation', { name: 'Day' }).getByRole('heading')).toHaveText(day)
  }
  const syncupUrl = a.page.url()
  for (const p of [a, b, c]) for (const other of ['Ada', 'Bruce', 'Cleo']) await expect(syncUpCard(p.page, other)).toBeVisible()

  // everyone writes their own answers at the same time
  const answers = {
    Ada: { Yesterday: 'Reviewed the cache PR', Today: 'Pair with Bruce on retries', Blockers: '' },
    Bruce: { Yesterday: 'Retry queue spike', Today: 'Finish retries', Blockers: '' },
    Cleo: { Yesterday: 'Load tests', Today: 'Staging rollout', Blockers: 'Waiting for the staging DB credentials' }
  }
  await Promise.all(
    [a, b, c].map(async (p) => {
      const card = syncUpCard(p.page, p.name)
      for (const [label, text] of Object.entries(answers[p.name as keyof typeof answers])) {
        if (text) await card.getByLabel(label).fill(text)
      }
      await card.getByLabel('Today').blur()
    })
  )
  for (const p of [a, b, c]) {
    for (const [name, fields] of Object.entries(answers)) {
      const card = syncUpCard(p.page, name)
      if (name === p.name) {
        await expect(card.getByLabel('Today')).toHaveValue(fields.Today)
      } else {
        await expect(card.getByLabel(`${name}: Today`)).toHaveText(fields.Today)
        await expect(card.getByLabel(`${name}: Yesterday`)).toHaveText(fields.Yesterday)
      }
    }
    // blockers stand out
    await expect(syncUpCard(p.page, 'Cleo').getByText('Blocked', { exact: true })).toBeVisible()
    await expect(syncUpCard(p.page, 'Ada').getByText('Blocked', { exact: true })).toHaveCount(0)
    await expect(p.page.getByRole('status').filter({ hasText: '1 person is blocked' })).toBeVisible()
  }

  // Ada starts the timer: all three show the same time left, though two clocks are minutes off
  await a.page.getByRole('button', { name: 'Start' }).click()
  await expect(async () => {
    const seconds = await Promise.all([a, b, c].map((p) => timerSeconds(p.page)))
    expect(Math.max(...seconds) - Math.min(...seconds)).toBeLessThanOrEqual(2)
    expect(Math.min(...seconds)).toBeGreaterThan(13 * 60)
    expect(Math.max(...seconds)).toBeLessThan(15 * 60)
  }).toPass({ timeout: 40_000, intervals: [500] })
  for (const p of [b, c]) await expect(p.page.getByText('Running · started by Ada')).toBeVisible()
  // and it stays in step a few seconds later, and when Bruce pauses it
  await a.page.waitForTimeout(2_000)
  const running = await Promise.all([a, b, c].map((p) => timerSeconds(p.page)))
  expect(Math.max(...running) - Math.min(...running)).toBeLessThanOrEqual(2)
  await b.page.getByRole('button', { name: 'Pause' }).click()
  for (const p of [a, c]) await expect(p.page.getByRole('button', { name: 'Resume' })).toBeVisible()
  const paused = await Promise.all([a, b, c].map((p) => timerSeconds(p.page)))
  expect(Math.max(...paused) - Math.min(...paused)).toBeLessThanOrEqual(2)
  await c.page.getByRole('button', { name: 'Resume' }).click()
  await expect(a.page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect(async () => {
    const seconds = await Promise.all([a, b, c].map((p) => timerSeconds(p.page)))
    expect(Math.max(...seconds) - Math.min(...seconds)).toBeLessThanOrEqual(2)
  }).toPass({ timeout: 20_000, intervals: [500] })

  // Bruce notices something: it lands in the retro inbox on every peer, with him as the author
  // a long paste is cut at the limit, and the field says so instead of cutting silently
  const opportunity = b.page.getByLabel('A problem or an opportunity for improvement')
  await opportunity.fill('x'.repeat(2500))
  await expect(opportunity).toHaveValue('x'.repeat(2000))
  const noticed = b.page.getByRole('region', { name: 'Noticed something?' })
  await expect(noticed.getByText('2,000 / 2,000 characters — the limit')).toBeVisible()
  await opportunity.fill('Flaky integration tests slow every merge')
  await expect(noticed.getByText(/ characters/)).toHaveCount(0)
  await b.page.getByRole('button', { name: 'Log for the retro' }).click()
  for (const p of [a, b, c]) {
    const inbox = p.page.getByRole('list', { name: 'Retro inbox' })
    await expect(inbox.getByRole('listitem').filter({ hasText: 'Flaky integration tests slow every merge' })).toContainText('noticed by Bruce')
  }
  await sprintScreenshot(a.page, 'sprint-daily-syncup', 1250)

  // the inbox shows on the Sprint tab too
  await openTab(c.page, 'Sprint')
  await expect(c.page.getByRole('list', { name: 'Retro inbox' })).toContainText('Flaky integration tests')
  await sprintScreenshot(c.page, 'sprint-team-timeline', 1100)
  await c.page.goto(syncupUrl)
  await expect(syncUpCard(c.page, 'Cleo')).toBeVisible()

  // Cleo works offline; everyone edits; she comes back and all converge
  await setOnline(c.page, false)
  await syncUpCard(c.page, 'Cleo').getByLabel('Today').fill('Staging rollout, then docs')
  await syncUpCard(c.page, 'Cleo').getByLabel('Today').blur()
  await syncUpCard(a.page, 'Ada').getByLabel('Blockers').fill('CI is down')
  await syncUpCard(a.page, 'Ada').getByLabel('Blockers').blur()
  await syncUpCard(b.page, 'Bruce').getByLabel('Today').fill('Retries shipped; on to timeouts')
  await syncUpCard(b.page, 'Bruce').getByLabel('Today').blur()
  await expect(syncUpCard(a.page, 'Cleo').getByLabel('Cleo: Today')).toHaveText('Staging rollout')
  await expect(syncUpCard(c.page, 'Ada').getByLabel('Ada: Blockers')).toHaveText('—')
  await setOnline(c.page, true)
  for (const p of [a, b, c]) {
    const read = (name: string, field: string) =>
      name === p.name ? syncUpCard(p.page, name).getByLabel(field) : syncUpCard(p.page, name).getByLabel(`${name}: ${field}`)
    const check = async (name: string, field: string, text: string) =>
      name === p.name ? expect(read(name, field)).toHaveValue(text) : expect(read(name, field)).toHaveText(text)
    await check('Cleo', 'Today', 'Staging rollout, then docs')
    await check('Ada', 'Blockers', 'CI is down')
    await check('Bruce', 'Today', 'Retries shipped; on to timeouts')
    await expect(p.page.getByRole('status').filter({ hasText: '2 people are blocked' })).toBeVisible()
  }
})
