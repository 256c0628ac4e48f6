import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readCollection, patchRecord } from '../../../renderer/src/data/collections.ts'
import { removeAnonymously, writeAnonymously } from '../../../renderer/src/data/retro/anonymous.ts'
import { readLateTickets, readCustomReasons } from '../../../renderer/src/data/retro/lateTickets.ts'
import { syncOrgCopies } from '../../../renderer/src/data/retro/orgMirror.ts'
import { readRetroInbox } from '../../../renderer/src/data/sprint/retroInbox.ts'
import { CardFields, cardFromOpportunity, newCard } from '../../../shared/retro/cards.ts'
import { LateTicketFields } from '../../../shared/retro/lateTickets.ts'
import { T0 } from './fixtures.ts'

/** The data layer's writes on real Yjs documents (renderer/src/data/retro). */
const writers = (doc: Y.Doc): number[] => [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()]

describe('anonymous cards in the shared document', () => {
  it('are created, edited and deleted without our Yjs client id or the author appearing anywhere', () => {
    const doc = new Y.Doc()
    const author = 'member-ana-0042'
    const { id, ...fields } = newCard({ id: 'c1', columnId: 'glad', text: 'Nice release', authorId: author, createdAt: T0 }, { anonymous: true })
    writeAnonymously(doc, 'cards', id, fields)
    writeAnonymously(doc, 'cards', id, { text: 'Nice, calm release' })
    expect(readCollection(doc, 'cards', CardFields)).toEqual([{ id: 'c1', columnId: 'glad', text: 'Nice, calm release', createdAt: T0 }])
    removeAnonymously(doc, 'cards', id)
    expect(readCollection(doc, 'cards', CardFields)).toEqual([])
    const update = Y.encodeStateAsUpdate(doc)
    expect(Buffer.from(update).includes(Buffer.from(author))).toBe(false)
    expect(writers(doc)).not.toContain(doc.clientID)
    expect(writers(doc)).toHaveLength(3) // one throwaway client per write
    // control: a named write does carry our client id
    patchRecord(doc, 'cards', 'c2', { columnId: 'glad', text: 'x', createdAt: T0, authorId: author })
    expect(writers(doc)).toContain(doc.clientID)
  })
})

describe('copies of a team’s late tickets in its org', () => {
  const ticket = (key: string, reasonId: string) =>
    LateTicketFields.parse({ key, expected: { value: 2, unit: 'days' }, actual: { value: 4, unit: 'days' }, reasonId, sprint: 6, teamId: 'alpha', teamName: 'Alpha' })

  it('appear while the team shares, change with it, and leave when it stops; an unchanged run writes nothing', () => {
    const team = new Y.Doc()
    const org = new Y.Doc()
    patchRecord(team, 'lateTickets', 't1', ticket('ENG-1', 'custom:alpha:flaky-ci'))
    patchRecord(team, 'lateReasons', 'custom:alpha:flaky-ci', { label: 'Flaky CI', teamId: 'alpha' })
    syncOrgCopies(team, 'alpha', org)
    expect(readLateTickets(org)).toEqual([]) // not shared yet

    patchRecord(team, 'retroSettings', 'retro', { shareWithOrg: true })
    syncOrgCopies(team, 'alpha', org)
    expect(readLateTickets(org).map((t) => [t.id, t.key])).toEqual([['alpha:t1', 'ENG-1']])
    expect(readCustomReasons(org)).toEqual([{ id: 'custom:alpha:flaky-ci', label: 'Flaky CI', teamId: 'alpha' }])

    const before = Y.encodeStateVector(org)
    syncOrgCopies(team, 'alpha', org)
    expect(Y.encodeStateVector(org)).toEqual(before)

    patchRecord(team, 'lateTickets', 't1', { note: 'Waited on infra' })
    patchRecord(team, 'lateTickets', 't2', ticket('ENG-2', 'dependency'))
    syncOrgCopies(team, 'alpha', org)
    expect(readLateTickets(org).map((t) => [t.id, t.note]).sort()).toEqual([['alpha:t1', 'Waited on infra'], ['alpha:t2', '']])

    patchRecord(team, 'retroSettings', 'retro', { shareWithOrg: false })
    syncOrgCopies(team, 'alpha', org)
    expect(readLateTickets(org)).toEqual([])
    expect(readCustomReasons(org)).toEqual([])
  })
})

describe('the retro inbox as the retro reads it', () => {
  it('is the sprint inbox: every record it shows becomes a card, and what the sync-up hides stays off the board', () => {
    const doc = new Y.Doc()
    patchRecord(doc, 'opportunities', 'ok', { text: ' Flaky CI ', authorId: 'ana', authorName: 'Ana', date: '2026-03-05', createdAt: T0, source: 'syncup' })
    patchRecord(doc, 'opportunities', 'blank', { text: '   ', authorId: 'ana', date: '2026-03-05', createdAt: T0 })
    patchRecord(doc, 'opportunities', 'no-date', { text: 'x', authorId: 'ana', date: 'yesterday', createdAt: T0 })
    patchRecord(doc, 'opportunities', 'no-author', { text: 'x', date: '2026-03-05', createdAt: T0 })
    patchRecord(doc, 'opportunities', 'negative', { text: 'x', authorId: 'ana', date: '2026-03-05', createdAt: -1 })
    const inbox = readRetroInbox(doc)
    expect(inbox.map((o) => o.id)).toEqual(['ok'])
    expect(cardFromOpportunity(inbox[0]!, 'inbox')).toMatchObject({ id: 'syncup:ok', text: 'Flaky CI', source: { kind: 'syncup', authorName: 'Ana' } })
  })
})
