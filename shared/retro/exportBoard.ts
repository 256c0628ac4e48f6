import { actionPlan, isCarried, type ActionItem } from './actions.ts'
import { type RetroBoard, boardTitle, cardsByColumn } from './board.ts'
import { personName } from '../members/personName.ts'
import { type ShownCard, cardAuthorLabel } from './cards.ts'
import { toCsv } from './csv.ts'
import { type CardGroup, type Topic, discussionOrder, groupMembers, groupTitle, voteTargets } from './groups.ts'
import { DEFAULT_REASONS, type LateReason, type LateTicket, reasonLabel } from './lateTickets.ts'
import { PHASE_LABELS } from './phases.ts'
import { TEMPLATES } from './templates.ts'
import { type Vote, tallyVotes, votesVisible } from './votes.ts'

/**
 * A board as Markdown (for a wiki page or the org retro) and as CSV (one row per card).
 *
 * Exports show what the exporting member may see: pass the cards after `visibleCards`. Vote
 * counts and the discussion order appear only once votes are visible (after the vote phase), so an
 * export cannot leak them early. Anonymous cards say "Anonymous": there is no author to print.
 */
export interface BoardExportInput {
  board: RetroBoard
  /** sync-up cards with who logged them (cards.ts `withLoggers`) */
  cards: readonly ShownCard[]
  groups: readonly CardGroup[]
  votes: readonly Vote[]
  actionItems: readonly ActionItem[]
  lateTickets: readonly LateTicket[]
  /** member id → display name */
  memberNames: Readonly<Record<string, string>>
  reasons?: readonly LateReason[]
}

/** Backslash-escapes Markdown punctuation; newlines become spaces (headings, table cells). */
export function mdInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&').replace(/\s*\r?\n\s*/g, ' ').trim()
}

