import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collection } from '@core/collections/index.ts'
import { type BoardSession, createBoard, currentBoard, sessionOf, applyFlow, setReady } from '@features/retro/store/board.ts'
import { addCard, deleteCard, editCard, publishDrafts } from '@features/retro/store/cards.ts'
import { BOARDS, CARDS, GROUPS, LATE_REASONS, LATE_TICKETS, READY, RETRO_SETTINGS, VOTES } from '@features/retro/store/collections.ts'
import { groupOnto } from '@features/retro/store/grouping.ts'
import { importInbox } from '@features/retro/store/inbox.ts'
import { readCustomReasons, readLateTickets, saveRetroSettings } from '@features/retro/store/lateTickets.ts'
import { syncOrgCopies } from '@features/retro/store/orgShare.ts'
import { cast } from '@features/retro/store/votes.ts'
import { logOpportunity, readRetroInbox } from '@features/sprint/store/retroInbox.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { cardFromOpportunity } from '@shared/retro/cards.ts'
import { LateTicketFields } from '@shared/retro/lateTickets.ts'
import { movePhase, readyMembers } from '@shared/retro/phases.ts'
import { tallyVotes } from '@shared/retro/votes.ts'
import type { DraftCardRow } from '@core/database/db.ts'
import { boardView } from '@shared/retro/boardView.ts'
import { T0, rng } from './fixtures.ts'

/** The retro store (renderer/src/features/retro/store) on real Yjs documents, one per peer. */
const TEAM = 'team-alpha'
const SPRINT = 6

/** A peer with the team's sprint document open (a board session over a plain Y.Doc). */
function peer(clientID?: number): { doc: Y.Doc; session: BoardSession } {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  const link = { docId: `${TEAM}/sprint/${SPRINT}`, doc } as unknown as DocLink
  return { doc, session: sessionOf(link, TEAM, SPRINT) }
}

function sync(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

function boardOn(session: BoardSession, options: { anonymous?: boolean; voting?: { budget: number; cap: number } } = {}) {
  return createBoard(session, { teamId: TEAM, teamName: 'Alpha', sprint: SPRINT, createdBy: 'ana', createdAt: T0, template: 'start-stop-continue', ...options })
}

function reveal(session: BoardSession, to: 'reveal' | 'group' | 'vote' = 'reveal'): void {
  const board = currentBoard(session)!
  const error = applyFlow(session, movePhase(board.flow, 'ana', to, T0 + 1))
  if (error) throw new Error(error)
}

const writers = (update: Uint8Array): Set<number> => new Set(Y.decodeUpdate(update).structs.map((s) => s.id.client))
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'))

describe('the board as the store reads it', () => {
  it('skips a malformed card from a peer and counts it, and shows the rest', () => {
    const a = peer()
    const b = peer()
    boardOn(a.session)
    collection(a.doc, CARDS).patch('ok', { columnId: 'start', text: 'Pair more', createdAt: T0 })
    sync(a.doc, b.doc)
    const cards = collection(b.doc, CARDS)
    expect(cards.list().map((c) => c.id)).toEqual(['ok'])
    // a hostile or broken peer writes records the schema refuses, straight into the document
    a.doc.getMap('cards::blank').set('text', '   ')
    a.doc.getMap('cards::bad-column').set('columnId', 42)
    sync(a.doc, b.doc)
    expect(cards.list().map((c) => c.id)).toEqual(['ok'])
    expect(cards.stats.skipped).toBe(2)
  })

  it('a peer’s edit of one card validates that card only and leaves the other cards, groups and votes as they were', async () => {
    const a = peer()
    const b = peer()
    boardOn(a.session)
    reveal(a.session, 'vote')
    for (let i = 0; i < 40; i++) collection(a.doc, CARDS).patch(`c${i}`, { columnId: 'start', text: `card ${i}`, createdAt: T0 + i, authorId: 'ana' })
    groupOnto(a.session, 'c1', 'c2')
    cast(a.session, 'ana', 'c3')
    sync(a.doc, b.doc)
    const cards = collection(b.doc, CARDS)
    const before = cards.list()
    const groups = collection(b.doc, GROUPS).list()
    const votes = collection(b.doc, VOTES).list()
    const validations = { cards: cards.stats.validations, groups: collection(b.doc, GROUPS).stats.validations, votes: collection(b.doc, VOTES).stats.validations }
    let told = 0
    cards.subscribe(() => told++)

    const edited = collection(a.doc, CARDS).get('c7')!
    await editCard(a.session, edited, edited.text, 'card 7, sharper')
    sync(a.doc, b.doc)

    const after = cards.list()
    expect(after).not.toBe(before)
    expect(cards.stats.validations - validations.cards).toBe(1)
    expect(collection(b.doc, GROUPS).stats.validations).toBe(validations.groups)
    expect(collection(b.doc, VOTES).stats.validations).toBe(validations.votes)
    expect(told).toBe(1)
    for (const card of after) {
      const old = before.find((c) => c.id === card.id)!
      if (card.id === 'c7') expect(card.text).toBe('card 7, sharper')
      else expect(card).toBe(old) // the same object: a memoised card view does not render again
    }
    expect(collection(b.doc, GROUPS).list()).toBe(groups)
    expect(collection(b.doc, VOTES).list()).toBe(votes)
  })
})

describe('anonymous cards through the store', () => {
  it('are added, edited, deleted and published without the author or our Yjs client id in any update', async () => {
    const author = 'member-ana-0042'
    const { doc, session } = peer()
    boardOn(session, { anonymous: true })
    reveal(session)
    const before = Y.encodeStateVector(doc)
    const sent: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => sent.push(u))

    await addCard(session, author, 'start', 'Stop the Friday deploys')
    const [card] = collection(doc, CARDS).list()
    expect(card).toMatchObject({ columnId: 'start', text: 'Stop the Friday deploys' })
    expect(card!.authorId).toBeUndefined()
    await editCard(session, card!, card!.text, 'Stop the Friday deploys, please')
    // a draft written before reveal, published now
    publishDrafts(doc, currentBoard(session)!, [{ id: 'draft-1', boardId: session.boardDocId, columnId: 'continue', text: 'Keep the demos', anonymous: true, createdAt: T0 }], author)
    expect(collection(doc, CARDS).get('draft-1')).toMatchObject({ text: 'Keep the demos' })
    expect(collection(doc, CARDS).get('draft-1')!.authorId).toBeUndefined()
    await deleteCard(session, collection(doc, CARDS).get(card!.id)!)
    expect(collection(doc, CARDS).list().map((c) => c.id)).toEqual(['draft-1'])

    const all = Y.encodeStateAsUpdate(doc, before)
    expect(contains(all, author)).toBe(false)
    expect(writers(all).has(doc.clientID)).toBe(false)
    expect(sent.length).toBeGreaterThanOrEqual(4)
    for (const u of sent) {
      expect(writers(u).has(doc.clientID)).toBe(false)
      expect(contains(u, author)).toBe(false)
    }
    // control: on a named board the author is there, with our client id
    const named = peer()
    boardOn(named.session)
    reveal(named.session)
    await addCard(named.session, author, 'start', 'Named')
    expect(contains(Y.encodeStateAsUpdate(named.doc), author)).toBe(true)
  })
})

