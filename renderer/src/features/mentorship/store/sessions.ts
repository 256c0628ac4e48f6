import { useMemo } from 'react'
import type * as Y from 'yjs'
import { SessionRecord, sessionsInOrder } from '@shared/mentorship/pairRecords.ts'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
import { addItem, patchItem, removeItem, SESSIONS, sessionNotesName } from './lists.ts'

/** Sessions of the pair's journal; each one's notes are a rich-text fragment `session:<id>`. */
export type SessionNotes = Y.XmlFragment

export function readSessions(doc: Y.Doc): Rec<SessionRecord>[] {
  return sessionsInOrder(collection(doc, SESSIONS).list())
}

export function useSessions(doc: Y.Doc | null): Rec<SessionRecord>[] {
  const sessions = useRecords(doc, SESSIONS)
  return useMemo(() => sessionsInOrder(sessions), [sessions])
}

export function sessionNotes(doc: Y.Doc, sessionId: string): SessionNotes {
  return doc.getXmlFragment(sessionNotesName(sessionId))
}

export function addSession(doc: Y.Doc, fields: Omit<SessionRecord, 'order'>): string {
  return addItem(doc, SESSIONS, fields)
}

export function patchSession(doc: Y.Doc, id: string, fields: Partial<Omit<SessionRecord, 'order'>>): void {
  patchItem(doc, SESSIONS, id, fields)
}

/** Removes the session and empties its notes. */
export function removeSession(doc: Y.Doc, id: string): void {
  removeItem(doc, SESSIONS, id)
}
