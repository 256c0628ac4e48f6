import { z } from 'zod'
import { Order } from '../collections/order.ts'
import { FIELD_LIMITS, RecordId, RefText } from '../text/limits.ts'
import { IsoDate } from '../time/dates.ts'

/**
 * What a team writes during one sprint, stored in the team space's document `sprint/<n>` (one per
 * team per sprint): the team sprint planning (goals, open questions, the plan), the daily
 * sync-ups, their timers, and the problems and opportunities logged at the end of sync-ups (the
 * team's retrospective inbox). Reads are lenient: a missing text reads as empty.
 */
export const SPRINT_DOC_PREFIX = 'sprint/'

/** The key of sprint n's document in a team space (`useSharedDoc(teamSpaceId, sprintDocKey(n))`). */
export function sprintDocKey(n: number): string {
  return `${SPRINT_DOC_PREFIX}${n}`
}

const text = z.string().max(FIELD_LIMITS.text).catch('')
/** an order key (shared/collections/order.ts); numbers from before order keys still read */
const order = Order

export const Goal = z.object({ text, order })
export type Goal = z.infer<typeof Goal>

export const Question = z.object({ text, resolved: z.boolean().catch(false), answer: text, order })
export type Question = z.infer<typeof Question>

export const PlanTicket = z.object({
  key: z.string().max(60).catch(''),
  title: text,
  url: z.string().max(2000).catch(''),
  assignees: z.array(RefText).max(FIELD_LIMITS.items).catch([]),
  order
})
export type PlanTicket = z.infer<typeof PlanTicket>

export const SyncUpEntry = z.object({
  date: IsoDate,
  memberId: RecordId,
  yesterday: text,
  today: text,
  blockers: text,
  updatedAt: z.number().catch(0)
})
export type SyncUpEntry = z.infer<typeof SyncUpEntry>

/** One member's answers for one day: `${date}|${memberId}`. */
export function syncUpEntryId(date: string, memberId: string): string {
  return `${date}|${memberId}`
}

/** The shared timer of one day's sync-up (id = the date); see syncUpTimer.ts. */
export const TimerRecord = z.object({
  startedAt: z.number(),
  durationMs: z.number().positive(),
  startedBy: RecordId,
  /** null while running */
  pausedAt: z.number().nullable().optional()
})
export type TimerRecord = z.infer<typeof TimerRecord>

/**
 * A problem or opportunity logged at a sync-up, in the sprint document's `opportunities` collection
 * (the team's retro inbox). The retrospective reads the same records and turns each into a card
 * (shared/retro/cards.ts `cardFromOpportunity`), so every record this accepts makes a valid card.
 */
export const Opportunity = z.object({
  text: z.string().trim().min(1).max(2000),
  authorId: RecordId,
  authorName: z.string().max(FIELD_LIMITS.name).catch(''),
  /** the day's sync-up it was logged at */
  date: IsoDate,
  createdAt: z.number().nonnegative(),
  source: z.literal('syncup').catch('syncup')
})
export type Opportunity = z.infer<typeof Opportunity>

/** A ticket link as typed: http(s) only; a bare host gets https://. Null when it is not a web link. */
export function cleanTicketUrl(raw: string): string | null {
  const value = raw.trim()
  if (!value) return ''
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
  const match = /^https?:\/\/([^\s/?#]+)[^\s]*$/i.exec(withScheme)
  if (!match?.[1]) return null
  const host = match[1].replace(/^.*@/, '').replace(/:\d+$/, '')
  if (!/^[a-z0-9.-]+$/i.test(host) || (!host.includes('.') && host !== 'localhost')) return null
  return withScheme
}
