import assert from 'node:assert/strict'
import { kase, type CorpusCase, type CorpusCollection, type PeerRecordInput, type PeerRecordResult } from '../harness.ts'

/**
 * Records a careless or hostile peer writes into a shared document, read through the collection
 * layer as the screens read them (renderer/src/core/collections), and a space's root document
 * (core/spaces/spaceDoc.ts): each ends with the honest records readable and the junk skipped.
 */
const MB = 'x'.repeat(1024 * 1024)
const card = { columnId: 'went-well', text: 'Pairing helped', createdAt: 1_800_000_000_000 }
const honestOf: Partial<Record<CorpusCollection, Record<string, unknown>>> = {
  cards: card,
  thoughts: { trackId: 't1', text: 'Read the design doc' },
  people: { role: 'team-member', workStart: '09:00', workEnd: '17:00' },
  opportunities: { text: 'CI is flaky', authorId: 'm1', authorName: 'Ana', date: '2026-03-04', createdAt: 1, source: 'syncup' },
  syncup: { date: '2026-03-04', memberId: 'm1', yesterday: 'a', today: 'b', blockers: '', updatedAt: 1 },
  teams: { name: 'Platform' },
  pool: { name: 'Ada', dept: 'engg', hobbies: [], favoriteResources: [], beAMentor: ['Rust'], seekAMentor: ['React'], importedFrom: null, addedAt: 1 },
  plan: { key: 'ENG-1', title: 'Do it', url: '', assignees: [] },
  okrs: { mentee: 'Ada', quarter: '2026-Q3', objective: 'Ship', keyResults: [], checkIns: [], createdAt: 1 },
  trackTickets: { trackId: 't1', key: 'ENG-1', url: null },
  feedback: { author: 'Ada', usefulness: 4, worked: 'Clear agendas', change: '', recommend: 'yes', share: { usefulness: true, worked: false, change: false, recommend: true }, updatedAt: 1 },
  pairFeedback: { spaceId: 'pair-1', usefulness: 4, worked: null, change: null, recommend: 'yes', sharedAt: 1 },
  pairStarts: { pairId: 'pair:a:b', spaceId: 'space-1', startedAt: 1, byProfileId: 'a' },
  profileNotes: { profileId: 'p1', authorId: 'm1', authorName: 'Bo', kind: 'suggestion', text: 'You ran it', change: { field: 'beAMentor', value: 'Kafka' }, createdAt: 1 },
  anything: { a: 1 }
}
/** The peer writes `fields` under `id`; the honest record of the collection stays as it was. */
const hostile = (collection: CorpusCollection, id: string, fields: Record<string, unknown>, extra: Partial<PeerRecordInput> = {}): PeerRecordInput => ({
  collection,
  honest: { id: 'honest', fields: honestOf[collection]! },
  writes: [{ id, fields }],
  ...extra
})
const honestKept = (v: PeerRecordResult) => assert.ok(v.honest !== null && v.ids.includes('honest'), `honest record lost: ${JSON.stringify(v.ids)}`)
/** The junk is not read, and it is counted. */
const skipped = (v: PeerRecordResult) => {
  honestKept(v)
  assert.deepEqual(v.ids, ['honest'])
  assert.ok(v.skipped >= 1, 'not counted')
}
/** Read, but only as its schema allows. */
const readAs = (id: string, want: Record<string, unknown>) => (v: PeerRecordResult) => {
  honestKept(v)
  const r = v.records.find((x) => x.id === id)
  assert.ok(r, `${id} not read`)
  for (const [k, x] of Object.entries(want)) assert.deepEqual(r[k], x, k)
}
const peer = (name: string, input: PeerRecordInput, check: (v: PeerRecordResult) => void) => kase('peerRecord', name, input, 'value', check)

