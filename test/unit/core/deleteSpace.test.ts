import { describe, expect, it } from 'vitest'
import { ADA, useFreshDatabase } from '../fixtures/database.ts'
import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { db, type IdentityRow } from '@core/database/db.ts'
import { ensureDocRow } from '@core/documents/rows.ts'
import { createSpace, deleteLocalCopy } from '@core/spaces/commands.ts'

const me: IdentityRow = ADA

useFreshDatabase()

async function write(doc: Y.Doc, text: string): Promise<void> {
  const provider = DexieYProvider.load(doc)
  await provider.whenLoaded
  doc.getMap('notes').set('n', text)
  // let y-dexie store the update
  await new Promise((r) => setTimeout(r, 50))
  DexieYProvider.release(doc)
}

/** Every stored row of every table (y-dexie's update tables included), as text. */
async function everything(): Promise<string> {
  const parts: string[] = []
  for (const table of db().tables) {
    for (const row of await table.toArray()) {
      parts.push(JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)))
    }
  }
  return parts.join('\n')
}

async function fill(spaceId: string, marker: string): Promise<void> {
  await write((await db().spaces.get(spaceId))!.doc, `${marker}-root`)
  await write((await ensureDocRow(spaceId, 'sprint/3')).doc, `${marker}-sprint`)
  await write((await ensureDocRow(spaceId, 'journal')).doc, `${marker}-journal`)
  await db().privateNotes.put({ id: `${spaceId}:pair`, spaceId, topic: 'pair', text: `${marker}-private`, updatedAt: 1 })
  await db().draftCards.put({ id: `${marker}-d`, boardId: `${spaceId}/sprint/3`, columnId: 'c', text: `${marker}-draft`, anonymous: true, createdAt: 1 })
  await db().myCards.put({ id: `${marker}-card`, boardId: `${spaceId}/sprint/3` })
  await db().pokerVotes.put({ id: `${spaceId}/scrum/3|t1#1`, docId: `${spaceId}/scrum/3`, spaceId, ticketId: 't1', round: 1, value: `${marker}-poker`, votedAt: 1 })
}

describe('deleting the local copy of a space', () => {
  it('deletes every row and stored update that belongs to it, and nothing of other spaces', async () => {
    const gone = await createSpace('Gone', 'team', me)
    const kept = await createSpace('Kept', 'team', me)
    await fill(gone, 'GONE')
    await fill(kept, 'KEPT')
    const before = await everything()
    for (const part of ['root', 'sprint', 'journal', 'private', 'draft', 'poker']) expect(before).toContain(`GONE-${part}`)

    await deleteLocalCopy(gone)

    const after = await everything()
    expect(after).not.toContain(gone)
    expect(after).not.toContain('GONE-')
    for (const part of ['root', 'sprint', 'journal', 'private', 'draft', 'poker']) expect(after).toContain(`KEPT-${part}`)
    expect(await db().myCards.count()).toBe(1)
  })
})
