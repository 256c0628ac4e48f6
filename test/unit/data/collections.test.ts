import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { patchRecord, patchRecordAnonymously, readCollection, readRecord, removeRecord } from '../../../renderer/src/data/collections.ts'

const Card = z.object({ text: z.string(), votes: z.number().optional() })
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
}

describe('record collections over Yjs', () => {
  it('two peers creating the same record apart merge field by field', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    patchRecord(a, 'cards', 'c1', { text: 'from a' })
    patchRecord(b, 'cards', 'c1', { votes: 2 })
    sync(a, b)
    for (const doc of [a, b]) expect(readCollection(doc, 'cards', Card)).toEqual([{ id: 'c1', text: 'from a', votes: 2 }])
  })

  it('a record that arrived from a peer is listed without being opened here first', () => {
    const a = new Y.Doc()
    patchRecord(a, 'cards', 'c1', { text: 'hello' })
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(a))
    expect(readRecord(fresh, 'cards', 'c1', Card)).toEqual({ id: 'c1', text: 'hello' })
    expect(readRecord(fresh, 'cards', 'nope', Card)).toBeNull()
  })

  it('skips malformed records instead of throwing, and deletion leaves no content', () => {
    const doc = new Y.Doc()
    patchRecord(doc, 'cards', 'bad', { text: 42 })
    patchRecord(doc, 'cards', 'gone', { text: 'secret' })
    removeRecord(doc, 'cards', 'gone')
    expect(readCollection(doc, 'cards', Card)).toEqual([])
    expect(doc.getMap('cards::gone').get('text')).toBeUndefined()
  })

  it('an anonymous write carries neither our client id nor loses ordering', () => {
    const doc = new Y.Doc()
    patchRecord(doc, 'cards', 'c1', { text: 'first' })
    const before = Y.encodeStateVector(doc)
    patchRecordAnonymously(doc, 'cards', 'c2', { text: 'anonymous' })
    patchRecordAnonymously(doc, 'cards', 'c1', { text: 'edited anonymously' })
    const writers = new Set<number>()
    const update = Y.decodeUpdate(Y.encodeStateAsUpdate(doc, before))
    for (const struct of update.structs) writers.add(struct.id.client)
    expect(writers.has(doc.clientID)).toBe(false)
    expect(readRecord(doc, 'cards', 'c1', Card)?.text).toBe('edited anonymously')
    expect(readRecord(doc, 'cards', 'c2', Card)?.text).toBe('anonymous')
  })
})
