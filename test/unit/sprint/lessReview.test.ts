import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_ITEMS, SHOUT_OUTS, SHOUT_REACTIONS } from '@features/sprint/store/collections.ts'
import { attendeesOf, FACES_SHOWN, hereNow } from '@features/sprint/store/meetingRoom.ts'
import { collection, ForeignRecordError } from '@core/collections/index.ts'
import { upsertSelf } from '@core/spaces/spaceDoc.ts'
import { readShoutOuts } from '@features/sprint/store/review.ts'
import { as, person, settle, useNoSignerBetweenTests } from '../fixtures/people.ts'
import { ShoutOut, demoPrefill, reactionCounts, reactionId, shoutOutsBySprint, stepTeam } from '@shared/less/review.ts'
import { reviewMarkdown } from '@shared/less/markdown.ts'

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('shout-outs', () => {
  it('two written at the same moment on two devices are both kept', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const fields = (text: string, author: string) => ({ sprint: 4, text, to: [{ id: 'cleo', name: 'Cleo' }], authorId: author, createdAt: 1000 })
    collection(a, SHOUT_OUTS).create(fields('Thanks for the failover drill', 'ana'))
    collection(b, SHOUT_OUTS).create(fields('Great pairing on search', 'bo'))
    sync(a, b)
    expect(collection(a, SHOUT_OUTS).list().map((s) => s.text).sort()).toEqual(['Great pairing on search', 'Thanks for the failover drill'])
    expect(collection(b, SHOUT_OUTS).list()).toHaveLength(2)
  })

  it('need a text and at least one person, bounded', () => {
    expect(ShoutOut.safeParse({ sprint: 1, text: 'x', to: [] }).success).toBe(false)
    expect(ShoutOut.safeParse({ sprint: 1, text: ' ', to: [{ id: 'a', name: 'A' }] }).success).toBe(false)
    expect(ShoutOut.safeParse({ sprint: 1, text: 'x'.repeat(1001), to: [{ id: 'a', name: 'A' }] }).success).toBe(false)
    expect(ShoutOut.safeParse({ sprint: 1, text: 'ok', to: Array.from({ length: 21 }, (_, i) => ({ id: `p${i}`, name: 'P' })) }).success).toBe(false)
  })

  it('this sprint’s oldest first, earlier sprints newest first', () => {
    const s = (id: string, sprint: number, createdAt: number) => ({ id, sprint, createdAt })
    const { current, past } = shoutOutsBySprint([s('a', 4, 5), s('b', 4, 1), s('c', 2, 1), s('d', 3, 1), s('e', 5, 1)], 4)
    expect(current.map((x) => x.id)).toEqual(['b', 'a'])
    expect(past.map((p) => [p.sprint, p.items.map((x) => x.id)])).toEqual([
      [3, ['d']],
      [2, ['c']]
    ])
  })

  it('reactions count each person once per emoji; a toggle is one record per person and emoji', () => {
    const doc = new Y.Doc()
    const r = collection(doc, SHOUT_REACTIONS)
    r.patch(reactionId('s1', 'ana', '👏'), { shoutOutId: 's1', memberId: 'ana', emoji: '👏', at: 1 })
    r.patch(reactionId('s1', 'bo', '👏'), { shoutOutId: 's1', memberId: 'bo', emoji: '👏', at: 2 })
    r.patch(reactionId('s1', 'bo', '🎉'), { shoutOutId: 's1', memberId: 'bo', emoji: '🎉', at: 2 })
    r.patch(reactionId('s2', 'bo', '🎉'), { shoutOutId: 's2', memberId: 'bo', emoji: '🎉', at: 2 })
    const names = (id: string) => ({ ana: 'Ana', bo: 'Bo' })[id] ?? '?'
    expect(reactionCounts(r.list(), 's1', 'ana', names)).toEqual([
      { emoji: '👏', count: 2, mine: true, names: ['Ana', 'Bo'] },
      { emoji: '🎉', count: 1, mine: false, names: ['Bo'] }
    ])
    r.clear(reactionId('s1', 'ana', '👏'))
    expect(reactionCounts(r.list(), 's1', 'ana', names)[0]).toMatchObject({ count: 1, mine: false })
  })
})

