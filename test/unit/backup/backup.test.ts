import { fromMarkdown } from 'mdast-util-from-markdown'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { ADA, useFreshDatabase } from '../fixtures/database.ts'
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { listArchive, readArchive } from '@shared/backup/archive.ts'
import { openSeal } from '@shared/backup/seal.ts'
import { db, type IdentityRow } from '@core/database/db.ts'
import { ensureDocRow } from '@core/documents/rows.ts'
import { createSpace, deleteLocalCopy } from '@core/spaces/commands.ts'
import { exportSpaces, openBackup, restoreBackup } from '@features/backup/store/backup.ts'
import { saveTeamRecord, setUpDefaultCadence } from '@features/sprint/store/cadenceStore.ts'
import { parseIcs } from '../sprint/icalExpand.ts'
import { readFileSync } from 'node:fs'
import { journalFromMarkdown } from '@shared/mentorship/journalMarkdown.ts'
import type { Journal } from '@shared/mentorship/journal.ts'
import { importJournal, readJournal } from '@features/mentorship/store/journalIO.ts'

const me: IdentityRow = ADA

useFreshDatabase()

const settle = () => new Promise((r) => setTimeout(r, 30))

async function edit(doc: Y.Doc, f: (doc: Y.Doc) => void): Promise<void> {
  const provider = DexieYProvider.load(doc)
  await provider.whenLoaded
  f(doc)
  await settle()
  DexieYProvider.release(doc)
}

async function stateOf(doc: Y.Doc): Promise<{ vector: Uint8Array; json: unknown }> {
  const provider = DexieYProvider.load(doc)
  await provider.whenLoaded
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  DexieYProvider.release(doc)
  const json: Record<string, unknown> = {}
  for (const name of [...copy.share.keys()].sort()) json[name] = name.startsWith('session:') ? copy.getXmlFragment(name).toString() : copy.getMap(name).toJSON()
  return { vector: Y.encodeStateVector(copy), json }
}

/** A team space with a cadence, a retro board's cards (sprint/3) and a journal with session notes. */
async function fill(): Promise<string> {
  const id = await createSpace('Platform Team', 'team', me)
  await edit((await db().spaces.get(id))!.doc, (doc) => {
    setUpDefaultCadence(doc, '2026-11-02', 'Europe/Berlin')
    saveTeamRecord(doc, 'team-1', { name: 'Platform', timezone: 'Europe/Berlin' })
  })
  await edit((await ensureDocRow(id, 'sprint/3')).doc, (doc) => {
    doc.getMap('cards::c1').set('text', 'Deploys are slow, "really"')
    doc.getMap('cards::c1').set('columnId', 'bad')
    doc.getMap('cards::c2').set('text', '=cmd|calc')
    doc.getMap('cards::c2').set('votes', 3)
    doc.getMap('cards::gone').set('__deleted', true)
  })
  await edit((await ensureDocRow(id, 'journal')).doc, (doc) => {
    doc.getMap('sessions::s1').set('title', 'First session')
    const notes = doc.getXmlFragment('session:s1')
    const h = new Y.XmlElement('heading')
    h.setAttribute('level', '2')
    h.insert(0, [new Y.XmlText('Goals')])
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('Learn the release train')])
    notes.insert(0, [h, p])
  })
  await db().privateNotes.put({ id: `${id}:pair`, spaceId: id, topic: 'pair', text: 'only mine', updatedAt: 5 })
  return id
}

