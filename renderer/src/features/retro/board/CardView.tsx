import { memo, useState } from 'react'
import { snippet } from '@shared/retro/boardView.ts'
import { personName } from '@shared/members/personName.ts'
import { cardAuthorLabel } from '@shared/retro/cards.ts'
import { toast } from '@ui/toasts.ts'
import type { BoardCard } from '../store/cards.ts'
import { hintColour } from '../hooks.ts'
import type { BoardContext, DragApi } from './types.ts'
import { CardEditor } from './CardEditor.tsx'
import { Escalate } from './Escalate.tsx'
import { GroupPicker } from './GroupPicker.tsx'
import { sameVotes, type TargetVotes, VoteControls } from './VoteControls.tsx'
import type { CardEnv } from './useBoardModel.ts'

/** Where a card came from, in words: its author, "Anonymous", or the sync-up it was logged at. */
function origin(card: BoardCard, env: CardEnv): string {
  // who logged it: from the opportunity they sealed (store/board.ts), not from the card's source
  if (card.source?.kind === 'syncup' && !card.authorId) return `From daily sync-up, ${card.source.date}${card.loggedBy ? ` · ${personName(card.loggedBy, env.names, 'a former member')}` : ''}`
  if (card.source?.kind === 'previous-retro') return `From the sprint ${card.source.sprint} retro`
  if (card.authorId === env.meId || (!card.authorId && env.mine.has(card.id))) return card.authorId ? 'You' : 'You (anonymous to others)'
  // the label marks an id from before signatures "(not verified)" (shared/members/personName.ts)
  return cardAuthorLabel(card, env.names)
}

interface CardViewProps {
  card: BoardCard
  env: CardEnv
  ctx: BoardContext
  drag: DragApi | null
  /** a topic of its own (not in a group): it takes votes */
  topic: boolean
  /** "Ana is typing…" on this card, or empty */
  typing: string
  votes: TargetVotes
}

/**
 * One card: text, origin, who is typing on it, and what this phase lets me do with it. It shows
 * itself again only when one of its own values changed (the card record, who types on it, its
 * votes) or the board's rules did, not when another card changed.
 */
export const CardView = memo(function CardView(props: CardViewProps) {
  const { card, env, drag } = props
  const [editing, setEditing] = useState(false)
  const own = env.isOwn(card)
  const canEdit = own && env.can('edit-own-card')
  const canDelete = own && env.can('delete-own-card')
  const canDismiss = !!card.source && env.isFacilitator && env.can('add-card')
  const draggable = !!drag?.enabled && !card.draft && !editing
  const colour = env.board.layout.columns.find((c) => c.id === card.columnId)?.colour
  const remove = async () => {
    if (!window.confirm('Delete this card?')) return
    try {
      await env.commands.deleteCard(card)
    } catch (e) {
      toast(e instanceof Error ? e.message : 'Could not delete the card.', 'error')
    }
  }
  return (
    <li className="rt-card-item">
      <article
        className={`rt-card ${card.draft ? 'draft' : ''} ${card.source ? 'imported' : ''} ${drag?.dragging === card.id ? 'dragging' : ''} ${props.typing ? 'typing' : ''}`}
        aria-label={snippet(card.text, 80)}
        style={colour ? { ['--c' as string]: hintColour(colour) } : undefined}
        draggable={draggable}
        onDragStart={draggable ? (e) => drag!.start(e, card) : undefined}
        onDragEnd={draggable ? () => drag!.end() : undefined}
        onDragOver={draggable ? drag!.over : undefined}
        onDrop={draggable ? (e) => drag!.dropOnCard(e, card) : undefined}
      >
        {editing ? <CardEditor env={env} card={card} onDone={() => setEditing(false)} /> : <p className="rt-card-text">{card.text}</p>}
        <footer className="rt-card-foot">
          <span className="rt-card-origin">
            {card.draft && <span className="badge rt-draft-badge">Only you see this</span>} {origin(card, env)}
          </span>
          {card.escalated && <span className="badge rt-escalated">Escalated to the org</span>}
          {props.typing && (
            <span className="rt-typing" aria-live="polite">
              {props.typing}
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
              <button type="button" className="button small ghost" onClick={() => env.commands.dismissCard(card.id)} aria-label={`Remove from the board: ${snippet(card.text, 40)}`}>
                Remove
              </button>
            )}
            {env.can('group') && !card.draft && <GroupPicker env={env} card={card} grouped={!props.topic} />}
            {props.topic && !card.draft && <VoteControls env={env} votes={props.votes} targetId={card.id} label={snippet(card.text, 40)} kind="card" />}
            {!card.draft && <Escalate env={env} card={card} ctx={props.ctx} />}
          </div>
        )}
      </article>
    </li>
  )
}, sameCardProps)

function sameCardProps(a: CardViewProps, b: CardViewProps): boolean {
  return a.card === b.card && a.env === b.env && a.ctx === b.ctx && a.drag === b.drag && a.topic === b.topic && a.typing === b.typing && sameVotes(a.votes, b.votes)
}
