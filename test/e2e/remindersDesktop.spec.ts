import { chromium, expect, test, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_URL, CHROMIUM_ARGS, chromiumPath, createSpace, firstRun, screenshot, spaceIdOf, type Peer } from './harness.ts'
import { parseEvent, parseRequest, parseResponse, type EventChannel, type InvokeChannel } from '../../shared/ipc/contract.ts'
import { openLinkOf } from '../../shared/reminders/entry.ts'
import { ReminderService } from '../../electron/main/reminders/service.ts'
import { JsonFileStore } from '../../electron/main/reminders/store.ts'
import { reminderHandlers } from '../../electron/main/reminders/ipc.ts'
import type { NotificationActions, ReminderNotification } from '../../electron/main/reminders/notifier.ts'

/**
 * The desktop app's page with main's real reminder service, without Electron (its binary cannot be
 * downloaded here): the page gets a `window.desktop` whose `invoke` reaches this test process,
 * where each request is checked against the IPC contract (as preload and main do), answered by
 * main's reminder handlers and service (JSON file in a temp dir, a clock the test sets), and each
 * answer checked again. Main → page events (deep links, missed reminders, the tray's pause, menu
 * commands) are sent the way main sends them, through the contract's event check.
 * What this cannot show: Electron's own Notification, Tray and Menu (tested in node with fakes).
 */
const THURSDAY_1148 = Date.parse('2026-12-03T11:48:00+01:00')

let peer: Peer | null = null
const dirs: string[] = []
test.afterEach(async () => {
  const errors = peer?.errors ?? []
  await peer?.close()
  peer = null
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  expect(errors, 'no uncaught errors on the page').toEqual([])
})

interface Shown extends ReminderNotification {
  actions: NotificationActions
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-reminders-'))
  dirs.push(dir)
  return dir
}

function mainProcess() {
  let now = THURSDAY_1148
  const shown: Shown[] = []
  const requests: { channel: string; request: unknown }[] = []
  let page: Page | null = null
  const send = async <C extends EventChannel>(channel: C, payload: unknown) => {
    const checked = parseEvent(channel, payload)
    await page?.evaluate(([c, p]) => (window as unknown as { __emit(c: string, p: unknown): void }).__emit(c, p), [channel, checked] as const)
  }
  const service = new ReminderService({
    // timers are not run by themselves: the test looks again with check() after setting the time
    clock: { now: () => now, setTimer: () => () => {} },
    store: new JsonFileStore(join(tempDir(), 'reminders.json'), { now: () => now, log: { warn: () => {} } }),
    notifier: { show: (n, actions) => void shown.push({ ...n, actions }) },
    systemZone: () => 'Europe/Berlin',
    open: (link) => void send('deep-link', { url: openLinkOf(link) }),
    onMissed: (missed) => void send('reminders:missed', { missed }),
    log: { warn: () => {} }
  })
  const handlers: Partial<Record<InvokeChannel, (request: never) => unknown>> = {
    'app:info': () => ({ version: 'e2e', platform: 'darwin' }),
    'deep-link:take': () => ({ url: null }),
    // no OS keychain here: the page keeps its keys as the web build does (issue 10 #19)
    'storage:key': () => ({ state: 'unavailable', key: null, reason: 'no-encryption', detail: 'no keychain in this test' }),
    ...(reminderHandlers(service) as Partial<Record<InvokeChannel, (request: never) => unknown>>)
  }
  const invoke = async (channel: InvokeChannel, request: unknown) => {
    const checked = parseRequest(channel, request)
    requests.push({ channel, request: checked })
    const handler = handlers[channel]
    if (!handler) throw new Error(`${channel} is not answered in this test`)
    return parseResponse(channel, await handler(checked as never))
  }
  return {
    service,
    shown,
    requests,
    send,
    invoke,
    attach: (p: Page) => (page = p),
    setTime: (at: number) => (now = at)
  }
}

async function launchDesktop(main: ReturnType<typeof mainProcess>): Promise<Peer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin' })
  await context.clock.install({ time: THURSDAY_1148 })
  await context.exposeFunction('__tandemInvoke', (channel: InvokeChannel, request: unknown) => main.invoke(channel, request))
  await context.addInitScript(() => {
    const listeners = new Map<string, Set<(payload: unknown) => void>>()
    const w = window as unknown as Record<string, unknown>
    w.__emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((f) => f(payload))
    w.desktop = {
      invoke: (channel: string, request: unknown) => (w.__tandemInvoke as (c: string, r: unknown) => Promise<unknown>)(channel, request),
      on: (channel: string, listener: (payload: unknown) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel)!.add(listener)
        return () => listeners.get(channel)?.delete(listener)
      }
    }
  })
  const page = await context.newPage()
  main.attach(page)
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`Ada: ${err.message}`))
  await page.goto(BASE_URL)
  return { name: 'Ada', browser, context, page, errors, close: () => browser.close() }
}

