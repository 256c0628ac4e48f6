import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { collection, defineCollection, documentStats, RECORD_LIMITS } from '@core/collections/index.ts'
import { CardFields } from '@shared/retro/cards.ts'
import { newBoard, retroBoardId, RetroBoardFields } from '@shared/retro/board.ts'
import { ThoughtRecord } from '@shared/mentorship/pairRecords.ts'
import { FIELD_LIMITS } from '@shared/text/limits.ts'
import { PEOPLE, SYNCUP, TIMERS } from '@features/sprint/store/collections.ts'
import { savePerson } from '@features/sprint/store/people.ts'
import { saveSyncUpAnswer, writeSyncUpTimer } from '@features/sprint/store/syncUp.ts'
import { syncUpEntryId } from '@shared/sprint/sprintRecords.ts'

/**
 * Records a careless or hostile peer writes (issue 10 #14), on real Yjs documents that merge the
 * way peers merge: reserved keys, oversized values, a tombstone on a record whose id is derived,
 * and thousands of junk root keys.
 */
const cards = defineCollection({ name: 'peer-cards', schema: CardFields })
const boards = defineCollection({ name: 'peer-boards', schema: RetroBoardFields })
const thoughts = defineCollection({ name: 'peer-thoughts', schema: ThoughtRecord })
const Loose = z.object({ text: z.string(), extra: z.record(z.string(), z.string()).optional() })
const loose = defineCollection({ name: 'peer-loose', schema: Loose })
const Anything = z.record(z.string(), z.unknown())
const anything = defineCollection({ name: 'peer-anything', schema: Anything })

function peers(n: number) {
  const docs = Array.from({ length: n }, () => new Y.Doc())
  const sync = () => {
    for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  }
  return { docs, sync }
}

const card = (text: string) => ({ columnId: 'went-well', text, createdAt: 1_800_000_000_000 })

