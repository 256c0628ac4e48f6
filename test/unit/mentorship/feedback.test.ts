import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { cleanAnswers, EMPTY_FEEDBACK, feedbackSummary, sharedPart, type FeedbackAnswers, type SharedFeedback } from '@shared/mentorship/feedback.ts'
import { collection, ForeignRecordError } from '@core/collections/index.ts'
import { FEEDBACK, publishSharedFeedback, readPairFeedback, SHARED_FEEDBACK, shareFeedbackWith, writeFeedback } from '@features/mentorship/store/feedback.ts'
import { recordPoolPair } from '@features/mentorship/store/pool.ts'
import { unansweredShares } from '@features/mentorship/pair/FeedbackForm.tsx'
import { as, person, settle, useNoSignerBetweenTests } from '../fixtures/people.ts'

/** The end-of-pairing feedback (issue 15 #7): the pair keeps every answer, the org gets only the shared ones. */

const answers: FeedbackAnswers = {
  usefulness: 4,
  worked: 'Monthly sessions with a clear agenda',
  change: 'SECRET: my manager never gave me time for this',
  recommend: 'yes',
  share: { usefulness: true, worked: true, change: false, recommend: true }
}

function orgWithPair(spaceId: string): Y.Doc {
  const org = new Y.Doc()
  recordPoolPair(org, { aProfileId: 'p1', bProfileId: 'p2', aName: 'Daria', bName: 'Bruce', spaceId, startedAt: 1 })
  return org
}

/** every string anywhere in a document, as a peer receiving it would see it */
function textOf(doc: Y.Doc): string {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return JSON.stringify(copy.toJSON()) + [...copy.share.keys()].map((k) => JSON.stringify(copy.getMap(k).toJSON())).join('')
}

describe('what reaches the org', () => {
  it('only the answers ticked to share, and nothing when nothing is', () => {
    expect(sharedPart(answers, 'S', 5)).toEqual({ spaceId: 'S', usefulness: 4, worked: 'Monthly sessions with a clear agenda', change: null, recommend: 'yes', sharedAt: 5 })
    expect(sharedPart({ ...answers, share: { usefulness: false, worked: false, change: false, recommend: false } }, 'S', 5)).toBeNull()
    // ticked but not answered: nothing to share
    expect(sharedPart({ ...EMPTY_FEEDBACK, share: { usefulness: true, worked: true, change: true, recommend: true } }, 'S', 5)).toBeNull()
  })

  it('cleans what a form gives: texts trimmed and bounded, a rating outside 1–5 dropped', () => {
    const clean = cleanAnswers({ ...answers, usefulness: 9, worked: `  ${'x'.repeat(5000)} ` })
    expect(clean.usefulness).toBeNull()
    expect(clean.worked).toHaveLength(1000)
  })

  it('the form says which ticked answers are missing', () => {
    expect(unansweredShares({ ...EMPTY_FEEDBACK, worked: 'ok', share: { usefulness: true, worked: true, change: false, recommend: true } })).toEqual(['usefulness', 'recommend'])
    expect(unansweredShares(answers)).toEqual([])
  })
})

describe('feedback on the pair and in the org (real Yjs documents)', () => {
  it('the journal keeps every answer; the org gets the shared ones, never an unshared answer; unticking takes it back', () => {
    const journal = new Y.Doc()
    const org = orgWithPair('pair-1')
    const clean = writeFeedback(journal, 'member-daria', 'Daria', answers, 10)
    shareFeedbackWith(org, 'pair-1', 'member-daria', clean, 10)

    expect(collection(journal, FEEDBACK).get('member-daria')).toMatchObject({ author: 'Daria', change: answers.change, usefulness: 4 })
    const shared = collection(org, SHARED_FEEDBACK).list()
    expect(shared).toEqual([{ id: 'pair-1/member-daria', spaceId: 'pair-1', usefulness: 4, worked: answers.worked, change: null, recommend: 'yes', sharedAt: 10 }])
    expect(textOf(org)).not.toContain('SECRET')

    // Daria unticks everything: the org's record is emptied
    const none = writeFeedback(journal, 'member-daria', 'Daria', { ...answers, share: { usefulness: false, worked: false, change: false, recommend: false } }, 11)
    shareFeedbackWith(org, 'pair-1', 'member-daria', none, 11)
    expect(collection(org, SHARED_FEEDBACK).list()).toEqual([])
    expect(textOf(org)).not.toContain('Monthly sessions')
  })

  it('an org that has no record of the pair receives nothing', () => {
    const other = orgWithPair('another-pair')
    shareFeedbackWith(other, 'pair-1', 'member-daria', answers, 10)
    expect(collection(other, SHARED_FEEDBACK).list()).toEqual([])
  })

  it('any device of the pair publishes both people’s shares (the status report’s path)', () => {
    const journal = new Y.Doc()
    writeFeedback(journal, 'member-daria', 'Daria', answers, 10)
    writeFeedback(journal, 'member-bruce', 'Bruce', { ...EMPTY_FEEDBACK, usefulness: 2, change: 'More time', share: { usefulness: true, worked: false, change: true, recommend: false } }, 12)
    const org = orgWithPair('pair-1')
    publishSharedFeedback(journal, 'pair-1', org)
    publishSharedFeedback(journal, 'pair-1', org) // again: nothing changes
    const shared = collection(org, SHARED_FEEDBACK).list()
    expect(shared.map((s) => [s.id, s.usefulness, s.change])).toEqual([
      ['pair-1/member-bruce', 2, 'More time'],
      ['pair-1/member-daria', 4, null]
    ])
    expect(textOf(org)).not.toContain('SECRET')
  })

  it('a malformed record from a peer is skipped, in the journal and in the org', () => {
    const org = orgWithPair('pair-1')
    shareFeedbackWith(org, 'pair-1', 'member-daria', answers, 10)
    // a peer writes junk straight into the documents
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(org))
    peer.getMap('pairFeedback::pair-1/evil').set('spaceId', 'pair-1')
    peer.getMap('pairFeedback::pair-1/evil').set('usefulness', 11)
    peer.getMap('pairFeedback::pair-1/long').set('spaceId', 'pair-1')
    peer.getMap('pairFeedback::pair-1/long').set('worked', 'x'.repeat(5000))
    peer.getMap('pairFeedback::pair-1/long').set('usefulness', null)
    Y.applyUpdate(org, Y.encodeStateAsUpdate(peer))
    expect(collection(org, SHARED_FEEDBACK).list().map((s) => s.id)).toEqual(['pair-1/member-daria'])

    const journal = new Y.Doc()
    journal.getMap('feedback::x').set('author', 'Eve')
    journal.getMap('feedback::x').set('usefulness', 'very')
    expect(collection(journal, FEEDBACK).list()).toEqual([])
  })
})

