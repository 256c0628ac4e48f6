import type * as Y from 'yjs'
import { namesOf } from '@shared/members/personName.ts'
import { visibleCards, withLoggers } from '@shared/retro/cards.ts'
import { exportBoardCsv, exportBoardMarkdown, type BoardExportInput } from '@shared/retro/exportBoard.ts'
import { reasonCatalog } from '@shared/retro/lateTickets.ts'
import { collection } from '@core/collections/index.ts'
import { readMembers } from '@core/spaces/spaceDoc.ts'
import { readRetroInbox } from '@features/sprint/index.ts'
import { readTeamActions } from './actions.ts'
import { loggersOf } from './board.ts'
import { BOARDS, CARDS, GROUPS, VOTES } from './collections.ts'
import { readCustomReasons, readLateTickets } from './lateTickets.ts'

/**
 * A team's retro board as its Markdown and CSV exports (shared/retro/exportBoard.ts), read from
 * bare documents: its sprint document and the team's root document (actions, late tickets,
 * member names). For backups (issue 14): what any member of the team sees — revealed cards only
 * (drafts never reach the document), vote counts only after voting. Null when the document holds
 * no board.
 */
export function boardExportsOf(sprintDoc: Y.Doc, teamRoot: Y.Doc | null): { markdown: string; csv: string } | null {
  const board = collection(sprintDoc, BOARDS).list()[0]
  if (!board) return null
  const cards = withLoggers(collection(sprintDoc, CARDS).list(), loggersOf(readRetroInbox(sprintDoc)), board.settings.anonymous)
  const input: BoardExportInput = {
    board,
    cards: visibleCards(cards, board.flow.phase, new Set()),
    groups: collection(sprintDoc, GROUPS).list(),
    votes: collection(sprintDoc, VOTES).list(),
    actionItems: teamRoot ? readTeamActions(teamRoot) : [],
    lateTickets: teamRoot ? readLateTickets(teamRoot) : [],
    memberNames: namesOf(teamRoot ? readMembers(teamRoot) : []),
    reasons: reasonCatalog(teamRoot ? readCustomReasons(teamRoot) : [])
  }
  return { markdown: exportBoardMarkdown(input), csv: exportBoardCsv(input) }
}
