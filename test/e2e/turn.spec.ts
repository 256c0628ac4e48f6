import { expect, test, type Page } from '@playwright/test'
import { createSpace, firstRun, join, member, peersOnOwnSignaling, screenshot } from './harness.ts'
import { startTurnServer, type TurnServerHandle } from './turnServer.ts'

/**
 * NAT traversal (issue 13 #1) against a real TURN server: Debian's coturn on 127.0.0.1, started
 * here. Peers forced to "Relay only" (iceTransportPolicy 'relay') can only connect through it, so
 * a space syncing between them proves the TURN settings reach every WebRTC connection.
 */
const peer = peersOnOwnSignaling()
let turn: TurnServerHandle

test.beforeAll(async () => {
  turn = await startTurnServer()
})
test.afterAll(async () => {
  await turn?.stop()
})

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: /: settings$/ }).click()
  await expect(page.getByRole('heading', { name: 'Connecting across networks' })).toBeVisible()
}

function iceSection(page: Page) {
  return page.getByRole('region', { name: 'Connecting across networks' })
}

/** Settings → Connecting across networks: no STUN, this TURN server, relay only as asked; saved. */
async function configureTurn(page: Page, server: { url: string; username: string; credential: string } | null, opts: { relayOnly: boolean; inInvites?: boolean }) {
  await openSettings(page)
  const ice = iceSection(page)
  await ice.getByLabel('STUN servers, one per line').fill('')
  if (server) {
    await ice.getByRole('button', { name: 'Add a TURN server' }).click()
    await ice.getByLabel('TURN server 1 address').fill(server.url)
    await ice.getByLabel('TURN server 1 username').fill(server.username)
    await ice.getByLabel('TURN server 1 credential').fill(server.credential)
    if (opts.inInvites) await ice.getByRole('checkbox', { name: /Put TURN server 1, with its credential, in the invites I send/ }).check()
  }
  if (opts.relayOnly) await ice.getByRole('checkbox', { name: /^Relay only/ }).check()
  await ice.getByRole('button', { name: 'Save network settings' }).click()
  await expect(page.getByText(/Network settings saved/)).toBeVisible()
  await expect(ice.getByRole('button', { name: 'Save network settings' })).toBeDisabled()
}

/** The section whole on screen, no toast over it: for its screenshot. */
async function showSection(page: Page): Promise<void> {
  for (const dismiss of await page.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click()
  await page.setViewportSize({ width: 1280, height: 1500 })
  await iceSection(page).evaluate((el) => el.scrollIntoView({ block: 'start' }))
}

async function inviteCodeOf(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Invite people' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invite people' })
  await expect(dialog.getByLabel('Invite code')).toHaveValue(/^tandem[23]\./)
  const code = await dialog.getByLabel('Invite code').inputValue()
  await dialog.getByRole('button', { name: 'Close' }).click()
  return code
}

/**
 * What coturn granted so far (its verbose log): allocations (a relay address for a peer) and
 * permissions (a relay may exchange data with the other peer's relay), for the test's user only.
 */
function granted(): { allocations: number; permissions: number } {
  const log = turn.log()
  const count = (what: string) => (log.match(new RegExp(`user <${turn.username}>: incoming packet ${what} processed, success`, 'g')) ?? []).length
  return { allocations: count('ALLOCATE'), permissions: count('CREATE_PERMISSION') }
}

test('settings: a malformed address is explained and kept; Test connectivity says TURN reachable, and a wrong credential fails clearly', async () => {
  const a = await peer('Ada')
  await firstRun(a)
  await openSettings(a.page)
  const ice = iceSection(a.page)
  // the public STUN list is there by default
  await expect(ice.getByLabel('STUN servers, one per line')).toHaveValue(/stun:stun\.l\.google\.com:19302/)

  await ice.getByLabel('STUN servers, one per line').fill('')
  // by keyboard: the new server's address takes the focus, Tab goes on to its username and credential
  await ice.getByRole('button', { name: 'Add a TURN server' }).focus()
  await a.page.keyboard.press('Enter')
  await expect(ice.getByLabel('TURN server 1 address')).toBeFocused()
  await a.page.keyboard.type(`turn://127.0.0.1:${turn.port}`)
  await a.page.keyboard.press('Tab')
  await expect(ice.getByLabel('TURN server 1 username')).toBeFocused()
  await a.page.keyboard.type(turn.username)
  await a.page.keyboard.press('Tab')
  await expect(ice.getByLabel('TURN server 1 credential')).toBeFocused()
  await a.page.keyboard.type(turn.credential)
  await a.page.keyboard.press('Enter')
  await expect(ice.getByText(/has "\/\/" after "turn:"; write it without/)).toBeVisible()
  await expect(ice.getByText('Nothing was saved: correct the fields marked below.')).toBeVisible()
  // nothing typed is lost
  await expect(ice.getByLabel('TURN server 1 address')).toHaveValue(`turn://127.0.0.1:${turn.port}`)
  await expect(ice.getByLabel('TURN server 1 username')).toHaveValue(turn.username)
  await expect(ice.getByLabel('TURN server 1 address')).toHaveAttribute('aria-invalid', 'true')
  await showSection(a.page)
  await screenshot(a.page, 'settings-ice-invalid')

  await ice.getByLabel('TURN server 1 address').fill(turn.url)
  // by keyboard: the test button is reachable and pressed with Enter
  await ice.getByRole('button', { name: 'Test connectivity' }).focus()
  await a.page.keyboard.press('Enter')
  const result = ice.getByRole('status', { name: 'Connectivity test result' })
  await expect(result).toContainText('TURN reachable (relay)')
  await expect(result.getByRole('listitem')).toContainText([/works\. TURN reachable: it relays for this device/])
  await expect(ice.getByText('Nothing was saved')).toHaveCount(0)
  await ice.getByRole('button', { name: 'Save network settings' }).click()
  await expect(a.page.getByText(/Network settings saved/)).toBeVisible()
  await showSection(a.page)
  await screenshot(a.page, 'settings-ice-turn-reachable')

  await ice.getByLabel('TURN server 1 credential').fill('not-the-credential')
  await ice.getByRole('button', { name: 'Test connectivity' }).click()
  // the server still answers STUN (srflx) but relays nothing: said as such, and why
  await expect(result).toContainText('no TURN relay')
  await expect(result).not.toContainText('TURN reachable (relay)')
  await expect(result.getByRole('listitem')).toContainText([/failed\. It answers but relays nothing: it refused the username or credential \(401 Unauthorized\); check both\./])
  await showSection(a.page)
  await screenshot(a.page, 'settings-ice-wrong-credential')
})

