import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { createSpace, firstRun, inviteCode, join, screenshot, peersOnOwnSignaling, storedAnywhere } from './harness.ts'
import { BRUCE_YAML, DARIA_YAML, importYaml, openSection, sessionNotes, tidy, yamlFile } from './mentorshipFlows.ts'

// Issue 15 #1: pairs own their space. The org's admin suggests a pair; one of the two accepts, the
// pair's space is created on her device and she invites the other; the admin's device holds neither
// the pair's key nor a word of its journal, and the program shows the pair's last session.
const peer = peersOnOwnSignaling()

test('an admin suggests a pair, one of the two accepts and invites the other; the admin never holds the journal', async () => {
  test.setTimeout(240_000)
  const ada = await peer('Ada')
  const daria = await peer('Daria')
  const bruce = await peer('Bruce')
  for (const p of [ada, daria, bruce]) await firstRun(p)

  // Ada runs the program: the org, its pool imported from YAML (unclaimed profiles)
  await createSpace(ada.page, 'Engineering', 'Organization')
  const orgCode = await inviteCode(ada.page)
  await openSection(ada.page, 'Mentoring pool')
  const imported = await importYaml(ada.page, [yamlFile('daria.yaml', DARIA_YAML), yamlFile('bruce.yaml', BRUCE_YAML)])
  await expect(imported.getByRole('status')).toHaveText('Added 2 profiles.')
  await imported.getByRole('button', { name: 'Done' }).click()

  // Daria and Bruce join the org and each claims their profile
  for (const [p, name] of [
    [daria, 'Daria Petrova'],
    [bruce, 'Bruce Nakamura']
  ] as const) {
    await join(p.page, orgCode)
    await expect(p.page.getByRole('heading', { level: 1, name: 'Engineering' })).toBeVisible()
    await openSection(p.page, 'Mentoring pool')
    const card = p.page.getByRole('list', { name: 'People in the pool' }).getByRole('listitem', { name })
    await card.getByRole('button', { name: `This is me: claim ${name}` }).click()
    await expect(card).toContainText('Your profile')
    // nobody is offered a way to change another member's profile
    const other = name === 'Daria Petrova' ? 'Bruce Nakamura' : 'Daria Petrova'
    await expect(p.page.getByRole('button', { name: `Edit ${other}` })).toHaveCount(0)
  }
  const adaPeople = ada.page.getByRole('list', { name: 'People in the pool' })
  await expect(adaPeople.getByRole('listitem', { name: 'Daria Petrova' })).toContainText("Daria's profile")
  await expect(ada.page.getByRole('button', { name: 'Edit Daria Petrova' })).toHaveCount(0)

  // Ada suggests the pair: nothing is created for it
  // (the two in either order: neither is the viewer)
  const both = /^(Daria Petrova & Bruce Nakamura|Bruce Nakamura & Daria Petrova)$/
  const suggestion = ada.page.getByRole('list', { name: 'Suggested pairs' }).getByRole('listitem', { name: both })
  await suggestion.getByRole('button', { name: /^Suggest this pair: / }).click()
  const adaRow = ada.page.getByRole('list', { name: 'Pairs' }).getByRole('listitem', { name: both })
  await expect(adaRow).toContainText('Suggested')
  await expect(adaRow).toContainText(/Waiting for (Daria Petrova or Bruce Nakamura|Bruce Nakamura or Daria Petrova)/)
  await expect(suggestion).toHaveCount(0)
  await tidy(ada.page, ada.page.getByRole('heading', { name: 'Pairs', exact: true }))
  await screenshot(ada.page, 'mentorship-pair-suggested')

  // Daria accepts: the pair's space is created on her device; she invites Bruce
  const dariaRow = daria.page.getByRole('list', { name: 'Pairs' }).getByRole('listitem', { name: both })
  await dariaRow.getByRole('button', { name: 'Accept and start' }).click()
  const started = daria.page.getByRole('dialog', { name: /^Pair started: / })
  await expect(started.getByLabel('Invite code')).toHaveValue(/^tandem\d\.pair\./)
  const pairCode = await started.getByLabel('Invite code').inputValue()
  const pairKey = pairCode.split('.')[3]!
  await started.getByRole('link', { name: 'Open the pair' }).click()
  const pairName = /^(Daria & Bruce|Bruce & Daria)$/
  await expect(daria.page.getByRole('heading', { level: 1, name: pairName })).toBeVisible()
  await join(bruce.page, pairCode)
  await expect(bruce.page.getByRole('heading', { level: 1, name: pairName })).toBeVisible()

  // the pair writes a session; Bruce sees it
  const secret = 'Daria will show Bruce the Redux devtools on Thursday'
  await openSection(daria.page, 'Sessions')
  await daria.page.getByRole('button', { name: 'New session' }).click()
  await sessionNotes(daria.page).click()
  await daria.page.keyboard.type(secret, { delay: 10 })
  await openSection(bruce.page, 'Sessions')
  await bruce.page.getByRole('link', { name: /The intro/ }).click()
  await expect(sessionNotes(bruce.page)).toContainText(secret)

  // the next session on the calendar, in both people's zones, and the sessions as .ics
  await openSection(daria.page, 'Pair')
  // one person, one colour: her avatar among the participants is the sidebar's
  const colour = (l: import('@playwright/test').Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor)
  const sidebarColour = await colour(daria.page.locator('a.me .avatar'))
  expect(await colour(daria.page.getByRole('list', { name: 'Participants' }).getByRole('listitem').filter({ hasText: 'Daria Petrova' }).locator('.avatar'))).toBe(sidebarColour)
  const pool = ada.page.getByRole('list', { name: 'People in the pool' }).getByRole('listitem', { name: 'Daria Petrova' })
  expect(await colour(pool.locator('.avatar'))).toBe(sidebarColour)
  await daria.page.getByLabel('Next session time').fill('17:00')
  await daria.page.getByLabel('Next session time').blur()
  const zones = daria.page.getByRole('list', { name: 'Next session in your zones' })
  await expect(zones).toContainText('America/New_York')
  await expect(zones).toContainText('America/Los_Angeles')
  const [ics] = await Promise.all([daria.page.waitForEvent('download'), daria.page.getByRole('button', { name: 'Export sessions (.ics)' }).click()])
  expect(readFileSync(await ics.path(), 'utf8')).toMatch(/BEGIN:VEVENT[\s\S]*SUMMARY:The intro · /)
  await tidy(daria.page, daria.page.getByRole('heading', { name: 'Next session on the calendar' }))
  await screenshot(daria.page, 'mentorship-next-session')

  // the program shows the pair active with its last session — and that is all Ada has of it
  await expect(adaRow).toContainText('Active')
  await expect(adaRow).toContainText('Last session')
  await expect(adaRow).not.toContainText('No session yet')
  await expect(adaRow).toContainText('Only the pair holds its journal')
  await expect(adaRow.getByRole('link', { name: 'Open' })).toHaveCount(0)
  await tidy(ada.page, ada.page.getByRole('heading', { name: 'Pairs', exact: true }))
  await screenshot(ada.page, 'mentorship-program-pairs')
  await expect.poll(() => storedAnywhere(bruce.page, secret), { timeout: 30_000 }).not.toBeNull()
  expect(await storedAnywhere(ada.page, pairKey)).toBeNull()
  expect(await storedAnywhere(ada.page, secret)).toBeNull()
  expect(await storedAnywhere(ada.page, 'Redux devtools')).toBeNull()

  // Issue 15 #7: the pair ends; each fills the feedback form and chooses which answers the program gets
  await daria.page.getByRole('button', { name: 'End pairing…' }).click()
  const ending = daria.page.getByRole('dialog', { name: 'End this pairing?' })
  await ending.getByLabel('Why, for the program (optional)').fill('Both of us changed teams')
  await ending.getByRole('button', { name: 'End pairing', exact: true }).click()
  const form = daria.page.getByRole('form', { name: 'Your feedback' })
  await expect(daria.page.getByRole('heading', { name: 'How did the pairing go?' })).toBeVisible()
  // sharing an answer not given is refused with a message, and nothing is saved
  await form.getByRole('checkbox', { name: 'Share with the program: what worked' }).check()
  await form.getByRole('button', { name: 'Save feedback' }).click()
  await expect(form.getByRole('alert')).toHaveText(/Nothing saved: answer “what worked” before sharing it/)
  // by keyboard: the rating's radios move with the arrow keys, a checkbox toggles with Space
  await form.getByRole('radio', { name: '1 of 5, not useful' }).focus()
  await daria.page.keyboard.press('Space')
  for (let i = 0; i < 3; i++) await daria.page.keyboard.press('ArrowRight')
  await expect(form.getByRole('radio', { name: '4 of 5, very useful' })).toBeChecked()
  await form.getByRole('checkbox', { name: 'Share with the program: how useful' }).focus()
  await daria.page.keyboard.press('Space')
  await expect(form.getByRole('checkbox', { name: 'Share with the program: how useful' })).toBeChecked()
  const worked = 'Pairing on real incidents every other week'
  const unshared = 'Kept between us: my manager never gave me time for this'
  await form.getByLabel('What worked?').fill(worked)
  await form.getByLabel('What would you change?').fill(unshared)
  await form.getByRole('radio', { name: 'Yes' }).check()
  await form.getByRole('checkbox', { name: 'Share with the program: would recommend' }).check()
  await expect(form.getByRole('checkbox', { name: 'Share with the program: what to change' })).not.toBeChecked()
  await tidy(daria.page, daria.page.getByRole('heading', { name: 'How did the pairing go?' }))
  await screenshot(daria.page, 'mentorship-pair-feedback')
  await form.getByRole('button', { name: 'Save feedback' }).click()
  await expect(daria.page.getByText('Feedback saved. Shared with the program: how useful, what worked, would recommend.')).toBeVisible()

  // Bruce reads Daria's answers in the pair, and shares only his rating and what he would change
  await openSection(bruce.page, 'Pair')
  const dariasAnswers = bruce.page.getByRole('region', { name: "Daria's answers" })
  await expect(dariasAnswers).toContainText(worked)
  await expect(dariasAnswers).toContainText(unshared)
  const bruceForm = bruce.page.getByRole('form', { name: 'Your feedback' })
  await bruceForm.getByRole('radio', { name: '2 of 5, a little useful' }).check()
  await bruceForm.getByRole('checkbox', { name: 'Share with the program: how useful' }).check()
  await bruceForm.getByLabel('What would you change?').fill('Meet more often than monthly')
  await bruceForm.getByRole('checkbox', { name: 'Share with the program: what to change' }).check()
  await bruceForm.getByRole('button', { name: 'Save feedback' }).click()
  await expect(bruce.page.getByText('Feedback saved. Shared with the program: how useful, what to change.')).toBeVisible()

  // the program view shows what was shared — and Ada's device never holds an answer that was not
  const feedback = ada.page.getByRole('region', { name: 'Feedback shared by pairs' })
  await expect(feedback).toContainText('3.0 of 5 (2 ratings)')
  await expect(feedback).toContainText('1 yes · 0 maybe · 0 no')
  const comments = feedback.getByRole('list', { name: 'Shared comments' })
  await expect(comments).toContainText(worked)
  await expect(comments).toContainText('Meet more often than monthly')
  await expect(feedback).not.toContainText(unshared)
  // (the two are free again, so they are also among the suggestions: the program's list of pairs, exactly)
  const endedRow = ada.page.getByRole('list', { name: 'Pairs', exact: true }).getByRole('listitem', { name: both })
  await expect(endedRow).toContainText('Ended')
  await expect(endedRow).toContainText('Both of us changed teams')
  await tidy(ada.page, ada.page.getByRole('heading', { name: 'Pairs', exact: true }))
  await screenshot(ada.page, 'mentorship-program-feedback')
  expect(await storedAnywhere(ada.page, 'my manager never gave me time')).toBeNull()
  await expect.poll(() => storedAnywhere(bruce.page, 'my manager never gave me time'), { timeout: 30_000 }).not.toBeNull()
})
