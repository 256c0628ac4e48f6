import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { explainPair, type PairSuggestion } from '@shared/mentorship/matching.ts'
import { PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { keptStart, mergedFlow, mergedInfo, startClashes } from '@shared/mentorship/pairStarts.ts'
import { EMPTY_PAIR_FLOW, EMPTY_PAIR_INFO } from '@shared/mentorship/pairRecords.ts'
import { collection } from '@core/collections/index.ts'
import { db, type IdentityRow } from '@core/database/db.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { readPairInfo } from '@features/mentorship/store/pair.ts'
import { writePairStart } from '@features/mentorship/store/pairing.ts'
import { convergeStartedPairs, mergeJournalInto, type OpenJournals } from '@features/mentorship/store/pairMerge.ts'
import { readPairStarts, recordPairStart, settlePairStarts } from '@features/mentorship/store/pairStarts.ts'
import { markPoolPairStarted, POOL_PAIRS, readPoolPair, suggestPoolPair } from '@features/mentorship/store/pool.ts'
import { addSession, readSessions, sessionNotes } from '@features/mentorship/store/sessions.ts'
import { readTracks } from '@features/mentorship/store/tracks.ts'
import { patchPairFlow } from '@features/mentorship/store/pair.ts'
import { PAIR_FLOW, FLOW } from '@features/mentorship/store/lists.ts'
import { savePrivateNote } from '@features/mentorship/store/privateNotes.ts'

/**
 * Two people accept the same suggested pair at the same moment while apart (issue 15 #1): each
 * device creates a pair space. These tests reproduce the race on real Yjs documents and check that
 * both devices end in one space, with everything either wrote.
 */

const daria = PoolProfile.parse({ name: 'Daria Petrova', dept: 'Platform', hobbies: [], favoriteResources: [], beAMentor: ['Kubernetes operations'], seekAMentor: ['Public speaking'], ownerId: 'member-daria' })
const bruce = PoolProfile.parse({ name: 'Bruce Wu', dept: 'Web', hobbies: [], favoriteResources: [], beAMentor: ['Public speaking at conferences'], seekAMentor: ['Kubernetes in production'], ownerId: 'member-bruce' })
const suggestion: PairSuggestion = explainPair('p-daria', 'p-bruce', [
  { id: 'p-daria', profile: daria },
  { id: 'p-bruce', profile: bruce }
])!

/** Sends everything each document has that the other lacks, both ways (two devices meeting). */
function meet(x: Y.Doc, y: Y.Doc): void {
  Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)))
  Y.applyUpdate(x, Y.encodeStateAsUpdate(y, Y.encodeStateVector(x)))
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** A new pair journal as startPair writes it on one device. */
function startedJournal(): Y.Doc {
  const doc = new Y.Doc()
  writePairStart(doc, { name: 'Daria & Bruce', suggestion, a: daria, b: bruce, trackerBaseUrl: '', today: '2026-11-20' })
  return doc
}

const notesText = (doc: Y.Doc, sessionId: string) => sessionNotes(doc, sessionId).toString()

/** Both accept while apart: each org copy gets its own start. Returns the pair record id. */
function acceptBothApart(orgA: Y.Doc, orgB: Y.Doc, spaceA: string, spaceB: string): string {
  const input = { aProfileId: 'p-daria', bProfileId: 'p-bruce', aName: 'Daria Petrova', bName: 'Bruce Wu', by: 'Ada' }
  const pairId = suggestPoolPair(orgA, input)
  meet(orgA, orgB)
  markPoolPairStarted(orgA, pairId, spaceA, 1000)
  recordPairStart(orgA, { pairId, spaceId: spaceA, startedAt: 1000, byProfileId: 'p-daria' })
  markPoolPairStarted(orgB, pairId, spaceB, 2000)
  recordPairStart(orgB, { pairId, spaceId: spaceB, startedAt: 2000, byProfileId: 'p-bruce' })
  return pairId
}

describe('the org learns of both acceptances and every device picks the same space', () => {
  it('keeps both starts through the merge and points the pair at the smaller space id on both devices', () => {
    const orgA = new Y.Doc()
    const orgB = new Y.Doc()
    const pairId = acceptBothApart(orgA, orgB, 'space-zz', 'space-aa')
    meet(orgA, orgB)
    // both acceptances survive: two records, whichever spaceId the pair record's field kept
    expect(readPairStarts(orgA).map((s) => s.spaceId).sort()).toEqual(['space-aa', 'space-zz'])
    expect(startClashes(readPairStarts(orgB))).toEqual([{ pairId, kept: 'space-aa', others: ['space-zz'], startedAt: 1000 }])
    // each device settles on its own, then they meet again
    settlePairStarts(orgA)
    settlePairStarts(orgB)
    meet(orgA, orgB)
    for (const org of [orgA, orgB]) expect(readPoolPair(org, pairId)).toMatchObject({ spaceId: 'space-aa', startedAt: 1000 })
    expect(orgA.toJSON()).toEqual(orgB.toJSON())
    // settling again writes nothing
    const before = Y.encodeStateVector(orgA)
    settlePairStarts(orgA)
    expect(Y.encodeStateVector(orgA)).toEqual(before)
  })

  it('a malformed start from a peer is skipped', () => {
    const org = new Y.Doc()
    org.getMap('pairStarts::junk').set('pairId', 'p')
    org.getMap('pairStarts::junk').set('spaceId', 42)
    expect(readPairStarts(org)).toEqual([])
  })
})