describe('exporting a space', () => {
  it('writes every document and readable files that parse back to the same content', async () => {
    const id = await fill()
    const progress: number[] = []
    const out = await exportSpaces({ spaceIds: [id], privateNotes: true, passphrase: '', app: 'test', onProgress: (p) => progress.push(p.done) })
    expect(out.fileName).toMatch(/^tandem-platform-team-.*\.tandem$/)
    expect(progress.at(-1)).toBe(3)
    const files = listArchive(out.bytes)
    const dir = Object.keys(files).find((f) => f.endsWith('/readable/space.json'))!.split('/')[0]!
    expect(files['README.md']).toContain('secret keys')

    // JSON: the board's records, the removed one left out
    const board = JSON.parse(files[`${dir}/readable/sprint-3.json`]!) as { collections: Record<string, Record<string, Record<string, unknown>>> }
    expect(board.collections.cards).toEqual({ c1: { text: 'Deploys are slow, "really"', columnId: 'bad' }, c2: { text: '=cmd|calc', votes: 3 } })

    // CSV: one row per card (a formula-like text is defused with an apostrophe)
    const rows: string[][] = []
    const errors: unknown[] = []
    Papa.parse(files[`${dir}/readable/tables/sprint-3/cards.csv`]!, {
      skipEmptyLines: true,
      step: (r) => {
        rows.push(r.data)
        errors.push(...r.errors)
      }
    })
    expect(errors).toEqual([])
    expect(rows).toEqual([
      ['id', 'columnId', 'text', 'votes'],
      ['c1', 'bad', 'Deploys are slow, "really"', ''],
      ['c2', '', "'=cmd|calc", '3']
    ])

    // Markdown: the journal's sessions and its notes
    const md = fromMarkdown(files[`${dir}/readable/journal.md`]!)
    const headings = md.children.filter((n) => n.type === 'heading').map((n) => (n.children as { value?: string }[]).map((c) => c.value ?? '').join(''))
    expect(headings).toEqual(expect.arrayContaining(['sessions (1)', 'First session', 'Notes: session:s1', 'Goals']))
    expect(files[`${dir}/readable/journal.md`]).toContain('Learn the release train')

    // .ics: the team's ceremonies, read back with ical.js
    const ics = parseIcs(files[`${dir}/readable/sprint-ceremonies.ics`]!)
    expect(ics.occurrences.length).toBeGreaterThan(0)
    expect(ics.occurrences.every((o) => o.zone === 'Europe/Berlin')).toBe(true)

    // private notes only when ticked
    expect(JSON.parse(files[`${dir}/private-notes.json`]!)).toEqual([{ id: `${id}:pair`, topic: 'pair', text: 'only mine', updatedAt: 5 }])
    const without = listArchive((await exportSpaces({ spaceIds: [id], privateNotes: false, passphrase: '', app: 'test' })).bytes)
    expect(Object.keys(without).some((f) => f.includes('private-notes'))).toBe(false)
  })
})

/** A journal without ids (an import renews them); tracks and projects point at session positions. */
function shape(journal: Journal) {
  const index = new Map(journal.sessions.map((s, i) => [s.id, i]))
  return {
    ...journal,
    sessions: journal.sessions.map(({ id: _id, ...s }) => s),
    tracks: journal.tracks.map(({ id: _id, discussedIn, ...t }) => ({ ...t, discussedIn: discussedIn && index.get(discussedIn) })),
    jointProjects: journal.jointProjects.map(({ id: _id, discussedIn, ...p }) => ({ ...p, discussedIn: discussedIn && index.get(discussedIn) }))
  }
}

describe('a pair’s journal in the export', () => {
  it('is also written in the program’s Markdown, which reads back to the same journal', async () => {
    const id = await createSpace('Daria & Bruce', 'pair', me)
    const seed = journalFromMarkdown(readFileSync(new URL('../../fixtures/journal-seed.md', import.meta.url), 'utf8'))
    let stored: Journal | null = null
    await edit((await ensureDocRow(id, 'journal')).doc, (doc) => {
      importJournal(doc, seed.journal, seed.unplaced, { keepUnplaced: true })
      stored = readJournal(doc)
    })
    const files = listArchive((await exportSpaces({ spaceIds: [id], privateNotes: false, passphrase: '', app: 'test' })).bytes)
    const name = Object.keys(files).find((f) => f.endsWith('/readable/journal-program.md'))!
    const back = journalFromMarkdown(files[name]!)
    expect(back.unplaced).toEqual([])
    expect(shape(back.journal)).toEqual(shape(stored!))
    expect(shape(back.journal)).toEqual(shape(seed.journal))
    expect(files['README.md']).toContain('journal-program.md')
  })
})

