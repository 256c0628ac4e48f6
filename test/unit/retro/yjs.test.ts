import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { collection, defineCollection, type CollectionDef } from '@core/collections/index.ts'
import { ACTIONS, ACTION_STATUS, BOARDS, CARDS, VOTES } from '@features/retro/store/collections.ts'
import { newActionItem, tickAction, withStatus } from '@shared/retro/actions.ts'
import { importOpportunities, newCard } from '@shared/retro/cards.ts'
import { BoardFlow, initialFlow, movePhase } from '@shared/retro/phases.ts'
import { castVote, tallyVotes } from '@shared/retro/votes.ts'
import { T0 } from './fixtures.ts'

/**
 * The domain records stored the way the app stores them (core/collections with the retro store's
 * definitions, renderer/src/features/retro/store/collections.ts: one root-level Y.Map of fields per record),
 * merged the way peers merge them.
 */
const write = <T>(doc: Y.Doc, def: CollectionDef<T>, record: { id: string; [field: string]: unknown }) => {
  const { id, ...fields } = record
  collection(doc, def).patch(id, fields as never)
}
const patchRecord = <T>(doc: Y.Doc, def: CollectionDef<T>, id: string, fields: Record<string, unknown>) => collection(doc, def).patch(id, fields as never)
const readCollection = <T>(doc: Y.Doc, def: CollectionDef<T>) => collection(doc, def).list()
const R = defineCollection({ name: 'r', schema: z.object({ text: z.string(), done: z.boolean().optional() }) })
function sync(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
}
function docWithClient(clientID: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  return doc
}
const bytesContain = (haystack: Uint8Array, needle: string) => Buffer.from(haystack).includes(Buffer.from(needle, 'utf8'))

describe('retro records in a shared Yjs document', () => {
  it('an anonymous card’s author appears nowhere in the encoded document', () => {
    const author = 'member-7f3a9c-ana'
    const anonymous = new Y.Doc()
    write(anonymous, CARDS, newCard({ id: 'k3j9x', columnId: 'went-well', text: 'Pairing helped', authorId: author, createdAt: T0 }, { anonymous: true }))
    expect(bytesContain(Y.encodeStateAsUpdate(anonymous), author)).toBe(false)
    expect(readCollection(anonymous, CARDS)).toEqual([{ id: 'k3j9x', columnId: 'went-well', text: 'Pairing helped', createdAt: T0 }])
    // control: the same card on a named board does carry it, so the check above can fail
    const named = new Y.Doc()
    write(named, CARDS, newCard({ id: 'k3j9x', columnId: 'went-well', text: 'Pairing helped', authorId: author, createdAt: T0 }, { anonymous: false }))
    expect(bytesContain(Y.encodeStateAsUpdate(named), author)).toBe(true)
  })

  it('two peers importing the same sync-up opportunity offline end with one card', () => {
    const opps = [{ id: 'o1', text: 'CI is flaky', date: '2026-03-04', authorName: 'Ben' }]
    const a = new Y.Doc()
    const b = new Y.Doc()
    for (const doc of [a, b]) for (const card of importOpportunities(opps, readCollection(doc, CARDS), 'opportunities', { anonymous: false })) write(doc, CARDS, card)
    sync(a, b)
    expect(readCollection(a, CARDS)).toHaveLength(1)
    expect(readCollection(a, CARDS)).toEqual(readCollection(b, CARDS))
  })

  it('four devices vote offline on one card; after merging every peer counts the same and the per-person cap holds', () => {
    // Ana on her laptop and her phone, Ben and Cy: each device puts 2 on the card (cap 3 per person)
    const devices = [['ana', 'laptop'], ['ana', 'phone'], ['ben', 'laptop'], ['cy', 'laptop']].map(([voter, device]) => ({ voter: voter!, device: device!, doc: new Y.Doc() }))
    const options = { budget: 5, cap: 3 }
    for (const d of devices) {
      for (const n of [1, 2]) write(d.doc, VOTES, castVote(readCollection(d.doc, VOTES), { id: `${d.voter}-${d.device}-${n}`, voterId: d.voter, targetId: 'hot', castAt: T0 + n }))
    }
    sync(...devices.map((d) => d.doc))
    const tallies = devices.map((d) => tallyVotes(readCollection(d.doc, VOTES), options))
    for (const t of tallies) expect(t).toEqual(tallies[0])
    expect(tallies[0]!.counts).toEqual({ hot: 7 }) // Ana's 3, Ben's 2, Cy's 2
    expect(tallies[0]!.byVoter).toEqual({ ana: { hot: 3 }, ben: { hot: 2 }, cy: { hot: 2 } })
    // Ana's 4th (same instant and seq as her laptop's 2nd: the id decides) does not count
    expect(tallies[0]!.rejected).toEqual([{ id: 'ana-phone-2', reason: 'over cap' }])
  })

  it('concurrent phase moves converge to one whole flow on every peer', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    write(a, BOARDS, { id: 'retro:alpha:6', flow: initialFlow('ana', T0) })
    sync(a, b)
    const flowOf = (doc: Y.Doc) => BoardFlow.parse(doc.getMap('boards::retro:alpha:6').get('flow'))
    const moved = movePhase(flowOf(a), 'ana', 'next', T0 + 1)
    const handed = { ...flowOf(b), facilitatorId: 'ben', changedBy: 'ana', changedAt: T0 + 1 }
    if (!moved.ok) throw new Error(moved.error)
    patchRecord(a, BOARDS, 'retro:alpha:6', { flow: moved.flow })
    patchRecord(b, BOARDS, 'retro:alpha:6', { flow: handed })
    sync(a, b)
    expect(flowOf(a)).toEqual(flowOf(b))
    expect([moved.flow, handed]).toContainEqual(flowOf(a)) // one of the two, never a mix
  })

  it('an action item ticked on one peer and edited on another keeps both changes', () => {
    const items = (doc: Y.Doc) => withStatus(readCollection(doc, ACTIONS), readCollection(doc, ACTION_STATUS))
    const a = docWithClient(1)
    const b = docWithClient(2)
    write(a, ACTIONS, newActionItem({ id: 'a1', text: 'Fix CI', createdAt: T0 }, 5))
    sync(a, b)
    write(a, ACTION_STATUS, tickAction('a1', true, T0 + 5, 'ana'))
    patchRecord(b, ACTIONS, 'a1', { text: 'Fix CI for good' })
    sync(a, b)
    for (const doc of [a, b]) expect(items(doc)).toMatchObject([{ id: 'a1', text: 'Fix CI for good', done: true, doneAt: T0 + 5, fromSprint: 5 }])
  })

  it('a field written into a concurrently created record survives (records are root-level maps)', () => {
    const survives = [[1, 2], [2, 1]].map(([idA, idB]) => {
      const a = docWithClient(idA!)
      const b = docWithClient(idB!)
      patchRecord(a, R, 'same-id', { text: 'x' })
      patchRecord(a, R, 'same-id', { done: true })
      patchRecord(b, R, 'same-id', { text: 'x' })
      sync(a, b)
      return a.getMap('r::same-id').get('done') === true && b.getMap('r::same-id').get('done') === true
    })
    expect(survives).toEqual([true, true])
  })
})
