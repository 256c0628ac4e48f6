import { expect, test, type Page } from '@playwright/test'
import { createSpace, firstRun, inviteCode, join, member, peersOnOwnSignaling, screenshot, setOnline, storedAnywhere } from './harness.ts'

/**
 * Remove a member = rotate the key (issue 10 #19), with three browser processes and real WebRTC:
 * Ada removes Cleo; Bruce gets the new key sealed for his device and moves with Ada to the new
 * rooms; Cleo keeps what she had and gets nothing new, and nothing she writes reaches the others.
 */
const peer = peersOnOwnSignaling()

async function describe(page: Page, text: string): Promise<void> {
  const field = page.getByLabel('Space description')
  await field.fill(text)
  await field.blur()
}

test('removing a member renews the key: the others go on together, the removed device gets nothing new', async () => {
  test.setTimeout(150_000)
  const a = await peer('Ada')
  const b = await peer('Bruce')
  const c = await peer('Cleo')
  for (const p of [a, b, c]) await firstRun(p)
  await createSpace(a.page, 'Platform', 'Team')
  const code = await inviteCode(a.page)
  await join(b.page, code)
  await join(c.page, code)
  for (const p of [a, b, c]) for (const name of ['Ada', 'Bruce', 'Cleo']) await expect(member(p.page, name)).toBeVisible()

  // before: everyone reads everyone
  await describe(a.page, 'Before the change')
  await expect(c.page.getByLabel('Space description')).toHaveValue('Before the change')
  await expect(b.page.getByLabel('Space description')).toHaveValue('Before the change')

  a.page.on('dialog', (d) => void d.accept())
  const panel = a.page.getByRole('region', { name: 'Remove a member' })
  await panel.getByLabel('Member to remove').selectOption({ label: 'Cleo' })
  await panel.getByRole('button', { name: 'Remove and renew the key' }).click()
  await expect(a.page.getByText('Cleo was removed. Everyone else has the new key.')).toBeVisible()
  await expect(panel).toContainText('Removed: Cleo')
  await screenshot(a.page, 'space-remove-member')

  // Ada and Bruce, on the new key, in the new rooms
  await describe(a.page, 'After Cleo left the team')
  await expect(b.page.getByLabel('Space description')).toHaveValue('After Cleo left the team')
  await expect(b.page.getByRole('region', { name: 'Remove a member' })).toContainText('Removed: Cleo')
  // Cleo writes too; then Bruce writes, and Ada has Bruce's edit: Cleo's had the same way to go
  await describe(c.page, 'Cleo still writes here')
  await describe(b.page, 'Bruce writes after the change')
  await expect(a.page.getByLabel('Space description')).toHaveValue('Bruce writes after the change')
  await expect(b.page.getByLabel('Space description')).toHaveValue('Bruce writes after the change')

  // Cleo keeps what she had and has nothing new, not even stored; nothing of hers reached the others
  await expect(c.page.getByLabel('Space description')).toHaveValue('Cleo still writes here')
  expect(await storedAnywhere(c.page, 'After Cleo left the team')).toBeNull()
  expect(await storedAnywhere(c.page, 'Bruce writes after the change')).toBeNull()
  expect(await storedAnywhere(c.page, 'Before the change')).not.toBeNull()
  expect(await storedAnywhere(a.page, 'Cleo still writes here')).toBeNull()
  expect(await storedAnywhere(b.page, 'Cleo still writes here')).toBeNull()
})

test('a member away during the removal, with no relay and nobody left on the old key, finds the new key when back', async () => {
  test.setTimeout(120_000)
  const a = await peer('Ada')
  const b = await peer('Bruce')
  const c = await peer('Cleo')
  for (const p of [a, b, c]) await firstRun(p)
  await createSpace(a.page, 'Platform', 'Team')
  const code = await inviteCode(a.page)
  await join(b.page, code)
  await join(c.page, code)
  for (const name of ['Bruce', 'Cleo']) await expect(member(a.page, name)).toBeVisible()
  await expect(member(b.page, 'Cleo')).toBeVisible()

  // Bruce and Cleo are away (Cleo stays away: nobody on the old key can pass the record on)
  await setOnline(b.page, false)
  await setOnline(c.page, false)
  a.page.on('dialog', (d) => void d.accept())
  const panel = a.page.getByRole('region', { name: 'Remove a member' })
  await panel.getByLabel('Member to remove').selectOption({ label: 'Cleo' })
  await panel.getByRole('button', { name: 'Remove and renew the key' }).click()
  // said once Ada's device is on the new key (it left the old rooms)
  await expect(a.page.getByText('Cleo was removed. Everyone else has the new key.')).toBeVisible()
  await describe(a.page, 'Written while Bruce was away')

  // Bruce comes back with the old key: the old key's beacon room brings him the rotation
  await setOnline(b.page, true)
  await expect(b.page.getByLabel('Space description')).toHaveValue('Written while Bruce was away')
  await expect(b.page.getByRole('region', { name: 'Remove a member' })).toContainText('Removed: Cleo')
  await describe(b.page, 'Bruce is back on the new key')
  await expect(a.page.getByLabel('Space description')).toHaveValue('Bruce is back on the new key')
})

