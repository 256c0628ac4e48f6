import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { FirstStepRecord, ThoughtRecord, TrackRecord, TrackTicketRecord } from '@shared/mentorship/pairRecords.ts'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
import { journalDoc, type Journal, type JournalRef } from './docs.ts'
import { addItem, FIRST_STEPS, patchItem, removeItem, THOUGHTS, TRACK_TICKETS, TRACKS } from './lists.ts'

/** The pair's directions (tracks), one per direction, with their lists. */
export interface TrackView extends Rec<TrackRecord> {
  firstSteps: readonly Rec<FirstStepRecord>[]
  thoughts: readonly Rec<ThoughtRecord>[]
  tickets: readonly Rec<TrackTicketRecord>[]
}

function view(doc: Y.Doc, tracks: readonly Rec<TrackRecord>[]): TrackView[] {
  const steps = collection(doc, FIRST_STEPS)
  const thoughts = collection(doc, THOUGHTS)
  const tickets = collection(doc, TRACK_TICKETS)
  return tracks.map((track) => ({
    ...track,
    firstSteps: steps.childrenOf(track.id),
    thoughts: thoughts.childrenOf(track.id),
    tickets: tickets.childrenOf(track.id)
  }))
}

export function readTracks(journal: JournalRef): TrackView[] {
  const doc = journalDoc(journal)
  return view(doc, collection(doc, TRACKS).list())
}

export function useTracks(journal: Journal | null): TrackView[] {
  const doc = journal && journalDoc(journal)
  const tracks = useRecords(doc, TRACKS)
  const steps = useRecords(doc, FIRST_STEPS)
  const thoughts = useRecords(doc, THOUGHTS)
  const tickets = useRecords(doc, TRACK_TICKETS)
  // the children are read through their collections; their snapshots say when to read again
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (doc ? view(doc, tracks) : []), [doc, tracks, steps, thoughts, tickets])
}

export function addTrack(journal: JournalRef, fields: Omit<TrackRecord, 'order'>): string {
  return addItem(journalDoc(journal), TRACKS, fields)
}

/** Changes a direction's header: who mentors whom, its topic, the session it was set up in. */
export function patchTrack(journal: JournalRef, trackId: string, fields: Partial<Omit<TrackRecord, 'order'>>): void {
  patchItem(journalDoc(journal), TRACKS, trackId, fields)
}

/** Removes the direction with its first steps, thoughts and tickets. */
export function removeTrack(journal: JournalRef, trackId: string): void {
  removeItem(journalDoc(journal), TRACKS, trackId)
}

export function addFirstStep(journal: JournalRef, trackId: string, text: string): string {
  return addItem(journalDoc(journal), FIRST_STEPS, { trackId, text, done: false })
}

export function patchFirstStep(journal: JournalRef, id: string, fields: Partial<Pick<FirstStepRecord, 'text' | 'done'>>): void {
  patchItem(journalDoc(journal), FIRST_STEPS, id, fields)
}

export function removeFirstStep(journal: JournalRef, id: string): void {
  removeItem(journalDoc(journal), FIRST_STEPS, id)
}

export function addThought(journal: JournalRef, trackId: string, text: string): string {
  return addItem(journalDoc(journal), THOUGHTS, { trackId, text })
}

export function patchThought(journal: JournalRef, id: string, text: string): void {
  patchItem(journalDoc(journal), THOUGHTS, id, { text })
}

export function removeThought(journal: JournalRef, id: string): void {
  removeItem(journalDoc(journal), THOUGHTS, id)
}

export function addTrackTicket(journal: JournalRef, trackId: string, key: string, url: string | null): string {
  return addItem(journalDoc(journal), TRACK_TICKETS, { trackId, key, url })
}

export function removeTrackTicket(journal: JournalRef, id: string): void {
  removeItem(journalDoc(journal), TRACK_TICKETS, id)
}
