import * as Y from 'yjs'
import { patchRecordAnonymously, removeRecord } from '../collections.ts'

/**
 * Writes of anonymous cards. Every Yjs change carries its writer's client id, which presence ties
 * to a person; so creating, editing and deleting a card without an author goes through a throwaway
 * client (collections.ts `patchRecordAnonymously`), never ours.
 */
export function writeAnonymously(doc: Y.Doc, name: string, id: string, fields: Record<string, unknown>): void {
  patchRecordAnonymously(doc, name, id, fields)
}

export function removeAnonymously(doc: Y.Doc, name: string, id: string): void {
  const ghost = new Y.Doc()
  Y.applyUpdate(ghost, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(ghost)
  removeRecord(ghost, name, id)
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(ghost, before))
  ghost.destroy()
}
