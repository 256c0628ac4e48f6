import { z } from 'zod'
import { IsoDate } from '../time/dates.ts'
import { CheckIn, KeyResult, Quarter } from './okr.ts'
import { Profile } from './profile.ts'
import { TICKET_KEY_PATTERN } from '../tickets/tickets.ts'
import { inOrder, Order, type StoredOrder } from '../collections/order.ts'
import { FIELD_LIMITS, FreeText, NameText, RefText, TitleText, UrlText } from '../text/limits.ts'

export { inOrder }

/**
 * How the mentorship program is stored in shared documents, as flat records (one Y.Map of fields
 * per record, so two people editing different fields of one record both keep their edit).
 *
 * Org space, root document:
 *   pool        profile id → PoolProfile
 *   pairs       pair id → PoolPair (pairs started from the pool)
 *   orgSettings 'mentoring' → OrgMentoring (the tracker's base URL, set per org)
 *
 * Pair space, its "journal" document (one per pair):
 *   pair         'info' → PairInfo, 'flow' → PairFlow
 *   sessions     SessionRecord (notes: a rich-text fragment `session:<id>`)
 *   tracks, firstSteps, thoughts, trackTickets     one track per direction and its lists
 *   projects, projectNotes, actionItems            joint projects
 *   okrs         OkrRecord (key results and check-ins as whole JSON values)
 *
 * Header records read leniently (`catch`): a bad field from a peer falls back to its default
 * instead of hiding the whole record. List items are validated whole and skipped when malformed.
 * Every string and list a peer writes is capped (text/limits.ts).
 */

export const PAIR_CADENCES = ['monthly', 'biweekly', 'weekly'] as const
export const Cadence = z.enum(PAIR_CADENCES)
export type Cadence = z.infer<typeof Cadence>

export const CADENCE_LABELS: Record<Cadence, string> = {
  monthly: 'Monthly',
  biweekly: 'Every two weeks',
  weekly: 'Weekly'
}

/** Sort key within a list; new items take the largest + 1, ties break on id. */

export const PoolProfile = Profile.extend({
  /** the YAML file it came from, or null when typed in the app */
  importedFrom: TitleText.nullable().catch(null),
  addedAt: z.number().catch(0),
  /**
   * The member (device id) whose profile this is: only they edit it (poolOwnership.ts). null: an
   * unclaimed profile, imported by an admin for a member to claim. Absent in older pools: unclaimed.
   */
  ownerId: RefText.nullable().catch(null).default(null),
  /** open to a new pair (false: left out of suggestions), and how many pairs at once (1–5) */
  available: z.boolean().catch(true).default(true),
  capacity: z.number().int().min(1).max(5).catch(1).default(1)
})
export type PoolProfile = z.infer<typeof PoolProfile>

/**
 * The org's record of a pair (issue 15 #1: pairs own their space). Anyone may suggest a pair: a
 * record without a space. One of the two accepts: the pair's space is created on their device,
 * and the record gets its id and the day it started. From then on the org sees only that the pair
 * exists, its status and its dates, written by the pair's own devices (pairStatus in the store);
 * never the pair's key or anything of its journal.
 */
export const PoolPair = z.object({
  aProfileId: RefText,
  bProfileId: RefText,
  aName: NameText,
  bName: NameText,
  /** the pair's own space once one of the two accepted; null while only suggested */
  spaceId: RefText.nullable().catch(null),
  /** 0 while only suggested */
  startedAt: z.number().catch(0),
  endedAt: z.number().nullable().catch(null),
  /** who suggested it (a name), when; null for pairs started before suggestions existed */
  suggestedBy: NameText.nullable().catch(null).default(null),
  suggestedAt: z.number().nullable().catch(null).default(null),
  /** one of the two said no */
  declinedAt: z.number().nullable().catch(null).default(null),
  /** the last session held and the next one planned (ISO days), as the pair's devices report them */
  lastSessionOn: IsoDate.nullable().catch(null).default(null),
  nextSessionOn: IsoDate.nullable().catch(null).default(null),
  /** why it ended, when the pair chose to say */
  endedWhy: TitleText.nullable().catch(null).default(null)
})
export type PoolPair = z.infer<typeof PoolPair>

export type PoolPairStatus = 'suggested' | 'declined' | 'active' | 'ended'

export function poolPairStatus(pair: Pick<PoolPair, 'spaceId' | 'endedAt' | 'declinedAt'>): PoolPairStatus {
  if (pair.endedAt !== null) return 'ended'
  if (pair.spaceId) return 'active'
  return pair.declinedAt !== null ? 'declined' : 'suggested'
}

export const OrgMentoring = z.object({ trackerBaseUrl: UrlText.catch('') })
export type OrgMentoring = z.infer<typeof OrgMentoring>

export const PairParticipant = z.object({
  name: NameText,
  profileId: RefText.nullable().catch(null),
  /** copied from the pool when the pair starts, for the intro */
  beAMentor: z.array(TitleText).max(FIELD_LIMITS.items).catch([]),
  seekAMentor: z.array(TitleText).max(FIELD_LIMITS.items).catch([]),
  /** the profile's time zone, to show the next session in both people's zones */
  timezone: RefText.nullish().catch(null),
  /** the member whose profile it is (their device id), for their colour; absent for older pairs */
  memberId: RefText.nullish().catch(null)
})
export type PairParticipant = z.infer<typeof PairParticipant>

