import { expect, test } from '@playwright/test'
import { createSpace, firstRun, inviteCode, join, screenshot, peersOnOwnSignaling } from './harness.ts'
import { DARIA_YAML, importYaml, openSection, yamlFile } from './mentorshipFlows.ts'

// People own their profiles (issue 15 #3): others comment or suggest; the owner applies a
// suggestion in one click or dismisses it; an author deletes their own comment.
const peer = peersOnOwnSignaling()

test('a member comments on and suggests a change to another member\'s profile; the owner applies it', async () => {
  test.setTimeout(180_000)
  const ada = await peer('Ada')
  const daria = await peer('Daria')
  for (const p of [ada, daria]) await firstRun(p)
  await createSpace(ada.page, 'Engineering', 'Organization')
  const orgCode = await inviteCode(ada.page)
  await openSection(ada.page, 'Mentoring pool')
  const imported = await importYaml(ada.page, [yamlFile('daria.yaml', DARIA_YAML)])
  await imported.getByRole('button', { name: 'Done' }).click()

  await join(daria.page, orgCode)
  await expect(daria.page.getByRole('heading', { level: 1, name: 'Engineering' })).toBeVisible()
  await openSection(daria.page, 'Mentoring pool')
  const dariaCard = daria.page.getByRole('list', { name: 'People in the pool' }).getByRole('listitem', { name: 'Daria Petrova' })
  await dariaCard.getByRole('button', { name: 'This is me: claim Daria Petrova' }).click()
  await expect(dariaCard).toContainText('Your profile')
  // her own card offers no comment to herself
  await expect(dariaCard.getByRole('button', { name: /^Comment or suggest/ })).toHaveCount(0)

  // Ada may not edit Daria's profile now; she comments and suggests
  const adaCard = ada.page.getByRole('list', { name: 'People in the pool' }).getByRole('listitem', { name: 'Daria Petrova' })
  await expect(adaCard).toContainText("Daria's profile")
  await expect(adaCard.getByRole('button', { name: 'Edit Daria Petrova' })).toHaveCount(0)
  const write = adaCard.getByRole('button', { name: 'Comment or suggest: Daria Petrova' })
  await write.click()
  let dialog = ada.page.getByRole('dialog', { name: 'Comment or suggest: Daria Petrova' })
  await dialog.getByRole('button', { name: 'Comment' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Write your comment.')
  await dialog.getByLabel(/^Comment/).fill('Your React talk last quarter was great')
  await dialog.getByRole('button', { name: 'Comment' }).click()
  await expect(dialog).toBeHidden()

  await write.click()
  dialog = ada.page.getByRole('dialog', { name: 'Comment or suggest: Daria Petrova' })
  await dialog.getByLabel('A suggested change').check()
  await dialog.getByRole('combobox').selectOption({ label: 'Add a be-a-mentor item' })
  // an item she has already is refused with the reason
  await dialog.getByLabel(/^Item/).fill('react & redux')
  await dialog.getByRole('button', { name: 'Suggest' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('The profile has this item already.')
  await dialog.getByLabel(/^Item/).fill('Public speaking at meetups')
  await dialog.getByLabel('Why (optional)').fill('You gave three talks this year')
  await screenshot(ada.page, 'mentorship-profile-suggest')
  await dialog.getByRole('button', { name: 'Suggest' }).click()
  await expect(dialog).toBeHidden()
  const adaList = adaCard.getByRole('list', { name: 'Comments and suggestions on Daria Petrova' })
  await adaCard.getByText('2 comments and suggestions · 1 open').click()
  await expect(adaList.locator(':scope > li')).toHaveCount(2)
  await adaCard.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(ada.page, 'mentorship-profile-notes-author')
  // the author is offered no Apply on someone else's profile
  await expect(adaCard.getByRole('button', { name: /^Apply / })).toHaveCount(0)

  // Daria sees both on her card (open, since a suggestion waits) and applies the suggestion
  const dariaList = dariaCard.getByRole('list', { name: 'Comments and suggestions on Daria Petrova' })
  await expect(dariaList.locator(':scope > li')).toHaveCount(2)
  await expect(dariaList).toContainText('Ada suggests Add a be-a-mentor item: “Public speaking at meetups”')
  await expect(dariaList).toContainText('You gave three talks this year')
  await expect(dariaList).toContainText('Ada says')
  await expect(dariaList).toContainText('Your React talk last quarter was great')
  await dariaCard.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(daria.page, 'mentorship-profile-notes-owner')
  await dariaList.getByRole('button', { name: "Apply Ada's suggestion to Daria Petrova: Public speaking at meetups" }).click()
  await expect(dariaCard.locator('.chips').first()).toContainText('Public speaking at meetups')
  await expect(dariaList).toContainText('Applied')
  // on Ada's device too: the profile changed and the suggestion says so
  await expect(adaCard.locator('.chips').first()).toContainText('Public speaking at meetups')
  await expect(adaList).toContainText('Applied')

  // Ada deletes her comment; it goes on Daria's card too; Daria is offered no Delete of Ada's note
  await expect(dariaList.getByRole('button', { name: /^Delete / })).toHaveCount(0)
  await adaList.getByRole('button', { name: 'Delete your comment on Daria Petrova: Your React talk last quarter was great' }).click()
  await expect(adaList.locator(':scope > li')).toHaveCount(1)
  await expect(dariaList.locator(':scope > li')).toHaveCount(1)
  await expect(dariaList).not.toContainText('Your React talk')
})
