import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { ceremonyUid, exportedOccurrences } from '@shared/sprint/ics.ts'
import { composeCadence, defaultCadenceFields } from '@shared/sprint/cadenceRecords.ts'
import { addDays, isoWeekday } from '@shared/sprint/localTime.ts'
import { heldOccurrences } from '@shared/sprint/schedule.ts'
import { todayIn } from '@shared/time/dates.ts'
import { parseIcs } from '../unit/sprint/icalExpand.ts'
import { createSpace, firstRun, peersOnOwnSignaling, spaceIdOf } from './harness.ts'
import { openTab, sprintScreenshot } from './sprintFlows.ts'

/** A team's calendar export, read back with an independent parser (ical.js). */
const peer = peersOnOwnSignaling()

test('a team exports its calendar: the .ics parses back into the team’s meetings', async () => {
  const a = await peer('Ada')
  await firstRun(a)
  await createSpace(a.page, 'Payments', 'Team')
  const teamId = spaceIdOf(a.page)
  await openTab(a.page, 'Sprint')
  await expect(a.page.getByRole('table', { name: /^Sprint \d+ timeline$/ })).toBeVisible()

  // cancel one sync-up from its page
  await a.page.getByRole('link', { name: /^Daily sync-up, Payments/ }).first().click()
  await expect(a.page.getByRole('heading', { level: 2, name: 'Daily sync-up', exact: true })).toBeVisible()
  await expect(a.page.getByText('What did you do yesterday?')).toBeVisible()
  const cancelledId = decodeURIComponent(a.page.url().split('/ceremony/')[1] ?? '')
  await a.page.getByRole('button', { name: 'Cancel this meeting' }).click()
  await expect(a.page.getByRole('heading', { level: 2, name: /^Daily sync-up\s*Cancelled$/ })).toBeVisible()
  await sprintScreenshot(a.page, 'sprint-ceremony', 1150)
  await a.page.getByRole('link', { name: /Sprint \d+ timeline/ }).click()

  await a.page.getByRole('button', { name: 'Add to calendar (.ics)' }).click()
  const dialog = a.page.getByRole('dialog', { name: 'Calendar for Payments' })
  await expect(dialog.getByRole('table', { name: 'What the calendar holds' })).toContainText('Daily sync-up · Payments')
  await sprintScreenshot(a.page, 'sprint-calendar-export', 1000)
  const fromSprint = Number(await dialog.getByLabel('From sprint').inputValue())
  const count = Number(await dialog.getByLabel('Sprints').inputValue())
  const [download] = await Promise.all([a.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .ics' }).click()])
  expect(download.suggestedFilename()).toBe('payments-ceremonies.ics')
  const text = readFileSync(await download.path(), 'utf8')

  // the same cadence the app gave the new team: this week's Wednesday, this machine's zone
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const composed = composeCadence({ ...defaultCadenceFields(todayIn(zone, Date.now()), zone) }, [{ id: teamId, name: 'Payments' }], [
    { id: cancelledId, cancelled: true }
  ])!
  const options = { teams: composed.teams, teamId, fromSprint, toSprint: fromSprint + count - 1, orgId: teamId }
  const expected = heldOccurrences(exportedOccurrences(composed.cadence, options))
    .map((o) => `${ceremonyUid(o.kind, o.teamId, teamId)} ${o.start} ${o.end}`)
    .sort()
  const parsed = parseIcs(text).occurrences.map((o) => `${o.uid} ${o.start} ${o.end}`).sort()
  expect(parsed.length).toBeGreaterThan(40)
  expect(parsed).toEqual(expected)
  expect(parsed.some((line) => line.startsWith(`daily-sync-up-${teamId}@tandem`))).toBe(true)

  // a holiday on the first working day after today: the timeline greys it out, its meetings move
  await dialog.getByRole('button', { name: 'Close' }).click()
  await a.page.getByRole('link', { name: 'Sprint settings' }).click()
  const holiday = nextWorkingDay(todayIn(zone, Date.now()))
  await a.page.getByLabel('Holiday date').fill(holiday)
  await a.page.getByRole('button', { name: 'Add holiday' }).click()
  await expect(a.page.getByRole('list', { name: /Holidays/ })).toContainText(holiday.slice(0, 4))
  await sprintScreenshot(a.page, 'sprint-team-settings', 1500)
  await a.page.getByRole('link', { name: '‹ Sprint timeline' }).click()
  // (today's sprint is sprint 1 of a new team; the holiday is in it unless today is its last day)
  await expect(a.page.getByRole('columnheader').filter({ hasText: 'Holiday' })).toHaveCount(
    holiday <= addDays(composed.cadence.firstSprintStart, 13) ? 1 : 0
  )
})

function nextWorkingDay(date: string): string {
  let d = addDays(date, 1)
  while (isoWeekday(d) > 5) d = addDays(d, 1)
  return d
}
