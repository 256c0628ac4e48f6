import { z } from 'zod'
import type { Card } from './cards.ts'
import type { VoteTally } from './votes.ts'
import { RecordId } from '../text/limits.ts'

/**
 * Groups of cards, and the topics the team votes on and discusses.
 *
 * A group is its own record (`groups` collection: title, column, createdAt); membership is a field
 * of the CARD (`groupId`), not a list on the group. Two people dragging different cards into one
 * group write different records, and one card dragged into two groups at once ends in exactly one
 * of them (last writer wins on that card's field) — no list to merge, no card in two places.
 *
 * A card keeps its own column when grouped (exports still say where it was written); the group is
 * shown in its `columnId`. A `groupId` naming a deleted group reads as "not grouped", and a group
 * whose last card left is no topic (`emptyGroups` lists them for clean-up).
 */

export const CardGroupFields = z.object({
  /** May be empty: the title then falls back to the first card's text (`groupTitle`). */
  title: z.string().trim().max(80, 'A group title has at most 80 characters.'),
  columnId: RecordId,
  createdAt: z.number().int().nonnegative()
})
export const CardGroup = CardGroupFields.extend({ id: z.string().min(1) })
export type CardGroup = z.infer<typeof CardGroup>

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const byAge = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) => a.createdAt - b.createdAt || cmp(a.id, b.id)

/** Live cards per existing group, oldest card first. Groups without cards are absent. */
export function groupMembers(cards: readonly Card[], groups: readonly CardGroup[]): Map<string, Card[]> {
  const ids = new Set(groups.map((g) => g.id))
  const members = new Map<string, Card[]>()
  for (const card of cards) {
    if (card.dismissed || card.groupId === undefined || !ids.has(card.groupId)) continue
    const list = members.get(card.groupId) ?? []
    list.push(card)
    members.set(card.groupId, list)
  }
  for (const list of members.values()) list.sort(byAge)
  return members
}

export function emptyGroups(cards: readonly Card[], groups: readonly CardGroup[]): string[] {
  const members = groupMembers(cards, groups)
  return groups.filter((g) => !members.has(g.id)).map((g) => g.id)
}

const TITLE_FALLBACK_LENGTH = 60

export function groupTitle(group: Pick<CardGroup, 'title'>, members: readonly Pick<Card, 'text'>[]): string {
  if (group.title.trim()) return group.title.trim()
  const first = members[0]?.text.replace(/\s+/g, ' ').trim()
  if (!first) return 'Untitled group'
  return first.length > TITLE_FALLBACK_LENGTH ? `${first.slice(0, TITLE_FALLBACK_LENGTH - 1)}…` : first
}

/**
 * Dropping card `dragged` onto card `target` (neither grouped): a new group in the target's
 * column holding both. Returns the group and the two card patches to write.
 */
export function groupTwoCards(groupId: string, target: Card, dragged: Card, at: number): { group: CardGroup; patches: { id: string; groupId: string }[] } {
  return {
    group: { id: groupId, title: '', columnId: target.columnId, createdAt: at },
    patches: [{ id: target.id, groupId }, { id: dragged.id, groupId }]
  }
}

/**
 * Votable ids → the target their votes count toward: a card in a group counts for the group, a
 * card alone for itself, a group (with cards) for itself. Feed to `tallyVotes({targets})`; a vote on
 * anything else (a deleted card, an emptied group) is rejected as 'unknown target'.
 */
export function voteTargets(cards: readonly Card[], groups: readonly CardGroup[]): Record<string, string> {
  const members = groupMembers(cards, groups)
  const targets: [string, string][] = []
  for (const card of cards) {
    if (card.dismissed) continue
    const grouped = card.groupId !== undefined && members.has(card.groupId)
    targets.push([card.id, grouped ? card.groupId! : card.id])
  }
  for (const id of members.keys()) targets.push([id, id])
  return Object.fromEntries(targets)
}

export interface Topic {
  kind: 'group' | 'card'
  /** The counted target id: the group's id, or the card's. */
  id: string
  title: string
  columnId: string
  cardIds: string[]
  votes: number
}

/**
 * The discussion order: most votes first; ties by column order (when `columnOrder` is given), then
 * the older topic first, then id — a total order, so every peer lists the topics identically.
 * Topics without votes come last, in the same tiebreak order.
 */
export function discussionOrder(
  cards: readonly Card[],
  groups: readonly CardGroup[],
  tally: Pick<VoteTally, 'counts'>,
  columnOrder: readonly string[] = []
): Topic[] {
  const members = groupMembers(cards, groups)
  const votes = (id: string) => (Object.hasOwn(tally.counts, id) ? tally.counts[id]! : 0)
  const topics: (Topic & { createdAt: number })[] = []
  for (const g of groups) {
    const list = members.get(g.id)
    if (!list) continue
    topics.push({ kind: 'group', id: g.id, title: groupTitle(g, list), columnId: g.columnId, cardIds: list.map((c) => c.id), votes: votes(g.id), createdAt: g.createdAt })
  }
  for (const c of cards) {
    if (c.dismissed || (c.groupId !== undefined && members.has(c.groupId))) continue
    topics.push({ kind: 'card', id: c.id, title: c.text, columnId: c.columnId, cardIds: [c.id], votes: votes(c.id), createdAt: c.createdAt })
  }
  const col = (id: string) => {
    const i = columnOrder.indexOf(id)
    return i < 0 ? columnOrder.length : i
  }
  topics.sort((a, b) => b.votes - a.votes || col(a.columnId) - col(b.columnId) || byAge(a, b))
  return topics.map(({ createdAt: _createdAt, ...topic }) => topic)
}
