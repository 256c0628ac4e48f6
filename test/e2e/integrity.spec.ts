import { expect, test } from '@playwright/test'
import { encodeInvite } from '@shared/spaces/invite.ts'
import { newSpaceKey } from '@shared/spaces/key.ts'
import { roomNameFor } from '@shared/sync/roomName.ts'
import { KEY_GRACE_MS } from '@shared/sync/keyVerdict.ts'
import {
  BASE_URL,
  createSpace,
  firstRun,
  inviteCode,
  join,
  member,
  peersOnOwnSignaling,
  screenshot,
  signalingUrlOf,
  spaceIdOf,
  storedAnywhere,
  strangerInRoom,
  watchForText
} from './harness.ts'
import { importYaml, openSection, yamlFile } from './mentorshipFlows.ts'

// Data that must never be lost or handed to someone else: forged invites, and documents bigger
// than one WebRTC message.
const peer = peersOnOwnSignaling()

test('a forged invite for a space already here is refused, and nothing reaches the forger', async () => {
  const ada = await peer('Ada')
  const bruce = await peer('Bruce')
  const mallory = await peer('Mallory')
  for (const p of [ada, bruce, mallory]) await firstRun(p)
  await createSpace(ada.page, 'Ada & Bruce', 'Mentoring pair')
  const spaceId = spaceIdOf(ada.page)
  await join(bruce.page, await inviteCode(ada.page))
  await expect(member(ada.page, 'Bruce')).toContainText('online now')

  // Mallory read the pair's id in the org document and made an invite with her own key; she
  // waits in the room that key opens
  const forged = encodeInvite({ spaceId, kind: 'pair', name: 'Ada & Bruce', key: newSpaceKey() })
  await join(mallory.page, forged)
  await expect(mallory.page.getByRole('heading', { level: 1, name: 'Ada & Bruce' })).toBeVisible()

  // Ada opens Mallory's link
  await ada.page.goto(`${BASE_URL}#/join/${forged}`)
  const refusal = ada.page.getByRole('alert', { name: 'Invite refused' })
  await expect(refusal).toContainText('This invite does not belong to the space you already have — someone may be impersonating it.')
  await expect(refusal).toContainText('Nothing was changed')
  // Ada's copy was confirmed by Bruce: no way to replace it is offered
  await expect(refusal.getByRole('button')).toHaveCount(0)
  await expect(ada.page.getByRole('button', { name: 'Join Ada & Bruce' })).toBeDisabled()
  await screenshot(ada.page, 'forged-invite-refused')

  // the pair goes on writing; it reaches Bruce and never Mallory
  await ada.page.getByRole('navigation').getByRole('link', { name: 'Ada & Bruce' }).click()
  await ada.page.getByLabel('Space description').fill('Journal: FORGED-INVITE-MARKER talks about the promotion case.')
  await ada.page.getByLabel('Space description').blur()
  await expect(bruce.page.getByLabel('Space description')).toHaveValue(/FORGED-INVITE-MARKER/)
  await expect(member(bruce.page, 'Ada')).toContainText('online now')
  // give any stray connection time to deliver (bounded) before checking Mallory's copy
  await mallory.page.waitForTimeout(5_000)
  await expect(mallory.page.getByLabel('Space description')).toHaveValue('')
  await expect(member(mallory.page, 'Ada')).toHaveCount(0)
  await expect(member(mallory.page, 'Bruce')).toHaveCount(0)
  expect(await storedAnywhere(mallory.page, 'FORGED-INVITE-MARKER')).toBeNull()
})

