import { expect, type Locator, type Page } from '@playwright/test'
import type { Journal } from '@shared/mentorship/journal.ts'

/** Steps of the mentorship program as a person does them in the app (used by mentorship.spec.ts). */

export const TRACKER = 'https://shippo.atlassian.net/browse/'


/** A journal without its ids (an import renews them); tracks and projects point at session positions. */
export function journalShape(journal: Journal) {
  const index = new Map(journal.sessions.map((s, i) => [s.id, i]))
  return {
    ...journal,
    sessions: journal.sessions.map(({ id: _id, ...s }) => s),
    tracks: journal.tracks.map(({ id: _id, discussedIn, ...t }) => ({ ...t, discussedIn: discussedIn && index.get(discussedIn) })),
    jointProjects: journal.jointProjects.map(({ id: _id, discussedIn, ...p }) => ({ ...p, discussedIn: discussedIn && index.get(discussedIn) }))
  }
}

export const DARIA_YAML = `about:
  name: Daria Petrova
  dept: engg / Web
  timezone: America/Los_Angeles
  hobbies: ["Bouldering", "Film photography"]
  favorite_resources: ["Measure What Matters"]
be_a_mentor: ["React & Redux", "Frontend performance profiling", "Writing design docs"]
seek_a_mentor: ["Lightweight processes that keep quality high", "Knowledge sharing among engineers", "Go for backend services"]
`

export const BRUCE_YAML = `about:
  name: Bruce Nakamura
  dept: engg / Growth
  timezone: America/New_York
  hobbies: ["Cycling"]
  favorite_resources: ["Kanban (David J. Anderson)", "Drive"]
be_a_mentor:
  - Kanban and lean process for small teams
  - "Building a QA culture: test automation and code review"
  - Running OKRs for a team
seek_a_mentor:
  - Learn frontend with React
  - Public speaking at meetups
`

/** A profile whose be_a_mentor is a number: the file must import nothing. */
export const BROKEN_YAML = `about:
  name: Olga Broken
  dept: engg
be_a_mentor: 42
seek_a_mentor: [React]
`

export function yamlFile(name: string, text: string) {
  return { name, mimeType: 'text/yaml', buffer: Buffer.from(text, 'utf8') }
}

export async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page')
}

export async function importYaml(page: Page, files: ReturnType<typeof yamlFile>[]): Promise<Locator> {
  await page.getByRole('button', { name: 'Import YAML…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import profiles from YAML' })
  await dialog.getByLabel('YAML files').setInputFiles(files)
  await expect(dialog.getByLabel('Import result')).toBeVisible()
  return dialog
}

export async function setTracker(page: Page, label: string, url: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true })
  await field.fill(url)
  await field.press('Enter')
  await field.blur()
  await expect(field).toHaveValue(url)
}

export function sessionNotes(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Session notes' })
}

/** Types at the end of the session notes, in a paragraph of its own. */
export async function writeNotes(page: Page, text: string): Promise<void> {
  const notes = sessionNotes(page)
  await notes.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.type(text, { delay: 15 })
}

export function caretOf(page: Page, name: string): Locator {
  return page.locator('.collaboration-carets__label', { hasText: name })
}

/** Before a screenshot: no toasts in the way, and the view scrolled to the top (or to `at`). */
export async function tidy(page: Page, at?: Locator): Promise<void> {
  // one at a time: dismissing a toast shifts the others (and toasts also leave by themselves)
  // (the toasts' own buttons: a profile card's suggestions have Dismiss buttons too)
  const dismiss = page.locator('.toasts').getByRole('button', { name: 'Dismiss' })
  for (let i = 0; i < 10 && (await dismiss.count()) > 0; i++) await dismiss.first().click({ timeout: 2_000 }).catch(() => {})
  await expect(dismiss).toHaveCount(0)
  if (at) await at.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  else await page.locator('#main').evaluate((el) => el.scrollTo(0, 0))
}
