import { newId } from '../../../../shared/spaces/key.ts'
import { Goal, PlanTicket, Question, byOrder, nextOrder } from '../../../../shared/sprint/sprintRecords.ts'
import type { DocLink } from '../../sync/docLink.ts'
import { patchRecord, readCollection, removeRecord, useDocRead, type WithId } from '../collections.ts'

/**
 * Team sprint planning, in the team's document for the sprint (`sprint/<n>`, see sprintDoc.ts):
 *   'goals'     id → { text, order }
 *   'questions' id → { text, resolved, answer, order }
 *   'plan'      id → { key, title, url, assignees: member ids, order }   (who does what)
 */
export const GOALS_COLLECTION = 'goals'
export const QUESTIONS_COLLECTION = 'questions'
export const PLAN_COLLECTION = 'plan'

export interface SprintPlanning {
  goals: WithId<Goal>[]
  questions: WithId<Question>[]
  tickets: WithId<PlanTicket>[]
}

const EMPTY: SprintPlanning = { goals: [], questions: [], tickets: [] }

export function usePlanning(link: DocLink | null): SprintPlanning {
  return useDocRead(
    link?.doc,
    (doc) => ({
      goals: byOrder(readCollection(doc, GOALS_COLLECTION, Goal)),
      questions: byOrder(readCollection(doc, QUESTIONS_COLLECTION, Question)),
      tickets: byOrder(readCollection(doc, PLAN_COLLECTION, PlanTicket))
    }),
    EMPTY
  )
}

export function addGoal(link: DocLink, text: string): string {
  const id = newId()
  patchRecord(link.doc, GOALS_COLLECTION, id, { text, order: nextOrder(readCollection(link.doc, GOALS_COLLECTION, Goal)) })
  return id
}

export function updateGoal(link: DocLink, id: string, patch: Partial<Goal>): void {
  patchRecord(link.doc, GOALS_COLLECTION, id, patch)
}

export function addQuestion(link: DocLink, text: string): string {
  const id = newId()
  const order = nextOrder(readCollection(link.doc, QUESTIONS_COLLECTION, Question))
  patchRecord(link.doc, QUESTIONS_COLLECTION, id, { text, resolved: false, answer: '', order })
  return id
}

export function updateQuestion(link: DocLink, id: string, patch: Partial<Question>): void {
  patchRecord(link.doc, QUESTIONS_COLLECTION, id, patch)
}

export function addTicket(link: DocLink, ticket: Omit<PlanTicket, 'order'>): string {
  const id = newId()
  const order = nextOrder(readCollection(link.doc, PLAN_COLLECTION, PlanTicket))
  patchRecord(link.doc, PLAN_COLLECTION, id, { ...ticket, order })
  return id
}

export function updateTicket(link: DocLink, id: string, patch: Partial<PlanTicket>): void {
  patchRecord(link.doc, PLAN_COLLECTION, id, patch)
}

export type PlanningCollection = typeof GOALS_COLLECTION | typeof QUESTIONS_COLLECTION | typeof PLAN_COLLECTION

export function removePlanningItem(link: DocLink, collection: PlanningCollection, id: string): void {
  removeRecord(link.doc, collection, id)
}

/** Swaps an item with its neighbour (dir −1: up, +1: down) in a list sorted by order. */
export function moveItem(link: DocLink, collection: PlanningCollection, items: readonly { id: string; order: number }[], id: string, dir: -1 | 1): void {
  const index = items.findIndex((i) => i.id === id)
  const other = items[index + dir]
  const item = items[index]
  if (!item || !other) return
  link.doc.transact(() => {
    // equal orders (added at once on two devices) get distinct ones
    const [a, b] = item.order === other.order ? [other.order + dir, other.order] : [other.order, item.order]
    patchRecord(link.doc, collection, item.id, { order: a })
    patchRecord(link.doc, collection, other.id, { order: b })
  })
}
