import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { createSpace, firstRun, screenshot, peersOnOwnSignaling } from './harness.ts'
import { openSection } from './mentorshipFlows.ts'

// The org's mentoring pool by hand: the profile form with its hints and checks, and YAML export.
const peer = peersOnOwnSignaling()

test('a profile typed into the pool form exports as the program\'s YAML', async () => {
  const a = await peer('Ada')
  await firstRun(a)
  await createSpace(a.page, 'Engineering', 'Organization')
  await openSection(a.page, 'Mentoring pool')
  await a.page.getByRole('button', { name: 'Add my profile' }).click()
  const form = a.page.getByRole('dialog', { name: 'Add your profile' })
  await form.getByLabel('Name', { exact: true }).fill('Ada Example')
  await form.getByLabel('Department or team').fill('engg')
  await form.getByLabel('Be a mentor (BAM)').fill('Rust services in production\nKafka')
  await form.getByLabel('Seek a mentor (SAM)').fill('Frontend development with React and Redux')
  await expect(form.getByRole('list', { name: 'Suggestions for this profile' })).toContainText('The program asks for 3–4 "be a mentor" items; you have 2.')
  await form.getByLabel('Time zone').fill('Mars/Olympus')
  await form.getByRole('button', { name: 'Add to pool' }).click()
  await expect(form.getByRole('alert')).toContainText('IANA time zone')
  await form.getByLabel('Time zone').fill('Europe/Berlin')
  await screenshot(a.page, 'mentorship-profile-form')
  await form.getByRole('button', { name: 'Add to pool' }).click()
  const card = a.page.getByRole('list', { name: 'People in the pool' }).getByRole('listitem', { name: 'Ada Example' })
  await expect(card).toContainText('Kafka')
  await card.getByRole('button', { name: 'Edit Ada Example' }).click()
  await a.page.getByRole('dialog', { name: 'Edit Ada Example' }).getByLabel('Hobbies').fill('Climbing')
  await a.page.getByRole('dialog', { name: 'Edit Ada Example' }).getByRole('button', { name: 'Save profile' }).click()
  await expect(card).toContainText('Climbing')
  // her own card: she owns it, says she is not looking for a pair now
  await expect(card).toContainText('Your profile')
  await card.getByRole('group', { name: 'Your availability' }).getByLabel('Open to a new pair').uncheck()
  await expect(card.getByLabel('Open to a new pair')).not.toBeChecked()
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(a.page, 'mentorship-own-profile')
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Export YAML' }).click()])
  expect(download.suggestedFilename()).toBe('engineering-pool.yaml')
  const yaml = readFileSync(await download.path(), 'utf8')
  expect(yaml).toContain('name: Ada Example')
  expect(yaml).toContain('timezone: Europe/Berlin')
  expect(yaml).toMatch(/be_a_mentor:\n\s+- Rust services in production\n\s+- Kafka/)
  expect(yaml).toMatch(/hobbies:\n\s+- Climbing/)
})
