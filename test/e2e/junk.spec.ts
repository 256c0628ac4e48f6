import { expect, test } from '@playwright/test'
import * as Y from 'yjs'
import { createSpace, firstRun, inviteCode, join, member, peersOnOwnSignaling, screenshot, spaceIdOf } from './harness.ts'

const peer = peersOnOwnSignaling()

/**
 * Issue 10 #14: a member whose app misbehaves fills the space's document with root maps no
 * collection of Tandem reads (6 000 here), straight into its own copy (its IndexedDB, as a hostile
 * build would). It reaches the others over WebRTC like any edit; their apps read on as before and
 * the space's page says, calmly and naming nobody, that the space holds entries this version does
 * not read, pointing to removing a member.
 */
test('thousands of junk entries from a peer: the space reads on and says so, naming nobody', async () => {
  test.setTimeout(120_000)
  const a = await peer('Ada')
  const b = await peer('Bruce')
  await firstRun(a)
  await firstRun(b)
  await createSpace(a.page, 'Platform team', 'Team')
  await join(b.page, await inviteCode(a.page))
  await expect(member(a.page, 'Bruce')).toContainText('online now')
  const spaceId = spaceIdOf(a.page)
  await expect(a.page.getByRole('region', { name: 'Entries this app does not read' })).toHaveCount(0)

  const junk = new Y.Doc()
  junk.transact(() => {
    for (let i = 0; i < 6_000; i++) {
      const m = junk.getMap(i % 2 ? `junk-${i}` : `nobody::${i}`)
      m.set('a', i)
      m.set('b', 'x')
    }
  })
  const update = Array.from(Y.encodeStateAsUpdateV2(junk)) // y-dexie keeps V2 updates
  await b.page.evaluate(
    async ({ spaceId, update }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('tandem')
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('$spaces.doc_updates', 'readwrite')
        tx.objectStore('$spaces.doc_updates').add({ k: spaceId, u: new Uint8Array(update), f: 1 })
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { spaceId, update }
  )
  await b.page.reload()
  await expect(member(b.page, 'Ada')).toContainText('online now')

  const notice = a.page.getByRole('region', { name: 'Entries this app does not read' })
  await expect(notice).toContainText(/This space holds 6,0\d\d entries this version of Tandem does not read/)
  await expect(notice).toContainText('remove that member below')
  await expect(notice).not.toContainText('Bruce')
  // the space reads on: its description still syncs both ways
  const field = b.page.getByLabel('Space description')
  await field.fill('Still here')
  await field.blur()
  await expect(a.page.getByLabel('Space description')).toHaveValue('Still here')
  await notice.scrollIntoViewIfNeeded()
  await screenshot(a.page, 'space-unknown-entries')
})
