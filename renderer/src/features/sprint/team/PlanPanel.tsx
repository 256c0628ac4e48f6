import { useState, type FormEvent } from 'react'
import type { TeamPerson } from '@shared/sprint/people.ts'
import { cleanTicketUrl } from '@shared/sprint/sprintRecords.ts'
import type { PlanItem, PlanningCommands } from '../store/planning.ts'
import { platform } from '@core/platform/index.ts'
import { Avatar } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'
import { DraftText } from '@ui/DraftText.tsx'

/**
 * The plan: tickets (key, title, link) and who does each; then the same read per person.
 * `commands` null: read-only.
 */
export function PlanPanel(props: { tickets: readonly PlanItem[]; people: TeamPerson[]; commands: PlanningCommands | null }) {
  const { tickets, people, commands } = props
  const readOnly = !commands
  const toggle = (t: PlanItem, id: string) =>
    commands?.updateTicket(t.id, { assignees: t.assignees.includes(id) ? t.assignees.filter((a) => a !== id) : [...t.assignees, id] })
  const saveUrl = (t: PlanItem, raw: string) => {
    const url = cleanTicketUrl(raw)
    if (url === null) return toast('A ticket link starts with https://', 'error')
    commands?.updateTicket(t.id, { url })
  }
  const unassigned = tickets.filter((t) => t.assignees.length === 0).length
  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">
        The plan <span className="count">{tickets.length} {tickets.length === 1 ? 'ticket' : 'tickets'}{unassigned ? ` · ${unassigned} without anyone` : ''}</span>
      </h2>
      {tickets.length > 0 && (
        <ul className="sp-tickets" aria-label="Plan">
          {tickets.map((t, i) => {
            const name = t.key || t.title || `ticket ${i + 1}`
            return (
              <li key={t.id} className="sp-ticket" aria-label={name}>
                <DraftText label="Ticket key" value={t.key} readOnly={readOnly} onSave={(key) => commands?.updateTicket(t.id, { key: key.trim() })} className="sp-inline-input mono sp-ticket-key" maxLength={60} />
                <DraftText label="Ticket title" value={t.title} readOnly={readOnly} onSave={(title) => commands?.updateTicket(t.id, { title })} className="sp-inline-input" placeholder="What is it?" />
                <div className="sp-ticket-link">
                  <DraftText label="Ticket link" value={t.url} readOnly={readOnly} onSave={(url) => saveUrl(t, url)} className="sp-inline-input small" placeholder="https://…" />
                  {t.url && (
                    <button type="button" className="button small ghost" aria-label={`Open ${name} in the tracker`} onClick={() => platform.openExternal(t.url)}>
                      Open ↗
                    </button>
                  )}
                </div>
                <div className="sp-assignees" role="group" aria-label={`Who works on ${name}`}>
                  {people.map((p) => {
                    const on = t.assignees.includes(p.id)
                    return (
                      <button
                        key={p.id}
                        type="button"
                        className={`sp-person-toggle${on ? ' on' : ''}`}
                        aria-pressed={on}
                        disabled={readOnly}
                        onClick={() => toggle(t, p.id)}
                        title={on ? `${p.name} works on it` : `Assign ${p.name}`}
                      >
                        <Avatar name={p.name} color={p.color} size={20} />
                        {p.name}
                      </button>
                    )
                  })}
                </div>
                {commands && (
                  <span className="sp-item-actions">
                    <button type="button" className="icon-button sp-small-icon" aria-label={`Move up: ${name}`} disabled={i === 0} onClick={() => commands.moveTicket(t.id, 'up')}>
                      ↑
                    </button>
                    <button type="button" className="icon-button sp-small-icon" aria-label={`Remove: ${name}`} onClick={() => commands.removeTicket(t.id)}>
                      ×
                    </button>
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {commands && <AddTicket onAdd={commands.addTicket} />}
      {tickets.length > 0 && <WhoDoesWhat tickets={tickets} people={people} />}
    </section>
  )
}

function AddTicket({ onAdd }: { onAdd: PlanningCommands['addTicket'] }) {
  const [key, setKey] = useState('')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!key.trim() && !title.trim()) return setError('Give the ticket a key or a title.')
    const clean = cleanTicketUrl(url)
    if (clean === null) return setError('A ticket link starts with https://')
    onAdd({ key: key.trim(), title: title.trim(), url: clean, assignees: [] })
    setKey('')
    setTitle('')
    setUrl('')
    setError(null)
  }
  return (
    <form className="sp-add sp-add-ticket" onSubmit={submit} noValidate aria-label="Add a ticket">
      <input aria-label="New ticket key" placeholder="ENG-1234" value={key} maxLength={60} onChange={(e) => setKey(e.target.value)} className="mono" />
      <input aria-label="New ticket title" placeholder="Title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <input aria-label="New ticket link" placeholder="https://tracker/…" value={url} onChange={(e) => setUrl(e.target.value)} />
      <button type="submit" className="button small">
        Add ticket
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}

function WhoDoesWhat({ tickets, people }: { tickets: readonly PlanItem[]; people: TeamPerson[] }) {
  return (
    <div className="sp-who">
      <h3>Who does what</h3>
      <ul className="sp-who-list">
        {people.map((p) => {
          const mine = tickets.filter((t) => t.assignees.includes(p.id))
          return (
            <li key={p.id}>
              <Avatar name={p.name} color={p.color} size={24} />
              <span className="sp-who-name">{p.name}</span>
              <span className={mine.length ? 'sp-who-tickets' : 'muted small'}>
                {mine.length ? mine.map((t) => t.key || t.title).join(', ') : 'nothing yet'}
              </span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
