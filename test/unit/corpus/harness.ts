import * as Y from 'yjs'
import ICAL from 'ical.js'
import { z } from 'zod'
import { collection, defineCollection, documentStats, type CollectionDef } from '@core/collections/index.ts'
import { readMembers, readMeta } from '@core/spaces/spaceDoc.ts'
import { readFrame } from '../../../electron/signaling/frames.ts'
import { parseClientFrame, parseRelayFrame } from '@shared/relay/protocol.ts'
import { IpcContractError, parseEvent, parseRequest, parseResponse } from '@shared/ipc/contract.ts'
import { journalFromMarkdown } from '@shared/mentorship/journalMarkdown.ts'
import { parseMarkdown, plainText } from '@shared/mentorship/markdownTree.ts'
import { OkrRecord, PoolProfile, ThoughtRecord, TrackTicketRecord } from '@shared/mentorship/pairRecords.ts'
import { importProfiles } from '@shared/mentorship/profileYaml.ts'
import { PairFeedback, SharedFeedback } from '@shared/mentorship/feedback.ts'
import { PairStart } from '@shared/mentorship/pairStarts.ts'
import { ProfileNote } from '@shared/mentorship/profileNotes.ts'
import { parseTrackerCsv } from '@shared/less/csvImport.ts'
import { toCsv, type CsvValue } from '@shared/retro/csv.ts'
import { RetroBoardFields } from '@shared/retro/board.ts'
import { CardFields } from '@shared/retro/cards.ts'
import { LateTicketFields } from '@shared/retro/lateTickets.ts'
import { decodeInvite, InviteError } from '@shared/spaces/invite.ts'
import { OccurrenceOverride } from '@shared/sprint/cadence.ts'
import { composeCadence, defaultCadenceFields, TeamRecord } from '@shared/sprint/cadenceRecords.ts'
import { exportIcs } from '@shared/sprint/ics.ts'
import { PersonSettings } from '@shared/sprint/people.ts'
import { Opportunity, PlanTicket, SyncUpEntry } from '@shared/sprint/sprintRecords.ts'
import { linkTickets } from '@shared/tickets/tickets.ts'
import { readArchive } from '@shared/backup/archive.ts'
import { checkDeviceCode } from '@shared/backup/deviceCode.ts'
import { JoinRequest } from '@shared/spaces/joinRequest.ts'
import { RekeyRecord } from '@shared/spaces/rotation.ts'
import { openBox, type BoxKeyPair } from '@shared/spaces/seal.ts'

/**
 * The malformed-input corpus (issue 10, "checks that keep it fixed"): every parser that reads what a
 * file, a link, a peer or the other process sends, each fed the same way the app feeds it. A case
 * ends in an Outcome — refused with a message a person can read, or a value — and a parser that
 * throws anything but its own documented refusal fails the case (corpus.test.ts). The bench
 * (bench/corpus.ts) runs the same cases and records each parser's p95 time.
 */
export type Outcome = { kind: 'refused'; message: string } | { kind: 'value'; value: unknown }

export const refused = (message: string): Outcome => ({ kind: 'refused', message })
export const value = (v: unknown): Outcome => ({ kind: 'value', value: v })

/** A message a person can act on: a sentence, not a stack, a code dump or an object. */
export function isClearMessage(message: string): boolean {
  return (
    message.trim().length > 0 &&
    message.length <= 600 &&
    !/\n\s+at /.test(message) &&
    // what a message quotes from the input shows no control character or direction override
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(message) &&
    !/\[object \w+\]|^(?:Type|Reference|Range|Syntax)Error\b|Cannot read propert|call stack|out of memory/i.test(message)
  )
}

// ── peer records: what a peer wrote into a shared document, read through the collection layer ──

