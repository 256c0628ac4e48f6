import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { Goal, PlanTicket, Question } from '@shared/sprint/sprintRecords.ts'
import { collection, useRecords, type Collection, type Fields, type Rec } from '@core/collections/index.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { GOALS, PLAN, QUESTIONS } from './collections.ts'

/**
 * Team sprint planning, in the team's document for the sprint (`sprint/<n>`, see sprintDoc.ts):
 * the goals, the open questions and the plan (tickets and who does each). Each is an ordered list:
 * adding puts an item last, moving writes one order key, so two people reordering at once end up
 * with one order on every device.
 */
export type GoalItem = Rec<Goal>
export type QuestionItem = Rec<Question>
export type PlanItem = Rec<PlanTicket>
export type Direction = 'up' | 'down'

export interface PlanningCommands {
  addGoal(text: string): string
  updateGoal(id: string, patch: Partial<Fields<Goal>>): void
  moveGoal(id: string, direction: Direction): void
  removeGoal(id: string): void
  addQuestion(text: string): string
  updateQuestion(id: string, patch: Partial<Fields<Question>>): void
  moveQuestion(id: string, direction: Direction): void
  removeQuestion(id: string): void
  addTicket(ticket: Fields<PlanTicket>): string
  updateTicket(id: string, patch: Partial<Fields<PlanTicket>>): void
  moveTicket(id: string, direction: Direction): void
  removeTicket(id: string): void
}

export interface SprintPlanning {
  goals: readonly GoalItem[]
  questions: readonly QuestionItem[]
  tickets: readonly PlanItem[]
  /** null until the sprint's document is open */
  commands: PlanningCommands | null
}

/** Moves an item one place up or down in its list (nothing at either end). */
function moveOne<T>(list: Collection<T>, id: string, direction: Direction): void {
  const items = list.list()
  const index = items.findIndex((i) => i.id === id)
  const neighbour = items[direction === 'up' ? index - 1 : index + 1]
  if (index < 0 || !neighbour) return
  list.move(id, direction === 'up' ? { before: neighbour.id } : { after: neighbour.id })
}

export function planningCommands(doc: Y.Doc): PlanningCommands {
  const goals = collection(doc, GOALS)
  const questions = collection(doc, QUESTIONS)
  const plan = collection(doc, PLAN)
  return {
    addGoal: (text) => goals.create({ text }),
    updateGoal: (id, patch) => goals.patch(id, patch),
    moveGoal: (id, direction) => moveOne(goals, id, direction),
    removeGoal: (id) => goals.remove(id),
    addQuestion: (text) => questions.create({ text, resolved: false, answer: '' }),
    updateQuestion: (id, patch) => questions.patch(id, patch),
    moveQuestion: (id, direction) => moveOne(questions, id, direction),
    removeQuestion: (id) => questions.remove(id),
    addTicket: (ticket) => plan.create(ticket),
    updateTicket: (id, patch) => plan.patch(id, patch),
    moveTicket: (id, direction) => moveOne(plan, id, direction),
    removeTicket: (id) => plan.remove(id)
  }
}

/** The sprint's planning, in order, and what can be done with it. */
export function usePlanning(link: DocLink | null): SprintPlanning {
  const doc = link?.doc ?? null
  const goals = useRecords(doc, GOALS)
  const questions = useRecords(doc, QUESTIONS)
  const tickets = useRecords(doc, PLAN)
  const commands = useMemo(() => (doc ? planningCommands(doc) : null), [doc])
  return { goals, questions, tickets, commands }
}
