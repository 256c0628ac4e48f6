import { useMemo } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { SessionRecord, sessionsInOrder } from '@shared/mentorship/pairRecords.ts'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
import { journalDoc, journalLink, type Journal, type JournalRef } from './docs.ts'
import { addItem, patchItem, removeItem, SESSIONS, sessionNotesName } from './lists.ts'

/** Sessions of the pair's journal; each one's notes are a rich-text fragment `session:<id>`. */
export type SessionNotes = Y.XmlFragment

export function readSessions(journal: JournalRef): Rec<SessionRecord>[] {
  return sessionsInOrder(collection(journalDoc(journal), SESSIONS).list())
}

export function useSessions(journal: Journal | null): Rec<SessionRecord>[] {
  const sessions = useRecords(journal && journalDoc(journal), SESSIONS)
  return useMemo(() => sessionsInOrder(sessions), [sessions])
}

export function sessionNotes(journal: JournalRef, sessionId: string): SessionNotes {
  return journalDoc(journal).getXmlFragment(sessionNotesName(sessionId))
}

/**
 * What the rich-text editor binds to for a session's notes: the shared fragment (the one Yjs type
 * a component may hold) and the journal's awareness, which draws the other person's caret.
 */
export interface NotesBinding {
  fragment: SessionNotes
  awareness: Awareness
}

export function sessionNotesBinding(journal: Journal, sessionId: string): NotesBinding {
  return { fragment: sessionNotes(journal, sessionId), awareness: journalLink(journal).awareness }
}

export function addSession(journal: JournalRef, fields: Omit<SessionRecord, 'order'>): string {
  return addItem(journalDoc(journal), SESSIONS, fields)
}

export function patchSession(journal: JournalRef, id: string, fields: Partial<Omit<SessionRecord, 'order'>>): void {
  patchItem(journalDoc(journal), SESSIONS, id, fields)
}

/** Removes the session and empties its notes. */
export function removeSession(journal: JournalRef, id: string): void {
  removeItem(journalDoc(journal), SESSIONS, id)
}