describe('answers carry their writer\'s seal (issue 10 #15)', () => {
  useNoSignerBetweenTests()
  const daria = person()
  const eve = person()

  it('answers forged under Daria\'s id are not read by the pair, nor published to the org', async () => {
    const journal = new Y.Doc()
    as(daria, () => writeFeedback(journal, daria.deviceId, 'Daria', answers, 10))
    await settle()
    expect(readPairFeedback(journal).map((f) => [f.id, f.usefulness])).toEqual([[daria.deviceId, 4]])
    // Eve, in a copy of the journal, rewrites Daria's rating and shares it
    const hostile = new Y.Doc()
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(journal))
    const r = hostile.getMap<unknown>(`feedback::${daria.deviceId}`)
    r.set('usefulness', 1)
    r.set('change', 'Daria: the program is useless')
    r.set('share', { usefulness: true, worked: false, change: true, recommend: false })
    const seen = new Y.Doc()
    Y.applyUpdate(seen, Y.encodeStateAsUpdate(hostile))
    await settle()
    expect(readPairFeedback(seen)).toEqual([])
    const org = orgWithPair('pair-1')
    publishSharedFeedback(seen, 'pair-1', org)
    expect(textOf(org)).not.toContain('useless')
  })

  it('answers Eve seals herself under Daria\'s id are not read as anyone\'s; answers without a member id only under an old id', async () => {
    const journal = new Y.Doc()
    as(eve, () => collection(journal, FEEDBACK).replace(daria.deviceId, { memberId: eve.deviceId, author: 'Daria', ...EMPTY_FEEDBACK, usefulness: 1, updatedAt: 1 }))
    const legacy = { author: 'Old', ...EMPTY_FEEDBACK, usefulness: 3, updatedAt: 1 }
    collection(journal, FEEDBACK).replace('AbCdEfGhIjKlMnOpQrStUv', legacy)
    collection(journal, FEEDBACK).replace(`${daria.deviceId.slice(0, -1)}x`, legacy)
    await settle()
    expect(collection(journal, FEEDBACK).list()).toHaveLength(3)
    expect(readPairFeedback(journal).map((f) => f.id)).toEqual(['AbCdEfGhIjKlMnOpQrStUv'])
  })

  it('nobody\'s device writes another person\'s answers', () => {
    expect(() => as(eve, () => writeFeedback(new Y.Doc(), daria.deviceId, 'Daria', answers, 10))).toThrow(ForeignRecordError)
  })
})

describe('the program view’s summary', () => {
  const pairs = [
    { spaceId: 'p1', aName: 'Daria', bName: 'Bruce' },
    { spaceId: 'p2', aName: 'Ana', bName: 'Chen' },
    { spaceId: null, aName: 'Only', bName: 'Suggested' }
  ]
  const f = (spaceId: string, fields: Partial<SharedFeedback>): SharedFeedback => ({ spaceId, usefulness: null, worked: null, change: null, recommend: null, sharedAt: 0, ...fields })

  it('averages shared ratings, counts recommendations, lists comments newest first, leaves out unknown pairs', () => {
    const s = feedbackSummary(
      [
        f('p1', { usefulness: 4, recommend: 'yes', worked: 'Clear agenda', sharedAt: 1 }),
        f('p1', { usefulness: 5, recommend: 'maybe', sharedAt: 2 }),
        f('p2', { change: 'Meet more often', recommend: 'no', sharedAt: 3 }),
        f('p2', { usefulness: 4, sharedAt: 4 }),
        f('ghost', { usefulness: 1, worked: 'not ours', sharedAt: 5 })
      ],
      pairs
    )
    expect(s.responses).toBe(4)
    expect(s.averageUsefulness).toBe(4.3)
    expect(s.ratings).toBe(3)
    expect(s.recommend).toEqual({ yes: 1, maybe: 1, no: 1 })
    expect(s.comments).toEqual([
      { pair: 'Ana & Chen', kind: 'change', text: 'Meet more often', sharedAt: 3 },
      { pair: 'Daria & Bruce', kind: 'worked', text: 'Clear agenda', sharedAt: 1 }
    ])
  })

  it('says there is no rating when none was shared', () => {
    expect(feedbackSummary([f('p1', { worked: 'x' })], pairs)).toMatchObject({ responses: 1, averageUsefulness: null, ratings: 0 })
    expect(feedbackSummary([], pairs)).toMatchObject({ responses: 0, averageUsefulness: null, comments: [] })
  })
})
