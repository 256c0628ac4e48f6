import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anonymously, collection, defineCollection, documentStats } from '@core/collections/index.ts'
import { CardFields } from '@shared/retro/cards.ts'
import { unknownEntriesNotice } from '@shared/collections/unknownEntries.ts'
import { countRootScans as countScans } from '../fixtures/rootScans.ts'

/**
 * A document holding 50 000 root maps no collection knows (a hostile member's junk, issue 10 #14):
 * what one honest update costs must not grow with them. Counted, never timed: the walks over the
 * document's root types, the records validated again, the structs Yjs encodes for the providers'
 * `update` / `updateV2` listeners. patches/yjs+13.6.33.patch: upstream, Yjs walked every root type
 * for each item it encoded whose parent is a root type (`findRootTypeKey`), so an update creating a
 * record cost a walk of the document per field, and encoding the whole document (sync step 2,
 * y-dexie's compaction, a backup) O(root types²): 19 s for 50 000.
 */
const cards = defineCollection({ name: 'junk-test-cards', schema: CardFields })
const card = (text: string) => ({ columnId: 'went-well', text, createdAt: 1_800_000_000_000 })

/** Counts the structs Yjs encodes (any document) while `f` runs. */
const restore: (() => void)[] = []
function countEncoded(f: () => void): number {
  const proto = Y.Item.prototype as unknown as { write: (...args: unknown[]) => void }
  const original = proto.write
  let n = 0
  proto.write = function (this: unknown, ...args: unknown[]) {
    n++
    return original.apply(this, args)
  }
  restore.push(() => (proto.write = original))
  try {
    f()
  } finally {
    proto.write = original
  }
  return n
}
afterEach(() => restore.splice(0).forEach((r) => r()))

function junkDocument(junk: number) {
  const honest = new Y.Doc()
  for (let i = 0; i < 20; i++) collection(honest, cards).create(card(`card ${i}`), { id: `c${i}` })
  const hostile = new Y.Doc()
  Y.applyUpdate(hostile, Y.encodeStateAsUpdate(honest))
  hostile.transact(() => {
    for (let i = 0; i < junk; i++) {
      const m = hostile.getMap(i % 2 ? `nobody::${i}` : `junk-${i}`)
      m.set('a', i)
      m.set('b', 'x')
    }
  })
  const reader = new Y.Doc()
  // what the sync providers and y-dexie hold on every loaded document: Yjs encodes each transaction for them
  const sent: Uint8Array[] = []
  reader.on('update', (u: Uint8Array) => sent.push(u))
  reader.on('updateV2', () => {})
  Y.applyUpdate(reader, Y.encodeStateAsUpdate(hostile), 'peer')
  /** an honest peer's change, as the one update it sends */
  const fromPeer = (change: () => void) => {
    const sv = Y.encodeStateVector(honest)
    change()
    return Y.encodeStateAsUpdate(honest, sv)
  }
  return { honest, reader, sent, fromPeer }
}

