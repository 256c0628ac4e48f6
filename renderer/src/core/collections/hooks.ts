import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { collection, type CollectionDef, type Rec } from './collection.ts'
import { forgeries, watchForgeries } from './signing.ts'

const NONE: never[] = []
const nothing = () => () => {}

/** A collection's records; re-renders only when a record of this collection changed. */
export function useRecords<T>(doc: Y.Doc | null | undefined, def: CollectionDef<T>): readonly Rec<T>[] {
  const c = doc ? collection(doc, def) : null
  const subscribe = useCallback((f: () => void) => (c ? c.subscribe(f) : nothing()), [c])
  const snapshot = useCallback(() => (c ? c.list() : NONE), [c])
  return useSyncExternalStore(subscribe, snapshot)
}

/** One record (null while missing, removed or malformed). */
export function useRecord<T>(doc: Y.Doc | null | undefined, def: CollectionDef<T>, id: string): Rec<T> | null {
  const c = doc ? collection(doc, def) : null
  const subscribe = useCallback((f: () => void) => (c ? c.subscribe(f) : nothing()), [c])
  const snapshot = useCallback(() => (c ? c.get(id) : null), [c, id])
  return useSyncExternalStore(subscribe, snapshot)
}

/** How many forged records, member entries and presences this page ignored (signing.ts). */
export function useForgeries(): number {
  return useSyncExternalStore(watchForgeries, forgeries)
}
