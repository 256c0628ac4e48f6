import { describe, expect, it } from 'vitest'
import { ADA as ADA_ROW, useFreshDatabase } from '../fixtures/database.ts'
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { z } from 'zod'
import { newBoard } from '@shared/retro/board.ts'
import { newCard } from '@shared/retro/cards.ts'
import { listArchive } from '@shared/backup/archive.ts'
import { collection, defineCollection, resealOwnRecords, SEAL_FIELD, setSigner } from '@core/collections/index.ts'
import { recordScope } from '@core/collections/signing.ts'
import { db } from '@core/database/db.ts'
import { bindDocument, documentIdentity, identityOf } from '@core/documents/index.ts'
import { ensureDocRow } from '@core/documents/rows.ts'
import { createSpace, deleteLocalCopy } from '@core/spaces/commands.ts'
import { seal, signedText, verifySealNow } from '@shared/identity/signing.ts'
import { ed25519 } from '@noble/curves/ed25519.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { base64urlnopad } from '@scure/base'
import { exportSpaces, openBackup, restoreBackup } from '@features/backup/store/backup.ts'
import { mergeJournalInto } from '@features/mentorship/store/pairMerge.ts'
import { BOARDS, CARDS } from '@features/retro/store/collections.ts'
import { writeCard } from '@features/retro/store/cards.ts'
import { as, person, settle, sync, useNoSignerBetweenTests } from '../fixtures/people.ts'

/**
 * A seal covers the record's document (issue 10 #15: core/documents/identity.ts, signing.ts): a
 * sealed record copied into another document — another sprint's board of the same space, or
 * another space — is forged there, while every way the app legitimately moves records (another
 * peer's copy of the same document, a backup's export and restore, a pair's two journals merged,
 * copies for observers) keeps them readable. Real stored documents (y-dexie on fake-indexeddb).
 */
const ada = person()
const ben = person()
useFreshDatabase()
useNoSignerBetweenTests()

const Note = z.object({ text: z.string().max(200), authorId: z.string().optional() })
const notes = defineCollection({ name: 'scopeNotes', schema: Note, signed: { by: 'authorId', fields: ['text', 'authorId'] } })

/** Loads a stored document for the test (released at the end of `f`). */
async function loaded<T>(doc: Y.Doc, f: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const provider = DexieYProvider.load(doc)
  await provider.whenLoaded
  try {
    return await f(doc)
  } finally {
    DexieYProvider.release(doc)
  }
}

const stored = async (spaceId: string, key: string) => (await ensureDocRow(spaceId, key)).doc
const rootOf = async (spaceId: string) => (await db().spaces.get(spaceId))!.doc

/** Every key of a record's map copied as a hostile member would (any byte of any document). */
function copyRecord(from: Y.Doc, to: Y.Doc, name: string): void {
  const source = from.getMap<unknown>(name)
  const target = to.getMap<unknown>(name)
  to.transact(() => {
    for (const [k, v] of source.entries()) target.set(k, v)
  })
}

const adasCard = (id: string, text: string) => newCard({ id, columnId: 'went-well', text, authorId: ada.deviceId, createdAt: 1 }, { anonymous: false })

describe('which document a stored document is', () => {
  it('a root document is its space, another document its space and key; copies for observers are the document they copy', async () => {
    const team = await createSpace('Platform', 'team', ADA_ROW)
    expect(identityOf(await rootOf(team))).toBe(team)
    expect(identityOf(await stored(team, 'sprint/3'))).toBe(`${team}/sprint/3`)
    expect(identityOf(await stored(team, '~observe/sprint/3'))).toBe(`${team}/sprint/3`)
    expect(identityOf(await stored(team, '~observe/root'))).toBe(team)
    expect(identityOf(new Y.Doc())).toBeNull()
    expect(documentIdentity(team, null)).toBe(team)
  })
})

