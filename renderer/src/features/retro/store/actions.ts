import type * as Y from 'yjs'
import { ActionItemFields, type ActionItem, type NewActionInput, newActionItem, tickAction, withStatus } from '@shared/retro/actions.ts'
import { newId } from '@shared/spaces/key.ts'
import { collection } from '@core/collections/index.ts'
import { ACTIONS, ACTION_STATUS } from './collections.ts'

/**
 * The team's action items, in the team space's root document: they span sprints, so an open item
 * of an earlier retro is the same record on the next board (shared/retro/boardActions.ts), and
 * ticking it anywhere ticks it everywhere. Done is its own record (shared/retro/actions.ts).
 */
export function readTeamActions(doc: Y.Doc): ActionItem[] {
  return withStatus(collection(doc, ACTIONS).list(), collection(doc, ACTION_STATUS).list())
}

export function addAction(doc: Y.Doc, input: Omit<NewActionInput, 'id' | 'createdAt'>, sprint: number): string {
  const { id, ...fields } = newActionItem({ ...input, id: newId(), createdAt: Date.now() }, sprint)
  collection(doc, ACTIONS).patch(id, fields)
  return id
}

/** Text, owner or due date; undefined clears a field. */
export function updateAction(doc: Y.Doc, id: string, patch: { text?: string; ownerId?: string | undefined; ownerName?: string | undefined; due?: string | undefined }): void {
  const clean: typeof patch = { ...patch }
  if ('text' in patch) clean.text = ActionItemFields.shape.text.parse(patch.text)
  if ('ownerName' in patch) clean.ownerName = patch.ownerName?.trim() || undefined
  collection(doc, ACTIONS).patch(id, clean)
}

export function setActionDone(doc: Y.Doc, id: string, done: boolean, by: string): void {
  const { id: _id, ...status } = tickAction(id, done, Date.now(), by)
  collection(doc, ACTION_STATUS).upsert(id, status)
}

export function removeAction(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    collection(doc, ACTIONS).remove(id)
    collection(doc, ACTION_STATUS).remove(id)
  })
}
