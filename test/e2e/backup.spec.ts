import { readFileSync } from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { expect, test, type Page } from '@playwright/test'
import { BASE_URL, createSpace, firstRun, member, peersOnOwnSignaling, screenshot, type Peer } from './harness.ts'
import { addCard, card, expectPhase, gotoRoute, nextPhase, openTab, teamOf } from './retroFlows.ts'
import { journalShape, openSection } from './mentorshipFlows.ts'
import { listArchive } from '@shared/backup/archive.ts'
import { openSeal } from '@shared/backup/seal.ts'
import { journalFromMarkdown } from '@shared/mentorship/journalMarkdown.ts'

// Issue 14: a whole space out to one file and back (a CRDT merge), and "add my other device".
test.use({ actionTimeout: 30_000 })

const peer = peersOnOwnSignaling()

const SEED = readFileSync(new URL('../fixtures/journal-seed.md', import.meta.url), 'utf8')
const SECRET = 'Only Ada knows: ask Bruce about the staff role'

async function openBackup(page: Page): Promise<void> {
  await gotoRoute(page, '/backup')
  await expect(page.getByRole('heading', { level: 1, name: 'Backup & devices' })).toBeVisible()
}

/** A pair space with the seed journal imported and a private note. Returns its id. */
async function pairWithJournal(p: Peer): Promise<void> {
  await createSpace(p.page, 'Ada & Bruce', 'Mentoring pair')
  await openSection(p.page, 'Pair')
  await p.page.getByLabel('Journal Markdown file').setInputFiles({ name: 'journal-seed.md', mimeType: 'text/markdown', buffer: Buffer.from(SEED) })
  await p.page.getByRole('dialog', { name: 'Import journal' }).getByRole('button', { name: 'Import', exact: true }).click()
  await expect(p.page.getByRole('heading', { name: 'First SMP Process' })).toBeVisible()
  await openSection(p.page, 'Private notes')
  await p.page.getByLabel('Private notes').fill(SECRET)
  await p.page.getByLabel('Private notes').blur()
  await expect(p.page.getByText(/Saved on this device/)).toBeVisible()
}

async function expectJournal(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Ada & Bruce' }).click()
  await openSection(page, 'Pair')
  await expect(page.getByRole('heading', { name: 'First SMP Process' })).toBeVisible()
  await openSection(page, 'Sessions')
  await expect(page.getByRole('navigation', { name: 'Sessions' }).getByRole('link', { name: /The Intro.*35 mins/ })).toBeVisible()
}

