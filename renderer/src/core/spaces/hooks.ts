import { useEffect, useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import type { MemberRecord } from '@shared/members/presence.ts'
import { db, type SpaceRow } from '../database/db.ts'
import { readMembers, readMeta, type SpaceMeta } from './spaceDoc.ts'

/** Read-side hooks for spaces. Rows come from Dexie, content from each space's Y.Doc. */
export function useSpaces(): SpaceRow[] | undefined {
  return useLiveQuery(() => db().spaces.orderBy('name').toArray(), [])
}

export function useSpace(spaceId: string): SpaceRow | null | undefined {
  return useLiveQuery(async () => (await db().spaces.get(spaceId)) ?? null, [spaceId])
}

/**
 * Keeps a document loaded while the component shows it: one load per mount, one release on
 * unmount. (dexie-react-hooks' useDocument released once more than it loaded when its component
 * re-rendered, which destroyed the document the sync manager holds, and with it the connection.)
 */
export function useLoadedDoc(doc: Y.Doc | null | undefined): Y.Doc | null {
  const [loaded, setLoaded] = useState<Y.Doc | null>(null)
  useEffect(() => {
    if (!doc) return
    let live = true
    void DexieYProvider.load(doc).whenLoaded.then(() => live && setLoaded(doc))
    return () => {
      live = false
      DexieYProvider.release(doc)
    }
  }, [doc])
  return loaded && loaded === doc ? loaded : null
}

/** The loaded root document of a space on this device, or null (not here, or still loading). */
export function useSpaceRootDoc(spaceId: string | null | undefined): Y.Doc | null {
  const row = useLiveQuery(async () => (spaceId ? ((await db().spaces.get(spaceId)) ?? null) : null), [spaceId])
  return useLoadedDoc(row?.doc)
}

/** Re-reads a value from a document whenever the document changes. */
function useDocValue<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, fallback: T): T {
  const [value, setValue] = useState<T>(() => (doc ? read(doc) : fallback))
  useEffect(() => {
    if (!doc) return
    const update = () => setValue(read(doc))
    update()
    doc.on('update', update)
    return () => doc.off('update', update)
    // read is expected to be stable per call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc])
  return value
}

export interface SpaceContent {
  meta: SpaceMeta
  members: MemberRecord[]
  loaded: boolean
}

const EMPTY_META: SpaceMeta = { name: '', kind: null, description: '', createdAt: null }

export function useSpaceContent(row: SpaceRow | null | undefined): SpaceContent {
  const doc = useLoadedDoc(row?.doc)
  const fallbackName = row?.name ?? ''
  const meta = useDocValue(doc, (d) => readMeta(d, fallbackName), { ...EMPTY_META, name: fallbackName })
  const members = useDocValue(doc, readMembers, [] as MemberRecord[])
  return { meta, members, loaded: !!doc }
}