describe('reserved keys', () => {
  it('a __proto__ field cannot hide a real record, nor hand it fields', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    collection(a, cards).create(card('Pairing helped'), { id: 'real' })
    sync()
    // the hostile peer adds a field named __proto__ whose value carries a tombstone and a text
    b.getMap('peer-cards::real').set('__proto__', { __deleted: true, text: 'forged', authorId: 'someone-else' })
    sync()
    for (const doc of [a, b]) {
      expect(collection(doc, cards).get('real')).toEqual({ id: 'real', ...card('Pairing helped') })
      expect(collection(doc, cards).list()).toHaveLength(1)
    }
    // control: the way Yjs itself reads the record, the tombstone is inherited and would hide it
    const json = a.getMap('peer-cards::real').toJSON() as Record<string, unknown>
    expect(json.__deleted).toBe(true)
  })

  it('records filed under a reserved id are skipped and counted, the others read', () => {
    const doc = new Y.Doc()
    for (const id of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) doc.getMap(`peer-cards::${id}`).set('text', 'junk')
    for (const [key, value] of Object.entries(card('kept'))) doc.getMap('peer-cards::fine').set(key, value)
    const c = collection(doc, cards)
    expect(c.list().map((r) => r.id)).toEqual(['fine'])
    expect(c.get('constructor')).toBeNull()
    expect(c.stats.skipped).toBe(5)
    expect(() => c.patch('__proto__', { text: 'x' })).toThrow(/cannot be the id of a record/)
  })

  it('drops reserved keys inside a value, so no prototype reaches what the schema reads', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    // JSON.parse makes "__proto__" an own key; decoding it on the other peer would set a prototype
    a.getMap('peer-loose::x').set('text', 'hello')
    a.getMap('peer-loose::x').set('extra', JSON.parse('{"__proto__": {"polluted": "yes"}, "ok": "fine", "toString": "no"}') as unknown)
    sync()
    const read = collection(b, loose).get('x')!
    expect(read).toEqual({ id: 'x', text: 'hello', extra: { ok: 'fine' } })
    expect(Object.getPrototypeOf(read.extra)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('sizes', () => {
  it('a field past its cap makes the record malformed: skipped and counted, the rest unaffected', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    collection(a, thoughts).create({ trackId: 't1', text: 'Pair on the next incident' }, { id: 'ok' })
    const huge = a.getMap('peer-thoughts::huge')
    huge.set('trackId', 't1')
    huge.set('text', 'x'.repeat(FIELD_LIMITS.text + 1))
    huge.set('order', 'a1')
    a.getMap('peer-cards::big').set('text', 'y'.repeat(1024 * 1024))
    sync()
    expect(collection(b, thoughts).list().map((r) => r.id)).toEqual(['ok'])
    expect(collection(b, thoughts).stats.skipped).toBe(1)
    expect(collection(b, cards).list()).toEqual([])
    expect(collection(b, cards).stats.skipped).toBe(1)
  })

  it('bounds a record before its schema sees it: too many fields, too many characters, too deep', () => {
    const doc = new Y.Doc()
    const wide = doc.getMap('peer-anything::wide')
    for (let i = 0; i <= RECORD_LIMITS.fields; i++) wide.set(`f${i}`, i)
    doc.getMap('peer-anything::long').set('a', 'z'.repeat(RECORD_LIMITS.chars / 2))
    doc.getMap('peer-anything::long').set('b', 'z'.repeat(RECORD_LIMITS.chars / 2))
    doc.getMap('peer-anything::many').set('list', Array.from({ length: RECORD_LIMITS.chars + 1 }, () => 0))
    let deep: unknown = 'bottom'
    for (let i = 0; i < RECORD_LIMITS.depth + 1; i++) deep = [deep]
    doc.getMap('peer-anything::deep').set('v', deep)
    doc.getMap('peer-anything::fine').set('v', [[['three levels']]])
    const c = collection(doc, anything)
    expect(c.list().map((r) => r.id)).toEqual(['fine'])
    expect(c.stats.skipped).toBe(4)
    // only the bounded one reached its schema
    expect(c.stats.validations).toBe(1)
  })
})

describe('removing and restoring a record whose id is derived (a sprint’s board)', () => {
  const input = (createdAt: number, createdBy: string) => ({ teamId: 'team-1', teamName: 'Platform', sprint: 12, createdBy, createdAt, template: 'start-stop-continue' as const })
  const boardFields = (createdAt: number, createdBy: string) => {
    const { id: _id, ...fields } = newBoard(input(createdAt, createdBy))
    return fields
  }
  const id = retroBoardId('team-1', 12)

  it('one peer’s tombstone hides it until someone creates it again; the restore reaches every peer', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    collection(a, boards).create(boardFields(1, 'ana'), { id })
    sync()
    // a hostile (or old) peer sets the tombstone without emptying the record
    b.getMap(`peer-boards::${id}`).set('__deleted', true)
    sync()
    expect(collection(a, boards).get(id)).toBeNull()
    // an edit does not bring it back …
    collection(a, boards).patch(id, { teamName: 'Renamed' })
    sync()
    expect(collection(a, boards).get(id)).toBeNull()
    expect(collection(b, boards).get(id)).toBeNull()
    // … creating it again does, on every peer, with exactly the new fields
    collection(a, boards).create(boardFields(2, 'ben'), { id })
    sync()
    for (const doc of [a, b]) {
      const board = collection(doc, boards).get(id)
      expect(board?.createdBy).toBe('ben')
      expect(board?.teamName).toBe('Platform')
      expect(doc.getMap(`peer-boards::${id}`).has('__deleted')).toBe(false)
    }
  })

  it('a removal concurrent with a restore wins on every peer; a removal seen by the restore does not', () => {
    const { docs, sync } = peers(3)
    const [a, b, c] = docs as [Y.Doc, Y.Doc, Y.Doc]
    collection(a, boards).create(boardFields(1, 'ana'), { id })
    sync()
    collection(b, boards).remove(id)
    sync()
    // apart: a restores what it saw removed; c, who also saw the removal, removes it again
    collection(a, boards).create(boardFields(2, 'ana'), { id })
    collection(c, boards).remove(id)
    expect(collection(a, boards).get(id)).not.toBeNull()
    sync()
    for (const doc of docs) expect(collection(doc, boards).get(id)).toBeNull()
    // created again after seeing both: restored everywhere
    collection(b, boards).create(boardFields(3, 'ben'), { id })
    sync()
    for (const doc of docs) expect(collection(doc, boards).get(id)?.createdAt).toBe(3)
  })

  it('upsert: a later write to a derived id brings a removed record back with what it writes, on every peer', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    collection(a, loose).upsert('settings', { text: 'v1' })
    sync()
    b.getMap('peer-loose::settings').set('__deleted', true)
    sync()
    expect(collection(a, loose).get('settings')).toBeNull()
    collection(a, loose).upsert('settings', { text: 'v2' })
    sync()
    for (const doc of [a, b]) expect(collection(doc, loose).get('settings')).toEqual({ id: 'settings', text: 'v2' })
  })

  it('the stores write derived-id records so that a peer’s tombstone never swallows the next save (a person’s settings, a sync-up answer, the day’s timer)', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    const entry = syncUpEntryId('2026-11-30', 'ada')
    savePerson(a, 'ada', { role: 'team-member', workStart: '09:00', workEnd: '17:00' })
    saveSyncUpAnswer(a, '2026-11-30', 'ada', 'today', 'reviews')
    writeSyncUpTimer(a, '2026-11-30', { startedAt: 1, durationMs: 900_000, startedBy: 'ada' })
    sync()
    // a hostile peer tombstones all three
    b.transact(() => {
      for (const name of [`people::ada`, `syncup::${entry}`, 'timers::2026-11-30']) b.getMap(name).set('__deleted', true)
    })
    sync()
    expect(collection(a, PEOPLE).get('ada')).toBeNull()
    // Ada saves again: it is there again, on both peers
    savePerson(a, 'ada', { role: 'team-member', workStart: '10:00', workEnd: '18:00' })
    saveSyncUpAnswer(a, '2026-11-30', 'ada', 'today', 'reviews, then the release')
    writeSyncUpTimer(a, '2026-11-30', { startedAt: 2, durationMs: 900_000, startedBy: 'ada' })
    sync()
    for (const doc of [a, b]) {
      expect(collection(doc, PEOPLE).get('ada')?.workStart).toBe('10:00')
      expect(collection(doc, SYNCUP).get(entry)?.today).toBe('reviews, then the release')
      expect(collection(doc, TIMERS).get('2026-11-30')?.startedAt).toBe(2)
    }
  })

  it('an edit made while the record was being removed does not revive it (records with random ids)', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    const cardId = collection(a, cards).create(card('to go'))
    sync()
    collection(a, cards).remove(cardId)
    collection(b, cards).patch(cardId, { text: 'edited meanwhile' })
    sync()
    for (const doc of [a, b]) expect(collection(doc, cards).get(cardId)).toBeNull()
  })
})