export const PairInfo = z.object({
  title: TitleText.catch(''),
  firstDiscussed: IsoDate.nullable().catch(null),
  participants: z.array(PairParticipant).max(10).catch([]),
  cadence: Cadence.catch('monthly'),
  /** set by the pair; null: derived from the last session and the cadence */
  nextSession: IsoDate.nullable().catch(null),
  /** the next session's time ('HH:mm') in `nextSessionZone`, its length and agenda (pairSchedule.ts) */
  nextSessionTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable().catch(null).default(null),
  nextSessionZone: RefText.nullable().catch(null).default(null),
  nextSessionMinutes: z.number().int().min(5).max(600).catch(60).default(60),
  nextSessionAgenda: FreeText.catch('').default(''),
  trackerBaseUrl: UrlText.catch(''),
  endedAt: z.number().nullable().catch(null),
  endedBy: RefText.nullable().catch(null)
})
export type PairInfo = z.infer<typeof PairInfo>

export const EMPTY_PAIR_INFO: PairInfo = PairInfo.parse({})

const StoredTimer = z.object({
  startedAt: z.number(),
  durationMs: z.number(),
  startedBy: RefText,
  pausedAt: z.number().optional()
})

export const FLOW_STEP_IDS = ['intro', 'fit', 'plan', 'cadence'] as const
export type FlowStepId = (typeof FLOW_STEP_IDS)[number]

export const PairFlow = z.object({
  /** the timed part being worked through, e.g. "intro:2" (see programFlow.ts) */
  activePart: z.string().max(100).nullable().catch(null),
  timer: StoredTimer.nullable().catch(null),
  introDone: z.boolean().catch(false),
  fitDone: z.boolean().catch(false),
  planDone: z.boolean().catch(false),
  cadenceDone: z.boolean().catch(false),
  /** the day of the intro, when it was held (starts the week to decide fit) */
  introHeldOn: IsoDate.nullable().catch(null)
})
export type PairFlow = z.infer<typeof PairFlow>

export const EMPTY_PAIR_FLOW: PairFlow = PairFlow.parse({})

export const SessionRecord = z.object({
  title: TitleText,
  date: IsoDate.nullable(),
  durationMinutes: z.number().int().positive().nullable(),
  order: Order
})
export type SessionRecord = z.infer<typeof SessionRecord>

export const TrackRecord = z.object({
  mentorName: NameText,
  menteeName: NameText,
  topic: TitleText,
  discussedIn: RefText.nullable().catch(null),
  order: Order
})
export type TrackRecord = z.infer<typeof TrackRecord>

export const FirstStepRecord = z.object({ trackId: RefText, text: FreeText, done: z.boolean(), order: Order })
export type FirstStepRecord = z.infer<typeof FirstStepRecord>

export const ThoughtRecord = z.object({ trackId: RefText, text: FreeText, order: Order })
export type ThoughtRecord = z.infer<typeof ThoughtRecord>

export const TrackTicketRecord = z.object({
  trackId: RefText,
  key: z.string().max(100, { abort: true }).regex(new RegExp(`^${TICKET_KEY_PATTERN.source}$`)),
  url: UrlText.nullable().catch(null),
  order: Order
})
export type TrackTicketRecord = z.infer<typeof TrackTicketRecord>

export const ProjectRecord = z.object({ title: TitleText, discussedIn: RefText.nullable().catch(null), order: Order })
export type ProjectRecord = z.infer<typeof ProjectRecord>

export const ProjectNoteRecord = z.object({ projectId: RefText, text: FreeText, order: Order })
export type ProjectNoteRecord = z.infer<typeof ProjectNoteRecord>

export const ActionItemRecord = z.object({
  projectId: RefText,
  text: FreeText,
  owner: NameText.nullable().catch(null),
  done: z.boolean(),
  order: Order
})
export type ActionItemRecord = z.infer<typeof ActionItemRecord>

/** A mentee's personal OKR; validated in full with parseOkr before it is written. */
export const OkrRecord = z.object({
  mentee: NameText,
  quarter: Quarter,
  objective: TitleText,
  keyResults: z.array(KeyResult).max(FIELD_LIMITS.items),
  checkIns: z.array(CheckIn).max(FIELD_LIMITS.items * 4),
  createdAt: z.number().catch(0)
})
export type OkrRecord = z.infer<typeof OkrRecord>

export type Stored<T> = T & { id: string }

/** Sessions by date (undated ones after), then as they were added. */
export function sessionsInOrder<T extends { date: string | null; order: StoredOrder; id: string }>(sessions: readonly T[]): T[] {
  return inOrder(sessions).sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
}

/** "Daria & Bruce": the pair's space name from the two first names as people use them. */
export function pairSpaceName(a: string, b: string): string {
  const first = (name: string) => name.trim().split(/\s+/)[0] ?? name.trim()
  const [x, y] = [first(a), first(b)]
  return x.toLowerCase() === y.toLowerCase() ? `${a.trim()} & ${b.trim()}` : `${x} & ${y}`
}