describe('shout-outs and reactions carry their writer\'s seal (issue 10 #15)', () => {
  useNoSignerBetweenTests()
  const ada = person()
  const ben = person()

  it('a reaction taken back and given again stays hers; one written under her id by someone else is ignored', async () => {
    const doc = new Y.Doc()
    const r = collection(doc, SHOUT_REACTIONS)
    const id = reactionId('s1', ada.deviceId, '👏')
    as(ada, () => r.upsert(id, { shoutOutId: 's1', memberId: ada.deviceId, emoji: '👏', at: 1 }))
    as(ada, () => r.clear(id))
    expect(r.get(id)).toBeNull()
    as(ada, () => r.upsert(id, { shoutOutId: 's1', memberId: ada.deviceId, emoji: '👏', at: 2 }))
    expect(r.get(id)?.memberId).toBe(ada.deviceId)
    // Ben cannot write her reaction through the app, and a raw one reads as forged
    expect(() => as(ben, () => r.upsert(reactionId('s1', ada.deviceId, '🎉'), { shoutOutId: 's1', memberId: ada.deviceId, emoji: '🎉', at: 3 }))).toThrow(ForeignRecordError)
    const raw = doc.getMap<unknown>(`shoutReactions::${reactionId('s1', ada.deviceId, '🚀')}`)
    for (const [k, v] of Object.entries({ shoutOutId: 's1', memberId: ada.deviceId, emoji: '🚀', at: 3 })) raw.set(k, v)
    await settle()
    expect(collection(doc, SHOUT_REACTIONS).list().map((x) => x.emoji)).toEqual(['👏'])
  })

  it('the review names a shout-out\'s author by their member entry, and says "not verified" for an id from before signatures', async () => {
    const doc = new Y.Doc()
    as(ada, () => upsertSelf(doc, { id: ada.deviceId, name: 'Ada', color: '#1971c2' }, 1000))
    const old = 'AbCdEfGhIjKlMnOpQrStUv'
    upsertSelf(doc, { id: old, name: 'Ada', color: '#1971c2' }, 1000)
    const to = [{ id: ben.deviceId, name: 'Ben' }]
    as(ada, () => collection(doc, SHOUT_OUTS).create({ sprint: 1, text: 'thanks', to, authorId: ada.deviceId, createdAt: 1 }, { id: 'a' }))
    collection(doc, SHOUT_OUTS).create({ sprint: 1, text: 'thanks too', to, authorId: old, createdAt: 2 }, { id: 'b' })
    await settle()
    expect(readShoutOuts(doc).map((s) => [s.id, s.author, s.toNames])).toEqual([
      ['a', 'Ada', ['Ben']],
      ['b', 'Ada (not verified)', ['Ben']]
    ])
  })
})

