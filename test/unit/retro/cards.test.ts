import { describe, expect, it } from 'vitest'
import {
  Card,
  SyncupOpportunity,
  cardAuthorLabel,
  cardFromOpportunity,
  draftsToPublish,
  escalate,
  importOpportunities,
  isOwnCard,
  newCard,
  revealBatch,
  withLoggers,
  secureRandom,
  visibleCards
} from '@shared/retro/cards.ts'
import { type CardGroup, discussionOrder, emptyGroups, groupMembers, groupTitle, groupTwoCards, voteTargets } from '@shared/retro/groups.ts'
import { tallyVotes, type Vote } from '@shared/retro/votes.ts'
import { T0, rng, shuffled } from './fixtures.ts'

const card = (id: string, columnId: string, text: string, extra: Partial<Card> = {}): Card => ({ id, columnId, text, createdAt: T0, authorId: 'ana', ...extra })

describe('anonymous cards', () => {
  it('store no author id anywhere in the record', () => {
    const c = newCard({ id: 'k3j9', columnId: 'went-well', text: 'Pairing on the migration', authorId: 'member-ana-7f', createdAt: T0 }, { anonymous: true })
    expect(c).toEqual({ id: 'k3j9', columnId: 'went-well', text: 'Pairing on the migration', createdAt: T0 })
    expect(JSON.stringify(c)).not.toContain('member-ana-7f')
    expect(cardAuthorLabel(c, { 'member-ana-7f': 'Ana' })).toBe('Anonymous')
  })

  it('named cards keep the author; the device list still makes an anonymous card editable by its author', () => {
    const named = newCard({ id: 'a', columnId: 'x', text: ' hi ', authorId: 'ana', createdAt: T0 }, { anonymous: false })
    expect(named).toMatchObject({ authorId: 'ana', text: 'hi' })
    const anon = newCard({ id: 'b', columnId: 'x', text: 'hi', authorId: 'ana', createdAt: T0 }, { anonymous: true })
    expect(isOwnCard(anon, 'ana', new Set(['b']))).toBe(true)
    expect(isOwnCard(anon, 'ana', new Set())).toBe(false)
    expect(isOwnCard(named, 'ana', new Set())).toBe(true)
    expect(isOwnCard(named, 'ben', new Set())).toBe(false)
  })

  it('carry the board’s instant, not the author’s clock, once they go into the document', () => {
    const board = { createdAt: T0 - 3_600_000 }
    const written = T0 + 123_457 // the author's clock
    expect(newCard({ id: 'b', columnId: 'x', text: 'hi', authorId: 'ana', createdAt: written }, { anonymous: true }, board).createdAt).toBe(board.createdAt)
    expect(newCard({ id: 'b', columnId: 'x', text: 'hi', authorId: 'ana', createdAt: written }, { anonymous: false }, board).createdAt).toBe(written)
  })

  it('rejects empty text with a clear message', () => {
    expect(() => newCard({ id: 'a', columnId: 'x', text: '   ', authorId: 'ana', createdAt: T0 }, { anonymous: false })).toThrow('A card needs some text.')
  })
})

describe('visibility before reveal', () => {
  const mine = card('m1', 'went-well', 'mine')
  const theirs = card('t1', 'went-well', 'theirs', { authorId: 'ben' })
  const imported = card('syncup:o1', 'opportunities', 'flaky CI', { authorId: undefined, source: { kind: 'syncup', opportunityId: 'o1', date: '2026-03-04' } })
  const dismissed = card('d1', 'went-well', 'gone', { dismissed: true })
  const all = [mine, theirs, imported, dismissed]

  it('in write a member sees their own cards and the imported opportunities only', () => {
    expect(visibleCards(all, 'write', new Set(['m1', 'd1'])).map((c) => c.id)).toEqual(['m1', 'syncup:o1'])
  })

  it('from reveal on everyone sees every card (but never dismissed ones)', () => {
    for (const phase of ['reveal', 'group', 'vote', 'discuss', 'act', 'close'] as const) {
      expect(visibleCards(all, phase, new Set()).map((c) => c.id)).toEqual(['m1', 't1', 'syncup:o1'])
    }
  })

  it('a reveal batch: anonymous cards with the board’s instant, in an order that does not depend on the order they were written in', () => {
    const board = { createdAt: T0 - 3_600_000 }
    // six anonymous drafts written a few seconds apart in the author's clock, and one named
    const written = ['q7', 'b2', 'zz', 'a1', 'm4', 'k9'].map((id, i) => card(id, 'x', `card ${id}`, { authorId: undefined, createdAt: T0 + 123_457 + i * 4_000 }))
    const named = card('n1', 'x', 'named', { createdAt: T0 + 99 })
    const batch = revealBatch([...written, named], board, rng(7))
    expect(batch.map((c) => c.createdAt).sort()).toEqual([...Array(6).fill(board.createdAt), T0 + 99].sort())
    expect(batch.find((c) => c.id === 'n1')).toEqual(named)
    // the same set written in any other order gives the same batch for the same draw
    for (let i = 0; i < 20; i++) expect(revealBatch(shuffled([...written, named], rng(100 + i)), board, rng(7))).toEqual(batch)
    // and it is a shuffle: neither the writing order nor the id order
    const ids = batch.filter((c) => c.authorId === undefined).map((c) => c.id)
    expect(ids).not.toEqual(written.map((c) => c.id))
    expect(ids).not.toEqual([...ids].sort())
    expect(new Set(Array.from({ length: 12 }, (_, i) => revealBatch(written, board, rng(i)).map((c) => c.id).join(' '))).size).toBeGreaterThan(6)
    for (let i = 0; i < 100; i++) expect(secureRandom()).toSatisfy((x: number) => x >= 0 && x < 1)
  })

  it('drafts are published from reveal on, once', () => {
    const drafts = [mine, card('m2', 'x', 'second')]
    expect(draftsToPublish('write', drafts, [])).toEqual([])
    expect(draftsToPublish('reveal', drafts, [mine]).map((c) => c.id)).toEqual(['m2'])
    expect(draftsToPublish('vote', drafts, []).map((c) => c.id)).toEqual(['m1', 'm2']) // offline at reveal
  })
})

