import { useEffect, useRef, useState } from 'react'
import { type ActionItem, isCarried, isOverdue } from '@shared/retro/actions.ts'
import { carriedOpenCount } from '@shared/retro/boardActions.ts'
import { snippet } from '@shared/retro/boardView.ts'
import { toast } from '@ui/toasts.ts'
import type { TeamRetroCommands } from '../store/team.ts'
import { useToday } from '@ui/today.ts'
import type { BoardModel } from './useBoardModel.ts'

/**
 * The action plan: items with owner, due date and done. Open items of earlier retros of the team
 * come first, until someone ticks them done. Ticking is open all meeting long and after it.
 */
export function ActionPlan(props: { model: BoardModel; team: TeamRetroCommands; items: ActionItem[]; seed: { text: string; n: number } | null; emphasis: boolean }) {
  const { model, team, items } = props
  const sprint = model.board.sprint
  const carried = carriedOpenCount(items, sprint)
  const today = useToday()
  const canAdd = model.can('add-action-item')
  const canEdit = model.can('edit-action-item')
  const canTick = !model.readOnly && model.can('tick-action-item')
  return (
    <section className={`panel rt-actions ${props.emphasis ? 'emphasis' : ''}`} aria-labelledby="rt-actions-title">
      <div className="rt-panel-head">
        <h3 id="rt-actions-title">
          Action plan <span className="count">{items.length}</span>
        </h3>
        {carried > 0 && <span className="badge rt-carried">{carried} open from earlier retros</span>}
      </div>
      {items.length === 0 && <p className="muted small">No action items yet{canAdd ? '' : ' — they are added while discussing'}.</p>}
      <ul className="rt-action-list" aria-label="Action items">
        {items.map((item) => (
          <li key={item.id} className={`rt-action ${item.done ? 'done' : ''}`}>
            <input type="checkbox" className="rt-action-check" checked={item.done} disabled={!canTick} aria-label={`Done: ${snippet(item.text, 60)}`} onChange={(e) => team.setActionDone(item.id, e.target.checked, model.meId)} />
            <div className="rt-action-body">
              <span className="rt-action-text">{item.text}</span>
              <span className="rt-action-meta">
                {isCarried(item, sprint) && <span className="badge rt-carried">From sprint {item.fromSprint}</span>}
                {isOverdue(item, today) && <span className="badge rt-overdue">Overdue</span>}
                {canEdit ? (
                  <>
                    <OwnerSelect model={model} value={item.ownerId ?? ''} label={`Owner of ${snippet(item.text, 40)}`} onChange={(ownerId, ownerName) => team.updateAction(item.id, { ownerId: ownerId || undefined, ownerName: ownerName || undefined })} fallbackName={item.ownerName} />
                    <input type="date" className="rt-date" aria-label={`Due date of ${snippet(item.text, 40)}`} value={item.due ?? ''} onChange={(e) => team.updateAction(item.id, { due: e.target.value || undefined })} />
                  </>
                ) : (
                  <span className="muted small">
                    {item.ownerName ? `Owner: ${item.ownerName}` : 'No owner'}
                    {item.due ? ` · due ${item.due}` : ''}
                  </span>
                )}
              </span>
            </div>
            {canEdit && !isCarried(item, sprint) && (
              <button type="button" className="icon-button" aria-label={`Remove action item: ${snippet(item.text, 40)}`} onClick={() => team.removeAction(item.id)}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {canAdd && <NewAction key={props.seed?.n ?? 0} model={model} team={team} seed={props.seed} />}
    </section>
  )
}

function OwnerSelect(props: { model: BoardModel; value: string; label: string; fallbackName?: string | undefined; onChange(id: string, name: string): void }) {
  const people = props.model.people.filter((p) => !p.observer || p.id === props.value)
  return (
    <select className="rt-owner" aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value, people.find((p) => p.id === e.target.value)?.name ?? '')}>
      <option value="">{props.fallbackName && !props.value ? props.fallbackName : 'No owner'}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  )
}

function NewAction({ model, team, seed }: { model: BoardModel; team: TeamRetroCommands; seed: { text: string; n: number } | null }) {
  // a topic's "+ Action item" remounts this form (key) with the topic as its text
  const [text, setText] = useState(seed?.text ?? '')
  const [owner, setOwner] = useState({ id: '', name: '' })
  const [due, setDue] = useState('')
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (!seed) return
    input.current?.focus()
    input.current?.scrollIntoView?.({ block: 'center' })
  }, [seed])
  const add = () => {
    if (!text.trim()) return
    try {
      team.addAction({ text, ownerId: owner.id || undefined, ownerName: owner.name || undefined, due: due || undefined }, model.board.sprint)
      setText('')
      setDue('')
      setOwner({ id: '', name: '' })
    } catch (e) {
      toast(e instanceof Error ? e.message : 'Could not add the item.', 'error')
    }
  }
  return (
    <form
      className="rt-action-add"
      onSubmit={(e) => {
        e.preventDefault()
        add()
      }}
    >
      <input ref={input} aria-label="New action item" placeholder="What will we do?" maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
      <OwnerSelect model={model} value={owner.id} label="Owner" onChange={(id, name) => setOwner({ id, name })} />
      <input type="date" className="rt-date" aria-label="Due date" value={due} onChange={(e) => setDue(e.target.value)} />
      <button type="submit" className="button small primary" disabled={!text.trim()}>
        Add action
      </button>
    </form>
  )
}
