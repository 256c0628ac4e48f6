import type * as Y from 'yjs'
import {
  ActionItemRecord,
  FirstStepRecord,
  OkrRecord,
  PairFlow,
  PairInfo,
  ProjectNoteRecord,
  ProjectRecord,
  SessionRecord,
  ThoughtRecord,
  TrackRecord,
  TrackTicketRecord
} from '@shared/mentorship/pairRecords.ts'
import { collection, defineCollection, type CollectionDef, type Fields } from '@core/collections/index.ts'

/**
 * The collections of a pair's journal document (records in shared/mentorship/pairRecords.ts) and
 * what every list does on the document: add at the end, change some fields, remove with what
 * belongs to the record. Lists keep the order people made (order keys); a direction's first
 * steps, thoughts and tickets, and a project's notes and action items, go when it goes. Screens
 * never name a collection: they call the commands of sessions.ts, tracks.ts and projects.ts.
 */
const SESSION_NOTES = 'session:'
const sessionNotesName = (sessionId: string) => `${SESSION_NOTES}${sessionId}`

export const SESSIONS = defineCollection({
  name: 'sessions',
  schema: SessionRecord,
  ordered: true,
  // a removed session's notes are emptied with it, also what a peer typed into them meanwhile
  attachedPrefix: SESSION_NOTES,
  onRemove: (doc, id) => {
    if (!doc.share.has(sessionNotesName(id))) return
    const notes = doc.getXmlFragment(sessionNotesName(id))
    if (notes.length > 0) notes.delete(0, notes.length)
  }
})
export const TRACKS = defineCollection({ name: 'tracks', schema: TrackRecord, ordered: true })
export const FIRST_STEPS = defineCollection({ name: 'firstSteps', schema: FirstStepRecord, ordered: true, parent: { def: TRACKS, field: 'trackId' } })
export const THOUGHTS = defineCollection({ name: 'thoughts', schema: ThoughtRecord, ordered: true, parent: { def: TRACKS, field: 'trackId' } })
export const TRACK_TICKETS = defineCollection({ name: 'trackTickets', schema: TrackTicketRecord, ordered: true, parent: { def: TRACKS, field: 'trackId' } })
export const PROJECTS = defineCollection({ name: 'projects', schema: ProjectRecord, ordered: true })
export const PROJECT_NOTES = defineCollection({ name: 'projectNotes', schema: ProjectNoteRecord, ordered: true, parent: { def: PROJECTS, field: 'projectId' } })
export const ACTION_ITEMS = defineCollection({ name: 'actionItems', schema: ActionItemRecord, ordered: true, parent: { def: PROJECTS, field: 'projectId' } })
export const OKRS = defineCollection({ name: 'okrs', schema: OkrRecord })
/** the pair's header and where it is in the program: two records, 'info' and 'flow' */
export const PAIR_INFO = defineCollection({ name: 'pair', schema: PairInfo })
export const PAIR_FLOW = defineCollection({ name: 'pair', schema: PairFlow })
export const INFO = 'info'
export const FLOW = 'flow'

export { sessionNotesName }

/** Adds a record at the end of its list (within its parent); returns its id. */
export function addItem<T>(doc: Y.Doc, list: CollectionDef<T>, fields: Fields<T>): string {
  return collection(doc, list).create(fields)
}

export function patchItem<T>(doc: Y.Doc, list: CollectionDef<T>, id: string, fields: Partial<Fields<T>>): void {
  collection(doc, list).patch(id, fields)
}

/** Removes a record and what belongs to it (a direction's steps, a project's items …). */
export function removeItem<T>(doc: Y.Doc, list: CollectionDef<T>, id: string): void {
  collection(doc, list).remove(id)
}
