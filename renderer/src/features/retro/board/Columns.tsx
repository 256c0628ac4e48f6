import { useState, type DragEvent } from 'react'
import { writingInColumn, typingLabel } from '../../../../../shared/retro/presence.ts'
import type { ColumnView } from '../../../../../shared/retro/boardView.ts'
import type { Card } from '../../../../../shared/retro/cards.ts'
import { groupOnto, moveToGroup } from '../../../data/retro/grouping.ts'
import { hintColour } from '../hooks.ts'
import type { BoardContext, DragApi } from './types.ts'
import { CardView } from './CardView.tsx'
import { Composer } from './Composer.tsx'
import { GroupBox } from './GroupBox.tsx'
import type { BoardModel } from './useBoardModel.ts'

const CARD_TYPE = 'application/x-tandem-card'

export function Columns({ model, ctx }: { model: BoardModel; ctx: BoardContext }) {
  const [dragging, setDragging] = useState<string | null>(null)
  const enabled = model.can('group')
  const cardOf = (e: DragEvent): Card | undefined => {
    const id = e.dataTransfer.getData(CARD_TYPE) || dragging
    return model.cards.find((c) => c.id === id && !c.draft)
  }
  const drag: DragApi = {
    enabled,
    dragging,
    start: (e, card) => {
      e.dataTransfer.setData(CARD_TYPE, card.id)
      e.dataTransfer.effectAllowed = 'move'
      setDragging(card.id)
    },
    end: () => setDragging(null),
    over: (e) => {
      if (!enabled || !dragging) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'move'
    },
    dropOnCard: (e, target) => {
      e.preventDefault()
      e.stopPropagation()
      const card = cardOf(e)
      if (card && card.id !== target.id) groupOnto(model.link, target, card, model.groups)
      setDragging(null)
    },
    dropOnGroup: (e, groupId) => {
      e.preventDefault()
      e.stopPropagation()
      const card = cardOf(e)
      if (card && card.groupId !== groupId) moveToGroup(model.link, card, groupId, model.groups)
      setDragging(null)
    }
  }
  const dropOnColumn = (e: DragEvent) => {
    e.preventDefault()
    const card = cardOf(e)
    if (card?.groupId) moveToGroup(model.link, card, null, model.groups)
    setDragging(null)
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
  const writers = model.board.settings.anonymous ? [] : writingInColumn(model.presence.peers, column.id).map((p) => p.name)
  const anonymousWriters = model.board.settings.anonymous ? writingInColumn(model.presence.peers, column.id).length : 0
  const addable = model.can('add-card') && column.id !== '__unplaced'
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
      {addable && <Composer model={model} column={column} />}
      <p className="rt-writing" aria-live="polite">
        {writers.length > 0 ? typingLabel(writers, 'writing') : anonymousWriters > 0 ? (anonymousWriters === 1 ? 'Someone is writing…' : `${anonymousWriters} people are writing…`) : ''}
      </p>
      <ul className="rt-cards" aria-label={`Cards in ${column.title}`}>
        {cv.groups.map((g) => (
          <GroupBox key={g.group.id} model={model} gv={g} drag={drag} ctx={props.ctx} />
        ))}
        {cv.cards.map((card) => (
          <CardView key={card.id} model={model} card={card} drag={drag} ctx={props.ctx} topic />
        ))}
      </ul>
      {count === 0 && !addable && <p className="muted small rt-empty-col">No cards.</p>}
    </section>
  )
}