describe('anonymous cards published at reveal', () => {
  const AUTHOR = 'member-ana-0042'
  // written during write, a few seconds apart in the author's clock (which presence beacons expose)
  const WRITTEN = ['Deploys on Friday', 'Nobody reads the wiki', 'Standups run long', 'CI is flaky', 'Too many meetings', 'Onboarding docs are stale'].map(
    (text, i): DraftCardRow => ({ id: `d-${(i * 7919) % 97}`, boardId: `${TEAM}/sprint/${SPRINT}`, columnId: 'stop', text, anonymous: true, createdAt: T0 + 60_000 + i * 4_321 })
  )
  /** The author publishes `drafts` (in this writing order) at reveal; a peer receives what goes on the wire. */
  function publishAtReveal(drafts: readonly DraftCardRow[], random: () => number) {
    const author = peer()
    const other = peer()
    const board = boardOn(author.session, { anonymous: true })
    reveal(author.session)
    sync(author.doc, other.doc)
    const sent: Uint8Array[] = []
    author.doc.on('update', (u: Uint8Array) => sent.push(u))
    const done = publishDrafts(author.doc, currentBoard(author.session)!, drafts, AUTHOR, random)
    for (const u of sent) Y.applyUpdate(other.doc, u)
    // the order in which the cards went into the author's document, one root map per card
    const written = [...author.doc.share.keys()].filter((k) => k.startsWith('cards::')).map((k) => k.slice('cards::'.length))
    return { author, other, board, sent, done, written }
  }

  it('arrive in one update, with the board’s instant and no author-clock time, in an order independent of the writing order', () => {
    const forward = publishAtReveal(WRITTEN, rng(3))
    const backward = publishAtReveal([...WRITTEN].reverse(), rng(3))
    for (const run of [forward, backward]) {
      expect(run.done.sort()).toEqual(WRITTEN.map((d) => d.id).sort())
      expect(run.sent).toHaveLength(1) // one batch on the wire, not one card after another
      expect(writers(run.sent[0]!).has(run.author.doc.clientID)).toBe(false)
      expect(contains(run.sent[0]!, AUTHOR)).toBe(false)
      const cards = collection(run.other.doc, CARDS).list()
      expect(cards.map((c) => c.text).sort()).toEqual(WRITTEN.map((d) => d.text).sort())
      for (const c of cards) {
        expect(c.authorId).toBeUndefined()
        expect(c.createdAt).toBe(run.board.createdAt) // the board's instant, the same for every card
        // no field of the stored record holds a moment from the author's clock
        const raw = Object.values(run.other.doc.getMap(`cards::${c.id}`).toJSON())
        for (const d of WRITTEN) expect(raw).not.toContain(d.createdAt)
      }
    }
    // the order they were written into the document is the same whichever order they were written in …
    expect(forward.written).toEqual(backward.written)
    // … and is neither that order nor its reverse
    expect(forward.written).not.toEqual(WRITTEN.map((d) => d.id))
    expect(forward.written).not.toEqual([...WRITTEN].reverse().map((d) => d.id))
    // the board shows them in one order too, on every peer, whatever the writing order
    const shown = (doc: Y.Doc) => boardView(collection(doc, CARDS).list(), [], currentBoard(forward.author.session)!.layout).columns.flatMap((c) => c.cards.map((card) => card.id))
    expect(shown(forward.other.doc)).toEqual(shown(backward.other.doc))
    expect(shown(forward.author.doc)).toEqual(shown(forward.other.doc))
  })

  it('a card written after reveal on an anonymous board also carries the board’s instant', async () => {
    const { doc, session } = peer()
    const board = boardOn(session, { anonymous: true })
    reveal(session)
    await addCard(session, AUTHOR, 'start', 'Late thought')
    const [card] = collection(doc, CARDS).list()
    expect(card).toMatchObject({ text: 'Late thought', createdAt: board.createdAt })
    expect(card!.authorId).toBeUndefined()
  })
})

