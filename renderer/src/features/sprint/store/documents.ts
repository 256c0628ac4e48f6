import { SPRINT_DOC_PREFIX } from '@shared/sprint/sprintRecords.ts'
import { rekeyLegacyOrders, type CollectionDef } from '@core/collections/index.ts'
import { defineDocument, registerDocumentKind } from '@core/documents/index.ts'
import { GOALS, PLAN, QUESTIONS } from './collections.ts'

/**
 * The layout versions of a team's document for a sprint (`sprint/<n>`; the retrospective's board
 * lives in the same document, so its changes of layout are further versions of this kind).
 * v2: the planning lists (goals, questions, the plan) have order keys instead of numbers, which
 * two people moving items at once turned into duplicates; items keep the order they show in.
 * A space's root document (org or team) is at version 1.
 */
export const SPRINT_DOC = defineDocument({
  name: 'sprint',
  version: 2,
  migrations: {
    2: (doc) => {
      const lists: CollectionDef<unknown>[] = [GOALS, QUESTIONS, PLAN]
      for (const list of lists) rekeyLegacyOrders(doc, list)
    }
  }
})

/**
 * The team scrum held for sprint n (`scrum/<n>`, in the team space): the poker rounds, 'voted'
 * markers and the votes published at reveal. The page keeps it open while shown, so its room's
 * presence is who is at the meeting. v1.
 */
export const SCRUM_DOC_PREFIX = 'scrum/'
export const SCRUM_DOC = defineDocument({ name: 'scrum', version: 1 })
export const scrumDocKey = (sprint: number): string => `${SCRUM_DOC_PREFIX}${sprint}`
export function sprintOfScrumKey(key: string): number | null {
  const m = /^scrum\/(\d{1,7})$/.exec(key)
  return m ? Number(m[1]) : null
}

/**
 * The division sprint planning for sprint n (`division/<n>`, in the org space): the meeting's
 * room. The backlog itself is in the org's root document (every org member has it, and the backlog
 * mirror copies from it); this document is what the page keeps open, so its presence is who is
 * at the meeting. v1, nothing stored yet.
 */
export const DIVISION_DOC_PREFIX = 'division/'
export const DIVISION_DOC = defineDocument({ name: 'division', version: 1 })
export const divisionDocKey = (sprint: number): string => `${DIVISION_DOC_PREFIX}${sprint}`

/**
 * The sprint retrospective & demo at the end of sprint n (`review/<n>`, in the org space): notes
 * and follow-ups on escalated items, the teams' demo slides, the presenter and its timer. v1.
 */
export const REVIEW_DOC_PREFIX = 'review/'
export const REVIEW_DOC = defineDocument({ name: 'review', version: 1 })
export const reviewDocKey = (sprint: number): string => `${REVIEW_DOC_PREFIX}${sprint}`

let registered = false

/** Tells the layer that loads documents how to version sprint documents (once; idempotent). */
export function registerSprintDocuments(): void {
  if (registered) return
  registered = true
  registerDocumentKind((key) => key.startsWith(SPRINT_DOC_PREFIX), SPRINT_DOC)
  registerDocumentKind((key) => key.startsWith(SCRUM_DOC_PREFIX), SCRUM_DOC)
  registerDocumentKind((key) => key.startsWith(DIVISION_DOC_PREFIX), DIVISION_DOC)
  registerDocumentKind((key) => key.startsWith(REVIEW_DOC_PREFIX), REVIEW_DOC)
}

registerSprintDocuments()
