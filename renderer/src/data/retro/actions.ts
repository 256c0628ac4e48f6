import type * as Y from 'yjs'
import { ActionItemFields, type ActionItem, ActionStatusFields, type NewActionInput, newActionItem, tickAction, withStatus } from '../../../../shared/retro/actions.ts'
import { newId } from '../../../../shared/spaces/key.ts'
import { patchRecord, readCollection, removeRecord, useDocRead } from '../collections.ts'
import { ACTIONS, ACTION_STATUS } from './names.ts'

/**
 * The team's action items, in the team space's root document: they span sprints, so an open item
 * of an earlier retro is the same record on the next board (shared/retro/boardActions.ts), and
 * ticking it anywhere ticks it everywhere. Done is its own record (shared/retro/actions.ts).
 */
export function readTeamActions(doc: Y.Doc): ActionItem[] {
  return withStatus(readCollection(doc, ACTIONS, ActionItemFields), readCollection(doc, ACTION_STATUS, ActionStatusFields))
}
const NONE: ActionItem[] = []

export function useTeamActions(doc: Y.Doc | null): ActionItem[] {
  return useDocRead(doc, readTeamActions, NONE)
}

export function addAction(doc: Y.Doc, input: Omit<NewActionInput, 'id' | 'createdAt'>, sprint: number): string {
  const { id, ...fields } = newActionItem({ ...input, id: newId(), createdAt: Date.now() }, sprint)
  patchRecord(doc, ACTIONS, id, fields)
  return id
}

/** Text, owner or due date; undefined clears a field. */
export function updateAction(doc: Y.Doc, id: string, patch: { text?: string; ownerId?: string | undefined; ownerName?: string | undefined; due?: string | undefined }): void {
  const clean: Record<string, unknown> = { ...patch }
  if ('text' in patch) clean.text = ActionItemFields.shape.text.parse(patch.text)
  if ('ownerName' in patch) clean.ownerName = patch.ownerName?.trim() || undefined
  patchRecord(doc, ACTIONS, id, clean)
}

export function setActionDone(doc: Y.Doc, id: string, done: boolean, by: string): void {
  const { id: _id, ...status } = tickAction(id, done, Date.now(), by)
  patchRecord(doc, ACTION_STATUS, id, status)
}

export function removeAction(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    removeRecord(doc, ACTIONS, id)
    removeRecord(doc, ACTION_STATUS, id)
  })
}