test("a stranger who knows only the room's name and keeps sending wrong-key messages never makes a newcomer doubt a good invite", async () => {
  const ada = await peer('Ada')
  const bruce = await peer('Bruce')
  await firstRun(ada)
  await firstRun(bruce)
  await createSpace(ada.page, 'Open door team', 'Team')
  await ada.page.getByLabel('Space description').fill('Members only, stranger or not.')
  await ada.page.getByLabel('Space description').blur()
  const code = await inviteCode(ada.page)

  // the stranger learned the room's name (the signaling server sees it) and floods it with
  // well-formed announces sealed with its own key, from before the newcomer arrives to after
  const every = 250
  const stranger = await strangerInRoom(await signalingUrlOf(ada.page), roomNameFor(spaceIdOf(ada.page)), { everyMs: every })
  try {
    await expect.poll(() => stranger.sent()).toBeGreaterThan(4)
    // Ada created the space (her key is proven): she is told calmly, nothing blames a key
    await expect(ada.page.getByRole('status', { name: 'Someone without the key' })).toContainText("Someone without this space's key is in the room")

    const toldKeyIsWrong = await watchForText(bruce.page, 'does not match')
    await join(bruce.page, code)
    await expect(bruce.page.getByLabel('Space description')).toHaveValue('Members only, stranger or not.')
    await expect(member(ada.page, 'Bruce')).toContainText('online now')
    await expect(bruce.page.getByRole('status').filter({ hasText: 'Syncing with 1 person' })).toBeVisible()
    const notice = bruce.page.getByRole('status', { name: 'Someone without the key' })
    await expect(notice).toContainText("Someone without this space's key is in the room")
    await screenshot(bruce.page, 'stranger-in-the-room')

    // the junk goes on past the grace period a damaged key would get; edits flow both ways meanwhile
    const before = stranger.sent()
    await bruce.page.getByRole('button', { name: 'Rename' }).click()
    await bruce.page.getByLabel('Space name').fill('Open door team, still ours')
    await bruce.page.keyboard.press('Enter')
    await expect(ada.page.getByRole('heading', { level: 1, name: 'Open door team, still ours' })).toBeVisible()
    await expect.poll(() => stranger.sent(), { timeout: 30_000 }).toBeGreaterThan(before + (2 * KEY_GRACE_MS) / every)
    await expect(notice).toBeVisible()
    await expect(bruce.page.getByRole('alert')).toHaveCount(0)
    expect(await toldKeyIsWrong(), 'the newcomer was never told its key does not match').toBe(false)
  } finally {
    await stranger.stop()
  }
})

/** `count` profiles of about `bytes` each, with a marker per profile so arrival can be checked. */
function bigPool(prefix: string, count: number, bytes: number, from = 0): string {
  const filler = (i: number, j: number) => `${prefix} item ${i}.${j}: ` + 'lorem ipsum dolor sit amet '.repeat(Math.ceil(180 / 27)).slice(0, 180)
  const perItem = 200
  const items = Math.max(4, Math.round(bytes / perItem / 4))
  const list = (i: number, side: number) => Array.from({ length: items }, (_, j) => `  - "${filler(i, side * 100 + j)}"`).join('\n')
  return Array.from({ length: count }, (_, n) => n + from).map((i) =>
    [
      'about:',
      `  name: ${prefix} Person ${String(i).padStart(4, '0')}`,
      '  dept: engg',
      '  hobbies:',
      list(i, 1),
      '  favorite_resources:',
      list(i, 2),
      'be_a_mentor:',
      list(i, 3),
      'seek_a_mentor:',
      list(i, 4)
    ].join('\n')
  ).join('\n---\n')
}