describe('demo slides', () => {
  const source = {
    goals: [{ id: 'g1', text: 'Ship retries' }, { id: 'g2', text: ' ' }],
    tickets: [{ id: 't1', key: 'PAY-1', title: 'Retry queue', url: 'https://x.example/PAY-1' }],
    nextGoals: [{ id: 'n1', text: 'Settle in EUR' }]
  }

  it('fill in from the team’s planning with derived ids: twice, or on two devices, adds nothing twice', () => {
    const items = demoPrefill('red', source)
    expect(items.map((i) => [i.id, i.section, i.text, i.achieved])).toEqual([
      ['red:goal:g1', 'done', 'Ship retries', false],
      ['red:ticket:t1', 'done', 'PAY-1 Retry queue', false],
      ['red:next:n1', 'next', 'Settle in EUR', false]
    ])
    const a = new Y.Doc()
    const b = new Y.Doc()
    collection(a, DEMO_ITEMS).createMany(demoPrefill('red', source))
    collection(b, DEMO_ITEMS).createMany(demoPrefill('red', source))
    sync(a, b)
    expect(collection(a, DEMO_ITEMS).list()).toHaveLength(3)
  })

  it('the presenter steps through the running order and stops at either end', () => {
    expect(stepTeam(['a', 'b', 'c'], null, 1)).toBe('a')
    expect(stepTeam(['a', 'b', 'c'], 'a', 1)).toBe('b')
    expect(stepTeam(['a', 'b', 'c'], 'c', 1)).toBeNull()
    expect(stepTeam(['a', 'b', 'c'], 'a', -1)).toBeNull()
    expect(stepTeam(['a', 'b', 'c'], 'gone', -1)).toBe('c')
    expect(stepTeam([], null, 1)).toBeNull()
  })

  it('exports to Markdown with what peers wrote escaped', () => {
    const md = reviewMarkdown({
      orgName: 'Acme',
      sprint: 4,
      sprintDates: '1–14 Jan',
      present: ['Ana'],
      escalations: [{ teamName: 'Red', items: [{ id: 'e1', text: 'Deploys need a [freeze](https://evil.example)' }] }],
      notes: new Map([['e1', 'Agreed on Fridays']]),
      followUps: [{ escalationId: 'e1', text: 'Write the policy', owner: 'Bo', done: false }],
      shoutOuts: [{ text: '# Thanks', to: [{ name: 'Cleo' }], author: 'Ana', reactions: '👏 2' }],
      demos: [{ teamName: 'Red', done: [{ text: 'Ship retries', url: '', achieved: true }], next: [{ text: 'Settle in EUR' }], links: [] }]
    })
    expect(md).toContain('- Deploys need a \\[freeze\\]\\(https://evil.example\\)')
    expect(md).toContain('  - [ ] Write the policy (Bo)')
    expect(md).toContain('- To Cleo: \\# Thanks — Ana 👏 2')
    expect(md).toContain('- [x] Ship retries')
    expect(md).toContain('1. Settle in EUR')
    expect(md).toContain('give shout outs to teammates for exemplary performance')
  })
})

describe('who is at a meeting', () => {
  it('only those whose awareness names this meeting, each person once', () => {
    const user = (id: string, name: string) => ({ id, name, color: '#123456' })
    const states: [number, unknown][] = [
      [1, { user: user('ana', 'Ana'), meeting: 'org/review/4' }],
      [2, { user: user('ana', 'Ana'), meeting: 'org/review/4' }],
      [3, { user: user('bo', 'Bo'), meeting: 'org/division/5' }],
      [4, { user: user('cleo', 'Cleo') }],
      [5, { meeting: 'org/review/4' }],
      [6, null]
    ]
    expect(attendeesOf(states, 'org/review/4')).toEqual([user('ana', 'Ana')])
  })
})

describe('"Here now" in a big room (issue 13 #4: the relay passes on some presences and counts everyone)', () => {
  const p = (i: number) => ({ id: `m${i}`, name: `Member ${i}` })
  const me = p(0)
  it('shows me first when the room has not told of me, at most FACES_SHOWN faces, and the relay’s count', () => {
    expect(hereNow([], me, 0)).toEqual({ faces: [me], total: 1 })
    const some = Array.from({ length: 16 }, (_, i) => p(i + 1))
    // the relay passed on 16 of 200
    expect(hereNow(some, me, 200)).toEqual({ faces: [me, ...some], total: 200 })
    const many = Array.from({ length: 40 }, (_, i) => p(i))
    const shown = hereNow(many, me, 0)
    expect(shown.faces).toHaveLength(FACES_SHOWN)
    expect(shown.total).toBe(40)
  })
})
