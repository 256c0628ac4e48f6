import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BASE_URL, CHROMIUM_ARGS, chromiumPath, firstRun, member, screenshot } from './harness.ts'
import { startSignalingServer, type SignalingServer } from '../../electron/signaling/server.ts'
import { createRelay } from '../../electron/relay/server.ts'
import { createEmbeddedStore } from '../../electron/relay/embeddedStore.ts'

/**
 * Issue 13 #2 end to end: A and B are never online at the same time, and there is no WebRTC at all
 * (their signaling server does not exist), so every edit goes through the relay's mailbox. Each
 * person is a browser process with a profile on disk, closed and opened again like an app.
 */
const NO_SIGNALING = 'ws://127.0.0.1:9'

let relayServer: SignalingServer
let relayDir: string
test.beforeAll(async () => {
  relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-relay-'))
  relayServer = await startSignalingServer({
    host: '127.0.0.1',
    port: 0,
    relay: createRelay({ store: createEmbeddedStore({ dir: relayDir, fsync: false }), log: () => {} }),
    log: () => {}
  })
})
test.afterAll(async () => {
  await relayServer?.close()
})

interface Person {
  name: string
  profile: string
  context: BrowserContext | null
  page: Page | null
  errors: string[]
}

const people: Person[] = []
test.afterEach(async () => {
  for (const p of people.splice(0)) await p.context?.close()
})

function person(name: string): Person {
  const p: Person = { name, profile: fs.mkdtempSync(path.join(os.tmpdir(), `tandem-e2e-${name}-`)), context: null, page: null, errors: [] }
  people.push(p)
  return p
}

/** Opens the app in the person's own browser process, on their profile (their data kept on disk). */
async function open(p: Person): Promise<Page> {
  const context = await chromium.launchPersistentContext(p.profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, viewport: { width: 1280, height: 820 } })
  await context.addInitScript((url) => {
    ;(window as unknown as { TANDEM_CONFIG: unknown }).TANDEM_CONFIG = { signaling: [url] }
  }, NO_SIGNALING)
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('pageerror', (err) => p.errors.push(`${p.name}: ${err.message}`))
  await page.goto(BASE_URL)
  p.context = context
  p.page = page
  return page
}

async function close(p: Person): Promise<void> {
  await p.context?.close()
  p.context = null
  p.page = null
}

async function openSpace(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

const relayState = (page: Page) => page.getByRole('region', { name: 'Relay' }).locator('[data-relay-state]')

/** Bytes the relay holds on disk. */
function relayBytes(): number {
  return fs.readdirSync(relayDir).reduce((n, f) => n + fs.statSync(path.join(relayDir, f)).size, 0)
}

async function describeSpace(page: Page, text: string): Promise<void> {
  const before = relayBytes()
  await page.getByLabel('Space description').fill(text)
  await page.getByLabel('Space description').blur()
  // the relay stored it, and this device has its acknowledgement: it is safe to close
  await expect.poll(relayBytes).toBeGreaterThan(before)
  await expect(relayState(page)).toHaveAttribute('data-relay-state', 'synced')
}

test('A and B never online together, no WebRTC: edits reach the other through the relay’s mailbox, which holds no plaintext', async () => {
  const a = person('Ada')
  const b = person('Bruce')

  // A creates the space and names the relay
  const pa = await open(a)
  await firstRun({ name: a.name, page: pa } as Parameters<typeof firstRun>[0])
  await pa.getByRole('navigation').getByRole('button', { name: 'New space' }).click()
  const dialog = pa.getByRole('dialog', { name: 'New space' })
  await dialog.getByRole('radio', { name: /Team/ }).check()
  await dialog.getByLabel('Name').fill('Night shift')
  await dialog.getByRole('button', { name: 'Create space' }).click()
  await expect(pa.getByRole('heading', { level: 1, name: 'Night shift' })).toBeVisible()
  const relaySection = pa.getByRole('region', { name: 'Relay' })
  await relaySection.getByLabel('Relay addresses, one per line').fill('wss://user:pw@bad.example')
  await relaySection.getByRole('button', { name: 'Save relay' }).click()
  await expect(relaySection.getByRole('alert')).toContainText('no user name')
  await relaySection.getByLabel('Relay addresses, one per line').fill(relayServer.url)
  await relaySection.getByRole('button', { name: 'Save relay' }).click()
  await expect(relayState(pa)).toHaveAttribute('data-relay-state', 'synced')
  await expect(relayState(pa)).toHaveText('Relay: up to date')
  await relaySection.scrollIntoViewIfNeeded()
  await screenshot(pa, 'relay-setting')

  // the invite carries the relay
  await pa.getByRole('button', { name: 'Invite people' }).click()
  const invite = pa.getByRole('dialog', { name: 'Invite people' })
  await expect(invite.getByLabel('Invite code')).toHaveValue(/^tandem3\./)
  const code = await invite.getByLabel('Invite code').inputValue()
  await invite.getByRole('button', { name: 'Close' }).click()
  await describeSpace(pa, 'MARKER-ADA-first-note')
  await close(a)

  // B joins with nobody online: the space comes from the relay's mailbox
  const pb = await open(b)
  await firstRun({ name: b.name, page: pb } as Parameters<typeof firstRun>[0])
  await pb.getByRole('navigation').getByRole('link', { name: 'Join', exact: true }).click()
  await pb.getByLabel('Invite code or link').fill(code)
  await pb.getByRole('button', { name: /^Join / }).click()
  await expect(pb.getByLabel('Space description')).toHaveValue('MARKER-ADA-first-note')
  await expect(member(pb, 'Ada')).toBeVisible()
  await close(b)

  // A writes while B is closed, then closes
  const pa2 = await open(a)
  await openSpace(pa2, 'Night shift')
  await expect(member(pa2, 'Bruce')).toBeVisible()
  await describeSpace(pa2, 'MARKER-ADA-written-while-bruce-away')
  await close(a)

  // B opens later, alone: A's edit is there
  const pb2 = await open(b)
  await openSpace(pb2, 'Night shift')
  await expect(pb2.getByLabel('Space description')).toHaveValue('MARKER-ADA-written-while-bruce-away')
  await expect(pb2.getByRole('status').filter({ hasText: 'Up to date with the relay' })).toBeVisible()
  // B answers and closes
  await describeSpace(pb2, 'MARKER-BRUCE-answer')
  await close(b)

  // A opens, alone: B's answer is there
  const pa3 = await open(a)
  await openSpace(pa3, 'Night shift')
  await expect(pa3.getByLabel('Space description')).toHaveValue('MARKER-BRUCE-answer')
  await close(a)

  // the relay's files: sealed bytes only
  let stored = ''
  for (const f of fs.readdirSync(relayDir)) stored += fs.readFileSync(path.join(relayDir, f), 'latin1')
  expect(stored.length).toBeGreaterThan(0)
  for (const marker of ['MARKER-', 'Night shift', 'Bruce', 'Ada']) expect(stored).not.toContain(marker)
  expect([...a.errors, ...b.errors]).toEqual([])
})