describe('restoring', () => {
  it('brings a deleted space back with the same id and key, and a second restore changes nothing', async () => {
    const id = await fill()
    const key = (await db().spaces.get(id))!.key
    const before = {
      root: await stateOf((await db().spaces.get(id))!.doc),
      board: await stateOf((await ensureDocRow(id, 'sprint/3')).doc),
      journal: await stateOf((await ensureDocRow(id, 'journal')).doc)
    }
    const out = await exportSpaces({ spaceIds: [id], privateNotes: true, passphrase: 'correct horse', app: 'test', identity: me })
    await deleteLocalCopy(id)
    expect(await db().spaces.get(id)).toBeUndefined()

    const wrong = await openBackup(out.bytes, 'wrong horse')
    expect(wrong).toMatchObject({ ok: false, needsPassphrase: true })
    const opened = await openBackup(out.bytes, 'correct horse')
    if (!opened.ok) throw new Error(opened.error)
    // a new profile: another identity, no space yet → it becomes Ada again
    const fresh: IdentityRow = { id: 'me', deviceId: 'device-new', name: 'Ada (new)', color: '#000000' }
    await db().identity.put(fresh)
    const first = await restoreBackup(opened.backup, fresh)
    expect(first.becamePerson).toBe('Ada')
    expect((await db().identity.get('me'))?.deviceId).toBe('device-a')
    expect(first.spaces[0]).toMatchObject({ added: true, changedDocuments: 3, privateNotes: 1 })
    await settle()
    const row = (await db().spaces.get(id))!
    expect(row.key).toBe(key)
    const after = {
      board: await stateOf((await ensureDocRow(id, 'sprint/3')).doc),
      journal: await stateOf((await ensureDocRow(id, 'journal')).doc),
      root: await stateOf(row.doc)
    }
    expect(after.board).toEqual(before.board)
    expect(after.journal).toEqual(before.journal)
    expect((after.root.json as Record<string, unknown>).meta).toEqual((before.root.json as Record<string, unknown>).meta)
    expect((await db().privateNotes.get(`${id}:pair`))?.text).toBe('only mine')

    const second = await restoreBackup(opened.backup, me)
    expect(second.spaces[0]).toMatchObject({ added: false, changedDocuments: 0, privateNotes: 0 })
    await settle()
    expect(await stateOf((await ensureDocRow(id, 'journal')).doc)).toEqual(before.journal)
  })

  it('brings back where the key stands in the rotations, so the restored space follows the next one', async () => {
    const id = await fill()
    await db().spaces.update(id, { keyRecord: 'rec-after-a-removal', keyEpoch: 2 })
    const out = await exportSpaces({ spaceIds: [id], privateNotes: false, passphrase: '', app: 'test', identity: me })
    await deleteLocalCopy(id)
    const opened = await openBackup(out.bytes, '')
    if (!opened.ok) throw new Error(opened.error)
    expect((await restoreBackup(opened.backup, me)).spaces[0]).toMatchObject({ added: true })
    expect(await db().spaces.get(id)).toMatchObject({ keyRecord: 'rec-after-a-removal', keyEpoch: 2 })
  })

  it('merges an old backup into newer data without losing either', async () => {
    const id = await fill()
    const old = await exportSpaces({ spaceIds: [id], privateNotes: false, passphrase: '', app: 'test' })
    await edit((await ensureDocRow(id, 'sprint/3')).doc, (doc) => doc.getMap('cards::c3').set('text', 'added later'))
    const opened = await openBackup(old.bytes, '')
    if (!opened.ok) throw new Error(opened.error)
    const report = await restoreBackup(opened.backup, me)
    expect(report.spaces[0]!.changedDocuments).toBe(0)
    const board = await stateOf((await ensureDocRow(id, 'sprint/3')).doc)
    expect(Object.keys(board.json as object)).toEqual(expect.arrayContaining(['cards::c1', 'cards::c2', 'cards::c3']))
  })

  it('refuses a truncated, a damaged and a wrong-passphrase file, and changes nothing', async () => {
    const id = await fill()
    const plain = (await exportSpaces({ spaceIds: [id], privateNotes: false, passphrase: '', app: 'test' })).bytes
    const sealed = (await exportSpaces({ spaceIds: [id], privateNotes: false, passphrase: 'pass', app: 'test' })).bytes
    await deleteLocalCopy(id)
    for (const cut of [10, Math.floor(plain.length / 2), plain.length - 30]) {
      const r = await openBackup(plain.slice(0, cut), '')
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toMatch(/damaged|incomplete|not a Tandem backup/)
    }
    // a changed byte inside a document's state (stored as is in the zip) fails its SHA-256
    const read = readArchive(plain)
    if (!read.ok) throw new Error(read.error)
    const state = read.backup.spaces[0]!.documents.find((d) => d.key === 'journal')!.state
    const at = Buffer.from(plain).indexOf(Buffer.from(state))
    expect(at).toBeGreaterThan(0)
    const flipped = plain.slice()
    flipped[at + Math.floor(state.length / 2)]! ^= 0xff
    const damaged = await openBackup(flipped, '')
    expect(damaged.ok).toBe(false)
    if (!damaged.ok) expect(damaged.error).toMatch(/damaged/)
    expect((await openBackup(sealed.slice(0, sealed.length - 5), 'pass')).ok).toBe(false)
    const wrong = await openBackup(sealed, 'Pass')
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.error).toMatch(/passphrase does not open/)
    expect((await openSeal(sealed, 'pass')).ok).toBe(true)
    expect(await db().spaces.count()).toBe(0)
  })

  it('refuses a backup whose space is here with another key, and keeps the space as it is', async () => {
    const id = await fill()
    const out = await exportSpaces({ spaceIds: [id], privateNotes: false, passphrase: '', app: 'test' })
    const read = readArchive(out.bytes)
    if (!read.ok) throw new Error(read.error)
    read.backup.spaces[0]!.key = 'A'.repeat(43)
    const report = await restoreBackup(read.backup, me)
    expect(report.spaces[0]!.error).toMatch(/another key/)
    expect((await db().spaces.get(id))!.key).not.toBe('A'.repeat(43))
  })

  it('counts documents written by a newer app (they open read-only)', async () => {
    const id = await fill()
    await edit((await ensureDocRow(id, 'journal')).doc, (doc) => doc.getMap('__tandem').set('v99', true))
    const out = await exportSpaces({ spaceIds: [id], privateNotes: false, passphrase: '', app: 'test' })
    await deleteLocalCopy(id)
    const opened = await openBackup(out.bytes, '')
    if (!opened.ok) throw new Error(opened.error)
    // the journal kind is registered by the mentorship store
    await import('@features/mentorship/store/docs.ts')
    const report = await restoreBackup(opened.backup, me)
    expect(report.newerDocuments).toBeGreaterThanOrEqual(1)
  })
})