export const peerRecordCases: CorpusCase[] = [
  peer('a 1 MB card text', hostile('cards', 'c1', { ...card, text: MB }), skipped),
  peer('a card without a column', hostile('cards', 'c1', { text: 'x', createdAt: 1 }), skipped),
  peer('a card with a negative date', hostile('cards', 'c1', { ...card, createdAt: -1 }), skipped),
  peer('a card whose author id is 1 MB', hostile('cards', 'c1', { ...card, authorId: MB }), skipped),
  peer('a card of 100 fields', hostile('cards', 'c1', { ...card, ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, i])) }), skipped),
  peer('a card with a field nested 50 deep', hostile('cards', 'c1', { ...card, source: JSON.parse('{"a":'.repeat(50) + '1' + '}'.repeat(50)) as unknown }), skipped),
  peer('a card with an array of 300 000 items', hostile('cards', 'c1', { ...card, groupId: Array.from({ length: 300_000 }, () => 0) }), skipped),
  peer('a card under the id __proto__', hostile('cards', '__proto__', card), skipped),
  peer('a card under the id constructor', hostile('cards', 'constructor', card), skipped),
  peer('a card under an id of 10 000 characters', hostile('cards', 'i'.repeat(10_000), card), skipped),
  peer('a __proto__ field carrying a tombstone onto the honest card', { collection: 'cards', honest: { id: 'honest', fields: card }, writes: [{ id: 'honest', fields: JSON.parse('{"__proto__": {"__deleted": true, "text": "forged"}}') as Record<string, unknown> }] }, (v) => {
    honestKept(v)
    assert.equal((v.honest as { text: string }).text, 'Pairing helped')
  }),
  peer('constructor and toString fields are dropped', hostile('cards', 'c1', { ...card, constructor: 'x', toString: 'y' }), (v) => {
    readAs('c1', { text: 'Pairing helped' })(v)
    const r = v.records.find((x) => x.id === 'c1')!
    assert.ok(!Object.hasOwn(r, 'constructor') && !Object.hasOwn(r, 'toString'))
  }),
  peer('a nested __proto__ does not reach the schema', hostile('anything', 'a1', { v: JSON.parse('{"__proto__":{"admin":true},"ok":1}') as unknown }), readAs('a1', { v: { ok: 1 } })),
  peer('a Uint8Array where text belongs', hostile('cards', 'c1', { ...card, text: new Uint8Array([1, 2, 3]) }), skipped),
  peer('a board with 1 000 columns', hostile('boards', 'b1', { teamId: 't', teamName: 'T', sprint: 1, createdAt: 1, createdBy: 'm', layout: { templateId: 'custom', columns: Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, title: `C${i}`, prompt: '', colour: 'green' })), inboxColumnId: 'c0' }, flow: { phase: 'write', step: 0, facilitatorId: 'm', changedBy: 'm', changedAt: 1 } }), (v) => assert.deepEqual(v.ids, [])),
  peer('a thought of 20 001 characters', hostile('thoughts', 'th1', { trackId: 't1', text: 'x'.repeat(20_001), order: 'a1' }), skipped),
  peer('a thought of 6 000 delimiters is read (rendering is bounded, not the record)', hostile('thoughts', 'th1', { trackId: 't1', text: '*_'.repeat(3000), order: 'a1' }), readAs('th1', { text: '*_'.repeat(3000) })),
  peer('a ticket key of 1 MB', hostile('trackTickets', 'k1', { trackId: 't1', key: 'A'.repeat(1024 * 1024) + '-1', url: null, order: 'a1' }), skipped),
  peer('a ticket with a javascript: url keeps the url as data only', hostile('trackTickets', 'k1', { trackId: 't1', key: 'ENG-2', url: 'javascript:alert(1)', order: 'a1' }), readAs('k1', { key: 'ENG-2' })),
  peer('an OKR with 100 000 check-ins', hostile('okrs', 'o1', { mentee: 'A', quarter: '2026-Q3', objective: 'x', keyResults: [], checkIns: Array.from({ length: 100_000 }, () => ({})), createdAt: 1 }), skipped),
  peer('a quarter of 1 MB', hostile('okrs', 'o1', { mentee: 'A', quarter: MB, objective: 'x', keyResults: [], checkIns: [], createdAt: 1 }), skipped),
  peer('a pool profile with a NUL in the name', hostile('pool', 'p1', { ...honestOf.pool, name: 'Ada\u0000' }), skipped),
  peer('feedback rated 11 of 5', hostile('feedback', 'm2', { ...honestOf.feedback, usefulness: 11 }), skipped),
  peer('feedback whose answer is 1 MB', hostile('feedback', 'm2', { ...honestOf.feedback, worked: MB }), skipped),
  peer('feedback whose shares are not yes or no', hostile('feedback', 'm2', { ...honestOf.feedback, share: { usefulness: 'yes' } }), skipped),
  peer('shared feedback with a recommendation that is none', hostile('pairFeedback', 'f2', { ...honestOf.pairFeedback, recommend: 'definitely' }), skipped),
  peer('shared feedback naming no pair', hostile('pairFeedback', 'f2', { ...honestOf.pairFeedback, spaceId: '' }), skipped),
  peer('a pair start with no space', hostile('pairStarts', 's2', { pairId: 'pair:a:b', startedAt: 1, byProfileId: 'b' }), skipped),
  peer('a pair start whose space id is 1 MB', hostile('pairStarts', 's2', { ...honestOf.pairStarts, spaceId: MB }), skipped),
  peer('a profile comment of 1 MB', hostile('profileNotes', 'n2', { ...honestOf.profileNotes, text: MB }), skipped),
  peer('a profile suggestion that would change the name', hostile('profileNotes', 'n2', { ...honestOf.profileNotes, change: { field: 'name', value: 'Mallory' } }), skipped),
  peer('a profile note with no author', hostile('profileNotes', 'n2', { ...honestOf.profileNotes, authorId: '' }), skipped),
  peer('a profile note with an answer that is none reads as open', hostile('profileNotes', 'n2', { ...honestOf.profileNotes, resolution: 'accepted' }), readAs('n2', { resolution: null })),
  peer('a pool profile with 10 000 items', hostile('pool', 'p1', { ...honestOf.pool, beAMentor: Array.from({ length: 10_000 }, (_, i) => `item ${i}`) }), skipped),
  peer('a person with a time zone of 1 000 characters falls back to none', hostile('people', 'm2', { timezone: 'Europe/'.repeat(150) }), readAs('m2', { timezone: undefined, role: 'team-member' })),
  peer('a person record of 1 MB is skipped (past the record bound)', hostile('people', 'm2', { timezone: MB }), skipped),
  peer('a person with a role that is none falls back to the default', hostile('people', 'm2', { role: 'admin', workStart: '25:99' }), readAs('m2', { role: 'team-member', workStart: '09:00' })),
  peer('a team name of 201 characters reads as no name', hostile('teams', 't2', { name: 'n'.repeat(201) }), readAs('t2', { name: '' })),
  peer('a team record of 1 MB is skipped', hostile('teams', 't2', { name: MB }), skipped),
  peer('a plan ticket with 100 000 assignees loses them', hostile('plan', 'p2', { key: 'ENG-2', title: 't', url: '', assignees: Array.from({ length: 100_000 }, (_, i) => `m${i}`), order: 'a1' }), skipped),
  peer('a sync-up answer of 20 001 characters reads as empty', hostile('syncup', 's2', { ...honestOf.syncup, today: 'x'.repeat(20_001) }), readAs('s2', { today: '' })),
  peer('a sync-up entry of 1 MB is skipped', hostile('syncup', 's2', { ...honestOf.syncup, today: MB }), skipped),
  peer('an opportunity of 1 MB', hostile('opportunities', 'o2', { ...honestOf.opportunities, text: MB }), skipped),
  peer('an opportunity whose author name is 201 characters keeps no name', hostile('opportunities', 'o2', { ...honestOf.opportunities, authorName: 'a'.repeat(201) }), readAs('o2', { authorName: '' })),
  peer('5 000 junk root keys of no collection', hostile('cards', 'c1', card, { junkKeys: 5000 }), (v) => {
    honestKept(v)
    assert.equal(v.foreignRecords, 5000)
  }),
  peer('a tombstone on the honest card hides it (restoring takes a create)', { collection: 'cards', honest: { id: 'honest', fields: card }, writes: [{ id: 'honest', fields: { __deleted: true } }] }, (v) => assert.deepEqual(v.ids, [])),

  kase('spaceDoc', 'a 1 MB space name falls back to the last name seen', { meta: { name: MB } }, 'value', (v: { meta: { name: string } }) => assert.equal(v.meta.name, 'Last seen name')),
  kase('spaceDoc', 'a 1 MB description reads as none', { meta: { name: 'Platform', description: MB } }, 'value', (v: { meta: { name: string; description: string } }) => assert.deepEqual([v.meta.name, v.meta.description], ['Platform', ''])),
  kase('spaceDoc', 'a kind that is none', { meta: { name: 'P', kind: '__proto__' } }, 'value', (v: { meta: { kind: unknown } }) => assert.equal(v.meta.kind, null)),
  kase('spaceDoc', 'a name that is an object', { meta: { name: { toString: 'x' } } }, 'value', (v: { meta: { name: string } }) => assert.equal(v.meta.name, 'Last seen name')),
  kase('spaceDoc', 'a member name of 1 MB', { members: { m1: { id: 'm1', name: MB, color: '#123456', joinedAt: 1, lastSeenAt: 1 } } }, 'value', (v: { members: unknown[] }) => assert.deepEqual(v.members, [])),
  kase('spaceDoc', 'a member entry under another member’s id', { members: { m1: { id: 'm2', name: 'Not m1', color: '#123456', joinedAt: 1, lastSeenAt: 1 } } }, 'value', (v: { members: unknown[] }) => assert.deepEqual(v.members, [])),
  kase('spaceDoc', 'a member under __proto__', { members: JSON.parse('{"__proto__": {"id": "__proto__", "name": "P", "color": "#123456", "joinedAt": 1, "lastSeenAt": 1}}') as Record<string, unknown> }, 'value', (v: { members: unknown[] }) => assert.deepEqual(v.members, [])),
  kase('spaceDoc', 'a member colour that is a script', { members: { m1: { id: 'm1', name: 'A', color: 'red;background:url(javascript:alert(1))', joinedAt: 1, lastSeenAt: 1 } } }, 'value', (v: { members: unknown[] }) => assert.deepEqual(v.members, [])),
  kase('spaceDoc', 'an honest member among 1 000 junk entries', { members: { m1: { id: 'm1', name: 'Ana', color: '#123456', joinedAt: 1, lastSeenAt: 1 }, ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`j${i}`, i])) } }, 'value', (v: { members: { name: string }[] }) => assert.deepEqual(v.members.map((m) => m.name), ['Ana']))
]