test('export a team and a pair with private notes, clear the profile, restore: all back, a peer’s edits arrive, a second restore changes nothing', async () => {
  test.setTimeout(240_000)
  const [ada, bruce] = (await Promise.all(['Ada', 'Bruce'].map(peer))) as [Peer, Peer]
  await Promise.all([firstRun(ada), firstRun(bruce)])
  const teamId = await teamOf(ada, 'Platform team', [bruce])

  // a retro board with a revealed card
  await openTab(ada.page, 'Retro')
  await ada.page.getByRole('button', { name: 'Create the board' }).click()
  await expectPhase([ada.page], 'Write')
  await addCard(ada.page, 'What went well', 'Backups that restore')
  await nextPhase(ada.page, 'Reveal')
  await expectPhase([ada.page], 'Reveal')
  await gotoRoute(bruce.page, `/space/${teamId}/retro`)
  await expect(card(bruce.page, 'Backups that restore')).toBeVisible()

  await pairWithJournal(ada)

  // export everything, private notes ticked, sealed with a passphrase
  await openBackup(ada.page)
  await ada.page.getByLabel('Include my private notes').check()
  await ada.page.getByLabel('Passphrase (optional)').fill('blue harbour 42')
  await screenshot(ada.page, 'backup-export')
  const [download] = await Promise.all([ada.page.waitForEvent('download'), ada.page.getByRole('button', { name: 'Back up all 2 spaces' }).click()])
  expect(download.suggestedFilename()).toMatch(/^tandem-all-2-spaces-\d{4}-\d{2}-\d{2}\.tandem$/)
  const file = path.join(os.tmpdir(), `tandem-e2e-${Date.now()}.tandem`)
  await download.saveAs(file)
  const bytes = readFileSync(file)

  // the readable files inside: the board, the journal, the calendar, the private note
  const opened = await openSeal(new Uint8Array(bytes), 'blue harbour 42')
  if (!opened.ok) throw new Error(`the backup does not open: ${opened.reason}`)
  const files = listArchive(opened.bytes)
  const named = (re: RegExp) => Object.entries(files).find(([name]) => re.test(name))?.[1] ?? ''
  expect(named(/\/readable\/retro-board-sprint-\d+\.md$/)).toContain('Backups that restore')
  expect(named(/\/readable\/retro-board-sprint-\d+\.csv$/)).toContain('Backups that restore')
  expect(journalShape(journalFromMarkdown(named(/\/readable\/journal-program\.md$/)).journal)).toEqual(journalShape(journalFromMarkdown(SEED).journal))
  expect(named(/platform-team-[^/]+\/readable\/sprint-ceremonies\.ics$/)).toContain('BEGIN:VCALENDAR')
  expect(named(/\/private-notes\.md$/)).toContain(SECRET)
  expect(files['README.md']).toContain('retro-board-sprint-')

  // Ada's browser profile is gone; meanwhile Bruce writes in the team space
  await ada.close()
  await bruce.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Platform team' }).click()
  await bruce.page.getByLabel('Space description').fill('Written by Bruce while Ada was away')
  await bruce.page.getByLabel('Space description').blur()

  // a fresh profile (a new browser process): first run, then restore
  const again = await peer('Ada')
  await firstRun(again)
  await openBackup(again.page)
  const restore = async (passphrase: string | null) => {
    await again.page.getByLabel('Backup file').setInputFiles({ name: 'backup.tandem', mimeType: 'application/octet-stream', buffer: bytes })
    await again.page.getByRole('button', { name: 'Restore', exact: true }).click()
    if (passphrase !== null) {
      await expect(again.page.getByRole('alert')).toContainText('protected with a passphrase')
      await again.page.getByLabel('Backup passphrase').fill('wrong')
      await again.page.getByRole('button', { name: 'Restore', exact: true }).click()
      await expect(again.page.getByRole('alert')).toContainText('passphrase does not open this backup')
      await again.page.getByLabel('Backup passphrase').fill(passphrase)
      await again.page.getByRole('button', { name: 'Restore', exact: true }).click()
    }
    return again.page.getByRole('status', { name: 'Restore result' })
  }
  // a truncated file is refused and changes nothing
  await again.page.getByLabel('Backup file').setInputFiles({ name: 'cut.tandem', mimeType: 'application/octet-stream', buffer: bytes.subarray(0, bytes.length >> 1) })
  await again.page.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(again.page.getByRole('alert')).toContainText(/passphrase|damaged/)

  const first = await restore('blue harbour 42')
  await expect(first).toContainText('This device is Ada again')
  await expect(first).toContainText('Platform team: restored')
  await expect(first).toContainText('Ada & Bruce: restored')
  await expect(first).toContainText('1 private note.')
  await first.scrollIntoViewIfNeeded()
  await screenshot(again.page, 'backup-restored')

  // everything is back: the board, the journal, the private note
  await gotoRoute(again.page, `/space/${teamId}/retro`)
  await expect(card(again.page, 'Backups that restore')).toBeVisible()
  await expectJournal(again.page)
  await openSection(again.page, 'Private notes')
  await expect(again.page.getByLabel('Private notes')).toHaveValue(SECRET)

  // and what Bruce wrote meanwhile arrives once they meet; Bruce sees one Ada
  await again.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Platform team' }).click()
  await expect(again.page.getByLabel('Space description')).toHaveValue('Written by Bruce while Ada was away', { timeout: 45_000 })
  await expect(member(bruce.page, 'Ada')).toHaveCount(1)
  await expect(member(bruce.page, 'Ada')).toHaveAttribute('aria-label', /online now/)

  // the storage view shows both spaces, their documents, and with whom the team last synced
  await openBackup(again.page)
  const storage = again.page.getByRole('list', { name: 'Spaces on this device' })
  await expect(storage.getByRole('listitem', { name: /^Platform team, / })).toContainText(/Last synced .* with Bruce/)
  await storage.locator('summary').filter({ hasText: 'of Platform team' }).click()
  await screenshot(again.page, 'backup-storage')

  // a second restore of the same file changes nothing
  const second = await restore('blue harbour 42')
  await expect(second).toContainText('Platform team: merged — nothing new')
  await expect(second).toContainText('Ada & Bruce: merged — nothing new')
})

