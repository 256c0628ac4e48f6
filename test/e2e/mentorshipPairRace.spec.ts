import { expect, test, type Page } from '@playwright/test'
import { createSpace, firstRun, inviteCode, join, peersOnOwnSignaling, screenshot, setOnline, spaceIdOf } from './harness.ts'
import { BRUCE_YAML, DARIA_YAML, importYaml, openSection, tidy, yamlFile } from './mentorshipFlows.ts'

// Issue 15 #1: Daria and Bruce both start their pair while offline, so each device creates a pair
// space. Back online, both devices agree on the one to keep (the smaller id); the one who holds the
// other space is told to join the kept one, and once they do, what they wrote in theirs is in the
// kept space on both devices and their copy of the other is gone.
const peer = peersOnOwnSignaling()

const pairsInSidebar = (page: Page) => page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: /^(Daria & Bruce|Bruce & Daria)/ })

test('two people who start the same pair at once while apart end up in one pair space with both journals', async () => {
  test.setTimeout(240_000)
  const daria = await peer('Daria')
  const bruce = await peer('Bruce')
  for (const p of [daria, bruce]) await firstRun(p)

  // Daria runs the org's pool; both claim their profile
  await createSpace(daria.page, 'Engineering', 'Organization')
  const orgCode = await inviteCode(daria.page)
  await openSection(daria.page, 'Mentoring pool')
  const imported = await importYaml(daria.page, [yamlFile('daria.yaml', DARIA_YAML), yamlFile('bruce.yaml', BRUCE_YAML)])
  await imported.getByRole('button', { name: 'Done' }).click()
  await join(bruce.page, orgCode)
  await expect(bruce.page.getByRole('heading', { level: 1, name: 'Engineering' })).toBeVisible()
  await openSection(bruce.page, 'Mentoring pool')
  for (const [p, name] of [
    [daria, 'Daria Petrova'],
    [bruce, 'Bruce Nakamura']
  ] as const) {
    const card = p.page.getByRole('list', { name: 'People in the pool' }).getByRole('listitem', { name })
    await card.getByRole('button', { name: `This is me: claim ${name}` }).click()
    await expect(card).toContainText('Your profile')
  }
  // each sees the other's claim before they part
  await expect(daria.page.getByRole('list', { name: 'People in the pool' }).getByRole('listitem', { name: 'Bruce Nakamura' })).toContainText("Bruce's profile")

  // both go offline and both start their pair; each writes a session in their own space
  const spaces: string[] = []
  for (const [p, title] of [
    [daria, 'Written by Daria while apart'],
    [bruce, 'Written by Bruce while apart']
  ] as const) {
    await setOnline(p.page, false)
    const suggestion = p.page.getByRole('list', { name: 'Suggested pairs' }).getByRole('listitem', { name: /Daria Petrova|Bruce Nakamura/ })
    await suggestion.getByRole('button', { name: /^Start our pair: / }).click()
    await p.page.getByRole('dialog', { name: /^Pair started: / }).getByRole('link', { name: 'Open the pair' }).click()
    await expect(p.page.getByRole('heading', { level: 1, name: /^(Daria & Bruce|Bruce & Daria)$/ })).toBeVisible()
    spaces.push(spaceIdOf(p.page))
    await openSection(p.page, 'Sessions')
    await p.page.getByRole('button', { name: 'New session' }).click()
    await p.page.getByLabel('Session title').fill(title)
    await p.page.getByLabel('Session title').press('Tab')
    await expect(p.page.getByRole('navigation', { name: 'Sessions' })).toContainText(title)
  }
  const [dariaSpace, bruceSpace] = spaces as [string, string]
  expect(dariaSpace).not.toBe(bruceSpace)
  // the pair keeps the space with the smaller id
  const [kept, keeper, joiner] = dariaSpace < bruceSpace ? [dariaSpace, daria, bruce] : [bruceSpace, bruce, daria]
  // the keeper is on their own space, the kept one
  await openSection(keeper.page, 'Overview')
  const keeperCode = await inviteCode(keeper.page)

  // back online: the org tells each device of the other's start
  for (const p of [daria, bruce]) await setOnline(p.page, true)
  await openSection(joiner.page, 'Pair')
  await expect(joiner.page.getByRole('status').filter({ hasText: 'was started on both your devices' })).toContainText("The pair keeps the other one's space")
  await tidy(joiner.page)
  await screenshot(joiner.page, 'mentorship-pair-started-twice')

  // the keeper is told to send the invite (until the other is in the kept space)
  await openSection(keeper.page, 'Pair')
  await expect(keeper.page.getByRole('status').filter({ hasText: 'was started on both your devices' })).toContainText('This space is the one you both keep')
  await tidy(keeper.page)
  await screenshot(keeper.page, 'mentorship-pair-started-twice-kept')

  // the one whose space goes joins the kept one: their session moves there and their copy goes
  await join(joiner.page, keeperCode)
  const keptLink = (page: Page) => page.getByRole('navigation', { name: 'Spaces' }).locator(`a[href="#/space/${kept}"]`)
  for (const p of [daria, bruce]) {
    // the kept space is here, and it is the only pair space left
    await expect(keptLink(p.page)).toBeVisible()
    await expect(pairsInSidebar(p.page)).toHaveCount(1)
    await keptLink(p.page).click()
    await openSection(p.page, 'Sessions')
    const list = p.page.getByRole('navigation', { name: 'Sessions' })
    await expect(list).toContainText('Written by Daria while apart')
    await expect(list).toContainText('Written by Bruce while apart')
  }
  // the org's record of the pair names the kept space: the pair's page on each device has no notice left
  await openSection(keeper.page, 'Pair')
  await expect(keeper.page.getByRole('status').filter({ hasText: 'at the same time' })).toHaveCount(0)
})
