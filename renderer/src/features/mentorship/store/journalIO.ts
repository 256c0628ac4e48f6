import type * as Y from 'yjs'
import { newId } from '@shared/spaces/key.ts'
import type { Journal as JournalModel } from '@shared/mentorship/journal.ts'
import type { JournalIssue } from '@shared/mentorship/journalImport.ts'
import { journalToMarkdown } from '@shared/mentorship/journalMarkdown.ts'
import { describeJournalContent, journalToRecords, recordsToJournal, type JournalRecords } from '@shared/mentorship/journalRecords.ts'
import { trackerBaseFromTickets } from '@shared/mentorship/trackTickets.ts'
import { collection, type CollectionDef, type Fields } from '@core/collections/index.ts'
import { journalDoc, type JournalRef } from './docs.ts'
import { ACTION_ITEMS, FIRST_STEPS, FLOW, PAIR_FLOW, PROJECT_NOTES, PROJECTS, SESSIONS, THOUGHTS, TRACK_TICKETS, TRACKS } from './lists.ts'
import { patchPairFlow, patchPairInfo, readPairInfo } from './pair.ts'
import { flowAfterSessions } from '@shared/mentorship/programFlow.ts'
import { browserZone, todayIn } from '@shared/time/dates.ts'
import { EMPTY_PAIR_FLOW } from '@shared/mentorship/pairRecords.ts'
import { sessionNotes } from './sessions.ts'
import { markdownToNotes, notesToMarkdown } from './notesMarkdown.ts'

/** A pair's journal as the program's Markdown (shared/mentorship/journalMarkdown.ts) and back. */

function readRecords(doc: Y.Doc): JournalRecords {
  const all = <T>(def: CollectionDef<T>) => [...collection(doc, def).list()]
  const sessions = all(SESSIONS)
  return {
    sessions,
    notes: Object.fromEntries(sessions.map((s) => [s.id, notesToMarkdown(sessionNotes(doc, s.id))])),
    tracks: all(TRACKS),
    firstSteps: all(FIRST_STEPS),
    thoughts: all(THOUGHTS),
    trackTickets: all(TRACK_TICKETS),
    projects: all(PROJECTS),
    projectNotes: all(PROJECT_NOTES),
    actionItems: all(ACTION_ITEMS)
  }
}

/** Appends records in the order given (each within its parent), keeping their ids. */
function append<T>(doc: Y.Doc, def: CollectionDef<T>, records: readonly ({ id: string; order?: unknown } & Fields<T>)[]): void {
  collection(doc, def).createMany(records.map(({ order: _order, ...fields }) => fields as Fields<T> & { id: string }))
}

export function readJournal(journal: JournalRef): JournalModel {
  const doc = journalDoc(journal)
  const info = readPairInfo(doc)
  const [a, b] = info.participants
  return recordsToJournal({ title: info.title, firstDiscussed: info.firstDiscussed, participants: [a?.name ?? '', b?.name ?? ''] }, readRecords(doc))
}

/** The journal in the seed document's structure and date style. */
export function journalMarkdown(journal: JournalRef): string {
  return journalToMarkdown(readJournal(journal), { dateStyle: 'us', trackerBaseUrl: readPairInfo(journal).trackerBaseUrl || undefined })
}

export const UNPLACED_SESSION_TITLE = 'Not placed on import'

export interface JournalImportOptions {
  /** keep what the importer could not place as the notes of a session of its own */
  keepUnplaced: boolean
  /** today (ISO), for the program's flow; the device's own day when left out */
  today?: string
}

/**
 * Adds an imported journal to the pair: its sessions (with notes), directions and joint projects
 * come after what the pair has. The header (title, first discussed, participants, tracker) is
 * filled only where the pair has none. Returns a sentence saying what was added.
 */
export function importJournal(journal: JournalRef, imported: JournalModel, unplaced: readonly JournalIssue[], options: JournalImportOptions): string {
  const doc = journalDoc(journal)
  // every list is appended after what the pair has (order keys); the imported order is kept
  const records = journalToRecords(imported, { newId })
  const keep = options.keepUnplaced && unplaced.length > 0
  if (keep) {
    const id = newId()
    records.sessions.push({ id, title: UNPLACED_SESSION_TITLE, date: null, durationMinutes: null, order: records.sessions.length })
    records.notes[id] = unplaced.map((issue) => issue.text).join('\n\n')
  }
  const info = readPairInfo(doc)
  doc.transact(() => {
    const header: Record<string, unknown> = {}
    if (!info.title && imported.title) header.title = imported.title
    if (!info.firstDiscussed && imported.firstDiscussed) header.firstDiscussed = imported.firstDiscussed
    if (info.participants.length === 0 && imported.participants.some(Boolean)) {
      header.participants = imported.participants.map((name) => ({ name, profileId: null, beAMentor: [], seekAMentor: [] }))
    }
    const tracker = info.trackerBaseUrl ? null : trackerBaseFromTickets(records.trackTickets)
    if (tracker) header.trackerBaseUrl = tracker
    if (Object.keys(header).length) patchPairInfo(doc, header)
    append(doc, SESSIONS, records.sessions)
    append(doc, TRACKS, records.tracks)
    append(doc, FIRST_STEPS, records.firstSteps)
    append(doc, THOUGHTS, records.thoughts)
    append(doc, TRACK_TICKETS, records.trackTickets)
    append(doc, PROJECTS, records.projects)
    append(doc, PROJECT_NOTES, records.projectNotes)
    append(doc, ACTION_ITEMS, records.actionItems)
    for (const [sessionId, markdown] of Object.entries(records.notes)) markdownToNotes(sessionNotes(doc, sessionId), markdown)
  })
  // the program's flow follows the sessions held (an imported journal of months is past the intro);
  // read after the import's transaction, when the collection shows its records
  const dates = collection(doc, SESSIONS).list().map((s) => s.date)
  const flow = flowAfterSessions(collection(doc, PAIR_FLOW).get(FLOW) ?? EMPTY_PAIR_FLOW, dates, options.today ?? todayIn(browserZone(), Date.now()))
  if (Object.keys(flow).length) patchPairFlow(doc, flow)
  const added = `Imported ${describeJournalContent(imported)}.`
  return keep ? `${added} ${unplaced.length} unplaced ${unplaced.length === 1 ? 'part is' : 'parts are'} in the session “${UNPLACED_SESSION_TITLE}”.` : added
}