test('two peers forced through TURN ("Relay only") sync a space', async () => {
  const a = await peer('Ada')
  const b = await peer('Bruce')
  await firstRun(a)
  await firstRun(b)
  await configureTurn(a.page, turn, { relayOnly: true })
  await configureTurn(b.page, turn, { relayOnly: true })
  const before = granted()

  await createSpace(a.page, 'Across offices', 'Team')
  const code = await inviteCodeOf(a.page)
  // this device's TURN server is not marked for invites: the code carries none
  expect(code).toMatch(/^tandem2\./)
  await join(b.page, code)
  await expect(member(a.page, 'Bruce')).toContainText('online now')
  await expect(member(b.page, 'Ada')).toContainText('online now')
  await a.page.getByLabel('Space description').fill('Synced through TURN.')
  await a.page.getByLabel('Space description').blur()
  await expect(b.page.getByLabel('Space description')).toHaveValue('Synced through TURN.')
  // the connections ran through coturn: it granted them relay addresses and permissions to each other
  await expect.poll(() => granted().allocations).toBeGreaterThan(before.allocations)
  await expect.poll(() => granted().permissions).toBeGreaterThan(before.permissions)
})

test('an invite carries the space’s TURN server: a peer with relay only and no TURN server of its own syncs through it', async () => {
  const a = await peer('Ada')
  const b = await peer('Bruce')
  await firstRun(a)
  await firstRun(b)
  await configureTurn(a.page, turn, { relayOnly: true, inInvites: true })
  await configureTurn(b.page, null, { relayOnly: true })
  await expect(iceSection(b.page).getByText(/No TURN server yet/)).toBeVisible()
  const before = granted()

  await createSpace(a.page, 'Pair across town', 'Team')
  const code = await inviteCodeOf(a.page)
  expect(code).toMatch(/^tandem3\./)
  await b.page.getByRole('navigation').getByRole('link', { name: 'Join', exact: true }).click()
  await b.page.getByLabel('Invite code or link').fill(code)
  await expect(b.page.getByLabel('Invite preview')).toContainText(`Brings its TURN server for this space only: ${turn.url}`)
  await b.page.getByRole('button', { name: 'Join Pair across town' }).click()
  await expect(member(b.page, 'Ada')).toContainText('online now')
  await a.page.getByLabel('Space description').fill('Through the invite’s TURN server.')
  await a.page.getByLabel('Space description').blur()
  await expect(b.page.getByLabel('Space description')).toHaveValue('Through the invite’s TURN server.')
  await expect.poll(() => granted().permissions).toBeGreaterThan(before.permissions)

  await openSettings(b.page)
  await expect(iceSection(b.page).getByRole('list', { name: 'TURN servers from invites' })).toContainText(`Pair across town: ${turn.url}`)
  await expect(iceSection(b.page).getByText(/No TURN server yet/)).toHaveCount(0)
  await showSection(b.page)
  await screenshot(b.page, 'settings-ice-from-invite')

  // B stops using it: the space reconnects without it, and with relay only nothing else can carry it
  await iceSection(b.page).getByRole('button', { name: 'Stop using the TURN servers of Pair across town' }).click()
  await expect(iceSection(b.page).getByRole('list', { name: 'TURN servers from invites' })).toHaveCount(0)
  await expect(iceSection(b.page).getByText(/No TURN server yet/)).toBeVisible()
  await b.page.getByRole('navigation').getByRole('link', { name: 'Pair across town' }).click()
  await expect(member(b.page, 'Ada')).not.toContainText('online now')
})

test('a change of the settings reconnects the spaces already open: from direct to relay only', async () => {
  const a = await peer('Ada')
  const b = await peer('Bruce')
  await firstRun(a)
  await firstRun(b)
  await createSpace(a.page, 'Switching networks', 'Team')
  await join(b.page, await inviteCodeOf(a.page))
  await expect(member(a.page, 'Bruce')).toContainText('online now')
  const before = granted()

  // both switch while the space is connected: each one's connections are replaced at once
  await configureTurn(a.page, turn, { relayOnly: true })
  await configureTurn(b.page, turn, { relayOnly: true })
  await expect.poll(() => granted().permissions).toBeGreaterThan(before.permissions)
  await a.page.getByRole('navigation').getByRole('link', { name: 'Switching networks' }).click()
  await b.page.getByRole('navigation').getByRole('link', { name: 'Switching networks' }).click()
  await expect(member(b.page, 'Ada')).toContainText('online now')
  await a.page.getByLabel('Space description').fill('Now through TURN.')
  await a.page.getByLabel('Space description').blur()
  await expect(b.page.getByLabel('Space description')).toHaveValue('Now through TURN.')
})
