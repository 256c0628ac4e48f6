import type { Journal, JointProject, Session, Track } from './journal.ts'
import {
  inOrder,
  sessionsInOrder,
  type ActionItemRecord,
  type FirstStepRecord,
  type ProjectNoteRecord,
  type ProjectRecord,
  type SessionRecord,
  type Stored,
  type ThoughtRecord,
  type TrackRecord,
  type TrackTicketRecord
} from './pairRecords.ts'
import type { StoredOrder } from '../collections/order.ts'

/**
 * A pair's journal (journal.ts, what the Markdown import/export speaks) ⇄ the flat records it is
 * stored as (pairRecords.ts). Session notes travel as Markdown beside the records: the data layer
 * turns them into rich-text fragments and back.
 */

export interface JournalRecords {
  sessions: Stored<SessionRecord>[]
  /** session id → notes as Markdown */
  notes: Record<string, string>
  tracks: Stored<TrackRecord>[]
  firstSteps: Stored<FirstStepRecord>[]
  thoughts: Stored<ThoughtRecord>[]
  trackTickets: Stored<TrackTicketRecord>[]
  projects: Stored<ProjectRecord>[]
  projectNotes: Stored<ProjectNoteRecord>[]
  actionItems: Stored<ActionItemRecord>[]
}

export interface JournalHeader {
  title: string
  firstDiscussed: string | null
  participants: [string, string]
}

export function emptyRecords(): JournalRecords {
  return { sessions: [], notes: {}, tracks: [], firstSteps: [], thoughts: [], trackTickets: [], projects: [], projectNotes: [], actionItems: [] }
}

export interface ToRecordsOptions {
  /** fresh ids for the new records (imports never reuse the Markdown's positional ids) */
  newId: () => string
}

/** Records for everything in the journal, with fresh ids; links between them follow the new ids. */
export function journalToRecords(journal: Journal, options: ToRecordsOptions): JournalRecords {
  const out = emptyRecords()
  const sessionIds = new Map<string, string>()
  journal.sessions.forEach((session, i) => {
    const id = options.newId()
    sessionIds.set(session.id, id)
    out.sessions.push({ id, title: session.title, date: session.date, durationMinutes: session.durationMinutes, order: i })
    out.notes[id] = session.notes
  })
  const session = (id: string | null) => (id === null ? null : (sessionIds.get(id) ?? null))
  journal.tracks.forEach((track, i) => {
    const trackId = options.newId()
    out.tracks.push({ id: trackId, mentorName: track.mentor, menteeName: track.mentee, topic: track.topic, discussedIn: session(track.discussedIn), order: i })
    track.firstSteps.forEach((step, order) => out.firstSteps.push({ id: options.newId(), trackId, text: step.text, done: step.done, order }))
    track.thoughts.forEach((text, order) => out.thoughts.push({ id: options.newId(), trackId, text, order }))
    track.tickets.forEach((ticket, order) => out.trackTickets.push({ id: options.newId(), trackId, key: ticket.key, url: ticket.url, order }))
  })
  journal.jointProjects.forEach((project, i) => {
    const projectId = options.newId()
    out.projects.push({ id: projectId, title: project.title, discussedIn: session(project.discussedIn), order: i })
    project.notes.forEach((text, order) => out.projectNotes.push({ id: options.newId(), projectId, text, order }))
    project.actionItems.forEach((item, order) =>
      out.actionItems.push({ id: options.newId(), projectId, text: item.text, owner: item.owner, done: item.done, order })
    )
  })
  return out
}

function childrenOf<T extends { order: StoredOrder; id: string }>(items: readonly T[], belongs: (item: T) => boolean): T[] {
  return inOrder(items.filter(belongs))
}

/** The journal the records describe, in display order; ids are the records' ids. */
export function recordsToJournal(header: JournalHeader, records: JournalRecords): Journal {
  const sessions: Session[] = sessionsInOrder(records.sessions).map((s) => ({
    id: s.id,
    title: s.title,
    date: s.date,
    durationMinutes: s.durationMinutes,
    notes: records.notes[s.id] ?? ''
  }))
  const tracks: Track[] = inOrder(records.tracks).map((t) => ({
    id: t.id,
    mentor: t.mentorName,
    mentee: t.menteeName,
    topic: t.topic,
    discussedIn: t.discussedIn,
    tickets: childrenOf(records.trackTickets, (x) => x.trackId === t.id).map((x) => ({ key: x.key, url: x.url })),
    thoughts: childrenOf(records.thoughts, (x) => x.trackId === t.id).map((x) => x.text),
    firstSteps: childrenOf(records.firstSteps, (x) => x.trackId === t.id).map((x) => ({ text: x.text, done: x.done }))
  }))
  const jointProjects: JointProject[] = inOrder(records.projects).map((p) => ({
    id: p.id,
    title: p.title,
    discussedIn: p.discussedIn,
    notes: childrenOf(records.projectNotes, (x) => x.projectId === p.id).map((x) => x.text),
    actionItems: childrenOf(records.actionItems, (x) => x.projectId === p.id).map((x) => ({ text: x.text, owner: x.owner, done: x.done }))
  }))
  return { title: header.title, firstDiscussed: header.firstDiscussed, participants: header.participants, sessions, tracks, jointProjects }
}

/** What an import brings, in words: "2 sessions, 2 directions and 1 joint project". */
export function describeJournalContent(journal: Pick<Journal, 'sessions' | 'tracks' | 'jointProjects'>): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  const parts = [
    count(journal.sessions.length, 'session', 'sessions'),
    count(journal.tracks.length, 'direction', 'directions'),
    count(journal.jointProjects.length, 'joint project', 'joint projects')
  ]
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}
