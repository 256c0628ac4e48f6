import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { anonymously, collection, defineCollection, GAP_PATIENCE_MS } from '@core/collections/index.ts'
import { defineDocument, openVersioned } from '@core/documents/index.ts'
import { Order } from '@shared/collections/order.ts'

const Item = z.object({ text: z.string().max(100), order: Order })
const items = defineCollection({ name: 'items', schema: Item, ordered: true })
const Tag = z.object({ label: z.string() })
const tags = defineCollection({ name: 'tags', schema: Tag })

const Parent = z.object({ title: z.string(), order: Order })
const parents = defineCollection({ name: 'parents', schema: Parent, ordered: true })
const Child = z.object({ parentId: z.string(), text: z.string(), order: Order })
const children = defineCollection({ name: 'children', schema: Child, ordered: true, parent: { def: parents, field: 'parentId' } })
const Grandchild = z.object({ childId: z.string(), text: z.string() })
const removedBodies: string[] = []
const grandchildren = defineCollection({
  name: 'grandchildren',
  schema: Grandchild,
  parent: { def: children, field: 'childId' },
  onRemove: (_doc, id) => removedBodies.push(id)
})

/** sessions with a rich-text body `body:<id>` that goes with them (as a pair's session notes) */
const Meeting = z.object({ title: z.string() })
const bodyName = (id: string) => `body:${id}`
const meetings = defineCollection({
  name: 'meetings',
  schema: Meeting,
  attachedPrefix: 'body:',
  onRemove: (doc, id) => {
    if (!doc.share.has(bodyName(id))) return
    const body = doc.getXmlFragment(bodyName(id))
    if (body.length > 0) body.delete(0, body.length)
  }
})
const paragraph = (text: string) => {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

/** Peers exchanging every update, with a switch to hold them apart. */
function peers(n: number) {
  const docs = Array.from({ length: n }, () => new Y.Doc())
  const sync = () => {
    for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  }
  return { docs, sync }
}

const texts = (doc: Y.Doc) => collection(doc, items).list().map((r) => r.text)

describe('record collections', () => {
  it('keeps the order made on one device and shows one order on every peer after concurrent inserts', () => {
    const { docs, sync } = peers(3)
    const [a, b, c] = docs as [Y.Doc, Y.Doc, Y.Doc]
    for (const t of ['one', 'two', 'three']) collection(a, items).create({ text: t })
    expect(texts(a)).toEqual(['one', 'two', 'three'])
    sync()
    // apart, each appends and inserts
    collection(a, items).create({ text: 'a-last' })
    collection(b, items).create({ text: 'b-last' })
    const two = collection(c, items).list()[1]!.id
    collection(c, items).create({ text: 'c-after-two' }, { at: { after: two } })
    collection(b, items).create({ text: 'b-first' }, { at: 'first' })
    sync()
    const shown = texts(a)
    expect(texts(b)).toEqual(shown)
    expect(texts(c)).toEqual(shown)
    expect(shown[0]).toBe('b-first')
    expect(shown.slice(1, 4)).toEqual(['one', 'two', 'c-after-two'])
    expect(shown.slice(4, 5).concat(shown.slice(5)).sort()).toEqual(['a-last', 'b-last', 'three'].sort())
    expect(shown.indexOf('three')).toBeLessThan(shown.indexOf('a-last'))
  })

  it('moves a record with one field written, and concurrent moves converge', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    const ids = ['w', 'x', 'y', 'z'].map((t) => collection(a, items).create({ text: t }))
    sync()
    collection(a, items).move(ids[3]!, 'first')
    collection(b, items).move(ids[0]!, { after: ids[2]! })
    sync()
    expect(texts(a)).toEqual(texts(b))
    expect(texts(a)).toEqual(['z', 'x', 'y', 'w'])
  })

  it('merges two peers creating the same record field by field', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    collection(a, tags).patch('same', { label: 'from a' })
    collection(b, tags).patch('same', { label: 'from b' })
    sync()
    expect(collection(a, tags).get('same')).toEqual(collection(b, tags).get('same'))
  })

  it('skips and counts a malformed record from a peer, and validates only what changed', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    for (let i = 0; i < 50; i++) collection(a, items).create({ text: `t${i}` })
    sync()
    const c = collection(b, items)
    expect(c.list()).toHaveLength(50)
    const before = c.stats.validations
    // a hostile peer writes junk straight into the document
    a.getMap('items::junk').set('text', 'x'.repeat(1000))
    a.getMap('items::junk2').set('nope', 1)
    sync()
    expect(c.list()).toHaveLength(50)
    expect(c.stats.skipped).toBe(2)
    expect(c.stats.validations - before).toBe(2)
    const first = c.list()[0]!
    collection(a, items).patch(c.list()[7]!.id, { text: 'changed' })
    const afterJunk = c.stats.validations
    sync()
    expect(c.stats.validations - afterJunk).toBe(1)
    expect(c.list()[0]).toBe(first) // unchanged records keep their identity
  })

  it('tells only the collection that changed, and keeps its snapshot until then', () => {
    const doc = new Y.Doc()
    const its = collection(doc, items)
    const tg = collection(doc, tags)
    its.create({ text: 'a' })
    const snap = its.list()
    let itemCalls = 0
    let tagCalls = 0
    its.subscribe(() => itemCalls++)
    tg.subscribe(() => tagCalls++)
    tg.patch('t1', { label: 'x' })
    expect(itemCalls).toBe(0)
    expect(tagCalls).toBe(1)
    expect(its.list()).toBe(snap)
    its.create({ text: 'b' })
    expect(itemCalls).toBe(1)
    expect(its.list()).not.toBe(snap)
    // a rich-text body or any other root type changes nothing here
    doc.getXmlFragment('session:1').insert(0, [new Y.XmlText('hi')])
    expect(itemCalls).toBe(1)
  })

  it('hears records that arrive from a peer before anything here ever opened them', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    const c = collection(b, items)
    expect(c.list()).toEqual([])
    let calls = 0
    c.subscribe(() => calls++)
    collection(a, items).create({ text: 'remote' })
    sync()
    expect(calls).toBe(1)
    expect(c.list().map((r) => r.text)).toEqual(['remote'])
  })

  it('removes a record with everything that belongs to it, on every peer, and never brings it back', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    const p = collection(a, parents).create({ title: 'Direction' })
    const keep = collection(a, parents).create({ title: 'Other' })
    const ch = collection(a, children).create({ parentId: p, text: 'step' })
    collection(a, children).create({ parentId: keep, text: 'kept step' })
    const g = collection(a, grandchildren).create({ childId: ch, text: 'note' })
    sync()
    collection(b, parents).remove(p)
    // meanwhile a edits the removed record
    collection(a, parents).patch(p, { title: 'edited while removed' })
    sync()
    for (const d of [a, b]) {
      expect(collection(d, parents).list().map((r) => r.title)).toEqual(['Other'])
      expect(collection(d, children).list().map((r) => r.text)).toEqual(['kept step'])
      expect(collection(d, grandchildren).list()).toEqual([])
    }
    expect(removedBodies).toContain(g)
    // no root types without a record name were created by reads or removals
    expect([...a.share.keys()].every((k) => k.includes('::'))).toBe(true)
  })

  it('takes along what another peer added to a removed record meanwhile, whichever arrives first (fuzz finding)', () => {
    const { docs, sync } = peers(3)
    const [a, b, c] = docs as [Y.Doc, Y.Doc, Y.Doc]
    const p = collection(a, parents).create({ title: 'Direction' })
    const m = collection(a, meetings).create({ title: 'Session' })
    sync()
    for (const d of docs) expect(collection(d, children).list()).toEqual([]) // read before, kept up to date after
    // apart: a removes the direction and the session; b adds a step to the direction and types into the session
    collection(a, parents).remove(p)
    collection(a, meetings).remove(m)
    const step = collection(b, children).create({ parentId: p, text: 'added meanwhile' })
    b.getXmlFragment(bodyName(m)).insert(0, [paragraph('typed meanwhile')])
    // c hears b first, then a; a and b hear each other
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b, Y.encodeStateVector(c)))
    expect(collection(c, children).get(step)?.text).toBe('added meanwhile')
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a, Y.encodeStateVector(c)))
    expect(collection(c, children).get(step)).toBeNull()
    sync()
    sync()
    for (const d of docs) {
      expect(collection(d, parents).list()).toEqual([])
      expect(collection(d, children).list()).toEqual([])
      expect(collection(d, children).childrenOf(p)).toEqual([])
      expect(d.getXmlFragment(bodyName(m)).length).toBe(0)
    }
    // restoring the direction brings back what was added to it
    collection(a, parents).create({ title: 'Direction again' }, { id: p })
    sync()
    for (const d of docs) expect(collection(d, children).childrenOf(p).map((r) => r.text)).toEqual(['added meanwhile'])
  })

  it('keeps a record whole while a writer’s later update arrives before an earlier one (fuzz finding)', () => {
    const w = new Y.Doc()
    const r = new Y.Doc()
    const id = collection(w, items).create({ text: 'v1' })
    const other = collection(w, items).create({ text: 'other' })
    Y.applyUpdate(r, Y.encodeStateAsUpdate(w))
    expect(texts(r)).toEqual(['v1', 'other'])
    const updates: Uint8Array[] = []
    w.on('update', (u: Uint8Array) => updates.push(u))
    collection(w, items).patch(other, { text: 'other 2' }) // the earlier update, delayed
    collection(w, items).patch(id, { text: 'v2' })
    collection(w, items).move(id, 'last')
    const [early, ...later] = updates
    for (const u of later) Y.applyUpdate(r, u)
    expect(r.store.pendingStructs).not.toBeNull()
    // Yjs applied the later updates' deletes, not their values: the record shows as it last read whole
    const meanwhile = collection(r, items).get(id)
    expect(meanwhile?.text).toBe('v1')
    expect(meanwhile?.order).toEqual(expect.any(String))
    expect(texts(r)).toEqual(['v1', 'other'])
    // a write here meanwhile shows
    collection(r, items).patch(id, { text: 'mine' })
    expect(collection(r, items).get(id)?.text).toBe('mine')
    Y.applyUpdate(r, early!)
    expect(r.store.pendingStructs).toBeNull()
    Y.applyUpdate(w, Y.encodeStateAsUpdate(r, Y.encodeStateVector(w)))
    expect(texts(r)).toEqual(texts(w))
    expect(texts(r)[0]).toBe('other 2')
  })

  describe('a gap nobody fills', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('is waited for a while, then records read as they are (a real change never stays hidden)', () => {
      vi.useFakeTimers()
      const w = new Y.Doc()
      const r = new Y.Doc()
      const kept = collection(w, tags).create({ label: 'kept' })
      const cleared = collection(w, tags).create({ label: 'cleared' })
      Y.applyUpdate(r, Y.encodeStateAsUpdate(w))
      expect(collection(r, tags).list().map((t) => t.label)).toEqual(expect.arrayContaining(['kept', 'cleared']))
      // a hostile or departed writer: an update that needs one r will never get
      const hostile = new Y.Doc()
      Y.applyUpdate(hostile, Y.encodeStateAsUpdate(w))
      hostile.getMap('tags::x').set('label', 'lost')
      const sv = Y.encodeStateVector(hostile)
      hostile.getMap('tags::x').set('label', 'gap')
      Y.applyUpdate(r, Y.encodeStateAsUpdate(hostile, sv))
      expect(r.store.pendingStructs).not.toBeNull()
      // meanwhile an honest peer empties a record
      const before = Y.encodeStateVector(w)
      collection(w, tags).clear(cleared)
      Y.applyUpdate(r, Y.encodeStateAsUpdate(w, before))
      expect(collection(r, tags).get(cleared)?.label).toBe('cleared') // could be the gap: held
      vi.advanceTimersByTime(GAP_PATIENCE_MS + 1)
      expect(collection(r, tags).get(cleared)).toBeNull()
      expect(collection(r, tags).get(kept)?.label).toBe('kept')
    })
  })

  it('shows what a transaction wrote to reads later in the same transaction (an import lists what it just created)', () => {
    const doc = new Y.Doc()
    const kept = collection(doc, parents).create({ title: 'before' })
    expect(collection(doc, parents).list()).toHaveLength(1) // read before: kept up to date from here
    let seen: string[] = []
    let child: string | null = null
    const heard: number[] = []
    collection(doc, parents).subscribe(() => heard.push(collection(doc, parents).list().length))
    doc.transact(() => {
      const p = collection(doc, parents).create({ title: 'in the transaction' })
      child = collection(doc, children).create({ parentId: p, text: 'step' })
      collection(doc, parents).patch(kept, { title: 'patched' })
      seen = collection(doc, parents).list().map((r) => r.title)
      expect(collection(doc, children).childrenOf(p).map((r) => r.text)).toEqual(['step'])
      collection(doc, parents).remove(p)
      expect(collection(doc, parents).get(p)).toBeNull()
      expect(collection(doc, children).get(child)).toBeNull()
    })
    expect(seen).toEqual(['patched', 'in the transaction'])
    expect(collection(doc, parents).list().map((r) => r.title)).toEqual(['patched'])
    expect(heard).toEqual([1]) // told once, when the transaction ended
  })

  it('orders children within their parent', () => {
    const doc = new Y.Doc()
    const p = collection(doc, parents).create({ title: 'P' })
    const q = collection(doc, parents).create({ title: 'Q' })
    for (const t of ['p1', 'p2']) collection(doc, children).create({ parentId: p, text: t })
    collection(doc, children).create({ parentId: q, text: 'q1' })
    collection(doc, children).create({ parentId: p, text: 'p0' }, { at: 'first' })
    expect(collection(doc, children).childrenOf(p).map((r) => r.text)).toEqual(['p0', 'p1', 'p2'])
    expect(collection(doc, children).childrenOf(q).map((r) => r.text)).toEqual(['q1'])
  })

  it('reads legacy numeric orders before keys and appends after them', () => {
    const doc = new Y.Doc()
    doc.getMap('items::old2').set('text', 'old two')
    doc.getMap('items::old2').set('order', 1)
    doc.getMap('items::old1').set('text', 'old one')
    doc.getMap('items::old1').set('order', 0)
    collection(doc, items).create({ text: 'new' })
    expect(texts(doc)).toEqual(['old one', 'old two', 'new'])
  })
})