describe('reading a document out for the readable files', () => {
  it('tells rich text from lists and maps, also when their first item was deleted', async () => {
    const { documentContent } = await import('@features/backup/store/content.ts')
    const doc = new Y.Doc()
    const notes = doc.getXmlFragment('session:s1')
    const p1 = new Y.XmlElement('paragraph')
    p1.insert(0, [new Y.XmlText('gone')])
    const p2 = new Y.XmlElement('paragraph')
    p2.insert(0, [new Y.XmlText('kept')])
    notes.insert(0, [p1, p2])
    notes.delete(0, 1)
    doc.getArray('list').insert(0, ['a', 'b'])
    doc.getArray('list').delete(0, 1)
    doc.getText('text').insert(0, 'hello')
    doc.getMap('cards::c1').set('text', 'card')
    doc.getMap('meta').set('name', 'Team')
    const content = documentContent('sprint/1', Y.encodeStateAsUpdate(doc))
    expect(content.richText).toEqual({ 'session:s1': 'kept' })
    expect(content.other).toMatchObject({ list: ['b'], text: 'hello', meta: { name: 'Team' } })
    expect(content.collections).toEqual({ cards: { c1: { text: 'card' } } })
  })
})

describe('the archive', () => {
  it('keeps two readable files whose names collide once made file-safe', async () => {
    const { buildArchive } = await import('@shared/backup/archive.ts')
    const doc = new Y.Doc()
    doc.getMap('meta').set('name', 'x')
    const bytes = buildArchive({
      app: 'test',
      createdAt: 0,
      spaces: [
        {
          id: 'Vq3xYb2c9D0eF1gH2iJ3kA',
          kind: 'team',
          name: 'T',
          key: 'A'.repeat(42) + 'E',
          status: 'active',
          documents: [{ key: null, state: Y.encodeStateAsUpdate(doc), layout: 1 }],
          readable: [
            { path: 'tables/x/a-b.csv', text: 'first', what: 'a.b' },
            { path: 'tables/x/a-b.csv', text: 'second', what: 'a-b' }
          ]
        }
      ]
    })
    const files = listArchive(bytes)
    const dir = 't-Vq3xYb2c'
    expect(files[`${dir}/readable/tables/x/a-b.csv`]).toBe('first')
    expect(files[`${dir}/readable/tables/x/a-b-2.csv`]).toBe('second')
    expect(files['README.md']).toContain('readable/tables/x/a-b-2.csv')
  })
})