test('desktop: the page sends its schedule to main’s service; a clicked reminder opens the meeting; the tray’s pause, a missed reminder and Next space reach the page', async () => {
  test.setTimeout(120_000)
  const main = mainProcess()
  peer = await launchDesktop(main)
  const { page } = peer
  await firstRun(peer)
  await createSpace(page, 'Growth', 'Team')
  const growth = spaceIdOf(page)
  await createSpace(page, 'Payments', 'Team')
  const payments = spaceIdOf(page)

  // the page computed the schedule and sent it over reminders:set (checked against the contract here)
  await expect
    .poll(() =>
      main.service
        .view()
        .next.slice(0, 2)
        .map((n) => `${n.entry.title} · ${n.entry.groupLabel}`)
        .sort()
    )
    .toEqual(['Daily sync-up · Growth', 'Daily sync-up · Payments'])
  const setRequests = main.requests.filter((r) => r.channel === 'reminders:set')
  expect(setRequests.length).toBeGreaterThan(0)

  // 11:50:30: main reminds of both 12:00 sync-ups, with Snooze
  main.setTime(THURSDAY_1148 + 2.5 * 60_000)
  await main.service.check()
  expect(main.shown.map((s) => [s.title, s.body, s.snoozeMinutes]).sort()).toEqual([
    ['Daily sync-up · Growth', 'In 10 minutes, at 12:00', [5, 10]],
    ['Daily sync-up · Payments', 'In 10 minutes, at 12:00', [5, 10]]
  ])
  // clicking Payments' notification: main sends tandem://open/<path>, the page opens that sync-up
  main.shown.find((s) => s.title.endsWith('Payments'))?.actions.open()
  await expect(page).toHaveURL(new RegExp(`#/space/${payments}/sprint/1/ceremony/`))
  await expect(page.getByText('Thu 3 Dec, 12:00–12:15')).toBeVisible()

  // the tray's "Pause reminders for an hour": the page keeps it and sends it back with the schedule
  const until = THURSDAY_1148 + 3 * 60_000 + 60 * 60_000
  await main.send('reminders:pause', { until })
  await expect
    .poll(() => {
      const last = main.requests.filter((r) => r.channel === 'reminders:set').at(-1)?.request as { preferences: { pausedUntil: number | null } } | undefined
      return last?.preferences.pausedUntil
    })
    .toBe(until)
  await page.getByRole('link', { name: /: settings$/ }).click()
  const panel = page.locator('section.reminder-settings')
  await expect(panel.getByRole('status').filter({ hasText: 'Reminders are paused until Thu 3 Dec, 12:51' })).toBeVisible()
  // macOS (as this bridge says): start at login is offered and reaches main with the schedule
  await panel.getByLabel(/Start Tandem when I log in/).check()
  await panel.getByRole('button', { name: 'Save reminder settings' }).click()
  await expect
    .poll(() => (main.requests.filter((r) => r.channel === 'reminders:set').at(-1)?.request as { preferences: { launchAtLogin: boolean } }).preferences.launchAtLogin)
    .toBe(true)
  await expect(panel.getByRole('listitem').filter({ hasText: 'Payments — Thu 3 Dec, 12:00' })).toContainText('reminded')
  await panel.scrollIntoViewIfNeeded()
  await screenshot(page, 'reminders-desktop-settings')
  await panel.getByRole('button', { name: 'Resume' }).click()
  await expect
    .poll(() => (main.requests.filter((r) => r.channel === 'reminders:set').at(-1)?.request as { preferences: { pausedUntil: number | null } }).preferences.pausedUntil)
    .toBeNull()

  // the laptop sleeps through Friday's sync-ups: on waking main records them missed, the page lists them
  main.setTime(Date.parse('2026-12-04T12:05:00+01:00'))
  await main.service.check()
  expect(main.shown).toHaveLength(2)
  const missed = page.getByRole('region', { name: 'Missed while Tandem was closed or asleep' })
  await expect(missed.getByRole('link', { name: 'Daily sync-up · Payments' })).toBeVisible()
  await expect(missed.getByRole('link', { name: 'Daily sync-up · Growth' })).toBeVisible()
  await missed.getByRole('button', { name: 'Dismiss' }).click()
  await expect(missed).toHaveCount(0)
  expect(main.service.view().missed).toEqual([])

  // Go → Next space (Ctrl/Cmd+Alt+Down): from Payments to the next team in the sidebar, wrapping
  await page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Payments' }).click()
  await main.send('app:command', { command: 'next-space' })
  await expect(page).toHaveURL(new RegExp(`#/space/${growth}$`))
  await main.send('app:command', { command: 'settings' })
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
})
