import { useState } from 'react'
import { snippet } from '../../../../../shared/retro/boardView.ts'
import { cardAuthorLabel } from '../../../../../shared/retro/cards.ts'
import { typingLabel, typingOnCard } from '../../../../../shared/retro/presence.ts'
import { toast } from '../../../app/toasts.ts'
import { hintColour } from '../hooks.ts'
import { type BoardCard, deleteCard, dismissCard } from '../../../data/retro/cards.ts'
import type { BoardContext, DragApi } from './types.ts'
import { CardEditor } from './CardEditor.tsx'
import { Escalate } from './Escalate.tsx'
import { GroupPicker } from './GroupPicker.tsx'
import { VoteControls } from './VoteControls.tsx'
import type { BoardModel } from './useBoardModel.ts'

/** Where a card came from, in words: its author, "Anonymous", or the sync-up it was logged at. */
function origin(card: BoardCard, model: BoardModel): string {
  if (card.source?.kind === 'syncup') return `From daily sync-up, ${card.source.date}${card.source.authorName ? ` · ${card.source.authorName}` : ''}`
  if (card.source?.kind === 'previous-retro') return `From the sprint ${card.source.sprint} retro`
  if (card.authorId === model.meId || (!card.authorId && model.mine.has(card.id))) return card.authorId ? 'You' : 'You (anonymous to others)'
  return cardAuthorLabel(card, model.names)
}

/** One card: text, origin, who is typing on it, and what this phase lets me do with it. */
export function CardView(props: { model: BoardModel; card: BoardCard; drag: DragApi | null; ctx: BoardContext; topic: boolean }) {
  const { model, card, drag } = props
  const [editing, setEditing] = useState(false)
  const own = model.isOwn(card)
  const canEdit = own && model.can('edit-own-card')
  const canDelete = own && model.can('delete-own-card')
  const canDismiss = !!card.source && model.isFacilitator && model.can('add-card')
  const typing = typingOnCard(model.presence.peers, card.id)
  const draggable = !!drag?.enabled && !card.draft && !editing
  const colour = model.board.layout.columns.find((c) => c.id === card.columnId)?.colour
  const remove = async () => {
    if (!window.confirm('Delete this card?')) return
    try {
      await deleteCard(model.link, card)
    } catch (e) {
      toast(e instanceof Error ? e.message : 'Could not delete the card.', 'error')
    }
  }
  return (
    <li className="rt-card-item">
      <article
        className={`rt-card ${card.draft ? 'draft' : ''} ${card.source ? 'imported' : ''} ${drag?.dragging === card.id ? 'dragging' : ''} ${typing.length ? 'typing' : ''}`}
        aria-label={snippet(card.text, 80)}
        style={colour ? { ['--c' as string]: hintColour(colour) } : undefined}
        draggable={draggable}
        onDragStart={draggable ? (e) => drag!.start(e, card) : undefined}
        onDragEnd={draggable ? () => drag!.end() : undefined}
        onDragOver={draggable ? drag!.over : undefined}
        onDrop={draggable ? (e) => drag!.dropOnCard(e, card) : undefined}
      >
        {editing ? (
          <CardEditor model={model} card={card} onDone={() => setEditing(false)} />
        ) : (
          <p className="rt-card-text">{card.text}</p>
        )}
        <footer className="rt-card-foot">
          <span className="rt-card-origin">
            {card.draft && <span className="badge rt-draft-badge">Only you see this</span>} {origin(card, model)}
          </span>
          {card.escalated && <span className="badge rt-escalated">Escalated to the org</span>}
          {typing.length > 0 && (
            <span className="rt-typing" aria-live="polite">
              {typingLabel(typing)}
            </span>
          )}
        </footer>
        {!editing && (
          <div className="rt-card-actions">
            {canEdit && (
              <button type="button" className="button small ghost" onClick={() => setEditing(true)} aria-label={`Edit card: ${snippet(card.text, 40)}`}>
                Edit
              </button>
            )}
            {canDelete && (
              <button type="button" className="button small ghost danger-text" onClick={() => void remove()} aria-label={`Delete card: ${snippet(card.text, 40)}`}>
                Delete
              </button>
            )}
            {canDismiss && (
              <button type="button" className="button small ghost" onClick={() => dismissCard(model.link, card.id)} aria-label={`Remove from the board: ${snippet(card.text, 40)}`}>
                Remove
              </button>
            )}
            {model.can('group') && !card.draft && <GroupPicker model={model} card={card} />}
            {props.topic && !card.draft && <VoteControls model={model} targetId={card.id} label={snippet(card.text, 40)} kind="card" />}
            {!card.draft && <Escalate model={model} card={card} ctx={props.ctx} />}
          </div>
        )}
      </article>
    </li>
  )
}
