import { useMemo, useState } from 'react'
import { actionsForBoard } from '@shared/retro/boardActions.ts'
import type { TeamPerson } from '@shared/sprint/people.ts'
import { useLocalSpaces } from '../store/documents.ts'
import type { TeamRetro } from '../store/team.ts'
import { LateTicketsPanel } from '../late/LateTicketsPanel.tsx'
import { ActionPlan } from './ActionPlan.tsx'
import { BoardHeader } from './BoardHeader.tsx'
import { BoardSurface } from './BoardSurface.tsx'
import { PhaseBar } from './PhaseBar.tsx'
import { PrintView } from './PrintView.tsx'
import type { BoardContext } from './types.ts'
import { BoardModelContext, type OpenBoard, useBoardModel } from './useBoardModel.ts'

/** One sprint's board: header, phase bar, the phase's surface, action plan, late tickets; and its print view. */
export function Board(props: {
  data: OpenBoard
  me: { id: string; name: string }
  people: readonly TeamPerson[]
  team: TeamRetro
  teamSpaceId: string
  orgSpaceId: string | null
  readOnly: boolean
}) {
  const { team } = props
  const model = useBoardModel(props.data, props.me, props.people, props.readOnly)
  const orgs = useLocalSpaces('org')
  const [printView, setPrintView] = useState(false)
  const [actionSeed, setActionSeed] = useState<{ text: string; n: number } | null>(null)
  const { sprint, createdAt } = model.board
  const actions = useMemo(() => actionsForBoard(team.actions, sprint, createdAt), [team.actions, sprint, createdAt])
  const sprintTickets = useMemo(() => team.late.tickets.filter((t) => t.sprint === sprint), [team.late.tickets, sprint])
  const { saveSettings } = team.commands
  const ctx = useMemo<BoardContext>(
    () => ({ teamSpaceId: props.teamSpaceId, orgSpaceId: props.orgSpaceId, orgs, chooseOrg: (orgSpaceId) => saveSettings({ orgSpaceId }) }),
    [props.teamSpaceId, props.orgSpaceId, orgs, saveSettings]
  )
  const exportData = { actions, lateTickets: sprintTickets, reasons: team.late.catalog }
  const plan = <ActionPlan model={model} team={team.commands} items={actions} seed={actionSeed} emphasis={model.phase === 'act' || model.phase === 'discuss'} />
  return (
    <BoardModelContext value={model}>
      <div className={`rt-board-root ${printView ? 'printing' : ''}`} data-phase={model.phase}>
        <div className="rt-screen">
          <BoardHeader model={model} exportData={exportData} printView={printView} onPrintView={setPrintView} />
          <PhaseBar model={model} />
          {model.phase === 'act' && plan}
          <BoardSurface model={model} ctx={ctx} onPlanAction={(text) => setActionSeed((s) => ({ text, n: (s?.n ?? 0) + 1 }))} />
          {model.phase !== 'act' && plan}
          <LateTicketsPanel
            team={team.commands}
            teamId={props.teamSpaceId}
            teamName={model.board.teamName}
            sprint={sprint}
            data={team.late}
            tickets={sprintTickets}
            readOnly={!model.can('record-late-ticket')}
          />
        </div>
        <PrintView model={model} exportData={exportData} preview={printView} onClose={() => setPrintView(false)} />
      </div>
    </BoardModelContext>
  )
}