const COLLECTIONS = {
  cards: defineCollection({ name: 'corpus-cards', schema: CardFields }),
  boards: defineCollection({ name: 'corpus-boards', schema: RetroBoardFields }),
  lateTickets: defineCollection({ name: 'corpus-lateTickets', schema: LateTicketFields }),
  thoughts: defineCollection({ name: 'corpus-thoughts', schema: ThoughtRecord, ordered: true }),
  trackTickets: defineCollection({ name: 'corpus-trackTickets', schema: TrackTicketRecord, ordered: true }),
  okrs: defineCollection({ name: 'corpus-okrs', schema: OkrRecord }),
  pool: defineCollection({ name: 'corpus-pool', schema: PoolProfile }),
  feedback: defineCollection({ name: 'corpus-feedback', schema: PairFeedback }),
  pairFeedback: defineCollection({ name: 'corpus-pairFeedback', schema: SharedFeedback }),
  pairStarts: defineCollection({ name: 'corpus-pairStarts', schema: PairStart }),
  profileNotes: defineCollection({ name: 'corpus-profileNotes', schema: ProfileNote }),
  people: defineCollection({ name: 'corpus-people', schema: PersonSettings }),
  teams: defineCollection({ name: 'corpus-teams', schema: TeamRecord }),
  plan: defineCollection({ name: 'corpus-plan', schema: PlanTicket, ordered: true }),
  syncup: defineCollection({ name: 'corpus-syncup', schema: SyncUpEntry }),
  opportunities: defineCollection({ name: 'corpus-opportunities', schema: Opportunity }),
  anything: defineCollection({ name: 'corpus-anything', schema: z.record(z.string(), z.unknown()) })
} as const
export type CorpusCollection = keyof typeof COLLECTIONS

export interface PeerRecordInput {
  collection: CorpusCollection
  /** an honest record already there, which must stay readable */
  honest?: { id: string; fields: Record<string, unknown> }
  /** what the peer writes, field by field, straight into the record's map */
  writes: { id: string; fields: Record<string, unknown> }[]
  /** extra junk root keys the peer adds in the same update */
  junkKeys?: number
}

export interface PeerRecordResult {
  ids: string[]
  records: Record<string, unknown>[]
  honest: unknown
  skipped: number
  foreignRecords: number
}

/** The peer's side, made once per input: the document before, and the update the peer sends. */
const peerUpdates = new WeakMap<PeerRecordInput, { before: Uint8Array; update: Uint8Array }>()

function peerSide(input: PeerRecordInput, def: CollectionDef<Record<string, unknown>>): { before: Uint8Array; update: Uint8Array } {
  const made = peerUpdates.get(input)
  if (made) return made
  const peer = new Y.Doc()
  if (input.honest) collection(peer, def).create(input.honest.fields as never, { id: input.honest.id })
  const before = Y.encodeStateAsUpdate(peer)
  const vector = Y.encodeStateVector(peer)
  peer.transact(() => {
    for (const w of input.writes) {
      const map = peer.getMap<unknown>(`${def.name}::${w.id}`)
      for (const [key, v] of Object.entries(w.fields)) map.set(key, v)
    }
    for (let i = 0; i < (input.junkKeys ?? 0); i++) peer.getMap(`corpus-junk::${i}`).set('x', i)
  })
  const sides = { before, update: Y.encodeStateAsUpdate(peer, vector) }
  peerUpdates.set(input, sides)
  return sides
}

/** The reader's side, which is what is measured: a device with the screen open receives the update. */
function peerRecord(input: PeerRecordInput): Outcome {
  const def = COLLECTIONS[input.collection] as CollectionDef<Record<string, unknown>>
  const { before, update } = peerSide(input, def)
  const reader = new Y.Doc()
  Y.applyUpdate(reader, before)
  const c = collection(reader, def)
  c.list() // the screen is open: the update below is read as it arrives
  Y.applyUpdate(reader, update)
  const records = c.list() as unknown as Record<string, unknown>[]
  return value({
    ids: records.map((r) => r.id as string),
    records,
    honest: input.honest ? c.get(input.honest.id) : null,
    skipped: c.stats.skipped,
    foreignRecords: documentStats(reader).foreignRecords
  } satisfies PeerRecordResult)
}

export interface SpaceDocInput {
  meta?: Record<string, unknown>
  members?: Record<string, unknown>
}

