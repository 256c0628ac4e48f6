import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { patchRecord, readCollection, readRecord, removeRecord } from '../../../renderer/src/data/collections.ts'

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
})
