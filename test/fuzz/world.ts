import * as Y from 'yjs'
import { collection, type CollectionDef } from '@core/collections/index.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { type BoardSession, currentBoard, sessionOf } from '@features/retro/store/board.ts'
import { readTeamActions } from '@features/retro/store/actions.ts'
import { ACTIONS, ACTION_STATUS, BOARDS, CARDS, GROUPS, READY, VOTES } from '@features/retro/store/collections.ts'
import { ACTION_ITEMS, FIRST_STEPS, PROJECT_NOTES, PROJECTS, SESSIONS, THOUGHTS, TRACK_TICKETS, TRACKS } from '@features/mentorship/store/lists.ts'
import { readProjects } from '@features/mentorship/store/projects.ts'
import { readSessions, sessionNotes } from '@features/mentorship/store/sessions.ts'
import { readTracks } from '@features/mentorship/store/tracks.ts'
import { discussionOrder, voteTargets } from '@shared/retro/groups.ts'
import { tallyVotes } from '@shared/retro/votes.ts'

/**
 * The world of a fuzz run: peers (devices), each with its own copy of the three shared documents
 * the fuzz drives — a team's root document (retro action items), the team's sprint document with
 * the retro board, and a pair's journal — and what each peer shows of them.
 */
export const TEAM = 'team-fuzz'
export const SPRINT = 7
export const BOARD_DOC_ID = `${TEAM}/sprint/${SPRINT}`
/** who uses each peer (device); votes are also cast as others (a person with two devices) */
export const PEOPLE = ['ana', 'ben', 'cy', 'dee', 'eve'] as const

export const DOC_NAMES = ['team', 'board', 'journal'] as const
export type DocName = (typeof DOC_NAMES)[number]
export type Docs = Record<DocName, Y.Doc>

export interface Peer {
  readonly index: number
  readonly person: string
  readonly docs: Docs
  readonly session: BoardSession
  /** cards whose editor is open on this peer: card id → the text the edit started from */
  readonly editing: Map<string, string>
}

/** A board session over a plain document (what the store's hooks give the screens). */
export function boardSession(doc: Y.Doc): BoardSession {
  return sessionOf({ docId: BOARD_DOC_ID, doc } as unknown as DocLink, TEAM, SPRINT)
}

export function makePeer(index: number): Peer {
  // client ids come from the seeded generator (random.ts), so they differ per seed but replay
  const docs: Docs = { team: new Y.Doc(), board: new Y.Doc(), journal: new Y.Doc() }
  return { index, person: PEOPLE[index % PEOPLE.length]!, docs, session: boardSession(docs.board), editing: new Map() }
}

/**
 * The record collections the fuzz follows (created, removed, lost, resurrected), with the document
 * each lives in. Ready markers are left out: "not ready" empties a marker, and it comes back.
 */
export interface Tracked {
  readonly doc: DocName
  readonly def: CollectionDef<unknown>
}
const t = <T,>(doc: DocName, def: CollectionDef<T>): Tracked => ({ doc, def: def as CollectionDef<unknown> })
export const TRACKED: readonly Tracked[] = [
  t('team', ACTIONS),
  t('team', ACTION_STATUS),
  t('board', CARDS),
  t('board', GROUPS),
  t('board', VOTES),
  t('journal', SESSIONS),
  t('journal', TRACKS),
  t('journal', FIRST_STEPS),
  t('journal', THOUGHTS),
  t('journal', TRACK_TICKETS),
  t('journal', PROJECTS),
  t('journal', PROJECT_NOTES),
  t('journal', ACTION_ITEMS)
]
export const ORDERED: readonly Tracked[] = TRACKED.filter((c) => c.def.ordered)

/** Every collection a peer reads, with its document: for the "malformed record" check. */
export const ALL_COLLECTIONS: readonly Tracked[] = [...TRACKED, t('board', BOARDS), t('board', READY)]

export const key = (c: Tracked): string => c.def.name

/** The ids each tracked collection holds on these documents. */
export function idsOf(docs: Docs): Map<string, Set<string>> {
  return new Map(TRACKED.map((c) => [key(c), new Set(collection(docs[c.doc], c.def).list().map((r) => r.id))]))
}

/** The board's tally as every screen computes it (budget and cap from the board's settings). */
export function boardTally(docs: Docs) {
  const session = boardSession(docs.board)
  const board = currentBoard(session)
  const cards = collection(docs.board, CARDS).list()
  const groups = collection(docs.board, GROUPS).list()
  const votes = collection(docs.board, VOTES).list()
  const targets = voteTargets(cards, groups)
  const voting = board?.settings.voting ?? { budget: 5, cap: 3 }
  const options = { ...voting, targets }
  return { board, cards, groups, votes, targets, options, tally: tallyVotes(votes, options) }
}

/**
 * What people see on a peer: every screen's data as the stores give it (the board with its
 * cards, groups, votes, ready markers, the tally and the discussion order; the team's action
 * items; the journal's sessions with their notes, directions and projects with their lists), plus
 * the raw child lists (a child whose parent is gone shows nowhere, but an export reads them).
 */
export function visibleState(docs: Docs): unknown {
  const { board, cards, groups, votes, targets, tally } = boardTally(docs)
  const sessions = readSessions(docs.journal)
  return {
    board,
    cards,
    groups,
    votes,
    ready: collection(docs.board, READY).list(),
    targets,
    tally,
    topics: discussionOrder(cards, groups, tally, board?.layout.columns.map((c) => c.id) ?? []),
    actions: readTeamActions(docs.team),
    sessions: sessions.map((s) => ({ ...s, notes: sessionNotes(docs.journal, s.id).toJSON() })),
    tracks: readTracks(docs.journal),
    projects: readProjects(docs.journal),
    children: Object.fromEntries(
      [FIRST_STEPS, THOUGHTS, TRACK_TICKETS, PROJECT_NOTES, ACTION_ITEMS].map((def) => [def.name, collection(docs.journal, def as CollectionDef<unknown>).list()])
    )
  }
}

/** A fresh copy of a peer's documents, read from scratch (no cached records). */
export function freshCopy(docs: Docs): Docs {
  const copy = (doc: Y.Doc) => {
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc))
    return fresh
  }
  return { team: copy(docs.team), board: copy(docs.board), journal: copy(docs.journal) }
}

/** The first place two values differ, as a path (for a readable failure). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${short(a)} ≠ ${short(b)}`
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} ≠ ${b.length} (${short(a)} ≠ ${short(b)})`
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (d) return d
    }
    return null
  }
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort()
  for (const k of keys) {
    const d = firstDifference(ra[k], rb[k], `${path}.${k}`)
    if (d) return d
  }
  return null
}

export function short(v: unknown, max = 300): string {
  const s = JSON.stringify(v) ?? String(v)
  return s.length > max ? `${s.slice(0, max)}…` : s
}

/** A short, stable form of an id for the op log. */
export const sid = (id: string): string => (id.length > 8 ? id.slice(0, 6) : id)