describe("a sealed card copied between documents (FIXED: the seal covers the card's document)", () => {
  it("Ada's card copied from sprint 3's board into sprint 4's does not read there; in sprint 3 it reads, on every peer", async () => {
    const team = await createSpace('Platform', 'team', ADA_ROW)
    const sprint3 = await stored(team, 'sprint/3')
    const sprint4 = await stored(team, 'sprint/4')
    await loaded(sprint3, () => loaded(sprint4, async () => {
      as(ada, () => writeCard(sprint3, adasCard('x', 'I will not be here next sprint')))
      copyRecord(sprint3, sprint4, 'cards::x')
      expect(collection(sprint4, CARDS).get('x')).toBeNull() // being checked
      await settle()
      expect(collection(sprint3, CARDS).get('x')?.authorId).toBe(ada.deviceId)
      expect(collection(sprint4, CARDS).get('x')).toBeNull()
      expect(collection(sprint4, CARDS).stats.forged).toBe(1)
      // Ben's copy of sprint 3 (the same document on another device) reads it
      const bens3 = new Y.Doc()
      bindDocument(bens3, `${team}/sprint/3`)
      sync(sprint3, bens3)
      await settle()
      expect(collection(bens3, CARDS).get('x')?.text).toBe('I will not be here next sprint')
    }))
  })

  it("Ada's card copied into another space's board of the same sprint does not read there", async () => {
    const platform = await createSpace('Platform', 'team', ADA_ROW)
    const web = await createSpace('Web', 'team', ADA_ROW)
    const here = await stored(platform, 'sprint/3')
    const there = await stored(web, 'sprint/3')
    await loaded(here, () => loaded(there, async () => {
      as(ada, () => writeCard(here, adasCard('x', 'Our deploys are fine')))
      copyRecord(here, there, 'cards::x')
      await settle()
      expect(collection(here, CARDS).get('x')).not.toBeNull()
      expect(collection(there, CARDS).get('x')).toBeNull()
    }))
  })

  it("a record copied from a space's root document into one of its other documents (or back) does not read", async () => {
    const team = await createSpace('Platform', 'team', ADA_ROW)
    const root = await rootOf(team)
    const other = await stored(team, 'journal')
    await loaded(root, () => loaded(other, async () => {
      as(ada, () => collection(root, notes).create({ text: 'root note', authorId: ada.deviceId }, { id: 'n' }))
      copyRecord(root, other, 'scopeNotes::n')
      await settle()
      expect(collection(root, notes).get('n')).not.toBeNull()
      expect(collection(other, notes).get('n')).toBeNull()
    }))
  })

  it("Ada's record copied into the copy for observers of its document reads there (the same document)", async () => {
    const team = await createSpace('Platform', 'team', ADA_ROW)
    const source = await stored(team, 'sprint/3')
    const mirror = await stored(team, '~observe/sprint/3')
    await loaded(source, () => loaded(mirror, async () => {
      as(ada, () => collection(source, notes).create({ text: 'answered', authorId: ada.deviceId }, { id: 'a' }))
      copyRecord(source, mirror, 'scopeNotes::a')
      await settle()
      expect(collection(mirror, notes).get('a')?.text).toBe('answered')
    }))
  })
})

