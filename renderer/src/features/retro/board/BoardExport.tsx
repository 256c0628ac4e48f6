import type { ActionItem } from '@shared/retro/actions.ts'
import { exportBoardCsv, exportBoardMarkdown, type BoardExportInput } from '@shared/retro/exportBoard.ts'
import { boardFileName } from '@shared/retro/files.ts'
import type { LateReason, LateTicket } from '@shared/retro/lateTickets.ts'
import { toast } from '@ui/toasts.ts'
import { downloadText } from '@ui/files.ts'
import type { BoardModel } from './useBoardModel.ts'

export interface ExportData {
  actions: ActionItem[]
  lateTickets: LateTicket[]
  reasons: LateReason[]
}

/** What the exporting member may see: drafts of others never, vote counts only after voting. */
export function exportInput(model: BoardModel, data: ExportData): BoardExportInput {
  return {
    board: model.board,
    cards: model.cards.map(({ draft: _draft, ...c }) => c),
    groups: model.groups,
    votes: model.votes,
    actionItems: data.actions,
    lateTickets: data.lateTickets,
    memberNames: model.names,
    reasons: data.reasons
  }
}

export function BoardExport(props: { model: BoardModel; data: ExportData; printView: boolean; onPrintView(on: boolean): void }) {
  const { board } = props.model
  const save = (kind: 'md' | 'csv') => {
    const input = exportInput(props.model, props.data)
    const name = boardFileName(board.teamName, board.sprint, kind)
    if (kind === 'md') downloadText(name, exportBoardMarkdown(input), 'text/markdown')
    else downloadText(name, exportBoardCsv(input), 'text/csv')
    toast(`${name} downloaded`)
  }
  return (
    <div className="rt-export" role="group" aria-label="Export">
      <button type="button" className="button small" onClick={() => save('md')}>
        Markdown
      </button>
      <button type="button" className="button small" onClick={() => save('csv')}>
        CSV
      </button>
      <button type="button" className="button small" aria-pressed={props.printView} onClick={() => props.onPrintView(!props.printView)}>
        Print view
      </button>
    </div>
  )
}