function spaceDoc(input: SpaceDocInput): Outcome {
  const peer = new Y.Doc()
  peer.transact(() => {
    for (const [k, v] of Object.entries(input.meta ?? {})) peer.getMap('meta').set(k, v)
    for (const [k, v] of Object.entries(input.members ?? {})) peer.getMap('members').set(k, v)
  })
  const reader = new Y.Doc()
  Y.applyUpdate(reader, Y.encodeStateAsUpdate(peer))
  return value({ meta: readMeta(reader, 'Last seen name'), members: readMembers(reader) })
}

// ── the others ──

export interface IcsInput {
  /** team records as a peer stored them (`teams` collection: id → fields) */
  teams: { id: string; fields: Record<string, unknown> }[]
  /** one-off changes of meetings as stored (`occurrences`: id → fields) */
  occurrences?: { id: string; fields: Record<string, unknown> }[]
  teamId?: string
  /** the name the export screen gives the calendar */
  calendarName?: string
}

/** The app's path: stored records, read with their schemas, composed (cadenceRecords.ts), exported. */
function ics(input: IcsInput): Outcome {
  const teams = input.teams.flatMap((t) => {
    const r = TeamRecord.safeParse(t.fields)
    return r.success ? [{ ...r.data, id: t.id }] : []
  })
  const occurrences = (input.occurrences ?? []).flatMap((o) => {
    const r = OccurrenceOverride.safeParse(o.fields)
    return r.success ? [{ ...r.data, id: o.id }] : []
  })
  const composed = composeCadence(defaultCadenceFields('2026-01-07', 'Europe/Berlin'), teams, occurrences)
  if (!composed) return refused('no cadence')
  const teamId = input.teamId !== undefined && composed.teams.some((t) => t.id === input.teamId) ? input.teamId : undefined
  const text = exportIcs(composed.cadence, { teams: composed.teams, teamId, calendarName: input.calendarName, fromSprint: 1, toSprint: 1, stamp: '2026-01-01T00:00:00Z' })
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent')
  return value({
    text,
    events: events.length,
    summaries: events.map((e) => String(e.getFirstPropertyValue('summary'))),
    name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''),
    components: calendar.getAllSubcomponents().map((c) => c.name)
  })
}

