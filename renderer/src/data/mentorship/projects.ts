import type * as Y from 'yjs'
import { ActionItemRecord, ProjectNoteRecord, ProjectRecord, inOrder } from '../../../../shared/mentorship/pairRecords.ts'
import { readCollection, useDocRead, type WithId } from '../collections.ts'
import { ACTION_ITEMS, addItem, PROJECT_NOTES, PROJECTS, removeWithChildren } from './lists.ts'

/** The pair's joint projects with their notes and action items. */
export interface ProjectView extends WithId<ProjectRecord> {
  notes: WithId<ProjectNoteRecord>[]
  actionItems: WithId<ActionItemRecord>[]
}

export function readProjects(doc: Y.Doc): ProjectView[] {
  const notes = readCollection(doc, PROJECT_NOTES, ProjectNoteRecord)
  const items = readCollection(doc, ACTION_ITEMS, ActionItemRecord)
  return inOrder(readCollection(doc, PROJECTS, ProjectRecord)).map((project) => ({
    ...project,
    notes: inOrder(notes.filter((n) => n.projectId === project.id)),
    actionItems: inOrder(items.filter((a) => a.projectId === project.id))
  }))
}

const NONE: ProjectView[] = []

export function useProjects(doc: Y.Doc | null): ProjectView[] {
  return useDocRead(doc, readProjects, NONE)
}

export function addProject(doc: Y.Doc, title: string): string {
  return addItem(doc, PROJECTS, { title, discussedIn: null })
}

export function addProjectNote(doc: Y.Doc, projectId: string, text: string): string {
  return addItem(doc, PROJECT_NOTES, { projectId, text })
}

export function addActionItem(doc: Y.Doc, projectId: string, text: string, owner: string | null): string {
  return addItem(doc, ACTION_ITEMS, { projectId, text, owner, done: false })
}

export function removeProject(doc: Y.Doc, projectId: string): void {
  removeWithChildren(doc, PROJECTS, projectId, [
    { list: PROJECT_NOTES, parentField: 'projectId' },
    { list: ACTION_ITEMS, parentField: 'projectId' }
  ])
}