/** Multi-line text inside a list item: hard line breaks, continuation lines indented. */
function mdItem(text: string): string {
  return text.trim().split(/\r?\n/).map((line) => line.replace(/[\\`*_[\]<>#|~]/g, '\\$&')).join('  \n  ')
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

interface Prepared {
  cards: ShownCard[]
  counts: Record<string, number> | null
  topics: Topic[]
  members: Map<string, ShownCard[]>
  groupOf: Map<string, CardGroup>
}

function prepare(input: BoardExportInput): Prepared {
  const cards = input.cards.filter((c) => !c.dismissed)
  const targets = voteTargets(cards, input.groups)
  const tally = tallyVotes(input.votes, { ...input.board.settings.voting, targets })
  const visible = votesVisible(input.board.flow.phase)
  const order = input.board.layout.columns.map((c) => c.id)
  const members = groupMembers(cards, input.groups)
  const groupOf = new Map(input.groups.filter((g) => members.has(g.id)).map((g) => [g.id, g]))
  return {
    cards,
    counts: visible ? tally.counts : null,
    topics: visible ? discussionOrder(cards, input.groups, tally, order) : [],
    members,
    groupOf
  }
}

const votesOf = (p: Prepared, id: string) => (p.counts && Object.hasOwn(p.counts, id) ? p.counts[id]! : 0)
const voteNote = (p: Prepared, id: string) => (p.counts ? ` (${plural(votesOf(p, id), 'vote')})` : '')

function cardLine(card: ShownCard, input: BoardExportInput, p: Prepared, withVotes: boolean): string {
  const source = card.source?.kind === 'previous-retro' ? ` _(from the Sprint ${card.source.sprint} retro)_` : ''
  const escalated = card.escalated ? ' _(escalated to the org retrospective)_' : ''
  const votes = withVotes ? voteNote(p, card.id) : ''
  return `- ${mdItem(card.text)} — ${mdInline(cardAuthorLabel(card, input.memberNames))}${votes}${source}${escalated}`
}

function groupBlock(group: CardGroup, input: BoardExportInput, p: Prepared): string[] {
  const list = p.members.get(group.id) ?? []
  return [`### ${mdInline(groupTitle(group, list))}${voteNote(p, group.id)}`, '', ...list.map((c) => cardLine(c, input, p, false)), '']
}

function dueText(item: ActionItem, sprint: number): string {
  const parts = [item.ownerName ? `owner: ${mdInline(item.ownerName)}` : 'no owner yet']
  if (item.due) parts.push(`due ${item.due}`)
  if (isCarried(item, sprint)) parts.push(`carried from Sprint ${item.fromSprint}`)
  return parts.join(' · ')
}

export function exportBoardMarkdown(input: BoardExportInput): string {
  const { board } = input
  const p = prepare(input)
  const template = board.layout.templateId === 'custom' ? 'Custom columns' : TEMPLATES[board.layout.templateId].label
  const out: string[] = [`# ${mdInline(boardTitle(board))}`, '']
  out.push(`Phase: ${PHASE_LABELS[board.flow.phase]} · Template: ${template}${board.settings.anonymous ? ' · Anonymous cards' : ''}`, '')

  const loose = p.cards.filter((c) => c.groupId === undefined || !p.groupOf.has(c.groupId))
  const { columns, unplaced } = cardsByColumn(loose, board.layout)
  for (const { column, cards } of columns) {
    out.push(`## ${mdInline(column.title)}`, '')
    if (column.prompt) out.push(`_${mdInline(column.prompt)}_`, '')
    const groups = [...p.groupOf.values()].filter((g) => g.columnId === column.id).sort((a, b) => a.createdAt - b.createdAt)
    for (const g of groups) out.push(...groupBlock(g, input, p))
    if (cards.length) out.push(...cards.map((c) => cardLine(c, input, p, true)), '')
    if (!cards.length && !groups.length) out.push('_No cards._', '')
  }
  const known = new Set(board.layout.columns.map((c) => c.id))
  const strayGroups = [...p.groupOf.values()].filter((g) => !known.has(g.columnId))
  if (unplaced.length || strayGroups.length) {
    out.push('## Cards from a removed column', '')
    for (const g of strayGroups) out.push(...groupBlock(g, input, p))
    if (unplaced.length) out.push(...unplaced.map((c) => cardLine(c, input, p, true)), '')
  }

  out.push('## Discussion order', '')
  if (!p.counts) out.push('_Votes are hidden until the vote phase ends._', '')
  else if (!p.topics.length) out.push('_No topics._', '')
  else out.push(...p.topics.map((t, i) => `${i + 1}. ${mdInline(t.title)} — ${plural(t.votes, 'vote')}${t.kind === 'group' ? ` (group of ${plural(t.cardIds.length, 'card')})` : ''}`), '')

  out.push('## Action plan', '')
  const items = actionPlan([...input.actionItems], board.sprint)
  if (!items.length) out.push('_No action items._', '')
  else out.push(...items.map((i) => `- [${i.done ? 'x' : ' '}] ${mdItem(i.text)} — ${dueText(i, board.sprint)}`), '')

  out.push('## Tickets that took longer than expected', '')
  if (!input.lateTickets.length) out.push('_None recorded._', '')
  else {
    const catalog = input.reasons ?? DEFAULT_REASONS
    out.push('| Ticket | Title | Expected | Actual | Reason | Note |', '|---|---|---|---|---|---|')
    for (const t of [...input.lateTickets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      const cells = [t.key, t.title, `${t.expected.value} ${t.expected.unit}`, `${t.actual.value} ${t.actual.unit}`, reasonLabel(catalog, t.reasonId), t.note]
      out.push(`| ${cells.map(mdInline).join(' | ')} |`)
    }
    out.push('')
  }
  return out.join('\n')
}

/** One row per card: column, text, author (or "anonymous"), source, group, votes of its topic. */
export function exportBoardCsv(input: BoardExportInput): string {
  const p = prepare(input)
  const { columns, unplaced } = cardsByColumn(p.cards, input.board.layout)
  const rows = [...columns.flatMap(({ column, cards }) => cards.map((c) => ({ column: column.title, c }))), ...unplaced.map((c) => ({ column: '', c }))]
  return toCsv(
    ['Column', 'Card', 'Author', 'Source', 'Group', 'Votes'],
    rows.map(({ column, c }) => {
      const group = c.groupId !== undefined ? p.groupOf.get(c.groupId) : undefined
      const author = c.authorId ? cardAuthorLabel(c, input.memberNames) : c.source?.kind === 'syncup' ? (c.loggedBy ? personName(c.loggedBy, input.memberNames, '') : '') : 'anonymous'
      const source = c.source?.kind === 'syncup' ? `daily sync-up ${c.source.date}` : c.source?.kind === 'previous-retro' ? `Sprint ${c.source.sprint} retro` : ''
      const votes = p.counts ? votesOf(p, group ? group.id : c.id) : null
      return [column, c.text, author, source, group ? groupTitle(group, p.members.get(group.id) ?? []) : '', votes]
    })
  )
}
