import { z } from 'zod'
import type { Card } from './cards.ts'
import { BoardFlow, initialFlow } from './phases.ts'
import { type Column, Column as ColumnSchema, type CustomColumnInput, MAX_COLUMNS, type TEMPLATES, TemplateIdSchema, customLayout, templateLayout } from './templates.ts'
import { VoteSettings } from './votes.ts'
import { FIELD_LIMITS, RecordId } from '../text/limits.ts'

/**
 * The board record: one per team per sprint, in the team space's board document.
 *
 * Its id is derived from team and sprint (`retro:<teamId>:<sprint>`), so two members who both open
 * "this sprint's retro" offline create ONE board, not two. The record has a few fields, each a whole
 * JSON value that Yjs resolves last-writer-wins: `layout` (template and columns together, so a
 * template never pairs with another template's columns), `settings`, and `flow` (phases.ts). If
 * two creators picked different templates, one layout wins; cards written into a column of the
 * losing one are not lost — `cardsByColumn` returns them as `unplaced`, for the UI to show and move.
 * The record is a root-level map (`boards::<id>`), so two offline creations merge field by field.
 */

export const BoardLayout = z
  .object({
    templateId: TemplateIdSchema,
    columns: z.array(ColumnSchema).min(1, 'A board needs at least one column.').max(MAX_COLUMNS, `A board has at most ${MAX_COLUMNS} columns.`),
    /** Where the daily sync-up opportunities land. */
    inboxColumnId: RecordId
  })
  .superRefine((layout, ctx) => {
    const ids = new Set<string>()
    const titles = new Set<string>()
    layout.columns.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'id'], message: `Column id "${c.id}" is used twice.` })
      const title = c.title.toLocaleLowerCase('en')
      if (titles.has(title)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'title'], message: `Column names must be unique: "${c.title}" appears twice.` })
      ids.add(c.id)
      titles.add(title)
    })
    if (!ids.has(layout.inboxColumnId)) {
      ctx.addIssue({ code: 'custom', path: ['inboxColumnId'], message: `No column "${layout.inboxColumnId}" for the sync-up opportunities.` })
    }
  })
export type BoardLayout = z.infer<typeof BoardLayout>

export const BoardSettings = z.object({
  /** New cards are stored without an author. Turning it on later does not strip existing cards. */
  anonymous: z.boolean().default(false),
  voting: VoteSettings.prefault({})
})
export type BoardSettings = z.infer<typeof BoardSettings>

export const RetroBoardFields = z.object({
  teamId: z.string().min(1, 'A board belongs to a team.').max(FIELD_LIMITS.id),
  teamName: z.string().trim().min(1, 'The team needs a name.').max(FIELD_LIMITS.name),
  sprint: z.number().int().positive('A sprint number is 1 or more.'),
  createdAt: z.number().int().nonnegative(),
  createdBy: RecordId,
  layout: BoardLayout,
  settings: BoardSettings.prefault({}),
  flow: BoardFlow
})
export const RetroBoard = RetroBoardFields.extend({ id: z.string().min(1) })
export type RetroBoard = z.infer<typeof RetroBoard>

export const retroBoardId = (teamId: string, sprint: number): string => `retro:${teamId}:${sprint}`

export interface NewBoardInput {
  teamId: string
  teamName: string
  sprint: number
  /** The creator, who facilitates first. */
  createdBy: string
  createdAt: number
  template: keyof typeof TEMPLATES | { columns: readonly CustomColumnInput[]; inboxColumnId?: string }
  anonymous?: boolean
  voting?: Partial<VoteSettings>
}

export function newBoard(input: NewBoardInput): RetroBoard {
  const layout = typeof input.template === 'string' ? templateLayout(input.template) : customLayout(input.template.columns, input.template.inboxColumnId)
  return RetroBoard.parse({
    id: retroBoardId(input.teamId, input.sprint),
    teamId: input.teamId,
    teamName: input.teamName,
    sprint: input.sprint,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    layout,
    settings: { anonymous: input.anonymous ?? false, voting: input.voting ?? {} },
    flow: initialFlow(input.createdBy, input.createdAt)
  })
}

/** "Team retrospective — Platform — Sprint 12" */
export function boardTitle(board: Pick<RetroBoard, 'teamName' | 'sprint'>): string {
  return `Team retrospective — ${board.teamName} — Sprint ${board.sprint}`
}

/** Cards per column in the layout's order (oldest first), and the cards whose column is gone. */
export function cardsByColumn<C extends Card>(cards: readonly C[], layout: Pick<BoardLayout, 'columns'>): { columns: { column: Column; cards: C[] }[]; unplaced: C[] } {
  const byAge = (a: C, b: C) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const known = new Set(layout.columns.map((c) => c.id))
  return {
    columns: layout.columns.map((column) => ({ column, cards: cards.filter((c) => c.columnId === column.id).sort(byAge) })),
    unplaced: cards.filter((c) => !known.has(c.columnId)).sort(byAge)
  }
}