test('a 2 MiB document reaches a newcomer, a 1 MiB import reaches a peer online, and later edits still flow', async () => {
  const ada = await peer('Ada')
  const bruce = await peer('Bruce')
  await firstRun(ada)
  await firstRun(bruce)
  await createSpace(ada.page, 'Big org', 'Organization')
  await openSection(ada.page, 'Mentoring pool')
  // two files (a profile file may hold up to 2 MB), one import, one transaction
  const first = [bigPool('First', 130, 8 * 1024), bigPool('First', 130, 8 * 1024, 130)]
  expect(first[0]!.length + first[1]!.length).toBeGreaterThan(2 * 1024 * 1024)
  let dialog = await importYaml(ada.page, [yamlFile('first-a.yaml', first[0]!), yamlFile('first-b.yaml', first[1]!)])
  await expect(dialog.getByLabel('Import result')).toContainText('260')
  await dialog.getByRole('button', { name: 'Done' }).click()

  // the newcomer gets the whole document in its first sync
  await ada.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Big org' }).click()
  await join(bruce.page, await inviteCode(ada.page))
  await expect(member(ada.page, 'Bruce')).toContainText('online now')
  await expect.poll(() => storedAnywhere(bruce.page, 'First Person 0259'), { timeout: 60_000 }).not.toBeNull()
  expect(await storedAnywhere(bruce.page, 'First Person 0000')).not.toBeNull()

  // with Bruce online, a 1 MiB import in one transaction
  await openSection(ada.page, 'Mentoring pool')
  const second = bigPool('Second', 130, 8 * 1024)
  expect(second.length).toBeGreaterThan(1024 * 1024)
  dialog = await importYaml(ada.page, [yamlFile('second.yaml', second)])
  await expect(dialog.getByLabel('Import result')).toContainText('130')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect.poll(() => storedAnywhere(bruce.page, 'Second Person 0129'), { timeout: 60_000 }).not.toBeNull()

  // edits after it still flow both ways
  await ada.page.getByRole('navigation', { name: 'Spaces' }).getByRole('link', { name: 'Big org' }).click()
  await ada.page.getByLabel('Space description').fill('After the big import, from Ada.')
  await ada.page.getByLabel('Space description').blur()
  await expect(bruce.page.getByLabel('Space description')).toHaveValue('After the big import, from Ada.')
  await bruce.page.getByRole('button', { name: 'Rename' }).click()
  await bruce.page.getByLabel('Space name').fill('Big org, renamed by Bruce')
  await bruce.page.keyboard.press('Enter')
  await expect(ada.page.getByRole('heading', { level: 1, name: 'Big org, renamed by Bruce' })).toBeVisible()

  // and the pool Bruce sees is all of it
  await openSection(bruce.page, 'Mentoring pool')
  await expect(bruce.page.getByRole('list', { name: 'People in the pool' }).getByRole('listitem', { name: /^(First|Second) Person/ })).toHaveCount(390, { timeout: 30_000 })
})

test('a hostile signaling server sending garbage into every room the app subscribes to causes no uncaught error', async () => {
  const { WebSocketServer } = await import('ws')
  const hostile = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((r) => hostile.once('listening', () => r()))
  const port = (hostile.address() as { port: number }).port
  let sent = 0
  hostile.on('connection', (socket) => {
    socket.send('this is not JSON {')
    socket.send('null')
    socket.send('42')
    socket.on('message', (raw) => {
      let m: { type?: string; topics?: string[] }
      try {
        m = JSON.parse(String(raw)) as typeof m
      } catch {
        return
      }
      if (m.type !== 'subscribe' || !Array.isArray(m.topics)) return
      for (const topic of m.topics.slice(0, 20)) {
        // bad base64, an empty envelope, a truncated one, an unknown algorithm, a non-string
        const envelopes = ['!!!not base64!!!', '', 'AA', Buffer.from([3, 0x52, 0x4f, 0x54, 1, 1]).toString('base64'), 'B0FFUy1HQ00=']
        for (const data of envelopes) socket.send(JSON.stringify({ type: 'publish', topic, data }))
        socket.send(JSON.stringify({ type: 'publish', topic, data: { to: 1 } }))
        socket.send(JSON.stringify({ type: 'publish', topic }))
        sent += envelopes.length + 2
      }
    })
  })
  const { launchPeer } = await import('./harness.ts')
  const a = await launchPeer('Ada', `ws://127.0.0.1:${port}`)
  try {
    await firstRun(a)
    await createSpace(a.page, 'Targeted team', 'Team')
    await expect.poll(() => sent, { timeout: 20_000 }).toBeGreaterThan(0)
    await a.page.waitForTimeout(1_000)
    await a.page.getByLabel('Space description').fill('Still works.')
    await a.page.getByLabel('Space description').blur()
    // stored (the write is asynchronous; a reload in the same instant could cut it)
    await expect.poll(() => storedAnywhere(a.page, 'Still works.'), { timeout: 10_000 }).not.toBeNull()
    await a.page.reload()
    await expect(a.page.getByLabel('Space description')).toHaveValue('Still works.')
    expect(a.errors).toEqual([])
  } finally {
    await a.close()
    await new Promise<void>((r) => hostile.close(() => r()))
  }
})
