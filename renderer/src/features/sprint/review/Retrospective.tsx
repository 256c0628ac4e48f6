import { useState, type FormEvent } from 'react'
import { escalationsByTeam } from '@shared/retro/escalations.ts'
import type { EscalatedItem } from '@shared/retro/cards.ts'
import { LESS_LIMITS } from '@shared/less/tickets.ts'
import { DraftText } from '@ui/DraftText.tsx'
import type { FollowUpItem, ReviewCommands } from '../store/review.ts'

/** The opportunities teams escalated from their retrospectives, by team, with the org's notes and follow-ups. */
export function Retrospective(props: {
  sprint: number
  escalations: readonly EscalatedItem[]
  notes: ReadonlyMap<string, string>
  followUps: readonly FollowUpItem[]
  commands: ReviewCommands | null
}) {
  const teams = escalationsByTeam(props.escalations)
  return (
    <section className="panel" aria-labelledby="review-retro-title">
      <h2 id="review-retro-title">
        Sprint retrospective <span className="count">{props.escalations.length}</span>
      </h2>
      <p className="muted small">Opportunities teams escalated from their sprint {props.sprint} retrospectives, to discuss at the org level.</p>
      {teams.length === 0 && <p className="muted">Nothing escalated for sprint {props.sprint} yet. Teams escalate a card from their retro board while discussing it.</p>}
      {teams.map((team) => (
        <div key={team.teamId} className="stack less-escalated-team">
          <h3>{team.teamName}</h3>
          <ul className="less-escalations" aria-label={`Escalated by ${team.teamName}`}>
            {team.items.map((item) => (
              <Escalated key={item.id} item={item} note={props.notes.get(item.id) ?? ''} followUps={props.followUps.filter((f) => f.escalationId === item.id)} commands={props.commands} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

function Escalated(props: { item: EscalatedItem; note: string; followUps: readonly FollowUpItem[]; commands: ReviewCommands | null }) {
  const { item, commands } = props
  const [text, setText] = useState('')
  const [owner, setOwner] = useState('')
  const short = item.text.slice(0, 60)
  const add = (e: FormEvent) => {
    e.preventDefault()
    if (!commands || !text.trim()) return
    commands.addFollowUp(item.id, text, owner)
    setText('')
    setOwner('')
  }
  return (
    <li className="less-ticket" aria-label={item.text}>
      <p className="less-escalated-text">{item.text}</p>
      <DraftText
        label={`Discussion notes: ${short}`}
        value={props.note}
        placeholder="What the org said"
        multiline
        rows={2}
        readOnly={!commands}
        maxLength={LESS_LIMITS.notes}
        onSave={(t) => commands?.saveNote(item.id, t)}
        className="less-notes"
      />
      {props.followUps.length > 0 && (
        <ul className="less-question-list" aria-label={`Follow-ups: ${short}`}>
          {[...props.followUps]
            .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
            .map((f) => (
              <li key={f.id} className={`less-followup ${f.done ? 'resolved' : ''}`}>
                <label className="sp-check">
                  <input type="checkbox" checked={f.done} disabled={!commands} aria-label={`Done: ${f.text}`} onChange={(e) => commands?.updateFollowUp(f.id, { done: e.target.checked })} />
                  <span>{f.text}</span>
                </label>
                <span className="muted small">{f.owner}</span>
                {commands && (
                  <button type="button" className="icon-button sp-small-icon" aria-label={`Remove: ${f.text}`} onClick={() => commands.removeFollowUp(f.id)}>
                    ×
                  </button>
                )}
              </li>
            ))}
        </ul>
      )}
      {commands && (
        <form className="row less-question-form" onSubmit={add}>
          <input aria-label={`New follow-up: ${short}`} placeholder="A follow-up" value={text} maxLength={LESS_LIMITS.question} onChange={(e) => setText(e.target.value)} />
          <input aria-label={`Who follows up: ${short}`} placeholder="Who" value={owner} maxLength={LESS_LIMITS.name} onChange={(e) => setOwner(e.target.value)} className="less-owner" />
          <button type="submit" className="button small" disabled={!text.trim()}>
            Add follow-up
          </button>
        </form>
      )}
    </li>
  )
}
