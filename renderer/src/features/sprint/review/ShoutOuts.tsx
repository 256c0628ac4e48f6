import { useState, type FormEvent } from 'react'
import { REACTIONS, REACTION_NAMES, SHOUT_OUT_MAX, reactionCounts, shoutOutsBySprint, type Recipient } from '@shared/less/review.ts'
import { namesOf, personName } from '@shared/members/personName.ts'
import { TextLimit } from '@ui/TextLimit.tsx'
import type { Member, ReviewCommands, ShoutOutItem, SprintReview } from '../store/review.ts'

/** Shout-outs: anyone writes one to one or more people, others react; this sprint's and the earlier ones. */
export function ShoutOuts(props: { sprint: number; review: SprintReview; meId: string; commands: ReviewCommands | null }) {
  const { review, commands, meId } = props
  const { current, past } = shoutOutsBySprint(review.shoutOuts, props.sprint)
  const names = namesOf(review.members)
  const nameOf = (id: string) => personName(id, names, 'Someone')
  return (
    <section className="panel" aria-labelledby="shout-outs-title">
      <h2 id="shout-outs-title">
        Shout-outs <span className="count">{current.length}</span>
      </h2>
      {commands && <ShoutOutForm members={review.members} meId={meId} onSend={(text, to) => commands.shoutOut(text, to)} />}
      {current.length === 0 && <p className="muted">No shout-out yet this sprint. Who did something exemplary?</p>}
      <ul className="less-shoutouts" aria-label={`Shout-outs of sprint ${props.sprint}`}>
        {current.map((s) => (
          <ShoutOutCard key={s.id} s={s} review={review} meId={meId} nameOf={nameOf} commands={commands} />
        ))}
      </ul>
      {past.length > 0 && (
        <details>
          <summary>Earlier shout-outs ({past.reduce((n, p) => n + p.items.length, 0)})</summary>
          {past.map((p) => (
            <div key={p.sprint}>
              <h3 className="sp-agenda-title">Sprint {p.sprint}</h3>
              <ul className="less-shoutouts" aria-label={`Shout-outs of sprint ${p.sprint}`}>
                {p.items.map((s) => (
                  <ShoutOutCard key={s.id} s={s} review={review} meId={meId} nameOf={nameOf} commands={null} />
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </section>
  )
}

function ShoutOutCard(props: { s: ShoutOutItem; review: SprintReview; meId: string; nameOf(id: string): string; commands: ReviewCommands | null }) {
  const { s, commands } = props
  const counts = reactionCounts(props.review.reactions, s.id, props.meId, props.nameOf)
  // names from the member entries (store/review.ts), never the ones the record carries
  const { author } = s
  const to = s.toNames.join(', ')
  const label = `Shout-out from ${author} to ${to}`
  return (
    <li className="less-shoutout" aria-label={label}>
      <p className="less-shoutout-to">
        To <strong>{to}</strong>
      </p>
      <p className="less-shoutout-text">{s.text}</p>
      <p className="muted small">— {author}</p>
      <div className="row less-reactions" role="group" aria-label={`Reactions to the shout-out from ${author}`}>
        {REACTIONS.map((emoji) => {
          const c = counts.find((r) => r.emoji === emoji)
          if (!commands && !c) return null
          return (
            <button
              key={emoji}
              type="button"
              className={`button small ${c?.mine ? 'primary' : 'ghost'} less-reaction`}
              aria-pressed={!!c?.mine}
              disabled={!commands}
              title={c ? c.names.join(', ') : REACTION_NAMES[emoji]}
              aria-label={`${REACTION_NAMES[emoji]} ${c?.count ?? 0}`}
              onClick={() => commands?.toggleReaction(s.id, emoji)}
            >
              <span aria-hidden="true">{emoji}</span> {c?.count ? <span>{c.count}</span> : null}
            </button>
          )
        })}
        {commands && s.authorId === props.meId && (
          <button type="button" className="button small ghost" onClick={() => commands.removeShoutOut(s.id)}>
            Delete
          </button>
        )}
      </div>
    </li>
  )
}

function ShoutOutForm(props: { members: readonly Member[]; meId: string; onSend(text: string, to: Recipient[]): void }) {
  const [to, setTo] = useState<string[]>([])
  const [text, setText] = useState('')
  const others = props.members.filter((m) => m.id !== props.meId)
  const send = (e: FormEvent) => {
    e.preventDefault()
    const recipients = props.members.filter((m) => to.includes(m.id)).map((m) => ({ id: m.id, name: m.name }))
    if (!text.trim() || recipients.length === 0) return
    props.onSend(text, recipients)
    setText('')
    setTo([])
  }
  return (
    <form className="stack less-shoutout-form" onSubmit={send} aria-label="New shout-out">
      <fieldset className="less-recipients">
        <legend className="field-label">To</legend>
        {others.length === 0 && <span className="muted small">Nobody else is in the org yet.</span>}
        {others.map((m) => (
          <label key={m.id} className="sp-check">
            <input type="checkbox" checked={to.includes(m.id)} onChange={(e) => setTo((list) => (e.target.checked ? [...list, m.id] : list.filter((x) => x !== m.id)))} />
            {m.name}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field-label">Shout-out</span>
        <textarea rows={2} value={text} maxLength={SHOUT_OUT_MAX} onChange={(e) => setText(e.target.value)} placeholder="Thanks for…" />
        <TextLimit length={text.length} max={SHOUT_OUT_MAX} />
      </label>
      <button type="submit" className="button primary" disabled={!text.trim() || to.length === 0}>
        Send shout-out
      </button>
    </form>
  )
}
