import { useEffect, useMemo, useRef } from 'react'
import { type Card, cardAuthorLabel } from '@shared/retro/cards.ts'
import { discussionOrder } from '@shared/retro/groups.ts'
import { discussTopic } from '@shared/retro/phases.ts'
import { toast } from '@ui/toasts.ts'
import { hintColour, clockNow } from '../hooks.ts'
import type { BoardContext } from './types.ts'
import { Escalate } from './Escalate.tsx'
import type { BoardModel } from './useBoardModel.ts'

/** Discussion: topics (groups and lone cards) most votes first; the facilitator's pick is highlighted for all. */
export function DiscussView(props: { model: BoardModel; ctx: BoardContext; onPlanAction(text: string): void }) {
  const { model } = props
  const shared = useMemo(() => model.cards.filter((c) => !c.draft) as Card[], [model.cards])
  const columns = model.board.layout.columns
  const topics = useMemo(() => discussionOrder(shared, model.groups, model.tally, columns.map((c) => c.id)), [shared, model.groups, model.tally, columns])
  const current = model.flow.discussing
  const currentIndex = topics.findIndex((t) => t.id === current)
  const steer = model.isFacilitator && !model.readOnly && model.phase === 'discuss'
  const pick = (id: string) => {
    const error = model.commands.moveFlow(discussTopic(model.flow, model.meId, id, clockNow()))
    if (error) toast(error, 'error')
  }
  const currentRef = useRef<HTMLLIElement>(null)
  useEffect(() => {
    currentRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
  }, [current])
  const byId = new Map(shared.map((c) => [c.id, c]))
  const colour = (id: string) => hintColour(columns.find((c) => c.id === id)?.colour ?? 'grey')
  const title = (id: string) => columns.find((c) => c.id === id)?.title ?? 'Removed column'
  const nextTopic = topics[currentIndex + 1]
  return (
    <section className="rt-discuss" aria-labelledby="rt-discuss-title">
      <div className="rt-discuss-head">
        <h3 id="rt-discuss-title">{model.phase === 'act' ? 'What we discussed' : 'Topics, most votes first'}</h3>
        {steer && topics.length > 0 && (
          <button type="button" className="button small primary" disabled={currentIndex >= 0 && !nextTopic} onClick={() => pick((currentIndex < 0 ? topics[0] : nextTopic)!.id)}>
            {currentIndex < 0 ? 'Start with the top topic' : nextTopic ? 'Next topic →' : 'Last topic'}
          </button>
        )}
      </div>
      {topics.length === 0 && <p className="muted">No cards to discuss.</p>}
      {props.ctx.orgs.length === 0 && model.can('escalate') && (
        <p className="muted small">To escalate a card to the org’s sprint retrospective, join your org’s space on this device.</p>
      )}
      <ol className="rt-topics" aria-label="Discussion order">
        {topics.map((t, i) => {
          const isCurrent = t.id === current
          return (
            <li key={t.id} ref={isCurrent ? currentRef : undefined} className={`rt-topic ${isCurrent ? 'current' : ''}`} aria-current={isCurrent ? 'true' : undefined} style={{ ['--c' as string]: colour(t.columnId) }}>
              <div className="rt-topic-head">
                <span className="rt-rank" aria-hidden="true">
                  {i + 1}
                </span>
                <div className="rt-topic-title">
                  <h4>{t.title}</h4>
                  <span className="muted small">
                    {title(t.columnId)}
                    {t.kind === 'group' ? ` · group of ${t.cardIds.length}` : ''}
                  </span>
                </div>
                {isCurrent && <span className="badge rt-now-discussing">Now discussing</span>}
                <span className="rt-votes-count" aria-label={`${t.votes} ${t.votes === 1 ? 'vote' : 'votes'}`}>
                  {t.votes} {t.votes === 1 ? 'vote' : 'votes'}
                </span>
              </div>
              <ul className="rt-topic-cards">
                {t.cardIds.map((id) => {
                  const card = byId.get(id)
                  if (!card) return null
                  return (
                    <li key={id} className="rt-topic-card">
                      <span>{card.text}</span>
                      <span className="muted small"> — {cardAuthorLabel(card, model.names)}</span>
                      {card.escalated && <span className="badge rt-escalated">Escalated to the org</span>}
                      <Escalate env={model.env} card={card} ctx={props.ctx} />
                    </li>
                  )
                })}
              </ul>
              <div className="row">
                {steer && !isCurrent && (
                  <button type="button" className="button small" onClick={() => pick(t.id)} aria-label={`Discuss “${t.title}”`}>
                    Discuss this
                  </button>
                )}
                {model.can('add-action-item') && (
                  <button type="button" className="button small ghost" onClick={() => props.onPlanAction(t.title)}>
                    + Action item<span className="sr-only"> for “{t.title}”</span>
                  </button>
                )}
              </div>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
