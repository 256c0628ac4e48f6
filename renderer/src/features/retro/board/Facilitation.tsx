import { useState } from 'react'
import { handOverFacilitator, takeOverFacilitator } from '@shared/retro/phases.ts'
import { toast } from '@ui/toasts.ts'
import type { MoveResult } from '@shared/retro/phases.ts'
import { PickDialog } from '../PickDialog.tsx'
import { peopleOnBoard } from './PresenceBar.tsx'
import { clockNow } from '../hooks.ts'
import type { BoardModel } from './useBoardModel.ts'

/** Who facilitates; the facilitator hands over, anyone takes over when the facilitator is away. */
export function Facilitation({ model }: { model: BoardModel }) {
  const { flow } = model
  const [picking, setPicking] = useState(false)
  const here = peopleOnBoard(model)
  const present = here.some((p) => p.id === flow.facilitatorId)
  const name = model.names[flow.facilitatorId] ?? here.find((p) => p.id === flow.facilitatorId)?.name ?? 'A former member'
  const write = (result: MoveResult) => {
    const error = model.commands.moveFlow(result)
    if (error) toast(error, 'error')
  }
  if (model.readOnly) return <span className="muted small">Facilitated by {name}</span>
  if (model.isFacilitator) {
    const others = here.filter((p) => p.id !== model.meId)
    return (
      <span className="rt-handover">
        <span className="muted small">You facilitate.</span>
        <button type="button" className="button small ghost" disabled={others.length === 0} onClick={() => setPicking(true)} title={others.length ? undefined : 'Nobody else is on the board'}>
          Hand over…
        </button>
        <PickDialog
          title="Hand the facilitator role to"
          open={picking}
          onClose={() => setPicking(false)}
          options={others.map((p) => ({ id: p.id, label: p.name }))}
          onPick={(id) => write(handOverFacilitator(flow, model.meId, id, clockNow()))}
        />
      </span>
    )
  }
  return (
    <span className="row">
      <span className="muted small">
        {name} facilitates{present ? '' : ' (away)'}
      </span>
      {!present && (
        <button type="button" className="button small" onClick={() => write(takeOverFacilitator(flow, model.meId, present, clockNow()))}>
          Take over
        </button>
      )}
    </span>
  )
}
