import type * as Y from 'yjs'
import { SessionRecord, sessionsInOrder } from '../../../../shared/mentorship/pairRecords.ts'
import { readCollection, richText, transact, useDocRead, type WithId } from '../collections.ts'
import { addItem, patchItem, removeItem, SESSIONS } from './lists.ts'

/** Sessions of the pair's journal; each one's notes are a rich-text fragment `session:<id>`. */
export type SessionNotes = Y.XmlFragment

export function readSessions(doc: Y.Doc): WithId<SessionRecord>[] {
  return sessionsInOrder(readCollection(doc, SESSIONS, SessionRecord))
}

const NONE: WithId<SessionRecord>[] = []

export function useSessions(doc: Y.Doc | null): WithId<SessionRecord>[] {
  return useDocRead(doc, readSessions, NONE)
}

export function sessionNotes(doc: Y.Doc, sessionId: string): SessionNotes {
  return richText(doc, `session:${sessionId}`)
}

export function addSession(doc: Y.Doc, fields: Omit<SessionRecord, 'order'>): string {
  return addItem(doc, SESSIONS, fields)
}

export function patchSession(doc: Y.Doc, id: string, fields: Partial<Omit<SessionRecord, 'order'>>): void {
  patchItem(doc, SESSIONS, id, fields)
}

/** Removes the session and empties its notes. */
export function removeSession(doc: Y.Doc, id: string): void {
  transact(doc, () => {
    const notes = sessionNotes(doc, id)
    if (notes.length > 0) notes.delete(0, notes.length)
    removeItem(doc, SESSIONS, id)
  })
}