describe('votes through the store', () => {
  it('three peers voting apart on one card: each may put up to the cap of their own there, and every peer counts the same', () => {
    const peers = [peer(1), peer(2), peer(3)]
    boardOn(peers[0]!.session, { voting: { budget: 3, cap: 2 } })
    reveal(peers[0]!.session, 'vote')
    collection(peers[0]!.doc, CARDS).patch('hot', { columnId: 'start', text: 'Hot topic', createdAt: T0 })
    sync(...peers.map((p) => p.doc))
    const voters = ['ana', 'ben', 'cy']
    peers.forEach((p, i) => {
      cast(p.session, voters[i]!, 'hot')
      cast(p.session, voters[i]!, 'hot')
    })
    cast(peers[2]!.session, 'cy', 'hot') // and a 3rd from Cy, past Cy's own cap
    sync(...peers.map((p) => p.doc))
    const options = { budget: 3, cap: 2, targets: { hot: 'hot' } }
    const tallies = peers.map((p) => tallyVotes(collection(p.doc, VOTES).list(), options))
    for (const t of tallies) expect(t).toEqual(tallies[0])
    expect(collection(peers[0]!.doc, VOTES).list()).toHaveLength(7) // every vote is kept …
    expect(tallies[0]!.counts).toEqual({ hot: 6 }) // … two from each person count …
    expect(tallies[0]!.rejected.map((r) => r.reason)).toEqual(['over cap']) // … and Cy's 3rd does not
    expect(tallies[0]!.remaining).toEqual({ ana: 1, ben: 1, cy: 1 })
  })
})

describe('ready markers', () => {
  it('come back after being taken back (a removed record would stay removed)', () => {
    const { session, doc } = peer()
    const board = boardOn(session)
    setReady(session, board.flow, 'ben', true)
    setReady(session, board.flow, 'ben', false)
    setReady(session, board.flow, 'ben', true)
    const markers = collection(doc, READY).list().map(({ id, ...m }) => ({ ...m, memberId: id }))
    expect(readyMembers(board.flow, markers, ['ana', 'ben'])).toEqual(['ben'])
  })
})

