import { useRef, type PointerEvent } from 'react'
import { useCursorSender } from '../store/presence.ts'
import type { BoardContext } from './types.ts'
import { Columns } from './Columns.tsx'
import { Cursors } from './Cursors.tsx'
import { DiscussView } from './DiscussView.tsx'
import type { BoardModel } from './useBoardModel.ts'

/** The phase's working area, with everyone's live pointers drawn over it. */
export function BoardSurface(props: { model: BoardModel; ctx: BoardContext; onPlanAction(text: string): void }) {
  const { model } = props
  const ref = useRef<HTMLDivElement>(null)
  const send = useCursorSender(model.session)
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const box = ref.current?.getBoundingClientRect()
    if (!box || box.width === 0) return
    send({ x: (e.clientX - box.left) / box.width, y: e.clientY - box.top })
  }
  const discussing = model.phase === 'discuss' || model.phase === 'act'
  return (
    <div className="rt-surface" ref={ref} onPointerMove={onMove} onPointerLeave={() => send(null)}>
      {discussing ? <DiscussView model={model} ctx={props.ctx} onPlanAction={props.onPlanAction} /> : <Columns model={model} ctx={props.ctx} />}
      <Cursors session={model.session} />
    </div>
  )
}
