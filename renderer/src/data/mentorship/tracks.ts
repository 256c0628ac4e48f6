import type * as Y from 'yjs'
import {
  FirstStepRecord,
  ThoughtRecord,
  TrackRecord,
  TrackTicketRecord,
  inOrder
} from '../../../../shared/mentorship/pairRecords.ts'
import { readCollection, useDocRead, type WithId } from '../collections.ts'
import { addItem, FIRST_STEPS, removeWithChildren, THOUGHTS, TRACK_TICKETS, TRACKS } from './lists.ts'

/** The pair's directions (tracks), one per direction, with their lists. */
export interface TrackView extends WithId<TrackRecord> {
  firstSteps: WithId<FirstStepRecord>[]
  thoughts: WithId<ThoughtRecord>[]
  tickets: WithId<TrackTicketRecord>[]
}

export function readTracks(doc: Y.Doc): TrackView[] {
  const steps = readCollection(doc, FIRST_STEPS, FirstStepRecord)
  const thoughts = readCollection(doc, THOUGHTS, ThoughtRecord)
  const tickets = readCollection(doc, TRACK_TICKETS, TrackTicketRecord)
  return inOrder(readCollection(doc, TRACKS, TrackRecord)).map((track) => ({
    ...track,
    firstSteps: inOrder(steps.filter((s) => s.trackId === track.id)),
    thoughts: inOrder(thoughts.filter((t) => t.trackId === track.id)),
    tickets: inOrder(tickets.filter((t) => t.trackId === track.id))
  }))
}

const NONE: TrackView[] = []

export function useTracks(doc: Y.Doc | null): TrackView[] {
  return useDocRead(doc, readTracks, NONE)
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

export function removeTrack(doc: Y.Doc, trackId: string): void {
  removeWithChildren(doc, TRACKS, trackId, [
    { list: FIRST_STEPS, parentField: 'trackId' },
    { list: THOUGHTS, parentField: 'trackId' },
    { list: TRACK_TICKETS, parentField: 'trackId' }
  ])
}
