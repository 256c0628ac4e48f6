import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { ActionItemRecord, ProjectNoteRecord, ProjectRecord } from '@shared/mentorship/pairRecords.ts'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
import { ACTION_ITEMS, addItem, PROJECT_NOTES, PROJECTS, removeItem } from './lists.ts'

/** The pair's joint projects with their notes and action items. */
export interface ProjectView extends Rec<ProjectRecord> {
  notes: readonly Rec<ProjectNoteRecord>[]
  actionItems: readonly Rec<ActionItemRecord>[]
}

function view(doc: Y.Doc, projects: readonly Rec<ProjectRecord>[]): ProjectView[] {
  const notes = collection(doc, PROJECT_NOTES)
  const items = collection(doc, ACTION_ITEMS)
  return projects.map((project) => ({ ...project, notes: notes.childrenOf(project.id), actionItems: items.childrenOf(project.id) }))
}

export function readProjects(doc: Y.Doc): ProjectView[] {
  return view(doc, collection(doc, PROJECTS).list())
}

export function useProjects(doc: Y.Doc | null): ProjectView[] {
  const projects = useRecords(doc, PROJECTS)
  const notes = useRecords(doc, PROJECT_NOTES)
  const items = useRecords(doc, ACTION_ITEMS)
  // the children are read through their collections; their snapshots say when to read again
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (doc ? view(doc, projects) : []), [doc, projects, notes, items])
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

/** Removes the project with its notes and action items. */
export function removeProject(doc: Y.Doc, projectId: string): void {
  removeItem(doc, PROJECTS, projectId)
}
