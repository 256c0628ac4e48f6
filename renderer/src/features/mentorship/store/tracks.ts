import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { FirstStepRecord, ThoughtRecord, TrackRecord, TrackTicketRecord } from '@shared/mentorship/pairRecords.ts'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
import { addItem, FIRST_STEPS, removeItem, THOUGHTS, TRACK_TICKETS, TRACKS } from './lists.ts'

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

export function readTracks(doc: Y.Doc): TrackView[] {
  return view(doc, collection(doc, TRACKS).list())
}

export function useTracks(doc: Y.Doc | null): TrackView[] {
  const tracks = useRecords(doc, TRACKS)
  const steps = useRecords(doc, FIRST_STEPS)
  const thoughts = useRecords(doc, THOUGHTS)
  const tickets = useRecords(doc, TRACK_TICKETS)
  // the children are read through their collections; their snapshots say when to read again
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (doc ? view(doc, tracks) : []), [doc, tracks, steps, thoughts, tickets])
}

export function addTrack(doc: Y.Doc, fields: Omit<TrackRecord, 'order'>): string {
  return addItem(doc, TRACKS, fields)
}

export function addFirstStep(doc: Y.Doc, trackId: string, text: string): string {
  return addItem(doc, FIRST_STEPS, { trackId, text, done: false })
}

export function addThought(doc: Y.Doc, trackId: string, text: string): string {
  return addItem(doc, THOUGHTS, { trackId, text })
}

export function addTrackTicket(doc: Y.Doc, trackId: string, key: string, url: string | null): string {
  return addItem(doc, TRACK_TICKETS, { trackId, key, url })
}

/** Removes the direction with its first steps, thoughts and tickets. */
export function removeTrack(doc: Y.Doc, trackId: string): void {
  removeItem(doc, TRACKS, trackId)
}
