import { useState } from 'react'
import { boardTitle } from '@shared/retro/board.ts'
import { TEMPLATES } from '@shared/retro/templates.ts'
import { BoardExport, type ExportData } from './BoardExport.tsx'
import { BoardSettingsDialog } from './BoardSettingsDialog.tsx'
import { PresenceBar } from './PresenceBar.tsx'
import type { BoardModel } from './useBoardModel.ts'

/** Title, format and rules, who is here, exports and settings. */
export function BoardHeader(props: { model: BoardModel; exportData: ExportData; printView: boolean; onPrintView(on: boolean): void }) {
  const { model } = props
  const { board } = model
  const [settings, setSettings] = useState(false)
  const template = board.layout.templateId === 'custom' ? 'Custom columns' : TEMPLATES[board.layout.templateId].label
  const { budget, cap } = board.settings.voting
  return (
    <header className="rt-board-head">
      <div className="rt-board-title">
        <h2>{boardTitle(board)}</h2>
        <p className="muted small">
          {template} · {board.settings.anonymous ? 'Anonymous cards' : 'Cards show their author'} · {budget} votes each, at most {cap} of them on one card
        </p>
      </div>
      <PresenceBar model={model} />
      <div className="rt-head-actions">
        <BoardExport model={model} data={props.exportData} printView={props.printView} onPrintView={props.onPrintView} />
        {model.isFacilitator && !model.readOnly && (
          <button type="button" className="button small" onClick={() => setSettings(true)}>
            Board settings
          </button>
        )}
      </div>
      <BoardSettingsDialog model={model} open={settings} onClose={() => setSettings(false)} />
    </header>
  )
}
