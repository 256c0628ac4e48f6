import { useMemo, useState, type DragEvent } from 'react'
import { typingLabel, typingOnCard, typingShown, writingInColumn } from '@shared/retro/presence.ts'
import type { ColumnView } from '@shared/retro/boardView.ts'
import type { Card } from '@shared/retro/cards.ts'
import type { BoardCommands } from '../store/boardCommands.ts'
import { hintColour } from '../hooks.ts'
import type { BoardContext, DragApi } from './types.ts'
import { CardView } from './CardView.tsx'
import { Composer } from './Composer.tsx'
import { GroupBox } from './GroupBox.tsx'
import type { BoardModel } from './useBoardModel.ts'
import { targetVotes } from './VoteControls.tsx'

const CARD_TYPE = 'application/x-tandem-card'

/**
 * Drag and drop for grouping. Whether a drop is welcome is read from the drag itself (it carries
 * a card), not from state set when it started: the first `dragover` can come before React has
 * shown that state, and a refused `dragover` means no drop at all.
 */
function useDrag(enabled: boolean, commands: BoardCommands): DragApi {
  const [dragging, setDragging] = useState<string | null>(null)
  return useMemo(() => {
    const carried = (e: DragEvent) => e.dataTransfer.getData(CARD_TYPE) || dragging
    const carriesCard = (e: DragEvent) => [...e.dataTransfer.types].includes(CARD_TYPE)
    return {
      enabled,
      dragging,
      start: (e: DragEvent, card: Card) => {
        e.dataTransfer.setData(CARD_TYPE, card.id)
        e.dataTransfer.effectAllowed = 'move'
        setDragging(card.id)
      },
      end: () => setDragging(null),
      over: (e: DragEvent) => {
        if (!enabled || !carriesCard(e)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'move'
      },
      dropOnCard: (e: DragEvent, target: Card) => {
        e.preventDefault()
        e.stopPropagation()
        const id = carried(e)
        if (id && id !== target.id) commands.groupOnto(target.id, id)
        setDragging(null)
      },
      dropOnGroup: (e: DragEvent, groupId: string) => {
        e.preventDefault()
        e.stopPropagation()
        const id = carried(e)
        if (id) commands.moveToGroup(id, groupId)
        setDragging(null)
      }
    }
  }, [enabled, dragging, commands])
}

export function Columns({ model, ctx }: { model: BoardModel; ctx: BoardContext }) {
  const drag = useDrag(model.can('group'), model.commands)
  const dropOnColumn = (e: DragEvent) => {
    e.preventDefault()
    const id = e.dataTransfer.getData(CARD_TYPE) || drag.dragging
    const card = model.cards.find((c) => c.id === id && !c.draft)
    if (card?.groupId) model.commands.moveToGroup(card.id, null)
    drag.end()
  }
  const { columns, unplaced } = model.view
  return (
    <div className="rt-columns" style={{ ['--n' as string]: columns.length }}>
      {columns.map((cv) => (
        <ColumnPanel key={cv.column.id} model={model} cv={cv} drag={drag} ctx={ctx} onDropColumn={dropOnColumn} />
      ))}
      {(unplaced.cards.length > 0 || unplaced.groups.length > 0) && (
        <ColumnPanel
          model={model}
          cv={{ column: { id: '__unplaced', title: 'From a removed column', prompt: 'Cards whose column is no longer on the board.', colour: 'grey' }, ...unplaced }}
          drag={drag}
          ctx={ctx}
          onDropColumn={dropOnColumn}
        />
      )}
    </div>
  )
}

function ColumnPanel(props: { model: BoardModel; cv: ColumnView; drag: DragApi; ctx: BoardContext; onDropColumn(e: DragEvent): void }) {
  const { model, cv, drag } = props
  const { column } = cv
  const count = cv.cards.length + cv.groups.reduce((n, g) => n + g.cards.length, 0)
  // anonymous writing is never shown (nor sent): an indicator that stops as a card arrives names its author
  const peers = typingShown(model.presence.peers, model.board)
  const writers = writingInColumn(peers, column.id).map((p) => p.name)
  const addable = model.can('add-card') && column.id !== '__unplaced'
  const typingOn = (cardId: string) => typingLabel(typingOnCard(peers, cardId))
  return (
    <section
      className={`rt-column ${drag.dragging ? 'drop-zone' : ''}`}
      aria-label={column.title}
      style={{ ['--c' as string]: hintColour(column.colour) }}
      onDragOver={drag.over}
      onDrop={drag.enabled ? props.onDropColumn : undefined}
    >
      <header className="rt-column-head">
        <h3>
          {column.title} <span className="count">{count}</span>
        </h3>
        {column.prompt && <p className="rt-column-prompt">{column.prompt}</p>}
      </header>
      {addable && <Composer env={model.env} phase={model.phase} column={column} />}
      <p className="rt-writing" aria-live="polite">
        {typingLabel(writers, 'writing')}
      </p>
      <ul className="rt-cards" aria-label={`Cards in ${column.title}`}>
        {cv.groups.map((g) => (
          <GroupBox key={g.group.id} env={model.env} gv={g} drag={drag} ctx={props.ctx} votes={targetVotes(model, g.group.id)} typingOn={typingOn} />
        ))}
        {cv.cards.map((card) => (
          <CardView key={card.id} env={model.env} card={card} drag={drag} ctx={props.ctx} topic typing={typingOn(card.id)} votes={targetVotes(model, card.id)} />
        ))}
      </ul>
      {count === 0 && !addable && <p className="muted small rt-empty-col">No cards.</p>}
    </section>
  )
}
