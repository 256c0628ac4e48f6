import type * as Y from 'yjs'
import { newId } from '../../../../shared/spaces/key.ts'
import type { Journal } from '../../../../shared/mentorship/journal.ts'
import type { JournalIssue } from '../../../../shared/mentorship/journalImport.ts'
import { journalToMarkdown } from '../../../../shared/mentorship/journalMarkdown.ts'
import { describeJournalContent, journalToRecords, recordsToJournal, type JournalRecords } from '../../../../shared/mentorship/journalRecords.ts'
import {
  ActionItemRecord,
  FirstStepRecord,
  ProjectNoteRecord,
  ProjectRecord,
  SessionRecord,
  ThoughtRecord,
  TrackRecord,
  TrackTicketRecord,
  nextOrder
} from '../../../../shared/mentorship/pairRecords.ts'
import { trackerBaseFromTickets } from '../../../../shared/mentorship/trackTickets.ts'
import { patchRecord, readCollection, transact } from '../collections.ts'
import { ACTION_ITEMS, FIRST_STEPS, PROJECT_NOTES, PROJECTS, SESSIONS, THOUGHTS, TRACK_TICKETS, TRACKS } from './lists.ts'
import { patchPairInfo, readPairInfo } from './pair.ts'
import { sessionNotes } from './sessions.ts'
import { markdownToNotes, notesToMarkdown } from './notesMarkdown.ts'

/** A pair's journal document as the program's Markdown (shared/mentorship/journalMarkdown.ts) and back. */

function readRecords(doc: Y.Doc): JournalRecords {
  const sessions = readCollection(doc, SESSIONS, SessionRecord)
  return {
    sessions,
    notes: Object.fromEntries(sessions.map((s) => [s.id, notesToMarkdown(sessionNotes(doc, s.id))])),
    tracks: readCollection(doc, TRACKS, TrackRecord),
    firstSteps: readCollection(doc, FIRST_STEPS, FirstStepRecord),
    thoughts: readCollection(doc, THOUGHTS, ThoughtRecord),
    trackTickets: readCollection(doc, TRACK_TICKETS, TrackTicketRecord),
    projects: readCollection(doc, PROJECTS, ProjectRecord),
    projectNotes: readCollection(doc, PROJECT_NOTES, ProjectNoteRecord),
    actionItems: readCollection(doc, ACTION_ITEMS, ActionItemRecord)
  }
}

export function readJournal(doc: Y.Doc): Journal {
  const info = readPairInfo(doc)
  const [a, b] = info.participants
  return recordsToJournal({ title: info.title, firstDiscussed: info.firstDiscussed, participants: [a?.name ?? '', b?.name ?? ''] }, readRecords(doc))
}

/** The journal in the seed document's structure and date style. */
export function journalMarkdown(doc: Y.Doc): string {
  return journalToMarkdown(readJournal(doc), { dateStyle: 'us', trackerBaseUrl: readPairInfo(doc).trackerBaseUrl || undefined })
}

export const UNPLACED_SESSION_TITLE = 'Not placed on import'

export interface JournalImportOptions {
  /** keep what the importer could not place as the notes of a session of its own */
  keepUnplaced: boolean
}

/**
 * Adds an imported journal to the pair: its sessions (with notes), directions and joint projects
 * come after what the pair has. The header (title, first discussed, participants, tracker) is
 * filled only where the pair has none. Returns a sentence saying what was added.
 */
export function importJournal(doc: Y.Doc, journal: Journal, unplaced: readonly JournalIssue[], options: JournalImportOptions): string {
  const existing = readRecords(doc)
  const records = journalToRecords(journal, {
    newId,
    orderFrom: { sessions: nextOrder(existing.sessions), tracks: nextOrder(existing.tracks), projects: nextOrder(existing.projects) }
  })
  const keep = options.keepUnplaced && unplaced.length > 0
  if (keep) {
    const id = newId()
    records.sessions.push({ id, title: UNPLACED_SESSION_TITLE, date: null, durationMinutes: null, order: nextOrder([...existing.sessions, ...records.sessions]) })
    records.notes[id] = unplaced.map((issue) => issue.text).join('\n\n')
  }
  const info = readPairInfo(doc)
  transact(doc, () => {
    const header: Record<string, unknown> = {}
    if (!info.title && journal.title) header.title = journal.title
    if (!info.firstDiscussed && journal.firstDiscussed) header.firstDiscussed = journal.firstDiscussed
    if (info.participants.length === 0 && journal.participants.some(Boolean)) {
      header.participants = journal.participants.map((name) => ({ name, profileId: null, beAMentor: [], seekAMentor: [] }))
    }
    const tracker = info.trackerBaseUrl ? null : trackerBaseFromTickets(records.trackTickets)
    if (tracker) header.trackerBaseUrl = tracker
    if (Object.keys(header).length) patchPairInfo(doc, header)
    const lists: [string, { id: string }[]][] = [
      [SESSIONS, records.sessions],
      [TRACKS, records.tracks],
      [FIRST_STEPS, records.firstSteps],
      [THOUGHTS, records.thoughts],
      [TRACK_TICKETS, records.trackTickets],
      [PROJECTS, records.projects],
      [PROJECT_NOTES, records.projectNotes],
      [ACTION_ITEMS, records.actionItems]
    ]
    for (const [list, items] of lists) for (const { id, ...fields } of items) patchRecord(doc, list, id, fields)
    for (const [sessionId, markdown] of Object.entries(records.notes)) markdownToNotes(sessionNotes(doc, sessionId), markdown)
  })
  const added = `Imported ${describeJournalContent(journal)}.`
  return keep ? `${added} ${unplaced.length} unplaced ${unplaced.length === 1 ? 'part is' : 'parts are'} in the session “${UNPLACED_SESSION_TITLE}”.` : added
}