describe('the rules of a merge', () => {
  it('keeps the smallest space id, whatever order the starts arrive in', () => {
    const starts = [{ spaceId: 'm' }, { spaceId: 'b' }, { spaceId: 'x' }]
    expect(keptStart(starts)?.spaceId).toBe('b')
    expect(keptStart([...starts].reverse())?.spaceId).toBe('b')
    expect(keptStart([])).toBeNull()
  })

  it('a step done in either journal is done; the intro held on the earlier day', () => {
    const kept = { ...EMPTY_PAIR_FLOW, fitDone: true, introHeldOn: '2026-11-23' }
    const other = { ...EMPTY_PAIR_FLOW, introDone: true, introHeldOn: '2026-11-21' }
    expect(mergedFlow(kept, other)).toMatchObject({ introDone: true, fitDone: true, planDone: false, introHeldOn: '2026-11-21' })
  })

  it('the header keeps the kept values and takes from the other only what the kept one leaves unset', () => {
    const kept = { ...EMPTY_PAIR_INFO, cadence: 'weekly' as const, firstDiscussed: '2026-11-20', nextSession: '2026-12-01' }
    const other = { ...EMPTY_PAIR_INFO, cadence: 'biweekly' as const, firstDiscussed: '2026-11-19', nextSession: '2026-12-05', nextSessionAgenda: 'Talk outline' }
    expect(mergedInfo(kept, other)).toEqual({ firstDiscussed: '2026-11-19', nextSessionAgenda: 'Talk outline' })
    expect(mergedInfo({ ...kept, cadence: 'monthly' }, other)).toMatchObject({ cadence: 'biweekly' })
  })
})

describe('the two journals merge into the kept one', () => {
  it('whatever either wrote in their own space reaches the kept space on both devices, with no direction twice', () => {
    // Daria's device created X (kept), Bruce's created Y; each wrote in their own while apart
    const xOnDaria = startedJournal()
    const yOnBruce = startedJournal()
    const s1 = addSession(xOnDaria, { title: 'Intro', date: '2026-11-21', durationMinutes: 60 })
    sessionNotes(xOnDaria, s1).insert(0, [new Y.XmlText('Daria: we met and talked about Kubernetes')])
    const s2 = addSession(yOnBruce, { title: 'First talk', date: '2026-11-22', durationMinutes: 45 })
    sessionNotes(yOnBruce, s2).insert(0, [new Y.XmlText('Bruce: conference talk outline')])
    patchPairFlow(yOnBruce, { introDone: true, introHeldOn: '2026-11-22' })

    // Bruce joins X with Daria's invite: his device gets X and merges his Y into it
    const xOnBruce = copyOf(xOnDaria)
    mergeJournalInto(xOnBruce, yOnBruce)
    // Daria had also joined Y with Bruce's invite (an older copy of it): her device merges too
    const yOnDaria = startedJournal()
    Y.applyUpdate(yOnDaria, Y.encodeStateAsUpdate(yOnBruce))
    mergeJournalInto(xOnDaria, yOnDaria)
    // the two devices sync the kept space
    meet(xOnDaria, xOnBruce)

    // the same updates on both devices, so the same journal
    const sv = (d: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(d))].sort()
    expect(sv(xOnDaria)).toEqual(sv(xOnBruce))
    const journal = (d: Y.Doc) => JSON.stringify([readPairInfo(d), collection(d, PAIR_FLOW).get(FLOW), readSessions(d), readTracks(d), notesText(d, s1), notesText(d, s2)])
    expect(journal(xOnDaria)).toEqual(journal(xOnBruce))
    for (const x of [xOnDaria, xOnBruce]) {
      expect(readSessions(x).map((s) => s.title).sort()).toEqual(['First talk', 'Intro'])
      expect(notesText(x, s1)).toContain('Daria: we met')
      expect(notesText(x, s2)).toContain('Bruce: conference talk outline')
      expect(readTracks(x).map((t) => `${t.mentorName} → ${t.menteeName}`)).toEqual(['Daria Petrova → Bruce Wu', 'Bruce Wu → Daria Petrova'])
      expect(collection(x, PAIR_FLOW).get(FLOW)).toMatchObject({ introDone: true, introHeldOn: '2026-11-22' })
      expect(readPairInfo(x).participants.map((p) => p.name)).toEqual(['Daria Petrova', 'Bruce Wu'])
    }
    // merging again (a later pass, the same state) changes nothing
    const before = Y.encodeStateVector(xOnBruce)
    mergeJournalInto(xOnBruce, yOnBruce)
    expect(Y.encodeStateVector(xOnBruce)).toEqual(before)
  })
})