test('add my other device: one link and a passphrase bring all spaces to a second browser, which syncs them; the team sees one Ada on two devices', async () => {
  test.setTimeout(180_000)
  const [ada, bruce] = (await Promise.all(['Ada', 'Bruce'].map(peer))) as [Peer, Peer]
  await Promise.all([firstRun(ada), firstRun(bruce)])
  const teamId = await teamOf(ada, 'Platform team', [bruce])
  await ada.page.getByLabel('Space description').fill('Team space, made on the laptop')
  await ada.page.getByLabel('Space description').blur()
  await pairWithJournal(ada)

  await openBackup(ada.page)
  await ada.page.getByRole('button', { name: 'Make a link for my other device' }).click()
  const linkField = ada.page.getByLabel('Link for your other device')
  await expect(linkField).toHaveValue(/#\/device\/tandem-device1\./)
  const link = await linkField.inputValue()
  const passphrase = (await ada.page.locator('.passphrase').textContent()) ?? ''
  expect(passphrase).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
  await expect(ada.page.getByRole('img', { name: 'QR code to scan on your other device' })).toBeVisible()
  await screenshot(ada.page, 'backup-other-device')

  // the second device: a new browser process opens the link and types the passphrase
  const desk = await peer('Ada (desk)')
  expect(link.startsWith(BASE_URL)).toBe(true)
  await desk.page.goto(link)
  await expect(desk.page.getByRole('heading', { level: 1, name: 'Add this device' })).toBeVisible()
  await desk.page.getByLabel('Passphrase your other device shows').fill('AAAAA-AAAAA')
  await desk.page.getByRole('button', { name: 'Add this device' }).click()
  await expect(desk.page.getByRole('alert')).toContainText('passphrase does not open this code')
  await desk.page.getByLabel('Passphrase your other device shows').fill(passphrase.toLowerCase())
  await screenshot(desk.page, 'backup-add-device')
  await desk.page.getByRole('button', { name: 'Add this device' }).click()

  // it is Ada, with both spaces, synced from her peers
  const spaces = desk.page.getByRole('navigation', { name: 'Spaces' })
  await expect(spaces.getByRole('link', { name: 'Platform team' })).toBeVisible()
  await expect(spaces.getByRole('link', { name: 'Ada & Bruce' })).toBeVisible()
  await spaces.getByRole('link', { name: 'Platform team' }).click()
  await expect(desk.page.getByLabel('Space description')).toHaveValue('Team space, made on the laptop', { timeout: 45_000 })
  await expectJournal(desk.page)

  // the team sees one person, Ada, on two devices
  await gotoRoute(ada.page, `/space/${teamId}`)
  await gotoRoute(desk.page, `/space/${teamId}`)
  await expect(member(bruce.page, 'Ada')).toHaveCount(1)
  await expect(member(bruce.page, 'Ada')).toHaveAttribute('aria-label', /online now on 2 devices/, { timeout: 45_000 })
  await expect(bruce.page.getByRole('list', { name: 'Members' }).getByRole('listitem')).toHaveCount(2)
  await screenshot(bruce.page, 'backup-one-person-two-devices')
  // and each of Ada's devices knows the other is her
  await expect(ada.page.getByRole('status').filter({ hasText: 'Syncing with' })).toHaveText('Syncing with 1 person and your other device')
  await expect(member(desk.page, 'Ada')).toHaveAttribute('aria-label', /Ada \(you\), online now on 2 devices/)
})
