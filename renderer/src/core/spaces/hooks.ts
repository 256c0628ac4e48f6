import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import type { MemberRecord } from '@shared/members/presence.ts'
import { type VerifiedNames, verifiedNames } from '@shared/members/presenceName.ts'
import { db, type SpaceRow } from '../database/db.ts'
import { describeSpace } from './commands.ts'
import { myBoxKeys } from './boxKeys.ts'
import { removedMembers } from './rotation.ts'
import { membersOf, readMeta, sameMeta, setSpaceDescription, watchMembers, watchMeta, type SpaceMeta } from './spaceDoc.ts'

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

const EMPTY_META: SpaceMeta = { name: '', kind: null, description: '', createdAt: null }
const NO_MEMBERS: readonly MemberRecord[] = []
const nothing = () => () => {}

/** The space's member records: one array until a member entry changes (spaceDoc.ts membersOf), re-rendered only then. */
export function useMembers(doc: Y.Doc | null): readonly MemberRecord[] {
  const subscribe = useCallback((f: () => void) => (doc ? watchMembers(doc, f) : nothing()), [doc])
  const snapshot = useCallback(() => (doc ? membersOf(doc) : NO_MEMBERS), [doc])
  return useSyncExternalStore(subscribe, snapshot)
}

/** The names this space's verified members go by (those who left too), to name presences by (presenceName). */
export function useVerifiedNames(spaceId: string | null | undefined): VerifiedNames {
  const members = useMembers(useSpaceRootDoc(spaceId))
  return useMemo(() => verifiedNames(members), [members])
}

/**
 * The space's meta (name, kind, description, createdAt), read again only when the `meta` map
 * changes — not on every update of the root document, which also carries the members' entries
 * (and their "last seen") and a team's or an org's collections — and the same object while what
 * it says is the same, so that a page re-renders only for what it shows.
 */
export function useMeta(doc: Y.Doc | null, fallbackName: string): SpaceMeta {
  const last = useRef<SpaceMeta | null>(null)
  const subscribe = useCallback((f: () => void) => (doc ? watchMeta(doc, f) : nothing()), [doc])
  const snapshot = useCallback(() => {
    const next = doc ? readMeta(doc, fallbackName) : { ...EMPTY_META, name: fallbackName }
    if (last.current === null || !sameMeta(last.current, next)) last.current = next
    return last.current
  }, [doc, fallbackName])
  return useSyncExternalStore(subscribe, snapshot)
}

export interface SpaceContent {
  meta: SpaceMeta
  members: readonly MemberRecord[]
  loaded: boolean
  /**
   * Sets the description: in the document this page holds loaded, at once (y-dexie stores the
   * update and the sync manager's room sends it, as for any write to it); while the document is
   * still loading, through the command (core/spaces/commands.ts), which loads it first.
   */
  describe(description: string): void
}

export function useSpaceContent(row: SpaceRow | null | undefined): SpaceContent {
  const doc = useLoadedDoc(row?.doc)
  const meta = useMeta(doc, row?.name ?? '')
  const members = useMembers(doc)
  const spaceId = row?.id
  const describe = useCallback(
    (description: string) => {
      if (doc) setSpaceDescription(doc, description)
      else if (spaceId) void describeSpace(spaceId, description)
    },
    [doc, spaceId]
  )
  return { meta, members, loaded: !!doc, describe }
}

/** Members a rotation of this space's key removed (core/spaces/rotation.ts), as this device knows. */
export function useRemovedMembers(row: SpaceRow | null | undefined): ReadonlySet<string> {
  const doc = useLoadedDoc(row?.doc)
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set())
  useEffect(() => {
    if (!doc || !row) return
    let live = true
    const rekeys = doc.getMap('rekeys')
    const boxKeys = doc.getMap('boxKeys')
    // the chain as this device checks it: someone invited again since their removal is no longer listed
    const read = () =>
      void myBoxKeys()
        .then((box) => live && setRemoved(removedMembers(doc, row.id, row, box)))
        .catch(() => {})
    read()
    rekeys.observe(read)
    boxKeys.observe(read)
    return () => {
      live = false
      rekeys.unobserve(read)
      boxKeys.unobserve(read)
    }
  }, [doc, row])
  return removed
}