describe('moving records where they belong', () => {
  it("a backup's readable board names Ada's card, and restored on a new device the card reads as hers", async () => {
    const team = await createSpace('Platform', 'team', ADA_ROW)
    const board = newBoard({ teamId: 'alpha', teamName: 'Alpha', sprint: 3, createdBy: ada.deviceId, createdAt: 1, template: 'team-retrospective', anonymous: false })
    const sprint3 = await stored(team, 'sprint/3')
    await loaded(sprint3, async () => {
      const { id, ...fields } = { ...board, flow: { ...board.flow, phase: 'discuss' as const } }
      collection(sprint3, BOARDS).create(fields, { id })
      as(ada, () => writeCard(sprint3, adasCard('x', 'Pairing on the migration')))
      await settle()
    })
    const out = await exportSpaces({ spaceIds: [team], privateNotes: false, passphrase: '', app: 'test' })
    const files = listArchive(out.bytes)
    const markdown = Object.entries(files).find(([name]) => name.endsWith('/readable/retro-board-sprint-3.md'))?.[1]
    expect(markdown).toContain('Pairing on the migration')

    await deleteLocalCopy(team)
    const opened = await openBackup(out.bytes, '')
    if (!opened.ok) throw new Error(opened.error)
    await restoreBackup(opened.backup, ADA_ROW)
    await loaded(await stored(team, 'sprint/3'), async (restored) => {
      await settle()
      expect(collection(restored, CARDS).get('x')?.authorId).toBe(ada.deviceId)
    })
  })

  it("a backup's readable board names a card whose seal this page never checked (the export waits for the checks)", async () => {
    const team = await createSpace('Platform', 'team', ADA_ROW)
    const board = newBoard({ teamId: 'alpha', teamName: 'Alpha', sprint: 5, createdBy: ada.deviceId, createdAt: 1, template: 'team-retrospective', anonymous: false })
    const sprint5 = await stored(team, 'sprint/5')
    await loaded(sprint5, async () => {
      const { id, ...fields } = { ...board, flow: { ...board.flow, phase: 'discuss' as const } }
      collection(sprint5, BOARDS).create(fields, { id })
      // sealed on Ada's other device (signed here past `seal`, which would remember its verdict)
      const card = { text: 'Written on her laptop', authorId: ada.deviceId, createdAt: 2 }
      const secret = base64urlnopad.decode(ada.secretKey)
      const text = signedText(recordScope('cards', 'y', identityOf(sprint5)), card)
      const sealed = `${base64urlnopad.encode(ed25519.getPublicKey(secret))}.${base64urlnopad.encode(ed25519.sign(utf8ToBytes(text), secret))}`
      const map = sprint5.getMap<unknown>('cards::y')
      sprint5.transact(() => {
        for (const [k, v] of Object.entries({ ...card, columnId: 'went-well' })) map.set(k, v)
        map.set(SEAL_FIELD, sealed)
      })
      await settle()
    })
    const files = listArchive((await exportSpaces({ spaceIds: [team], privateNotes: false, passphrase: '', app: 'test' })).bytes)
    const markdown = Object.entries(files).find(([name]) => name.endsWith('/readable/retro-board-sprint-5.md'))?.[1]
    expect(markdown).toContain('Written on her laptop')
  })

  it("a pair's journal merged into the kept space: this device's records are sealed again there, the partner's wait for the partner", async () => {
    const kept = await createSpace('Daria & Bruce', 'pair', ADA_ROW)
    const other = await createSpace('Daria & Bruce', 'pair', ADA_ROW)
    const k = await stored(kept, 'journal')
    const o = await stored(other, 'journal')
    await loaded(k, () => loaded(o, async () => {
      as(ada, () => collection(o, notes).create({ text: "Ada's, in the other space", authorId: ada.deviceId }, { id: 'a' }))
      as(ben, () => collection(o, notes).create({ text: "Ben's, in the other space", authorId: ben.deviceId }, { id: 'b' }))
      // Ada's device merges (pairMerge.ts convergeStartedPairs)
      as(ada, () => mergeJournalInto(k, o))
      await settle()
      expect(collection(k, notes).get('a')?.text).toBe("Ada's, in the other space")
      expect(collection(k, notes).get('b')).toBeNull()
      // Ben's device (holding both, the merged kept one among them) does the same
      const bensKept = new Y.Doc()
      bindDocument(bensKept, identityOf(k)!)
      sync(k, bensKept)
      const bensOther = new Y.Doc()
      bindDocument(bensOther, identityOf(o)!)
      sync(o, bensOther)
      as(ben, () => mergeJournalInto(bensKept, bensOther))
      sync(bensKept, k)
      await settle()
      expect(collection(k, notes).list().map((n) => n.id)).toEqual(['a', 'b'])
      // only records sealed for the merged document are sealed again: not one copied from a third
      const third = new Y.Doc()
      bindDocument(third, 'elsewhere/journal')
      as(ada, () => collection(third, notes).create({ text: 'from a third document', authorId: ada.deviceId }, { id: 'c' }))
      copyRecord(third, k, 'scopeNotes::c')
      expect(as(ada, () => resealOwnRecords(k, identityOf(o)))).toBe(0)
      await settle()
      expect(collection(k, notes).get('c')).toBeNull()
    }))
  })
})

describe('seals made before seals covered documents (builds of one day, never released)', () => {
  /** A seal of Ada's over the scope without a document, as builds before this change made. */
  function writeOldSeal(doc: Y.Doc, id: string, text: string): void {
    const map = doc.getMap<unknown>(`scopeNotes::${id}`)
    doc.transact(() => {
      map.set('text', text)
      map.set('authorId', ada.deviceId)
      map.set(SEAL_FIELD, seal(ada.secretKey, signedText(recordScope('scopeNotes', id), { text, authorId: ada.deviceId })))
    })
  }

  it("holds in no document, and Ada's own device does not seal it again: a copy of her old seal would be vouched for wherever a member put it", async () => {
    const team = await createSpace('Platform', 'team', ADA_ROW)
    const doc = await stored(team, 'journal')
    await loaded(doc, async () => {
      writeOldSeal(doc, 'old', 'written yesterday')
      setSigner(ada)
      collection(doc, notes).list()
      await settle()
      expect(collection(doc, notes).get('old')).toBeNull()
      setSigner(null)
      expect(collection(doc, notes).stats.forged).toBe(1)
      expect(verifySealNow(doc.getMap('scopeNotes::old').get(SEAL_FIELD), signedText(recordScope('scopeNotes', 'old'), { text: 'written yesterday', authorId: ada.deviceId }), ada.deviceId)).toBe(true) // still the old seal
      // her writing it again seals it for this document
      as(ada, () => collection(doc, notes).patch('old', { text: 'written again' }))
      await settle()
      expect(collection(doc, notes).get('old')?.text).toBe('written again')
    })
  })
})
