import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { collection, defineCollection, rekeyLegacyOrders } from '@core/collections/index.ts'
import { defineDocument, isReadOnly, keepRootVersioned, keepVersioned, onReadOnly, openVersioned, ReadOnlyDocumentError, registerDocumentKind, rootDocumentKind, storedVersion } from '@core/documents/index.ts'
import { Order } from '@shared/collections/order.ts'

const steps = defineCollection({ name: 'steps', schema: z.object({ text: z.string(), order: Order }), ordered: true })
const kindV2 = defineDocument({ name: 'notebook', version: 2, migrations: { 2: (doc) => rekeyLegacyOrders(doc, steps) } })

/** A document as an app before versions wrote it: numeric orders, no marker. */
function legacy(): Y.Doc {
  const doc = new Y.Doc()
  ;[['c', 0], ['a', 0], ['b', 1], ['d', 2]].forEach(([id, order]) => {
    const m = doc.getMap(`steps::${id}`)
    m.set('text', `step ${id}`)
    m.set('order', order)
  })
  return doc
}

const copy = (doc: Y.Doc) => {
  const out = new Y.Doc()
  Y.applyUpdate(out, Y.encodeStateAsUpdate(doc))
  return out
}
const texts = (doc: Y.Doc) => collection(doc, steps).list().map((s) => s.text)
const json = (doc: Y.Doc) => JSON.stringify([...doc.share.keys()].sort().map((k) => [k, doc.getMap(k).toJSON()]))

describe('versioned documents', () => {
  it('migrates an old document once, keeping what it shows', () => {
    const doc = legacy()
    expect(storedVersion(doc)).toBe(1)
    const before = texts(doc)
    expect(openVersioned(doc, kindV2)).toEqual({ stored: 1, supported: 2, readOnly: false })
    expect(storedVersion(doc)).toBe(2)
    expect(texts(doc)).toEqual(before)
    expect(collection(doc, steps).list().every((s) => typeof s.order === 'string')).toBe(true)
    let updates = 0
    doc.on('update', () => updates++)
    openVersioned(doc, kindV2)
    expect(updates).toBe(0)
  })

  it('converges when two peers migrate the same document while apart', () => {
    const a = legacy()
    const b = copy(a)
    openVersioned(a, kindV2)
    openVersioned(b, kindV2)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(json(a)).toEqual(json(b))
    expect(texts(a)).toEqual(['step a', 'step c', 'step b', 'step d'])
    expect(collection(a, steps).list()).toHaveLength(4)
  })

  it('still shows what an older app writes after the upgrade', () => {
    const doc = legacy()
    openVersioned(doc, kindV2)
    const old = doc.getMap('steps::late')
    old.set('text', 'from an old peer')
    old.set('order', 7)
    expect(texts(doc)).toContain('from an old peer')
  })

  it('opens a document from a newer app read-only, and refuses writes', () => {
    const doc = legacy()
    doc.getMap('__tandem').set('v3', true)
    const seen: Y.Doc[] = []
    const stop = onReadOnly((d) => seen.push(d))
    expect(openVersioned(doc, kindV2)).toEqual({ stored: 3, supported: 2, readOnly: true })
    stop()
    expect(seen).toEqual([doc])
    expect(() => collection(doc, steps).create({ text: 'new' })).toThrow(ReadOnlyDocumentError)
    expect(() => collection(doc, steps).remove('a')).toThrow(ReadOnlyDocumentError)
    expect(texts(doc)).toHaveLength(4)
  })

  it('notices when a peer brings a newer version after the document was opened', () => {
    registerDocumentKind((key) => key === 'notebook', kindV2)
    const a = legacy()
    const stop = keepVersioned(a, 'notebook')
    expect(storedVersion(a)).toBe(2)
    const newer = copy(a)
    newer.getMap('__tandem').set('v3', true)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(newer))
    expect(() => collection(a, steps).create({ text: 'x' })).toThrow(ReadOnlyDocumentError)
    stop()
  })

  it('refuses a kind that skips a migration', () => {
    expect(() => defineDocument({ name: 'bad', version: 3, migrations: { 2: () => {} } })).toThrow(/no migration to version 3/)
  })
})

describe('a space root document', () => {
  it('is version 1 today and opening it writes nothing', () => {
    const doc = new Y.Doc()
    doc.getMap('meta').set('name', 'Payments')
    let updates = 0
    doc.on('update', () => updates++)
    const stop = keepRootVersioned(doc)
    expect(rootDocumentKind().version).toBe(1)
    expect(updates).toBe(0)
    expect(isReadOnly(doc)).toBe(false)
    stop()
  })

  it('opens read-only when a newer app marked it, also when the mark arrives from a peer later', () => {
    const doc = new Y.Doc()
    const stop = keepRootVersioned(doc)
    expect(isReadOnly(doc)).toBe(false)
    const newer = new Y.Doc()
    newer.getMap('__tandem').set('v2', true)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(newer))
    expect(isReadOnly(doc)).toBe(true)
    stop()
  })
})
