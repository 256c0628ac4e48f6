import { useState } from 'react'
import type { GroupView } from '@shared/retro/boardView.ts'
import type { BoardContext, DragApi } from './types.ts'
import { CardView } from './CardView.tsx'
import { type TargetVotes, VoteControls } from './VoteControls.tsx'
import type { CardEnv } from './useBoardModel.ts'

/** A group of cards: its name (editable while grouping), its cards, its votes. Cards dropped on it join. */
export function GroupBox(props: { env: CardEnv; gv: GroupView; drag: DragApi; ctx: BoardContext; votes: TargetVotes; typingOn(cardId: string): string }) {
  const { env, gv, drag } = props
  const [draft, setDraft] = useState<string | null>(null)
  const save = () => {
    if (draft !== null && draft.trim() !== gv.group.title) env.commands.renameGroup(gv.group.id, draft)
    setDraft(null)
  }
  return (
    <li className="rt-group-item">
      <section
        className={`rt-group ${drag.dragging ? 'drop-zone' : ''}`}
        aria-label={`Group: ${gv.title}`}
        onDragOver={drag.over}
        onDrop={drag.enabled ? (e) => drag.dropOnGroup(e, gv.group.id) : undefined}
      >
        <header className="rt-group-head">
          {env.can('group') ? (
            <input
              className="rt-group-title-input"
              aria-label="Group name"
              placeholder={gv.title}
              value={draft ?? gv.group.title}
              maxLength={80}
              onFocus={() => setDraft(gv.group.title)}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={save}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur()
                if (e.key === 'Escape') {
                  setDraft(null)
                  e.currentTarget.blur()
                }
              }}
            />
          ) : (
            <h4 className="rt-group-title">{gv.title}</h4>
          )}
          <span className="rt-group-count">{gv.cards.length} cards</span>
        </header>
        <VoteControls env={env} votes={props.votes} targetId={gv.group.id} label={gv.title} kind="group" />
        <ul className="rt-cards" aria-label={`Cards in group ${gv.title}`}>
          {gv.cards.map((card) => (
            <CardView key={card.id} env={env} card={card} drag={drag} ctx={props.ctx} topic={false} typing={props.typingOn(card.id)} votes={null} />
          ))}
        </ul>
      </section>
    </li>
  )
}
