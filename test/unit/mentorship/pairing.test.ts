import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { db, type IdentityRow } from '@core/database/db.ts'
import { createSpace } from '@core/spaces/commands.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { journalOf, PAIR_DOC_KEY, programDoc, programOf, type Program } from '@features/mentorship/store/docs.ts'
import { readPairInfo } from '@features/mentorship/store/pair.ts'
import { endPairing, handOverPair } from '@features/mentorship/store/pairing.ts'
import { upsertSelf } from '@core/spaces/spaceDoc.ts'
import { POOL_PAIRS, recordPoolPair } from '@features/mentorship/store/pool.ts'
import { collection } from '@core/collections/index.ts'

/** Ending a pairing (store/pairing.ts): the journal says so, and every org pool on this device learns it. */
const me: IdentityRow = { id: 'me', deviceId: 'device-a', name: 'Daria', color: '#3366cc' }

beforeEach(async () => {
  vi.spyOn(console, 'debug').mockImplementation(() => {})
  await db().open()
})

afterEach(async () => {
  await Promise.all(db().tables.map((t) => t.clear()))
  vi.restoreAllMocks()
})

/** Runs `f` on an org's program with its root document loaded, and lets y-dexie store what it wrote. */
async function onProgram<T>(orgId: string, f: (program: Program) => T): Promise<T> {
  const doc = (await db().spaces.get(orgId))!.doc
  const provider = DexieYProvider.load(doc)
  await provider.whenLoaded
  try {
    return f(programOf(doc, orgId))
  } finally {
    await new Promise((r) => setTimeout(r, 50))
    DexieYProvider.release(doc)
  }
}

const poolPair = (spaceId: string) => ({ aProfileId: 'p1', bProfileId: 'p2', aName: 'Daria', bName: 'Bruce', spaceId, startedAt: 1 })

describe('ending a pairing', () => {
  it('marks the pair ended in its journal and in every org pool here, and leaves other pairs running', async () => {
    const orgA = await createSpace('Acme', 'org', me)
    const orgB = await createSpace('Acme labs', 'org', me)
    const team = await createSpace('Team', 'team', me)
    const PAIR = 'pair-space'
    await onProgram(orgA, (p) => {
      recordPoolPair(p, poolPair(PAIR))
      recordPoolPair(p, poolPair('other-pair'))
    })
    await onProgram(orgB, (p) => recordPoolPair(p, poolPair(PAIR)))

    const doc = new Y.Doc()
    const journal = journalOf({ docId: `${PAIR}/${PAIR_DOC_KEY}`, doc, awareness: new Awareness(doc) } as unknown as DocLink, PAIR)
    await endPairing(journal, 'Daria')

    const info = readPairInfo(journal)
    expect(info.endedBy).toBe('Daria')
    expect(info.endedAt).toEqual(expect.any(Number))
    const ended = async (orgId: string) =>
      onProgram(orgId, (p) => Object.fromEntries(collection(programDoc(p), POOL_PAIRS).list().map((x) => [x.spaceId, x.endedAt])))
    expect(await ended(orgA)).toEqual({ [PAIR]: info.endedAt, 'other-pair': null })
    expect(await ended(orgB)).toEqual({ [PAIR]: info.endedAt })
    // a team space has no pool: nothing is written there
    const teamDoc = (await db().spaces.get(team))!.doc
    await DexieYProvider.load(teamDoc).whenLoaded
    expect([...teamDoc.share.keys()].filter((k) => k.startsWith('pairs::'))).toEqual([])
    DexieYProvider.release(teamDoc)
  })
})

describe('handing an admin-started pair over (issue 15 #1)', () => {
  it('is refused while nobody else is in the pair space, and then leaves and deletes this device\'s copy', async () => {
    const pair = await createSpace('Daria & Bruce', 'pair', me)
    await expect(handOverPair(pair, me)).rejects.toThrow(/Nobody else has joined/)
    expect(await db().spaces.get(pair)).toBeDefined()
    // Daria joins the pair space (her member entry arrives)
    const doc = (await db().spaces.get(pair))!.doc
    const provider = DexieYProvider.load(doc)
    await provider.whenLoaded
    upsertSelf(doc, { id: 'device-daria', name: 'Daria', color: '#aa3366' }, Date.now())
    await new Promise((r) => setTimeout(r, 50))
    DexieYProvider.release(doc)
    await handOverPair(pair, { ...me, deviceId: 'device-admin', name: 'Ada' })
    expect(await db().spaces.get(pair)).toBeUndefined()
  })
})
