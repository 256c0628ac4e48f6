import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { ActionItemRecord, ProjectNoteRecord, ProjectRecord } from '@shared/mentorship/pairRecords.ts'
import { collection, useRecords, type Rec } from '@core/collections/index.ts'
import { journalDoc, type Journal, type JournalRef } from './docs.ts'
import { ACTION_ITEMS, addItem, patchItem, PROJECT_NOTES, PROJECTS, removeItem } from './lists.ts'

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

export function readProjects(journal: JournalRef): ProjectView[] {
  const doc = journalDoc(journal)
  return view(doc, collection(doc, PROJECTS).list())
}

export function useProjects(journal: Journal | null): ProjectView[] {
  const doc = journal && journalDoc(journal)
  const projects = useRecords(doc, PROJECTS)
  const notes = useRecords(doc, PROJECT_NOTES)
  const items = useRecords(doc, ACTION_ITEMS)
  // the children are read through their collections; their snapshots say when to read again
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (doc ? view(doc, projects) : []), [doc, projects, notes, items])
}

export function addProject(journal: JournalRef, title: string): string {
  return addItem(journalDoc(journal), PROJECTS, { title, discussedIn: null })
}

export function patchProject(journal: JournalRef, projectId: string, fields: Partial<Omit<ProjectRecord, 'order'>>): void {
  patchItem(journalDoc(journal), PROJECTS, projectId, fields)
}

/** Removes the project with its notes and action items. */
export function removeProject(journal: JournalRef, projectId: string): void {
  removeItem(journalDoc(journal), PROJECTS, projectId)
}

export function addProjectNote(journal: JournalRef, projectId: string, text: string): string {
  return addItem(journalDoc(journal), PROJECT_NOTES, { projectId, text })
}

export function patchProjectNote(journal: JournalRef, id: string, text: string): void {
  patchItem(journalDoc(journal), PROJECT_NOTES, id, { text })
}

export function removeProjectNote(journal: JournalRef, id: string): void {
  removeItem(journalDoc(journal), PROJECT_NOTES, id)
}

export function addActionItem(journal: JournalRef, projectId: string, text: string, owner: string | null): string {
  return addItem(journalDoc(journal), ACTION_ITEMS, { projectId, text, owner, done: false })
}

export function patchActionItem(journal: JournalRef, id: string, fields: Partial<Pick<ActionItemRecord, 'text' | 'done' | 'owner'>>): void {
  patchItem(journalDoc(journal), ACTION_ITEMS, id, fields)
}

export function removeActionItem(journal: JournalRef, id: string): void {
  removeItem(journalDoc(journal), ACTION_ITEMS, id)
}
