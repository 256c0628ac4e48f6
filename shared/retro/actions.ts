import { z } from 'zod'
import { RecordId } from '../text/limits.ts'
import { IsoDate } from '../time/dates.ts'

/**
 * The action plan: "make a plan to implement opportunities that the team decides are worthwhile".
 *
 * ## Two records per item
 * - `actions` (id → fields): what the item is — text, owner, due, createdAt, fromSprint.
 * - `actionStatus` (same id → {done, at, by}): whether it is done. No record means open.
 * Ticking writes only the status record (last writer wins, with when and by whom), and editing the
 * text or owner never touches it. Each record is its own root-level map in the document
 * (renderer/src/core/collections), so concurrent edits of different fields both survive.
 *
 * ## Carried over until done
 * Items live once, in the team space's root document, and span sprints. A board shows its own
 * items (`fromSprint` = its sprint) and, on top, the still-open items of earlier retros
 * (`actionsForBoard` in boardActions.ts). It is the same record on every board it visits: ticking
 * it done on the newest board ticks it everywhere, and the board after that no longer carries it.
 */

const Id = RecordId
const Millis = z.number().int().nonnegative()

export const ActionItemFields = z.object({
  text: z.string().trim().min(1, 'An action item needs some text.').max(500, 'An action item has at most 500 characters.'),
  /** A member of the team, when the owner is one; `ownerName` is what is shown (and exported). */
  ownerId: Id.optional(),
  ownerName: z.string().trim().min(1).max(80).optional(),
  due: IsoDate.optional(),
  createdAt: Millis,
  /** The sprint whose retrospective created it: tells a carried item from a new one. */
  fromSprint: z.number().int().positive('A sprint number is 1 or more.')
})
export const ActionRecord = ActionItemFields.extend({ id: Id })
export type ActionRecord = z.infer<typeof ActionRecord>

export const ActionStatusFields = z.object({
  done: z.boolean(),
  /** When it was ticked (or unticked), in the ticker's clock. */
  at: Millis,
  by: Id.optional()
})
export const ActionStatus = ActionStatusFields.extend({ id: Id })
export type ActionStatus = z.infer<typeof ActionStatus>

/** An item as shown: its record joined with its status. */
export const ActionItem = ActionRecord.extend({ done: z.boolean().default(false), doneAt: Millis.optional() })
export type ActionItem = z.infer<typeof ActionItem>

export interface NewActionInput {
  id: string
  text: string
  ownerId?: string | undefined
  ownerName?: string | undefined
  due?: string | undefined
  createdAt: number
}

/** The `actions` record of a new item (it starts open: no status record). */
export function newActionItem(input: NewActionInput, sprint: number): ActionRecord {
  const fields: Record<string, unknown> = { id: input.id, text: input.text, createdAt: input.createdAt, fromSprint: sprint }
  if (input.ownerId) fields.ownerId = input.ownerId
  if (input.ownerName?.trim()) fields.ownerName = input.ownerName
  if (input.due) fields.due = input.due
  return ActionRecord.parse(fields)
}

/** The `actionStatus` record to write when ticking (or unticking) an item. */
export function tickAction(itemId: string, done: boolean, at: number, by?: string): ActionStatus {
  return ActionStatus.parse(by ? { id: itemId, done, at, by } : { id: itemId, done, at })
}

/** Joins the two collections of a board. A status without its item is ignored. */
export function withStatus(records: readonly ActionRecord[], statuses: readonly ActionStatus[]): ActionItem[] {
  const byId = new Map(statuses.map((s) => [s.id, s]))
  return records.map((r) => {
    const s = byId.get(r.id)
    return s?.done ? { ...r, done: true, doneAt: s.at } : { ...r, done: false }
  })
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const byOrigin = (a: ActionRecord, b: ActionRecord) => a.fromSprint - b.fromSprint || a.createdAt - b.createdAt || cmp(a.id, b.id)

export const isCarried = (item: Pick<ActionItem, 'fromSprint'>, boardSprint: number): boolean => item.fromSprint < boardSprint

/**
 * The action plan as shown: items carried from earlier retros on top (oldest sprint first, open
 * before done), then this retro's own items in the order they were added.
 */
export function actionPlan(items: readonly ActionItem[], boardSprint: number): ActionItem[] {
  const carried = items.filter((i) => isCarried(i, boardSprint)).sort((a, b) => Number(a.done) - Number(b.done) || byOrigin(a, b))
  const own = items.filter((i) => !isCarried(i, boardSprint)).sort(byOrigin)
  return [...carried, ...own]
}

/** Open and past its due date, on `today` (an ISO date in the viewer's zone). */
export function isOverdue(item: Pick<ActionItem, 'done' | 'due'>, today: string): boolean {
  return !item.done && item.due !== undefined && item.due < today
}