describe('copies of a team’s late tickets in its org', () => {
  const ticket = (key: string, reasonId: string) =>
    LateTicketFields.parse({ key, expected: { value: 2, unit: 'days' }, actual: { value: 4, unit: 'days' }, reasonId, sprint: 6, teamId: 'alpha', teamName: 'Alpha' })

  it('appear while the team shares, change with it, leave when it stops and come back when it shares again; an unchanged run writes nothing', () => {
    const team = new Y.Doc()
    const org = new Y.Doc()
    collection(team, LATE_TICKETS).patch('t1', ticket('ENG-1', 'custom:alpha:flaky-ci'))
    collection(team, LATE_REASONS).patch('custom:alpha:flaky-ci', { label: 'Flaky CI', teamId: 'alpha' })
    syncOrgCopies(team, 'alpha', org)
    expect(readLateTickets(org)).toEqual([]) // not shared yet

    saveRetroSettings(team, { shareWithOrg: true })
    syncOrgCopies(team, 'alpha', org)
    expect(readLateTickets(org).map((t) => [t.id, t.key])).toEqual([['alpha:t1', 'ENG-1']])
    expect(readCustomReasons(org)).toEqual([{ id: 'custom:alpha:flaky-ci', label: 'Flaky CI', teamId: 'alpha' }])

    const before = Y.encodeStateVector(org)
    syncOrgCopies(team, 'alpha', org)
    expect(Y.encodeStateVector(org)).toEqual(before)

    collection(team, LATE_TICKETS).patch('t1', { note: 'Waited on infra' })
    collection(team, LATE_TICKETS).patch('t2', ticket('ENG-2', 'dependency'))
    syncOrgCopies(team, 'alpha', org)
    expect(readLateTickets(org).map((t) => [t.id, t.note]).sort()).toEqual([['alpha:t1', 'Waited on infra'], ['alpha:t2', '']])

    saveRetroSettings(team, { shareWithOrg: false })
    syncOrgCopies(team, 'alpha', org)
    expect(readLateTickets(org)).toEqual([])
    expect(readCustomReasons(org)).toEqual([])

    saveRetroSettings(team, { shareWithOrg: true })
    syncOrgCopies(team, 'alpha', org)
    expect(readLateTickets(org).map((t) => t.id).sort()).toEqual(['alpha:t1', 'alpha:t2'])
    expect(readCustomReasons(org).map((r) => r.id)).toEqual(['custom:alpha:flaky-ci'])
    expect(collection(team, RETRO_SETTINGS).list()).toHaveLength(1)
  })
})

describe('sync-up opportunities on the board', () => {
  it('land on the board once, in its inbox column; a second run and a second device write nothing new', () => {
    const a = peer()
    const b = peer()
    boardOn(a.session)
    sync(a.doc, b.doc)
    logOpportunity(a.doc, { text: 'Flaky CI blocks merges', author: { id: 'ana', name: 'Ana' }, date: '2026-03-05' })
    logOpportunity(b.doc, { text: 'Too many meetings', author: { id: 'ben', name: 'Ben' }, date: '2026-03-06' })
    sync(a.doc, b.doc)
    // both devices import at once, apart
    expect(importInbox(a.doc, TEAM, SPRINT)).toBe(2)
    expect(importInbox(b.doc, TEAM, SPRINT)).toBe(2)
    sync(a.doc, b.doc)
    for (const doc of [a.doc, b.doc]) {
      const cards = collection(doc, CARDS).list()
      expect(cards.map((c) => c.text).sort()).toEqual(['Flaky CI blocks merges', 'Too many meetings'])
      expect(cards.every((c) => c.columnId === currentBoard(a.session)!.layout.inboxColumnId && c.source?.kind === 'syncup')).toBe(true)
    }
    let updates = 0
    a.doc.on('update', () => updates++)
    expect(importInbox(a.doc, TEAM, SPRINT)).toBe(0)
    // a dismissed card stays dismissed
    const first = collection(a.doc, CARDS).list()[0]!
    collection(a.doc, CARDS).patch(first.id, { dismissed: true })
    expect(importInbox(a.doc, TEAM, SPRINT)).toBe(0)
    expect(updates).toBe(1)
  })

  it('wait for a board: nothing is written into a sprint without one', () => {
    const { doc } = peer()
    logOpportunity(doc, { text: 'Flaky CI', author: { id: 'ana', name: 'Ana' }, date: '2026-03-05' })
    expect(importInbox(doc, TEAM, SPRINT)).toBe(0)
    expect(collection(doc, BOARDS).list()).toEqual([])
    expect(collection(doc, CARDS).list()).toEqual([])
  })

  it('read the sprint inbox: what the sync-up hides stays off the board', () => {
    const doc = new Y.Doc()
    const raw = (id: string, fields: Record<string, unknown>) => {
      const m = doc.getMap(`opportunities::${id}`)
      for (const [k, v] of Object.entries(fields)) m.set(k, v)
    }
    raw('ok', { text: ' Flaky CI ', authorId: 'ana', authorName: 'Ana', date: '2026-03-05', createdAt: T0, source: 'syncup' })
    raw('blank', { text: '   ', authorId: 'ana', date: '2026-03-05', createdAt: T0 })
    raw('no-date', { text: 'x', authorId: 'ana', date: 'yesterday', createdAt: T0 })
    raw('no-author', { text: 'x', date: '2026-03-05', createdAt: T0 })
    raw('negative', { text: 'x', authorId: 'ana', date: '2026-03-05', createdAt: -1 })
    const inbox = readRetroInbox(doc)
    expect(inbox.map((o) => o.id)).toEqual(['ok'])
    expect(cardFromOpportunity(inbox[0]!, 'inbox')).toMatchObject({ id: 'syncup:ok', text: 'Flaky CI', source: { kind: 'syncup', authorName: 'Ana' } })
  })
})