test("two rotations at once: Bruce renews the key while away, Ada removes Cleo; both end on one key and Cleo stays out", async () => {
  test.setTimeout(120_000)
  const a = await peer('Ada')
  const b = await peer('Bruce')
  const c = await peer('Cleo')
  for (const p of [a, b, c]) await firstRun(p)
  await createSpace(a.page, 'Platform', 'Team')
  const code = await inviteCode(a.page)
  await join(b.page, code)
  await join(c.page, code)
  for (const name of ['Bruce', 'Cleo']) await expect(member(a.page, name)).toBeVisible()
  await expect(member(b.page, 'Cleo')).toBeVisible()
  for (const p of [a, b]) p.page.on('dialog', (d) => void d.accept())

  // Bruce, cut off, renews the key (sealed to everyone he knows, Cleo included) — first
  await setOnline(b.page, false)
  await b.page.getByRole('button', { name: 'Renew the key', exact: true }).click()
  await expect(b.page.getByText('New key. Everyone here has it.')).toBeVisible()
  // then Ada, who does not know, removes Cleo
  const panel = a.page.getByRole('region', { name: 'Remove a member' })
  await panel.getByLabel('Member to remove').selectOption({ label: 'Cleo' })
  await panel.getByRole('button', { name: 'Remove and renew the key' }).click()
  await expect(a.page.getByText('Cleo was removed. Everyone else has the new key.')).toBeVisible()

  // they meet: Bruce's renewal wins (the earlier), Ada removes Cleo again on top of it, both go on
  await setOnline(b.page, true)
  await describe(a.page, 'Ada after both rotations')
  await expect(b.page.getByLabel('Space description')).toHaveValue('Ada after both rotations')
  await describe(b.page, 'Bruce after both rotations')
  await expect(a.page.getByLabel('Space description')).toHaveValue('Bruce after both rotations')
  await expect(b.page.getByRole('region', { name: 'Remove a member' })).toContainText('Removed: Cleo')
  expect(await storedAnywhere(c.page, 'Ada after both rotations')).toBeNull()
  expect(await storedAnywhere(c.page, 'Bruce after both rotations')).toBeNull()
})

test('removed, then invited again: Cleo gets the keys of later rotations like everyone else', async () => {
  test.setTimeout(150_000)
  const a = await peer('Ada')
  const c = await peer('Cleo')
  for (const p of [a, c]) await firstRun(p)
  await createSpace(a.page, 'Platform', 'Team')
  await join(c.page, await inviteCode(a.page))
  await expect(member(a.page, 'Cleo')).toBeVisible()
  for (const p of [a, c]) p.page.on('dialog', (d) => void d.accept())
  const panel = a.page.getByRole('region', { name: 'Remove a member' })
  await panel.getByLabel('Member to remove').selectOption({ label: 'Cleo' })
  await panel.getByRole('button', { name: 'Remove and renew the key' }).click()
  await expect(a.page.getByText('Cleo was removed. Everyone else has the new key.')).toBeVisible()

  // Cleo leaves and deletes her copy (her key is the old one); Ada invites her again: the invite
  // says where the key stands in the rotations
  await c.page.getByRole('button', { name: 'Leave space…' }).click()
  await c.page.getByRole('button', { name: 'Leave space', exact: true }).click()
  await c.page.getByRole('button', { name: 'Delete local copy…' }).click()
  await c.page.getByRole('button', { name: 'Delete local copy', exact: true }).click()
  await a.page.getByRole('button', { name: 'Invite people' }).click()
  const dialog = a.page.getByRole('dialog', { name: 'Invite people' })
  await expect(dialog.getByLabel('Invite code')).toHaveValue(/^tandem3\./)
  const again = await dialog.getByLabel('Invite code').inputValue()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await join(c.page, again)
  await describe(a.page, 'Cleo is back')
  await expect(c.page.getByLabel('Space description')).toHaveValue('Cleo is back')
  // her device proved it holds the new key: she is a member again
  await expect(panel).not.toContainText('Removed: Cleo')

  // Ada renews the key: sealed to Cleo's device too, and they go on together
  await a.page.getByRole('button', { name: 'Renew the key', exact: true }).click()
  await expect(a.page.getByText('New key. Everyone here has it.')).toBeVisible()
  await describe(a.page, 'After the renewal')
  await expect(c.page.getByLabel('Space description')).toHaveValue('After the renewal')
  await describe(c.page, 'Cleo on the renewed key')
  await expect(a.page.getByLabel('Space description')).toHaveValue('Cleo on the renewed key')
})
