import type * as Y from 'yjs'
import { newId } from '../../../../shared/spaces/key.ts'
import { nextOrder } from '../../../../shared/mentorship/pairRecords.ts'
import { patchRecord, removeRecord, transact } from '../collections.ts'

/**
 * The pair's collections (see shared/mentorship/pairRecords.ts) and the commands every list
 * shares: add at the end, change some fields, remove.
 */
export const PAIR = 'pair'
export const INFO = 'info'
export const FLOW = 'flow'
export const SESSIONS = 'sessions'
export const TRACKS = 'tracks'
export const FIRST_STEPS = 'firstSteps'
export const THOUGHTS = 'thoughts'
export const TRACK_TICKETS = 'trackTickets'
export const PROJECTS = 'projects'
export const PROJECT_NOTES = 'projectNotes'
export const ACTION_ITEMS = 'actionItems'
export const OKRS = 'okrs'

export type ListName = typeof SESSIONS | typeof TRACKS | typeof FIRST_STEPS | typeof THOUGHTS | typeof TRACK_TICKETS | typeof PROJECTS | typeof PROJECT_NOTES | typeof ACTION_ITEMS | typeof OKRS

/** The `order` of every record in a list (malformed ones count as 0). */
function orders(doc: Y.Doc, list: ListName): { order: number }[] {
  const out: { order: number }[] = []
  doc.getMap<Y.Map<unknown>>(list).forEach((fields) => {
    const order = typeof fields?.get === 'function' ? fields.get('order') : undefined
    out.push({ order: typeof order === 'number' ? order : 0 })
  })
  return out
}

/** Adds a record at the end of a list; returns its id. */
export function addItem(doc: Y.Doc, list: ListName, fields: Record<string, unknown>): string {
  const id = newId()
  patchRecord(doc, list, id, { ...fields, order: nextOrder(orders(doc, list)) })
  return id
}

export function patchItem(doc: Y.Doc, list: ListName, id: string, fields: Record<string, unknown>): void {
  patchRecord(doc, list, id, fields)
}

export function removeItem(doc: Y.Doc, list: ListName, id: string): void {
  removeRecord(doc, list, id)
}

/** Removes a record and the records of other lists that belong to it (a track's steps …). */
export function removeWithChildren(doc: Y.Doc, list: ListName, id: string, children: { list: ListName; parentField: string }[]): void {
  transact(doc, () => {
    for (const child of children) {
      const map = doc.getMap<Y.Map<unknown>>(child.list)
      for (const [childId, fields] of [...map.entries()]) if (fields?.get?.(child.parentField) === id) map.delete(childId)
    }
    removeRecord(doc, list, id)
  })
}
