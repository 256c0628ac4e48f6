import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DBCore, DBCoreQuery, Middleware } from 'dexie'
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { createDb, type SpaceRow } from '@core/database/db.ts'

/**
 * patches/y-dexie+4.4.0.patch: y-dexie watches each loaded document's update rows with a live
 * query. Upstream, a document's own writes were read back and applied again (the check meant to
 * skip them compared with the wrong number), and a quiet document read every later row of the
 * other documents again on each write. Both cost every page work per edit; neither may lose a row
 * written elsewhere (another window, another Dexie instance). Updates from peers are written
 * after the page has shown them (off the path from a peer's message to the screen), a burst as one
 * row; this device's own edits are written at once.
 */
const db = createDb('y-dexie-patch-test')
/** the update-row reads of the live queries, as the database sees them */
const reads: DBCoreQuery[] = []
const countReads: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'test-count-reads',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name)
      if (!name.endsWith('_updates')) return table
      return {
        ...table,
        query: (req) => (reads.push(req.query), table.query(req)),
        openCursor: (req) => (reads.push(req.query), table.openCursor(req))
      }
    }
  })
}
db.use(countReads)
const other = createDb('y-dexie-patch-test') // another window on the same database

beforeAll(async () => {
  await db.open()
  await other.open()
})
afterAll(() => {
  db.close()
  other.close()
})

async function load(database: typeof db, id: string, create: boolean): Promise<{ doc: Y.Doc; provider: DexieYProvider }> {
  if (create) await database.spaces.add({ id, kind: 'team', name: id, key: 'k', status: 'active', joinedAt: 1, keyVerified: true } as SpaceRow)
  const doc = (await database.spaces.get(id))!.doc
  const provider = DexieYProvider.load(doc)
  await provider.whenLoaded
  return { doc, provider }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

/** Transactions y-dexie runs on the document to apply rows it read (its origin is the provider). */
function countReapplied(doc: Y.Doc, provider: DexieYProvider): () => number {
  let n = 0
  doc.on('beforeTransaction', (tr: Y.Transaction) => {
    if (tr.origin === provider) n++
  })
  return () => n
}

describe('y-dexie as patched', () => {
  it('does not read a document’s own writes back, nor apply them again', async () => {
    const { doc, provider } = await load(db, 'own', true)
    const reapplied = countReapplied(doc, provider)
    for (let i = 0; i < 20; i++) {
      doc.getMap('m').set(`k${i}`, i)
      await settle()
    }
    expect(reapplied()).toBe(0)
    expect(await db.table('$spaces.doc_updates').where({ k: 'own' }).count()).toBeGreaterThanOrEqual(20)
  })

  it('a quiet document misses no row another window writes for it, among many rows of other documents', async () => {
    const quiet = await load(db, 'quiet', true)
    const busy = await load(db, 'busy', true)
    const elsewhere = await load(other, 'quiet', false)
    for (let i = 0; i < 30; i++) {
      busy.doc.getMap('m').set(`b${i}`, i)
      if (i % 10 === 5) elsewhere.doc.getMap('m').set(`q${i}`, i)
      await settle()
    }
    // the rows written in the other window arrive here (Dexie tells other instances of writes)
    for (let tries = 0; tries < 100 && quiet.doc.getMap('m').size < 3; tries++) await settle()
    expect([...quiet.doc.getMap('m').keys()].sort()).toEqual(['q15', 'q25', 'q5'])
    expect(busy.doc.getMap('m').size).toBe(30)
  })

  it('does not read again for a document when another document is written', async () => {
    const quiet = await load(db, 'quiet2', true)
    const busy = await load(db, 'busy2', true)
    quiet.doc.getMap('m').set('here', 1)
    await settle()
    reads.length = 0
    for (let i = 0; i < 10; i++) {
      busy.doc.getMap('m').set(`b${i}`, i)
      await settle()
    }
    const aboutQuiet = reads.filter((q) => q.range.lower === 'quiet2' || q.index.name !== 'k')
    expect(aboutQuiet).toEqual([])
    expect(reads.length).toBeGreaterThan(0) // the busy document's own live query did read
  })

  it('writes peers’ updates up to a second later as one row (at once when asked), and this device’s own edits at once', async () => {
    const { doc, provider } = await load(db, 'burst', true)
    const rows = () => db.table('$spaces.doc_updates').where({ k: 'burst' }).count()
    const before = await rows()
    const peer = new Y.Doc()
    const fromPeer = { peer: 'a provider' }
    peer.on('update', (u: Uint8Array) => Y.applyUpdate(doc, u, fromPeer))
    for (let i = 0; i < 10; i++) peer.getMap('m').set(`p${i}`, i)
    expect(doc.getMap('m').size).toBe(10) // shown at once
    doc.getMap('m').set('mine', 1) // written at once, before the burst
    await settle()
    expect(await rows()).toBe(before + 1)
    ;(provider as DexieYProvider & { writePending(): void }).writePending() // as a relay does before it stores its cursor
    await settle()
    expect(await rows()).toBe(before + 2)
    // and without asking, within a second
    peer.getMap('m').set('later', 1)
    for (let tries = 0; tries < 60 && (await rows()) < before + 3; tries++) await settle()
    expect(await rows()).toBe(before + 3)
    // what is stored is everything: a fresh load from the database has it all
    const again = new Y.Doc()
    for (const row of await db.table('$spaces.doc_updates').where({ k: 'burst' }).toArray()) Y.applyUpdateV2(again, (row as { u: Uint8Array }).u)
    expect(again.getMap('m').size).toBe(12)
  })

  it('writes no row for a document deleted while a peer’s update waited (nothing of a deleted space stays)', async () => {
    const { doc, provider } = await load(db, 'deleted', true)
    const updates = db.table('$spaces.doc_updates')
    const peer = new Y.Doc()
    peer.on('update', (u: Uint8Array) => Y.applyUpdate(doc, u, { peer: 'a provider' }))
    peer.getMap('m').set('arrived', 1) // waits to be written
    await db.transaction('rw', [db.spaces, updates], async () => {
      await updates.where('k').equals('deleted').delete()
      await db.spaces.delete('deleted')
    })
    ;(provider as DexieYProvider & { writePending(): void }).writePending()
    await settle()
    expect(await updates.where({ k: 'deleted' }).count()).toBe(0)
  })
})