describe('junk root keys', () => {
  /** Counts every walk over the document's root types from now on. */
  function countScans(doc: Y.Doc): { scans: number } {
    const counter = { scans: 0 }
    const share = doc.share as unknown as Record<string | symbol, unknown>
    for (const method of ['entries', 'keys', 'values', 'forEach', Symbol.iterator] as const) {
      const original = share[method] as (...args: unknown[]) => unknown
      share[method] = (...args: unknown[]) => {
        counter.scans++
        return original.apply(share, args)
      }
    }
    return counter
  }

  it('are skipped cheaply and counted: a collection validates its own records once, then only what changed', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    for (let i = 0; i < 20; i++) collection(a, cards).create(card(`card ${i}`), { id: `c${i}` })
    collection(a, boards).create(boardFields(), { id: 'board' })
    a.transact(() => {
      for (let i = 0; i < 2_500; i++) a.getMap(`peer-cards::junk${i}`).set('text', 1)
      for (let i = 0; i < 2_500; i++) a.getMap(`nobody::junk${i}`).set('text', 'x')
    })
    sync()
    const board = collection(b, boards)
    expect(board.get('board')).not.toBeNull()
    // the board never looked at the 5 000 keys of other collections
    expect(board.stats.validations).toBe(1)
    const c = collection(b, cards)
    expect(c.list()).toHaveLength(20)
    expect(c.stats).toEqual({ skipped: 2_500, validations: 2_520, forged: 0 })
    expect(documentStats(b)).toEqual({ records: 5_021, foreignRecords: 2_500, otherRootKeys: 0 })

    // from now on: every update costs the records it touched, and nobody walks the document again
    const walks = countScans(b)
    const before = { cards: c.stats.validations, board: board.stats.validations }
    collection(a, cards).patch('c3', { text: 'edited' })
    a.getMap('peer-cards::more-junk').set('nope', true)
    a.getMap('nobody::more-junk').set('nope', true)
    collection(a, boards).patch('board', { teamName: 'Renamed' })
    sync()
    expect(c.get('c3')?.text).toBe('edited')
    expect(board.get('board')?.teamName).toBe('Renamed')
    expect(c.stats.validations - before.cards).toBe(2)
    expect(board.stats.validations - before.board).toBe(1)
    expect(c.stats.skipped).toBe(2_501)
    expect(documentStats(b).foreignRecords).toBe(2_501)
    expect(walks.scans).toBe(0)
  }, 30_000) // a guard on a loaded machine (Yjs encodes 5 000 root types in O(n²)), not a measurement

  function boardFields() {
    const { id: _id, ...fields } = newBoard({ teamId: 'team-1', teamName: 'Platform', sprint: 3, createdBy: 'ana', createdAt: 1, template: 'start-stop-continue' })
    return fields
  }
})