describe('a merge into a kept journal that has not arrived yet', () => {
  // which of two concurrent writes wins goes by the documents' random client ids: try many
  it.each(Array.from({ length: 16 }, (_, i) => i))('leaves the header to the journals themselves: the kept one, arriving later, is not blanked (%i)', () => {
    const xOnDaria = startedJournal()
    const yOnBruce = startedJournal()
    addSession(yOnBruce, { title: 'Bruce while apart', date: '2026-11-22', durationMinutes: 45 })
    // Bruce has just joined X: his copy of its journal is still empty when his device merges
    const xOnBruce = new Y.Doc()
    mergeJournalInto(xOnBruce, yOnBruce)
    meet(xOnDaria, xOnBruce)
    for (const x of [xOnDaria, xOnBruce]) {
      expect(readPairInfo(x).title).toBe('Daria & Bruce')
      expect(readPairInfo(x).participants.map((p) => p.name)).toEqual(['Daria Petrova', 'Bruce Wu'])
      expect(readSessions(x).map((s) => s.title)).toEqual(['Bruce while apart'])
      expect(readTracks(x)).toHaveLength(2)
    }
  })
})

describe('on a device (IndexedDB): converging pairs started twice', () => {
  const me: IdentityRow = { id: 'me', deviceId: 'member-bruce', name: 'Bruce Wu', color: '#3366cc' }

  beforeEach(async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {})
    await db().open()
  })
  afterEach(async () => {
    await Promise.all(db().tables.map((t) => t.clear()))
    vi.restoreAllMocks()
  })

  async function onOrg<T>(orgId: string, f: (doc: Y.Doc) => T): Promise<T> {
    const doc = (await db().spaces.get(orgId))!.doc
    const provider = DexieYProvider.load(doc)
    await provider.whenLoaded
    try {
      return f(doc)
    } finally {
      await new Promise((r) => setTimeout(r, 50))
      DexieYProvider.release(doc)
    }
  }

  /** journals as plain documents, one per space (the app opens them through the sync manager) */
  function journalsIn(docs: Map<string, Y.Doc>): OpenJournals {
    return async (kept, other, f) => {
      f(docs.get(kept)!, docs.get(other)!)
    }
  }

  it('a device holding both spaces merges the other into the kept one, moves its private notes and deletes it', async () => {
    const org = await createSpace('Acme', 'org', me)
    const one = await createSpace('Daria & Bruce', 'pair', me)
    const two = await createSpace('Daria & Bruce', 'pair', me)
    const [kept, other] = one < two ? [one, two] : [two, one]
    const pairId = await onOrg(org, (doc) => {
      const id = suggestPoolPair(doc, { aProfileId: 'p-daria', bProfileId: 'p-bruce', aName: 'Daria Petrova', bName: 'Bruce Wu', by: 'Ada' })
      markPoolPairStarted(doc, id, other, 5)
      recordPairStart(doc, { pairId: id, spaceId: other, startedAt: 5, byProfileId: 'p-bruce' })
      recordPairStart(doc, { pairId: id, spaceId: kept, startedAt: 7, byProfileId: 'p-daria' })
      return id
    })
    const journals = new Map([
      [kept, startedJournal()],
      [other, startedJournal()]
    ])
    const written = addSession(journals.get(other)!, { title: 'Written in the other space', date: '2026-11-22', durationMinutes: 30 })
    await savePrivateNote(other, 'notes', 'My private thought')

    const notices = await convergeStartedPairs(me, journalsIn(journals))

    expect(readSessions(journals.get(kept)!).map((s) => s.id)).toContain(written)
    expect(await db().spaces.get(other)).toBeUndefined()
    expect(await db().spaces.get(kept)).toBeDefined()
    expect((await db().privateNotes.get(`${kept}/notes`))?.text).toBe('My private thought')
    expect(notices.get(kept)).toMatchObject({ role: 'kept', partnerHere: false })
    expect(await onOrg(org, (doc) => collection(doc, POOL_PAIRS).get(pairId)?.spaceId)).toBe(kept)
  })

  it('a device holding only the space not kept keeps it and is told to join the kept one', async () => {
    const org = await createSpace('Acme', 'org', me)
    const mine = await createSpace('Daria & Bruce', 'pair', me)
    // Daria's space id sorts first: hers is kept
    const hers = '0000-daria-space'
    await onOrg(org, (doc) => {
      const id = suggestPoolPair(doc, { aProfileId: 'p-daria', bProfileId: 'p-bruce', aName: 'Daria Petrova', bName: 'Bruce Wu', by: 'Ada' })
      recordPairStart(doc, { pairId: id, spaceId: mine, startedAt: 5, byProfileId: 'p-bruce' })
      recordPairStart(doc, { pairId: id, spaceId: hers, startedAt: 6, byProfileId: 'p-daria' })
    })
    const notices = await convergeStartedPairs(me, journalsIn(new Map()))
    expect(await db().spaces.get(mine)).toBeDefined()
    expect(notices.get(mine)).toMatchObject({ role: 'other', kept: hers, pairName: 'Daria Petrova & Bruce Wu' })
  })
})

