import { cardsByColumn, type BoardLayout } from './board.ts'
import type { Card } from './cards.ts'
import type { Column } from './templates.ts'
import { type CardGroup, groupMembers, groupTitle } from './groups.ts'

/**
 * What a column shows: its groups (each with its cards, oldest first) and its cards that are in
 * no group. A group is shown in its own column even when a member was written in another one.
 * Groups whose column no longer exists, and cards of a removed column, come back as `unplaced`
 * so the UI can show them instead of losing them.
 */
export interface GroupView {
  group: CardGroup
  title: string
  cards: Card[]
}

export interface ColumnView {
  column: Column
  groups: GroupView[]
  cards: Card[]
}

export interface BoardView {
  columns: ColumnView[]
  unplaced: { groups: GroupView[]; cards: Card[] }
}

const byAge = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function boardView(cards: readonly Card[], groups: readonly CardGroup[], layout: Pick<BoardLayout, 'columns'>): BoardView {
  const live = cards.filter((c) => !c.dismissed)
  const members = groupMembers(live, groups)
  const groupViews = groups
    .filter((g) => members.has(g.id))
    .sort(byAge)
    .map((group): GroupView => {
      const list = members.get(group.id)!
      return { group, title: groupTitle(group, list), cards: list }
    })
  const loose = live.filter((c) => c.groupId === undefined || !members.has(c.groupId))
  const { columns, unplaced } = cardsByColumn(loose, layout)
  const known = new Set(layout.columns.map((c) => c.id))
  return {
    columns: columns.map(({ column, cards: list }) => ({ column, groups: groupViews.filter((g) => g.group.columnId === column.id), cards: list })),
    unplaced: { groups: groupViews.filter((g) => !known.has(g.group.columnId)), cards: unplaced }
  }
}

/** Short text for a card or group in labels and menus: one line, at most `max` characters. */
export function snippet(text: string, max = 48): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
