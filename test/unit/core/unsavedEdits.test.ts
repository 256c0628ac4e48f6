import 'fake-indexeddb/auto'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DBCore, Middleware } from 'dexie'
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { createDb, type SpaceRow } from '@core/database/db.ts'
import { tryAgainNow, useUnsavedEdits, watchUnsavedEdits } from '@core/documents/unsavedEdits.ts'

// Node has no disk quota to exhaust: this test's database refuses update rows while `diskFull`
// (the end-to-end test test/e2e/storage.spec.ts fills a real browser's quota instead).
let diskFull = false
const fullDisk: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'test-full-disk',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name)
      if (!name.endsWith('_updates')) return table
      return {
        ...table,
        mutate: (req) => (diskFull && req.type === 'add' ? Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' })) : table.mutate(req))
      }
    }
  })
}

const db = createDb('unsaved-edits-test')
db.use(fullDisk)
const state = () => useUnsavedEdits.getState()

beforeAll(async () => {
  watchUnsavedEdits({ warnOnLeave: false })
  await db.open()
})
afterAll(() => db.close())
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'debug').mockImplementation(() => {})
  diskFull = false
  await Promise.all(db.tables.map((t) => t.clear()))
})

async function addSpace(id: string): Promise<Y.Doc> {
  await db.spaces.add({ id, kind: 'team', name: id, key: 'k', status: 'active', joinedAt: 1, keyVerified: true } as SpaceRow)
  const doc = (await db.spaces.get(id))!.doc
  await DexieYProvider.load(doc).whenLoaded
  return doc
}

/** What a fresh start would read: the space's stored update rows applied to a new document. */
async function storedDescription(id: string): Promise<unknown> {
  const rows = (await db.table('$spaces.doc_updates').where('k').equals(id).toArray()) as { u: Uint8Array }[]
  const fresh = new Y.Doc()
  for (const row of rows) Y.applyUpdateV2(fresh, row.u)
  return fresh.getMap('meta').get('description')
}

describe('an edit that could not be written', () => {
  it('is reported with the reason, kept, and saved by a try once there is space', async () => {
    const doc = await addSpace('s1')
    diskFull = true
    doc.getMap('meta').set('description', 'Written while the disk was full')
    await vi.waitFor(() => expect(state().docs).toBe(1))
    expect(state().errorName).toBe('QuotaExceededError')
    expect(state().nextTryAt).toBeGreaterThan(Date.now())
    expect(await storedDescription('s1')).toBeUndefined()

    await tryAgainNow()
    expect(state().docs).toBe(1) // still full: nothing cleared

    diskFull = false
    // a later edit is written, but it alone does not bring the lost one back
    doc.getMap('meta').set('name', 'Renamed')
    await tryAgainNow()
    expect(state()).toMatchObject({ docs: 0, errorName: null, nextTryAt: null, saving: false })
    expect(await storedDescription('s1')).toBe('Written while the disk was full')
    DexieYProvider.release(doc)
  })

  it('is saved even when the document was let go right after the edit', async () => {
    const doc = await addSpace('s2')
    diskFull = true
    doc.getMap('meta').set('description', 'Edited, then the view closed')
    DexieYProvider.release(doc)
    await vi.waitFor(() => expect(state().docs).toBe(1))
    diskFull = false
    await tryAgainNow()
    expect(state().docs).toBe(0)
    expect(await storedDescription('s2')).toBe('Edited, then the view closed')
  })

  it('is dropped, not written as a stray row, when its space was deleted meanwhile', async () => {
    const doc = await addSpace('s3')
    diskFull = true
    doc.getMap('meta').set('description', 'Never mind')
    await vi.waitFor(() => expect(state().docs).toBe(1))
    await db.spaces.delete('s3')
    diskFull = false
    await tryAgainNow()
    expect(state().docs).toBe(0)
    expect(await db.table('$spaces.doc_updates').where('k').equals('s3').count()).toBe(0)
  })
})
