import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { DexieYProvider } from 'y-dexie'
import { createDb, type TandemDb } from '@core/database/db.ts'
import { LATEST_VERSION, SCHEMA_VERSIONS } from '@core/database/schema.ts'

const WAIT_MS = 3000
let opened: TandemDb[] = []
let dbCount = 0

beforeEach(() => {
  // y-dexie logs every released document with console.debug
  vi.spyOn(console, 'debug').mockImplementation(() => {})
})

afterEach(() => {
  for (const db of opened) db.close()
  opened = []
  vi.restoreAllMocks()
})

function open(name: string, upTo?: number): TandemDb {
  const db = upTo === undefined ? createDb(name) : createDb(name, upTo)
  opened.push(db)
  return db
}

const uniqueName = () => `tandem-migration-test-${process.pid}-${Date.now()}-${++dbCount}`

/** Loads a row's document, lets f read or change it, and releases it (as the app's withDoc does). */
async function withDoc<T>(doc: Y.Doc, f: (doc: Y.Doc) => T): Promise<T> {
  const provider = DexieYProvider.load(doc)
  try {
    await provider.whenLoaded
    return f(doc)
  } finally {
    DexieYProvider.release(doc)
  }
}

/** y-dexie writes a document's updates in the background: wait until they are stored. */
async function untilStored(db: TandemDb, spaceId: string): Promise<void> {
  const updates = db.table('$spaces.doc_updates')
  const deadline = Date.now() + WAIT_MS
  while ((await updates.where('k').equals(spaceId).count()) === 0) {
    if (Date.now() > deadline) throw new Error(`the update of ${spaceId}'s document was not stored within ${WAIT_MS} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

const v1Spaces = [
  { id: 'space-alpha-0000000001', kind: 'team', name: 'Alpha team', key: 'k'.repeat(43), joinedAt: 1_700_000_000_000 },
  { id: 'space-beta-00000000002', kind: 'pair', name: 'Ana & Bo', key: 'q'.repeat(43), joinedAt: 1_700_000_500_000 }
]

describe('database schema', () => {
  it('declares versions in increasing order, the last being the latest', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
    expect(LATEST_VERSION).toBe(versions.at(-1))
  })

  it('createDb(name, 1) opens the v1 schema only', async () => {
    const db = open(uniqueName(), 1)
    await db.open()
    expect(db.verno).toBe(1)
    expect(db.tables.map((t) => t.name).filter((n) => !n.startsWith('$')).sort()).toEqual(['identity', 'spaces'])
  })

  it('createDb(name) opens the latest schema', async () => {
    const db = open(uniqueName())
    await db.open()
    expect(db.verno).toBe(LATEST_VERSION)
    expect(db.tables.map((t) => t.name)).toContain('settings')
  })
})

describe('migration from v1 to the latest version', () => {
  it('keeps every space, its document and the identity, and moves the signaling list to settings', async () => {
    const name = uniqueName()

    // --- a v1 database as the first release left it
    const v1 = open(name, 1)
    await v1.open()
    expect(v1.verno).toBe(1)
    for (const space of v1Spaces) {
      // @ts-expect-error v1 rows have no status / keyVerified
      await v1.spaces.add(space)
      const row = await v1.spaces.get(space.id)
      expect(row).toBeDefined()
      await withDoc(row!.doc, (doc) => {
        doc.getMap('meta').set('name', `${space.name} (doc)`)
        doc.getArray('notes').push([`first note of ${space.id}`])
      })
      await untilStored(v1, space.id)
    }
    // @ts-expect-error v1 kept the signaling list on the identity row
    await v1.identity.put({ id: 'me', deviceId: 'device-0001', name: 'Daria', color: '#1971c2', signalingUrls: ['ws://x:1'] })
    v1.close()

    // --- the app opens it at the latest version
    const db = open(name)
    await db.open()
    expect(db.verno).toBe(LATEST_VERSION)

    const spaces = await db.spaces.orderBy('id').toArray()
    expect(spaces.map((s) => s.id)).toEqual(v1Spaces.map((s) => s.id).sort())
    for (const original of v1Spaces) {
      const row = spaces.find((s) => s.id === original.id)!
      expect(row).toMatchObject({ ...original, status: 'active', keyVerified: true })
      const content = await withDoc(row.doc, (doc) => ({
        name: doc.getMap('meta').get('name'),
        notes: doc.getArray('notes').toArray()
      }))
      expect(content).toEqual({ name: `${original.name} (doc)`, notes: [`first note of ${original.id}`] })
    }
    expect(await db.spaces.where('status').equals('active').count()).toBe(2)

    const me = (await db.identity.get('me')) as unknown as Record<string, unknown>
    expect(me).toEqual({ id: 'me', deviceId: 'device-0001', name: 'Daria', color: '#1971c2' })
    expect(me).not.toHaveProperty('signalingUrls')

    expect(await db.settings.toArray()).toEqual([{ key: 'signalingUrls', value: ['ws://x:1'] }])
  })

  it('keeps existing status and keyVerified values and needs no identity', async () => {
    const name = uniqueName()
    const v1 = open(name, 1)
    await v1.open()
    // a row written by a build that already had these fields must not be overwritten
    await v1.spaces.add({ ...v1Spaces[0]!, status: 'left', keyVerified: false } as never)
    v1.close()

    const db = open(name)
    await db.open()
    expect(await db.spaces.get(v1Spaces[0]!.id)).toMatchObject({ status: 'left', keyVerified: false })
    expect(await db.identity.count()).toBe(0)
    expect(await db.settings.count()).toBe(0)
  })

  it('leaves an identity without a signaling list as it is', async () => {
    const name = uniqueName()
    const v1 = open(name, 1)
    await v1.open()
    await v1.identity.put({ id: 'me', deviceId: 'device-0002', name: 'Bo', color: '#2b8a3e' })
    v1.close()

    const db = open(name)
    await db.open()
    expect(await db.identity.get('me')).toEqual({ id: 'me', deviceId: 'device-0002', name: 'Bo', color: '#2b8a3e' })
    expect(await db.settings.count()).toBe(0)
  })
})

describe('migration from v4 to v5 (planning-poker votes kept until reveal)', () => {
  it('keeps the local-only tables and adds an empty pokerVotes table indexed by document and space', async () => {
    const name = uniqueName()
    const v4 = open(name, 4)
    await v4.open()
    await v4.draftCards.put({ id: 'd1', boardId: 'space-1/sprint/3', columnId: 'went-well', text: 'draft', anonymous: false, createdAt: 1 })
    await v4.myCards.put({ id: 'c1', boardId: 'space-1/sprint/3' })
    await v4.privateNotes.put({ id: 'n1', spaceId: 'space-1', topic: 'pair', text: 'mine', updatedAt: 2 })
    v4.close()

    const db = open(name)
    await db.open()
    expect(db.verno).toBe(LATEST_VERSION)
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(5)
    expect(await db.draftCards.toArray()).toEqual([{ id: 'd1', boardId: 'space-1/sprint/3', columnId: 'went-well', text: 'draft', anonymous: false, createdAt: 1 }])
    expect(await db.myCards.toArray()).toEqual([{ id: 'c1', boardId: 'space-1/sprint/3' }])
    expect(await db.privateNotes.count()).toBe(1)
    expect(await db.pokerVotes.count()).toBe(0)
    const row = { id: 'space-1/scrum/4|PAY-1#1', docId: 'space-1/scrum/4', spaceId: 'space-1', ticketId: 'PAY-1', round: 1, value: '5', votedAt: 3 }
    await db.pokerVotes.put(row)
    expect(await db.pokerVotes.where('docId').equals('space-1/scrum/4').toArray()).toEqual([row])
    expect(await db.pokerVotes.where('spaceId').equals('space-1').count()).toBe(1)
  })
})
