import { expect, test } from '@playwright/test'
import * as Y from 'yjs'
import { createSpace, firstRun, inviteCode, join, member, peersOnOwnSignaling, screenshot, spaceIdOf } from './harness.ts'

const peer = peersOnOwnSignaling()

/**
 * Issue 10 #15: a member whose app misbehaves writes a member entry under an id derived from a key
 * it does not hold ("Mallory, org admin"), straight into its own copy of the space (its IndexedDB,
 * as a hostile build of the app would). It reaches the others over WebRTC like any edit; their
 * apps show no such member and say that a forged change was ignored.
 */
test('a member entry forged by a peer reaches the others and is ignored there, and they are told', async () => {
  const a = await peer('Ada')
  const b = await peer('Bruce')
  await firstRun(a)
  await firstRun(b)
  await createSpace(a.page, 'Platform team', 'Team')
  await join(b.page, await inviteCode(a.page))
  await expect(member(a.page, 'Bruce')).toContainText('online now')
  const spaceId = spaceIdOf(a.page)

  // what Bruce's copy gets: an unsealed entry for a made-up key-derived id, as one Yjs update
  const forged = new Y.Doc()
  const fakeId = 'k' + 'Mallory0123456789abcdefghi'.slice(0, 26)
  forged.getMap('members').set(fakeId, { id: fakeId, name: 'Mallory, org admin', color: '#c2255c', joinedAt: Date.now(), lastSeenAt: Date.now() })
  const update = Array.from(Y.encodeStateAsUpdateV2(forged)) // y-dexie keeps V2 updates
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
  // Bruce's app loads its copy again (with the forged entry) and syncs it to Ada
  await b.page.reload()
  await expect(member(b.page, 'Ada')).toContainText('online now')
  await expect(a.page.getByRole('status').filter({ hasText: /Tandem ignored one change that claimed to come from someone who did not make it/ })).toBeVisible()
  await expect(a.page.getByRole('list', { name: 'Members' }).getByRole('listitem')).toHaveCount(2)
  await expect(a.page.getByText('Mallory, org admin')).toHaveCount(0)
  await expect(b.page.getByText('Mallory, org admin')).toHaveCount(0)
  // the real members stay verified and named
  await expect(member(a.page, 'Bruce')).not.toContainText('not verified')
  await screenshot(a.page, 'forged-member-ignored')
})