describe('opportunities from daily sync-ups', () => {
  const opps: SyncupOpportunity[] = [
    { id: 'o1', text: 'CI is flaky on Mondays', date: '2026-03-04', authorName: 'Ben' },
    { id: 'o2', text: 'Nobody owns the staging DB', date: '2026-03-05', createdAt: T0 }
  ]

  it('become cards marked with where they came from, with a stable id', () => {
    expect(cardFromOpportunity(opps[0]!, 'opportunities')).toEqual({
      id: 'syncup:o1',
      columnId: 'opportunities',
      text: 'CI is flaky on Mondays',
      createdAt: Date.UTC(2026, 2, 4),
      source: { kind: 'syncup', opportunityId: 'o1', authorName: 'Ben', date: '2026-03-04' }
    })
    expect(cardFromOpportunity(opps[0]!, 'x', { anonymous: true }).source).toEqual({ kind: 'syncup', opportunityId: 'o1', date: '2026-03-04' })
  })

  it("name whoever logged the opportunity from its sealed record, never from the card's source (anyone may write that)", () => {
    const ben = 'kBenBenBenBenBenBenBenBenBe' // key-derived form
    const card = cardFromOpportunity(opps[0]!, 'x')
    // the source says Ben, but no opportunity backs it: nobody is named
    expect(cardAuthorLabel(card, { [ben]: 'Ben' })).toBe('Daily sync-up')
    const [named] = withLoggers([card], new Map([['o1', ben]]), false)
    expect(cardAuthorLabel(named!, { [ben]: 'Ben' })).toBe('Ben (daily sync-up)')
    expect(cardAuthorLabel(named!, {})).toBe('A former member (daily sync-up)')
    // an id from before signatures says so; an anonymous board names nobody
    expect(cardAuthorLabel(withLoggers([card], new Map([['o1', 'AbCdEfGhIjKlMnOpQrStUv']]), false)[0]!, { AbCdEfGhIjKlMnOpQrStUv: 'Ben' })).toBe('Ben (not verified) (daily sync-up)')
    expect(withLoggers([card], new Map([['o1', ben]]), true)[0]).toBe(card)
    // a stored loggedBy is not read (the schema drops it)
    expect(Card.parse({ ...card, loggedBy: ben })).not.toHaveProperty('loggedBy')
  })

  it('two peers importing the same opportunities create one identical card each', () => {
    const peerA = importOpportunities(opps, [], 'opportunities', { anonymous: false })
    const peerB = importOpportunities([...opps].reverse(), [], 'opportunities', { anonymous: false })
    const doc = new Map<string, Card>()
    for (const c of [...peerA, ...peerB]) doc.set(c.id, c) // the collection is keyed by id
    expect(doc.size).toBe(2)
    expect(peerA).toEqual([...peerB].reverse())
  })

  it('importing again adds nothing, and a dismissed card is not brought back', () => {
    const first = importOpportunities(opps, [], 'opportunities', { anonymous: false })
    expect(importOpportunities(opps, first, 'opportunities', { anonymous: false })).toEqual([])
    const dismissed = first.map((c) => ({ ...c, dismissed: true }))
    expect(importOpportunities([...opps, opps[0]!], dismissed, 'opportunities', { anonymous: false })).toEqual([])
    expect(importOpportunities([opps[0]!, opps[0]!], [], 'opportunities', { anonymous: false })).toHaveLength(1)
  })

  it('reads the sync-up inbox record as stored by the sprint feature', () => {
    const stored = { id: 'o9', text: 'Retro notes get lost', authorId: 'ben', authorName: '', date: '2026-03-06', createdAt: T0 + 7, source: 'syncup' }
    expect(cardFromOpportunity(stored, 'opportunities')).toEqual({
      id: 'syncup:o9', columnId: 'opportunities', text: 'Retro notes get lost', createdAt: T0 + 7,
      source: { kind: 'syncup', opportunityId: 'o9', date: '2026-03-06' }
    })
  })

  it('rejects a malformed opportunity with a clear message', () => {
    expect(() => cardFromOpportunity({ id: 'o3', text: '', date: '2026-03-04' }, 'x')).toThrow('An opportunity needs some text.')
    expect(SyncupOpportunity.safeParse({ id: 'o3', text: 'x', date: 'yesterday' }).success).toBe(false)
  })
})

