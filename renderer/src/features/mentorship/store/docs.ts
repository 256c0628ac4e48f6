import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { db } from '@core/database/db.ts'
import { useSpaceRootDoc } from '@core/spaces/hooks.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { useSharedDoc } from '@core/sync/useSharedDoc.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { rekeyLegacyOrders, type CollectionDef } from '@core/collections/index.ts'
import { defineDocument, registerDocumentKind } from '@core/documents/index.ts'
import { ACTION_ITEMS, FIRST_STEPS, PROJECT_NOTES, PROJECTS, SESSIONS, THOUGHTS, TRACK_TICKETS, TRACKS } from './lists.ts'

/**
 * The documents the mentorship program lives in, and the handles screens hold instead of them:
 * - a `Program` is an org's mentoring program, in the org space's root document (the pool, the
 *   pairs started from it, the org's settings);
 * - a `Journal` is a pair's journal open on this device: the pair space's "journal" document, a
 *   document of its own (core/sync/useSharedDoc.ts), not the root, because its link carries the
 *   awareness that the session editor's carets and the shared step timer's clock beacons need.
 * Components get a handle from `useProgram` / `useJournal` and pass it to the store's hooks and
 * commands; the document (and the link) stay here, in module-private maps.
 *
 * Store functions take a `JournalRef` / `ProgramRef`: the handle, or the bare Y.Doc. The second is
 * for callers outside the app that hold documents of their own (node tests, the bench seed,
 * fuzzing); a screen never has one to pass.
 */
export interface Journal {
  /** the pair space */
  readonly spaceId: string
}

export interface Program {
  /** the org space */
  readonly spaceId: string
}

export type JournalRef = Journal | Y.Doc
export type ProgramRef = Program | Y.Doc

export const PAIR_DOC_KEY = 'journal'

/**
 * The journal's layout versions. v2: every list item has an order key (v1 gave numbers, and a bug
 * gave every new item 0, so such lists showed by id); the items keep the order they show in.
 */
export const JOURNAL_DOC = defineDocument({
  name: 'journal',
  version: 2,
  migrations: {
    2: (doc) => {
      const lists: CollectionDef<unknown>[] = [SESSIONS, TRACKS, FIRST_STEPS, THOUGHTS, TRACK_TICKETS, PROJECTS, PROJECT_NOTES, ACTION_ITEMS]
      for (const list of lists) rekeyLegacyOrders(doc, list)
    }
  }
})
registerDocumentKind((key) => key === PAIR_DOC_KEY, JOURNAL_DOC)

// ---- journals ----

const journalLinks = new WeakMap<Journal, DocLink>()
const journalsByLink = new WeakMap<DocLink, Journal>()

/** The journal of a loaded journal document (one handle per link, so it is stable across renders). */
export function journalOf(link: DocLink, spaceId: string): Journal {
  let journal = journalsByLink.get(link)
  if (!journal) {
    journal = Object.freeze({ spaceId })
    journalsByLink.set(link, journal)
    journalLinks.set(journal, link)
  }
  return journal
}

/** The store's way from a journal to its link (presence, clock beacons, the editor's awareness). */
export function journalLink(journal: Journal): DocLink {
  const link = journalLinks.get(journal)
  if (!link) throw new Error('This journal is no longer open.')
  return link
}

/** The store's way from a journal (or a bare document) to the document. */
export function journalDoc(ref: JournalRef): Y.Doc {
  return ref instanceof Y.Doc ? ref : journalLink(ref).doc
}

/** The pair's journal, loaded and synced while the component shows it; null while it loads. */
export function useJournal(spaceId: string): Journal | null {
  const link = useSharedDoc(spaceId, PAIR_DOC_KEY)
  return link ? journalOf(link, spaceId) : null
}

/** Runs `f` on a pair's journal, keeping it loaded and synced meanwhile. */
export async function withJournal<T>(spaceId: string, f: (journal: Journal) => T): Promise<T> {
  const link = await syncManager.retain(spaceId, PAIR_DOC_KEY)
  try {
    return f(journalOf(link, spaceId))
  } finally {
    syncManager.release(spaceId, PAIR_DOC_KEY)
  }
}

// ---- programs ----

const programDocs = new WeakMap<Program, Y.Doc>()
const programsByDoc = new WeakMap<Y.Doc, Program>()

/** The program in an org space's loaded root document (one handle per document). */
export function programOf(doc: Y.Doc, spaceId: string): Program {
  let program = programsByDoc.get(doc)
  if (!program) {
    program = Object.freeze({ spaceId })
    programsByDoc.set(doc, program)
    programDocs.set(program, doc)
  }
  return program
}

/** The store's way from a program (or a bare document) to the org's root document. */
export function programDoc(ref: ProgramRef): Y.Doc {
  if (ref instanceof Y.Doc) return ref
  const doc = programDocs.get(ref)
  if (!doc) throw new Error('This mentoring program is no longer open.')
  return doc
}

/** The org's program, while its root document is loaded on this device; null otherwise. */
export function useProgram(spaceId: string): Program | null {
  const doc = useSpaceRootDoc(spaceId)
  return doc ? programOf(doc, spaceId) : null
}

/** Runs `f` on the program of every org space on this device, each loaded meanwhile. */
export async function forEachProgram(f: (program: Program) => void): Promise<void> {
  const rows = await db().spaces.where('kind').equals('org').toArray()
  for (const row of rows) {
    const provider = DexieYProvider.load(row.doc)
    try {
      await provider.whenLoaded
      f(programOf(row.doc, row.id))
    } finally {
      DexieYProvider.release(row.doc)
    }
  }
}
