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

let registered = false

/** Tells the layer that loads documents how to version sprint documents (once; idempotent). */
export function registerSprintDocuments(): void {
  if (registered) return
  registered = true
  registerDocumentKind((key) => key.startsWith(SPRINT_DOC_PREFIX), SPRINT_DOC)
}

registerSprintDocuments()