describe('a document of 50 000 junk root maps', () => {
  it('one honest update costs what it changed: no walk of the root types, one record validated, its own structs encoded', () => {
    const { honest, reader, sent, fromPeer } = junkDocument(50_000)
    const board = collection(reader, cards)
    let told = 0
    board.subscribe(() => told++)
    expect(board.list()).toHaveLength(20)
    expect(documentStats(reader)).toMatchObject({ foreignRecords: 25_000, otherRootKeys: 25_000 })
    // the space's page says so (features/spaces/UnknownEntries.tsx)
    expect(unknownEntriesNotice([documentStats(reader)])).toEqual({ entries: 50_000, documents: 1 })

    const walks = countScans(reader)
    const before = board.stats.validations
    const edit = fromPeer(() => collection(honest, cards).patch('c3', { text: 'edited' }))
    const added = fromPeer(() => collection(honest, cards).create(card('new'), { id: 'new' }))
    // each update is encoded again for the listeners (V1 and V2): its few structs, not the document's
    const encoded = countEncoded(() => {
      Y.applyUpdate(reader, edit, 'peer')
      Y.applyUpdate(reader, added, 'peer')
      board.create(card('mine'), { id: 'mine' })
      board.patch('c4', { text: 'mine too' })
    })
    expect(board.list()).toHaveLength(22)
    expect(board.get('c3')?.text).toBe('edited')
    // four records changed (a write of this device's own is read once more at the next read)
    expect(board.stats.validations - before).toBeLessThanOrEqual(2 * 4)
    expect(told).toBe(4)
    expect(encoded).toBeLessThan(100)
    expect(walks.scans).toBe(0)
    // and what this device sent names the record it created (its fields carry the root key)
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(honest))
    for (const u of sent.slice(-2)) Y.applyUpdate(peer, u)
    expect(collection(peer, cards).get('mine')?.text).toBe('mine')
    expect(collection(peer, cards).get('c4')?.text).toBe('mine too')
  })

  it('an anonymous card costs what it writes: its own structs, never the document copied', () => {
    const { reader, sent } = junkDocument(50_000)
    collection(reader, cards).list() // the board is open (its first read names the root types, once)
    const walks = countScans(reader)
    const encoded = countEncoded(() => {
      anonymously(reader, cards, 'board-1').create(card('anonymous'), { id: 'anon' })
      anonymously(reader, cards, 'board-1').patch('anon', { text: 'anonymous, edited' })
    })
    expect(encoded).toBeLessThan(100)
    expect(walks.scans).toBe(0)
    expect(collection(reader, cards).get('anon')?.text).toBe('anonymous, edited')
    const writers = new Set(sent.slice(-2).flatMap((u) => Y.decodeUpdate(u).structs.map((s) => s.id.client)))
    expect(writers.size).toBe(1)
    expect(writers.has(reader.clientID)).toBe(false)
  })

  it('a rich-text note opened and edited there: told to its collection without a walk of the root types', () => {
    const { honest, reader } = junkDocument(50_000)
    const notesOf = defineCollection({ name: 'junk-test-sessions', schema: CardFields, attachedPrefix: 'junk-test-notes:', onRemove: () => {} })
    collection(honest, notesOf).create(card('session'), { id: 's1' })
    honest.getXmlFragment('junk-test-notes:s1').insert(0, [new Y.XmlText('first')])
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(honest, Y.encodeStateVector(reader)), 'peer')
    let told = 0
    collection(reader, notesOf).subscribe(() => told++)
    collection(reader, notesOf).list()
    const walks = countScans(reader)
    // the editor turns the note (a placeholder until now) into a typed fragment and types into it
    const fragment = reader.getXmlFragment('junk-test-notes:s1')
    fragment.insert(1, [new Y.XmlText(' and more')])
    expect(walks.scans).toBe(0)
    expect(told).toBe(0) // a note is no record; its change reached the collection's prefix listener only
    expect(fragment.length).toBe(2)
  })

  it('is encoded whole (sync step 2, y-dexie compaction, a backup) without a walk per root type', () => {
    const { reader } = junkDocument(50_000)
    const walks = countScans(reader)
    const v1 = Y.encodeStateAsUpdate(reader)
    const v2 = Y.encodeStateAsUpdateV2(reader)
    expect(walks.scans).toBe(0)
    const copy = new Y.Doc()
    Y.applyUpdateV2(copy, v2)
    expect(Buffer.from(Y.encodeStateAsUpdate(copy)).equals(Buffer.from(v1))).toBe(true)
    expect(copy.share.size).toBe(reader.share.size)
  })
})

describe('root type names in encoded updates (patches/yjs+13.6.33.patch)', () => {
  it('a root type turned from a placeholder into a typed one, or made again under its name, is encoded under its name', () => {
    const a = new Y.Doc()
    a.getXmlFragment('notes').insert(0, [new Y.XmlText('hello')])
    a.getMap('meta').set('name', 'Team')
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a)) // b holds both as placeholders
    const fragment = b.getXmlFragment('notes') // replaced by a typed one
    fragment.insert(1, [new Y.XmlText(' world')])
    b.getMap('meta').set('kind', 'team')
    b.getText('fresh').insert(0, 'new root')
    const c = new Y.Doc()
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b))
    expect(c.getXmlFragment('notes').toString()).toBe('hello world')
    expect(c.getMap('meta').toJSON()).toEqual({ name: 'Team', kind: 'team' })
    expect(c.getText('fresh').toString()).toBe('new root')
  })

  it('a type that is no longer a root of its document under the name it was made with is found by a walk, as upstream', () => {
    const doc = new Y.Doc()
    const map = doc.getMap('first')
    const stale = map as unknown as { _rootKey?: string }
    stale._rootKey = 'elsewhere' // as if filed under another name
    map.set('x', 1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(copy.getMap('first').get('x')).toBe(1)
  })
})
