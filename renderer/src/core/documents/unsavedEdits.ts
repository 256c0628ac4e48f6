import Dexie from 'dexie'
import { DexieYProvider, type DexieYDocMeta } from 'y-dexie'
import * as Y from 'yjs'
import { create } from 'zustand'
import { saveRetryDelayMs } from '@shared/storage/saveRetry.ts'

/**
 * Edits that could not be written to disk. y-dexie writes every change of a loaded document as an
 * update row and, when that write fails (a full disk: QuotaExceededError), only fires `error` on the
 * document's provider. Every provider is watched here (`DexieYProvider.on('new')`, whoever loaded
 * it), the document is kept in memory, and its whole state is written again as one update row
 * (y-dexie compacts it later) with back-off until a write succeeds. (A failed read of the document's
 * updates fires the same event; writing the whole state again is harmless then.)
 */
export interface UnsavedEditsState {
  /** documents whose latest edits are only in memory */
  docs: number
  /** the storage error's name, e.g. QuotaExceededError */
  errorName: string | null
  /** when the next automatic try is due (epoch ms); null when none is planned */
  nextTryAt: number | null
  /** a try is writing right now */
  saving: boolean
}

export const useUnsavedEdits = create<UnsavedEditsState>(() => ({ docs: 0, errorName: null, nextTryAt: null, saving: false }))

/** document → failed writes so far; a try clears it only if no other failure came in meanwhile */
const unsaved = new Map<Y.Doc, number>()
let attempt = 0
let timer: ReturnType<typeof setTimeout> | null = null
let saving = false
let watching = false

const publish = (patch: Partial<UnsavedEditsState>) => useUnsavedEdits.setState({ ...patch, docs: unsaved.size, saving })
type Failure = { name?: unknown; inner?: unknown } | null | undefined

/** The storage error's name; Dexie reports an aborted transaction as AbortError with the cause inside. */
function nameOf(error: unknown): string {
  let cause = error as Failure
  while (cause?.inner) cause = cause.inner as Failure
  const name = cause?.name ?? (error as Failure)?.name
  return typeof name === 'string' && name ? name : 'UnknownError'
}

/**
 * Starts watching every document y-dexie persists; call once at start-up, before any document is
 * loaded. `warnOnLeave`: ask before the page is closed or reloaded while edits are unsaved (web
 * only: in Electron, cancelling unload would silently keep the window from closing).
 */
export function watchUnsavedEdits({ warnOnLeave }: { warnOnLeave: boolean }): void {
  if (watching) return
  watching = true
  DexieYProvider.on('new', (provider: DexieYProvider) => {
    const doc = provider.doc
    if (doc) provider.on('error', (error: unknown) => noteFailedWrite(doc, error))
  })
  // A provider that is let go is destroyed and forgets its listeners: let its writes report first.
  DexieYProvider.on('beforeunload', (provider: DexieYProvider) => (provider.doc ? writesSettled(provider.doc) : undefined))
  if (warnOnLeave) {
    addEventListener('beforeunload', (event) => {
      if (unsaved.size > 0) event.preventDefault()
    })
  }
}

function noteFailedWrite(doc: Y.Doc, error: unknown): void {
  if (!unsaved.has(doc)) console.warn('An edit could not be written to storage; it is kept in memory and tried again.', error)
  unsaved.set(doc, (unsaved.get(doc) ?? 0) + 1)
  if (timer || saving) return publish({ errorName: nameOf(error) })
  // a failure after the automatic tries ran out starts them again: someone is still editing
  if (saveRetryDelayMs(attempt) === null) attempt = 0
  publish({ errorName: nameOf(error), nextTryAt: planNextTry() })
}

/** Schedules the next automatic try; returns when it is due, or null once the tries are used up. */
function planNextTry(): number | null {
  const delay = saveRetryDelayMs(attempt)
  if (delay === null) return null
  attempt++
  timer = setTimeout(() => {
    timer = null
    void saveUnsavedEdits()
  }, delay)
  return Date.now() + delay
}

/** "Try again now": one try at once, and a fresh round of automatic tries if it fails. */
export function tryAgainNow(): Promise<void> {
  attempt = 0
  return saveUnsavedEdits()
}

/** Writes every unsaved document's whole state; clears the warning only when all writes succeeded. Never rejects. */
async function saveUnsavedEdits(): Promise<void> {
  if (saving) return
  if (timer) clearTimeout(timer)
  timer = null
  saving = true
  publish({ nextTryAt: null })
  let errorName: string | null = null
  for (const [doc, failures] of [...unsaved]) {
    try {
      await writeWholeState(doc)
      if (unsaved.get(doc) === failures) unsaved.delete(doc)
    } catch (error) {
      errorName = nameOf(error)
    }
  }
  saving = false
  if (unsaved.size === 0) {
    attempt = 0
    return publish({ errorName: null, nextTryAt: null })
  }
  publish({ ...(errorName ? { errorName } : {}), nextTryAt: planNextTry() })
}

/** The document's state as one update row of its own parent row (unless that row was deleted meanwhile). */
function writeWholeState(doc: Y.Doc): Promise<void> {
  const { db, parentTable, parentId, updatesTable } = doc.meta as DexieYDocMeta
  return Dexie.ignoreTransaction(() =>
    db.transaction('rw', [parentTable, updatesTable], async () => {
      if ((await db.table(parentTable).where(':id').equals(parentId).count()) === 0) return
      await db.table(updatesTable).add({ k: parentId, u: Y.encodeStateAsUpdateV2(doc), f: 1 })
    })
  )
}

/**
 * Resolves once every write started so far on the document's updates table has succeeded or
 * failed (and reported it): IndexedDB runs read-write transactions on one table in order, so an
 * empty one completes only after them. Never rejects.
 */
async function writesSettled(doc: Y.Doc): Promise<void> {
  try {
    const { db, updatesTable } = doc.meta as DexieYDocMeta
    await Dexie.ignoreTransaction(() => db.transaction('rw', updatesTable, () => {}))
  } catch {
    // the database is closed or gone: nothing more will be written either way
  }
}
