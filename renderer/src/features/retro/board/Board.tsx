import { useMemo, useState } from 'react'
import { actionsForBoard } from '../../../../../shared/retro/boardActions.ts'
import type { TeamPerson } from '../../../../../shared/sprint/people.ts'
import { useTeamActions } from '../../../data/retro/actions.ts'
import { useLateTicketData } from '../../../data/retro/lateTickets.ts'
import { type RootDoc, useLocalSpaces } from '../../../data/retro/rootDoc.ts'
import type { DocLink } from '../../../sync/docLink.ts'
import { LateTicketsPanel } from '../late/LateTicketsPanel.tsx'
import { ActionPlan } from './ActionPlan.tsx'
import { BoardHeader } from './BoardHeader.tsx'
import { BoardSurface } from './BoardSurface.tsx'
import { PhaseBar } from './PhaseBar.tsx'
import { PrintView } from './PrintView.tsx'
import type { BoardContext } from './types.ts'
import { useBoardModel } from './useBoardModel.ts'

/** One sprint's board: header, phase bar, the phase's surface, action plan, late tickets; and its print view. */
export function Board(props: {
  link: DocLink
  boardId: string
  me: { id: string; name: string }
  people: readonly TeamPerson[]
  teamDoc: RootDoc
  teamSpaceId: string
  orgSpaceId: string | null
  readOnly: boolean
}) {
  const model = useBoardModel(props.link, props.boardId, props.me, props.people, props.readOnly)
  const teamActions = useTeamActions(props.teamDoc)
  const late = useLateTicketData(props.teamDoc)
  const orgs = useLocalSpaces('org')
  const [printView, setPrintView] = useState(false)
  const [actionSeed, setActionSeed] = useState<{ text: string; n: number } | null>(null)
  const sprint = model?.board.sprint ?? 0
  const createdAt = model?.board.createdAt ?? 0
  const actions = useMemo(() => actionsForBoard(teamActions, sprint, createdAt), [teamActions, sprint, createdAt])
  const sprintTickets = useMemo(() => late.tickets.filter((t) => t.sprint === sprint), [late.tickets, sprint])
  if (!model) return <p className="muted">Opening the board…</p>
  const ctx: BoardContext = { teamDoc: props.teamDoc, teamSpaceId: props.teamSpaceId, orgSpaceId: props.orgSpaceId, orgs }
  const exportData = { actions, lateTickets: sprintTickets, reasons: late.catalog }
  const plan = (
    <ActionPlan
      model={model}
      teamDoc={props.teamDoc}
      items={actions}
      seed={actionSeed}
      emphasis={model.phase === 'act' || model.phase === 'discuss'}
    />
  )
  return (
    <div className={`rt-board-root ${printView ? 'printing' : ''}`} data-phase={model.phase}>
      <div className="rt-screen">
        <BoardHeader model={model} exportData={exportData} printView={printView} onPrintView={setPrintView} />
        <PhaseBar model={model} />
        {model.phase === 'act' && plan}
        <BoardSurface model={model} ctx={ctx} onPlanAction={(text) => setActionSeed((s) => ({ text, n: (s?.n ?? 0) + 1 }))} />
        {model.phase !== 'act' && plan}
        <LateTicketsPanel
          teamDoc={props.teamDoc}
          teamId={props.teamSpaceId}
          teamName={model.board.teamName}
          sprint={sprint}
          data={late}
          tickets={sprintTickets}
          readOnly={!model.can('record-late-ticket')}
        />
      </div>
      <PrintView model={model} exportData={exportData} preview={printView} onClose={() => setPrintView(false)} />
    </div>
  )
}
