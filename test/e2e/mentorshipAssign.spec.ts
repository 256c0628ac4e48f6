import { expect, test } from '@playwright/test'
import { createSpace, firstRun, screenshot, peersOnOwnSignaling } from './harness.ts'
import { importYaml, openSection, yamlFile } from './mentorshipFlows.ts'

// "Suggest pairs for everyone" (issue 15 #4): the whole-pool assignment in the org's pool, every
// pair's reasons to open, who is left out and why; the admin suggests them all at once.
const peer = peersOnOwnSignaling()

function profile(name: string, be: string[], seek: string[]): string {
  return `about:\n  name: ${name}\n  dept: engg\nbe_a_mentor: ${JSON.stringify(be)}\nseek_a_mentor: ${JSON.stringify(seek)}\n`
}

test('the admin proposes pairs for the whole pool, reads why, and suggests them all', async () => {
  const a = await peer('Ada')
  await firstRun(a)
  await createSpace(a.page, 'Engineering', 'Organization')
  await openSection(a.page, 'Mentoring pool')
  const imported = await importYaml(a.page, [
    yamlFile('ana.yaml', profile('Ana Lima', ['React frontend development', 'Giving talks at meetups'], ['Kubernetes operations'])),
    yamlFile('ben.yaml', profile('Ben Okafor', ['Kubernetes operators in Go'], ['Frontend with React'])),
    yamlFile('cy.yaml', profile('Cy Park', ['Leading blameless postmortems'], ['Public speaking at conferences'])),
    yamlFile('dee.yaml', profile('Dee Ruiz', ['Giving talks at conferences'], ['Running incident reviews'])),
    yamlFile('eve.yaml', profile('Eve Stone', ['Woodworking'], ['Sailing']))
  ])
  await imported.getByRole('button', { name: 'Done' }).click()
  await expect(a.page.getByRole('list', { name: 'People in the pool' }).locator(':scope > li')).toHaveCount(5)

  const panel = a.page.getByRole('region', { name: 'Pairs for everyone' })
  const open = panel.getByRole('button', { name: 'Suggest pairs for everyone' })
  // keyboard: the button and a pair's reasons open with the keyboard
  await open.focus()
  await a.page.keyboard.press('Enter')
  await expect(panel.getByRole('status')).toContainText('2 pairs · 4 of 5 people paired · total score')
  // worked out in a worker, off the page's thread
  await expect(panel.locator('#assignment-body')).toHaveAttribute('data-ran-on', 'worker')
  const proposed = panel.getByRole('list', { name: 'Proposed pairs' }).locator(':scope > li')
  await expect(proposed).toHaveCount(2)
  await expect(proposed.nth(0).locator('summary')).toContainText(/Ana Lima & Ben Okafor|Cy Park & Dee Ruiz|Ben Okafor & Ana Lima|Dee Ruiz & Cy Park/)
  const anaBen = proposed.filter({ hasText: 'Ana Lima' })
  await expect(anaBen.getByText('Ana Lima can mentor Ben Okafor')).toBeHidden()
  await anaBen.locator('summary').focus()
  await a.page.keyboard.press('Enter')
  await expect(anaBen.getByLabel('Ana Lima can mentor Ben Okafor')).toContainText('React frontend development')
  await expect(anaBen.getByLabel('Ben Okafor can mentor Ana Lima')).toContainText('Kubernetes operators in Go')
  await expect(anaBen.getByLabel('Ben Okafor can mentor Ana Lima')).toContainText('Kubernetes operations')
  const left = panel.getByRole('list', { name: 'Not paired (1)' })
  await expect(left).toHaveText('Eve Stone — Nobody with room matches them in both directions')
  await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(a.page, 'mentorship-pairs-for-everyone')

  // the admin suggests them all: two suggestions, as one suggestion is written
  await panel.getByRole('button', { name: 'Suggest all 2 pairs' }).click()
  const pairs = a.page.getByRole('list', { name: 'Pairs' })
  await expect(pairs.locator(':scope > li')).toHaveCount(2)
  for (const row of await pairs.locator(':scope > li').all()) await expect(row).toContainText('Suggested by Ada')
  await expect(pairs.getByRole('listitem', { name: /Ana Lima & Ben Okafor|Ben Okafor & Ana Lima/ })).toContainText('Waiting for')
  // suggested pairs count against capacity: nothing more to propose, and the proposal says why
  await expect(panel.getByRole('status')).toHaveText('No pairs to propose.')
  await expect(panel.getByRole('list', { name: 'Not paired (5)' })).toContainText('Ana Lima — A suggested pair waits for their answer')
  await expect(panel.getByRole('button', { name: /Suggest all/ })).toHaveCount(0)
})