describe('groups and the discussion order', () => {
  const cards = [
    card('a', 'went-well', 'Fast reviews', { createdAt: T0 + 1 }),
    card('b', 'to-improve', 'Flaky CI', { createdAt: T0 + 2, groupId: 'g1' }),
    card('c', 'to-improve', 'Slow CI', { createdAt: T0 + 3, groupId: 'g1' }),
    card('d', 'to-improve', 'Unclear tickets', { createdAt: T0 + 4 }),
    card('e', 'went-well', 'Good demo', { createdAt: T0 + 5, groupId: 'deleted' }),
    card('f', 'went-well', 'Old', { createdAt: T0, dismissed: true, groupId: 'g2' })
  ]
  const groups: CardGroup[] = [
    { id: 'g1', title: '', columnId: 'to-improve', createdAt: T0 + 10 },
    { id: 'g2', title: 'Empty', columnId: 'went-well', createdAt: T0 + 11 }
  ]

  it('groups hold their live cards, oldest first; titles fall back to the first card', () => {
    expect([...groupMembers(cards, groups)].map(([g, list]) => [g, list.map((c) => c.id)])).toEqual([['g1', ['b', 'c']]])
    expect(emptyGroups(cards, groups)).toEqual(['g2'])
    expect(groupTitle(groups[0]!, [cards[1]!])).toBe('Flaky CI')
    expect(groupTitle({ title: '' }, [{ text: 'x'.repeat(100) }])).toHaveLength(60)
    expect(groupTitle({ title: '' }, [])).toBe('Untitled group')
  })

  it('dropping a card on a card makes a group in the target column', () => {
    expect(groupTwoCards('g9', cards[3]!, cards[0]!, T0)).toEqual({
      group: { id: 'g9', title: '', columnId: 'to-improve', createdAt: T0 },
      patches: [{ id: 'd', groupId: 'g9' }, { id: 'a', groupId: 'g9' }]
    })
  })

  it('votes on grouped cards count for the group; top-voted first with a stable tiebreak', () => {
    const targets = voteTargets(cards, groups)
    expect(targets).toEqual({ a: 'a', b: 'g1', c: 'g1', d: 'd', e: 'e', g1: 'g1' })
    const votes: Vote[] = [
      { id: '1', voterId: 'ana', targetId: 'b', castAt: T0, seq: 0 },
      { id: '2', voterId: 'ben', targetId: 'c', castAt: T0, seq: 0 },
      { id: '3', voterId: 'ben', targetId: 'd', castAt: T0, seq: 1 },
      { id: '4', voterId: 'cy', targetId: 'a', castAt: T0, seq: 0 }
    ]
    const tally = tallyVotes(votes, { budget: 5, cap: 3, targets })
    const order = discussionOrder(cards, groups, tally, ['went-well', 'to-improve'])
    expect(order.map((t) => [t.id, t.votes])).toEqual([['g1', 2], ['a', 1], ['d', 1], ['e', 0]])
    expect(order[0]).toEqual({ kind: 'group', id: 'g1', title: 'Flaky CI', columnId: 'to-improve', cardIds: ['b', 'c'], votes: 2 })
    // without a column order the older topic wins the tie; input order never matters
    expect(discussionOrder([...cards].reverse(), [...groups].reverse(), tally).map((t) => t.id)).toEqual(['g1', 'a', 'd', 'e'])
  })
})

describe('escalation', () => {
  it('marks the card and yields one org item per board and card, without an author', () => {
    const c = card('k1', 'to-improve', 'Release train is too slow')
    const board = { id: 'retro:alpha:6', teamId: 'alpha', teamName: 'Alpha', sprint: 6 }
    const once = escalate(c, board, 'org-space', T0)
    expect(once.card.escalated).toEqual({ orgSpaceId: 'org-space', at: T0 })
    expect(once.item).toEqual({ id: 'esc:retro:alpha:6:k1', text: 'Release train is too slow', teamId: 'alpha', teamName: 'Alpha', sprint: 6, boardId: 'retro:alpha:6', cardId: 'k1', escalatedAt: T0 })
    expect(escalate(c, board, 'org-space', T0 + 99).item.id).toBe(once.item.id)
    expect(JSON.stringify(once.item)).not.toContain('ana')
  })
})
