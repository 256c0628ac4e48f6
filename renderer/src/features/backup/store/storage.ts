import { useEffect, useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import * as Y from 'yjs'
import { db, type SpaceRow } from '@core/database/db.ts'
import { readMembers } from '@core/spaces/spaceDoc.ts'
import { readDocumentState, spaceStoredSizes, type StoredDocumentSize } from '@core/spaces/spaceArchive.ts'

/**
 * Storage you can see (issue 14 #5): per space, what it takes on this device (each document's
 * stored updates, private notes) and when it last synced with whom. "Last synced" is read from
 * the members map: each member's device refreshes its own `lastSeenAt` while peers are around
 * (every 2 minutes and on page hide), so the newest such stamp from another member that reached
 * this device is the last time it heard from them; the members within 10 minutes of it are named.
 */
export interface SpaceStorage {
  id: string
  name: string
  kind: SpaceRow['kind']
  status: SpaceRow['status']
  total: number
  documents: StoredDocumentSize[]
  privateNotesBytes: number
  lastSynced: { at: number; with: string[] } | null
}

const TOGETHER_MS = 10 * 60_000

export async function spaceStorage(row: SpaceRow, meId: string): Promise<SpaceStorage> {
  const sizes = await spaceStoredSizes(row.id)
  const root = await readDocumentState(row.id, null)
  let lastSynced: SpaceStorage['lastSynced'] = null
  if (root) {
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, root.state)
      const others = readMembers(doc).filter((m) => m.id !== meId)
      const newest = Math.max(0, ...others.map((m) => m.lastSeenAt))
      if (newest > 0) {
        const names = others.filter((m) => m.lastSeenAt >= newest - TOGETHER_MS).sort((a, b) => b.lastSeenAt - a.lastSeenAt).map((m) => m.name)
        lastSynced = { at: newest, with: names }
      }
    } finally {
      doc.destroy()
    }
  }
  const total = sizes.documents.reduce((n, d) => n + d.bytes, 0) + sizes.privateNotesBytes
  return { id: row.id, name: row.name, kind: row.kind, status: row.status, total, documents: sizes.documents, privateNotesBytes: sizes.privateNotesBytes, lastSynced }
}

/** Every space's storage, measured when the list of spaces changes or `again` changes. */
export function useSpacesStorage(meId: string, again: number): SpaceStorage[] | undefined {
  const rows = useLiveQuery(() => db().spaces.toArray(), [])
  const [list, setList] = useState<SpaceStorage[] | undefined>(undefined)
  useEffect(() => {
    if (!rows) return
    let live = true
    void (async () => {
      const out: SpaceStorage[] = []
      for (const r of rows.sort((a, b) => a.name.localeCompare(b.name))) out.push(await spaceStorage(r, meId))
      if (live) setList(out)
    })()
    return () => {
      live = false
    }
  }, [rows, meId, again])
  return list
}

/** The spaces on this device (for the export picker). */
export function useSpaceChoices(): { id: string; name: string; kind: SpaceRow['kind']; status: SpaceRow['status'] }[] | undefined {
  return useLiveQuery(async () => (await db().spaces.toArray()).filter((r) => r.access !== 'observer').map((r) => ({ id: r.id, name: r.name, kind: r.kind, status: r.status })).sort((a, b) => a.name.localeCompare(b.name)), [])
}
