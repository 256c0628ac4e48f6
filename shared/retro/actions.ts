import { z } from 'zod'
import { IsoDate } from '../sprint/localTime.ts'

/**
 * The action plan: "make a plan to implement opportunities that the team decides are worthwhile".
 *
 * ## Two records per item
 * - `actions` (id → fields): what the item is — text, owner, due, createdAt, fromSprint.
 * - `actionStatus` (same id → {done, at, by}): whether it is done. No record means open.
 * The split is there because of how records merge. A collection holds one Y.Map per record id,
 * and two peers who CREATE the same id concurrently end with one of the two maps — every field
 * written into the other is lost (proved in test/unit/retro/yjs.test.ts). Carried items are
 * created by every peer that opens the new board (below); were `done` a field of that record,
 * a tick made before the peers meet could vanish. Only tickers create a status record, so a
 * tick survives any number of concurrent carries; two concurrent ticks resolve last-writer-wins.
 *
 * ## Carried over until done
 * Open items of the team's previous retrospective appear at the top of the next board. They are
 * copied into the new board's `actions` KEEPING THEIR ID and `fromSprint`, so:
 *   - it is the same item on every board it visits: ticking it done on the newest board ticks
 *     that item, and the board after that no longer carries it;
 *   - two peers carrying the items over (both opened the new board offline) write the same ids
 *     with the same fields: one record each, not two;
 *   - a chain works: an item from sprint 5 still open in sprint 6 is carried from 6 into 7 with
 *     `fromSprint: 5`, because `carriedOver` reads the previous board including its carried items.
 * Older boards are closed; an item is ticked where it lives now, on the newest board
 * (`latestActionItems` gives the team-wide view).
 */

const Id = z.string().min(1)
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

/**
 * The open items of the previous board (joined with `withStatus`) to add to the current board's
 * `actions`: original id and `fromSprint` kept, none that the current board already holds.
 */
export function carriedOver(previousBoardItems: readonly ActionItem[], currentBoardItems: readonly Pick<ActionRecord, 'id'>[] = []): ActionRecord[] {
  const have = new Set(currentBoardItems.map((i) => i.id))
  return previousBoardItems
    .filter((item) => !item.done && !have.has(item.id))
    .sort(byOrigin)
    .map(({ done: _done, doneAt: _doneAt, ...rest }) => rest)
}

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

/**
 * The team-wide view over its boards: each item as it stands on the latest board that holds it
 * (the one it was last carried to), newest sprint's state winning.
 */
export function latestActionItems(boards: readonly { sprint: number; items: readonly ActionItem[] }[]): ActionItem[] {
  const latest = new Map<string, { sprint: number; item: ActionItem }>()
  for (const board of boards) {
    for (const item of board.items) {
      const seen = latest.get(item.id)
      if (!seen || board.sprint > seen.sprint) latest.set(item.id, { sprint: board.sprint, item })
    }
  }
  return [...latest.values()].map((v) => v.item).sort(byOrigin)
}