/** RFC 4180 read back, as a spreadsheet would (quotes, doubled quotes, CRLF inside quotes). */
export function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  if (cell || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

function csvExport(rows: CsvValue[][]): Outcome {
  const text = toCsv(['a', 'b', 'c'], rows)
  return value({ text, read: readCsv(text) })
}

export interface IpcInput {
  kind: 'request' | 'response' | 'event'
  channel: string
  payload: unknown
}

function ipc(input: IpcInput): Outcome {
  try {
    const parse = input.kind === 'request' ? parseRequest : input.kind === 'response' ? parseResponse : parseEvent
    return value((parse as (c: string, p: unknown) => unknown)(input.channel, input.payload))
  } catch (err) {
    if (err instanceof IpcContractError) return refused(err.message)
    throw err
  }
}

export interface FrameInput {
  data: string | Uint8Array | string[]
  binary?: boolean
}

function frame(input: FrameInput): Outcome {
  const data = Array.isArray(input.data) ? input.data.map((part) => Buffer.from(part)) : Buffer.from(input.data)
  const read = readFrame(data, input.binary ?? false, 8)
  return read.ok ? value(read.message) : refused(`signaling frame refused: ${read.reason}`)
}

/** What peers write about access (issue 10 #19): a request to join, a rotation record, a sealed box. */
export type AccessInput = { kind: 'joinRequest' | 'rekey'; record: unknown } | { kind: 'box'; box: unknown; keys: BoxKeyPair; context: string }

function accessRecord(input: AccessInput): Outcome {
  if (input.kind === 'box') return value(openBox(input.keys, input.box, input.context))
  const parsed = (input.kind === 'joinRequest' ? JoinRequest : RekeyRecord).safeParse(input.record)
  return parsed.success ? value(parsed.data) : refused(`a ${input.kind === 'joinRequest' ? 'request to join' : 'key rotation'} from a peer was ignored: it is malformed`)
}

export const PARSERS = {
  /** an invite code or link as pasted (shared/spaces/invite.ts) */
  invite(input: string): Outcome {
    try {
      return value(decodeInvite(input))
    } catch (err) {
      if (err instanceof InviteError) return refused(err.message)
      throw err
    }
  },
  /** a pool YAML file (shared/mentorship/profileYaml.ts) */
  profileYaml(input: string): Outcome {
    const result = importProfiles([{ name: 'pool.yaml', text: input }])
    return result.errors.length ? refused(result.errors[0]!.message) : value(result)
  },
  /** a pair's journal as Markdown (shared/mentorship/journalImport.ts) */
  journalMarkdown(input: string): Outcome {
    return value(journalFromMarkdown(input, { trackerBaseUrl: 'https://tracker.example/browse/' }))
  },
  /** a peer's list item as the screen reads it: Markdown, then ticket keys (InlineMarkdown.tsx) */
  inlineMarkdown(input: string): Outcome {
    const tree = parseMarkdown(input)
    return value({ text: plainText(tree), segments: linkTickets(plainText(tree), 'https://tracker.example/browse/').length, blocks: tree.children.length })
  },
  /** cells of a retro export as CSV, read back (shared/retro/csv.ts) */
  csvExport,
  /** a tracker's CSV export (shared/less/csvImport.ts) */
  csvImport(input: string): Outcome {
    const result = parseTrackerCsv(input, { trackerBase: 'https://acme.atlassian.net' })
    return result.ok ? value(result) : refused(result.error)
  },
  /** names that reach an .ics export (shared/sprint/ics.ts), read back by ical.js */
  ics,
  /** a payload crossing the IPC boundary (shared/ipc/contract.ts) */
  ipc,
  /** a record a peer wrote, read through core/collections */
  peerRecord,
  /** a space's root document a peer wrote (core/spaces/spaceDoc.ts) */
  spaceDoc,
  /** a frame a client sends the signaling server (electron/signaling/frames.ts) */
  signalingFrame: frame,
  /** a backup file as restore reads it, after its passphrase if any (shared/backup/archive.ts) */
  backupArchive(input: Uint8Array): Outcome {
    const r = readArchive(input)
    return r.ok ? value(r.backup) : refused(r.error)
  },
  /** an "add my other device" code or link as pasted, before the passphrase (shared/backup/deviceCode.ts) */
  deviceCode(input: string): Outcome {
    const r = checkDeviceCode(input)
    return r.ok ? value(r.code) : refused(r.error)
  },
  /** a frame a client sends the relay (shared/relay/protocol.ts; sealed data at most 64 KiB here) */
  relayClientFrame(input: string): Outcome {
    const r = parseClientFrame(input, 64 * 1024)
    return r.ok ? value(r.frame) : refused(`relay frame refused: ${r.reason}`)
  },
  /** what a peer writes about access: a request to join, a rotation record, a sealed box (shared/spaces) */
  accessRecord,
  /** a frame the relay sends a client (shared/relay/protocol.ts) */
  relayFrame(input: string): Outcome {
    const r = parseRelayFrame(input, 64 * 1024)
    return r.ok ? value(r.frame) : refused(`relay frame refused: ${r.reason}`)
  }
} as const

export type ParserName = keyof typeof PARSERS
export type InputOf<P extends ParserName> = Parameters<(typeof PARSERS)[P]>[0]

export interface CorpusCase<P extends ParserName = ParserName> {
  parser: P
  name: string
  input: InputOf<P> | (() => InputOf<P>)
  /** how it must end: refused with a clear message, or a value (which `check` inspects) */
  expect: 'refused' | 'value'
  /** what makes the value safe (node:assert; throws when it is not) */
  check?: (value: never) => void
}

/** A case of parser P, typed (the list of all cases mixes parsers). */
export function kase<P extends ParserName>(parser: P, name: string, input: InputOf<P> | (() => InputOf<P>), expect: 'refused' | 'value', check?: (value: never) => void): CorpusCase {
  return { parser, name, input, expect, ...(check ? { check } : {}) } as CorpusCase
}

export function inputOf(c: CorpusCase): unknown {
  return typeof c.input === 'function' ? (c.input as () => unknown)() : c.input
}

/** Runs one case with its input already made. Throws only when the parser did. */
export function runParser(c: CorpusCase, input: unknown): Outcome {
  return (PARSERS[c.parser] as (i: unknown) => Outcome)(input)
}