describe('anonymous writes', () => {
  const Note = z.object({ text: z.string(), by: z.string().optional() })
  const notes = defineCollection({ name: 'notes', schema: Note })
  /** the clients whose inserts an update carries */
  const writersOf = (update: Uint8Array) => new Set(Y.decodeUpdate(update).structs.map((s) => s.id.client))

  it('create, patch and remove a record without our client id, each through its own throwaway client', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    collection(a, notes).patch('named', { text: 'mine', by: 'member-ana-0042' })
    sync()
    const sent: Uint8Array[] = []
    a.on('update', (u: Uint8Array) => sent.push(u))
    const before = Y.encodeStateVector(a)
    const id = anonymously(a, notes).create({ text: 'secret' })
    anonymously(a, notes).patch(id, { text: 'secret, edited' })
    anonymously(a, notes).patch('named', { text: 'mine, edited anonymously' })
    expect(collection(a, notes).get(id)).toEqual({ id, text: 'secret, edited' })
    anonymously(a, notes).remove(id)
    expect(collection(a, notes).get(id)).toBeNull()
    const all = Y.encodeStateAsUpdate(a, before)
    expect(writersOf(all).has(a.clientID)).toBe(false)
    for (const u of sent) expect(writersOf(u).has(a.clientID)).toBe(false)
    expect(Buffer.from(all).includes(Buffer.from('member-ana-0042'))).toBe(false)
    expect(writersOf(all).size).toBe(4) // one throwaway client per write
    // the writes order after what this device had seen, and reach peers like any other
    sync()
    expect(collection(b, notes).list()).toEqual([{ id: 'named', text: 'mine, edited anonymously', by: 'member-ana-0042' }])
  })

  it('in one session go through one throwaway client: the state vector and the document stay flat', () => {
    const clients = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).size
    const start = (doc: Y.Doc) => collection(doc, notes).patch('named', { text: 'mine', by: 'member-ana-0042' })
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    start(a)
    sync()
    const before = Y.encodeStateVector(a)
    const baseline = clients(a)
    const cards = 150
    for (let i = 0; i < cards; i++) anonymously(a, notes, 'board-1').create({ text: `card ${i}` }, { id: `card-${i}` })
    for (let i = 0; i < cards; i += 10) anonymously(a, notes, 'board-1').patch(`card-${i}`, { text: `card ${i}, edited` })
    for (let i = 5; i < cards; i += 50) anonymously(a, notes, 'board-1').remove(`card-${i}`)
    // one client more, whatever the number of writes, and it is not ours
    expect(clients(a)).toBe(baseline + 1)
    const writers = writersOf(Y.encodeStateAsUpdate(a, before))
    expect(writers.size).toBe(1)
    expect(writers.has(a.clientID)).toBe(false)
    // the same cards written by the device itself: the anonymous document is bigger by one client's entry
    const named = new Y.Doc()
    start(named)
    for (let i = 0; i < cards; i++) collection(named, notes).create({ text: `card ${i}` }, { id: `card-${i}` })
    for (let i = 0; i < cards; i += 10) collection(named, notes).patch(`card-${i}`, { text: `card ${i}, edited` })
    for (let i = 5; i < cards; i += 50) collection(named, notes).remove(`card-${i}`)
    const overhead = Y.encodeStateAsUpdate(a).length - Y.encodeStateAsUpdate(named).length
    expect(overhead).toBeLessThan(40)
    // peers merge the session's writes like any others, and the session goes on after their edits
    sync()
    collection(b, notes).patch('card-1', { text: 'edited by b' })
    sync()
    anonymously(a, notes, 'board-1').patch('card-2', { text: 'after b' })
    sync()
    expect(clients(a)).toBe(baseline + 2) // b's edit: b's own client
    expect(collection(b, notes).get('card-2')?.text).toBe('after b')
    expect(collection(b, notes).list()).toEqual(collection(a, notes).list())
    expect(writersOf(Y.encodeStateAsUpdate(a, before))).toEqual(new Set([...writers, b.clientID]))

    // control: without a session, each write is a client for good
    const legacy = new Y.Doc()
    start(legacy)
    for (let i = 0; i < 50; i++) anonymously(legacy, notes).create({ text: `card ${i}` }, { id: `card-${i}` })
    expect(clients(legacy)).toBe(1 + 50)
  }, 30_000) // a guard on a loaded machine (every anonymous write encodes the document), not a measurement

  it('draw a session client at random: not this device’s client id, and another one on another device or board', () => {
    const one = new Y.Doc()
    const other = new Y.Doc()
    one.clientID = 42
    other.clientID = 42 // the same author's second device, or the same client id reused
    const sessionOf = (doc: Y.Doc, key: string) => {
      const before = Y.encodeStateVector(doc)
      anonymously(doc, notes, key).create({ text: 'x' })
      return [...writersOf(Y.encodeStateAsUpdate(doc, before))]
    }
    const [s1] = sessionOf(one, 'board-1')
    expect(sessionOf(one, 'board-1')).toEqual([s1])
    const [s2] = sessionOf(other, 'board-1')
    const [s3] = sessionOf(one, 'board-2')
    expect(new Set([42, s1, s2, s3]).size).toBe(4)
  })

  it('are refused on a document a newer app wrote, like every other write', () => {
    const doc = new Y.Doc()
    doc.getMap('__tandem').set('v9', true)
    openVersioned(doc, defineDocument({ name: 'anon-test', version: 1 }))
    expect(() => anonymously(doc, notes).patch('x', { text: 'y' })).toThrow(/newer version/)
    expect(collection(doc, notes).list()).toEqual([])
  })
})
