import { useState, type FormEvent } from 'react'
import { isTicketKey, ticketUrl } from '@shared/tickets/tickets.ts'
import { trackTicketList } from '@shared/mentorship/trackTickets.ts'
import {
  addFirstStep,
  addThought,
  addTrackTicket,
  patchFirstStep,
  patchThought,
  patchTrack,
  removeFirstStep,
  removeThought,
  removeTrack,
  removeTrackTicket,
  type TrackView
} from '../store/tracks.ts'
import { DraftText } from '@ui/DraftText.tsx'
import { EditableList } from '../EditableList.tsx'
import { ExternalLink } from '../InlineMarkdown.tsx'
import type { Pair } from '../pair/PairPage.tsx'

/** "Daria as a mentor — React & Redux": the lesson plan (first steps), thoughts and tickets. */
export function DirectionCard({ pair, track }: { pair: Pair; track: TrackView }) {
  const { journal, readOnly } = pair
  const title = `${track.mentorName || 'Someone'} as a mentor${track.topic ? ` — ${track.topic}` : ''}`
  const [ticket, setTicket] = useState('')
  const [ticketError, setTicketError] = useState<string | null>(null)
  const tickets = trackTicketList(track.tickets, [...track.firstSteps.map((s) => s.text), ...track.thoughts.map((t) => t.text)], pair.tracker)
  const done = track.firstSteps.filter((s) => s.done).length
  const headingId = `track-${track.id}`

  const setMentor = (mentor: string) => {
    const mentee = pair.names.find((n) => n !== mentor) ?? ''
    patchTrack(journal, track.id, { mentorName: mentor, menteeName: mentee })
  }
  const linkTicket = (e: FormEvent) => {
    e.preventDefault()
    const key = ticket.trim().toUpperCase()
    if (!isTicketKey(key)) return setTicketError('A ticket key looks like ENG-8504.')
    if (!tickets.some((t) => t.key === key)) addTrackTicket(journal, track.id, key, ticketUrl(key, pair.tracker))
    setTicket('')
    setTicketError(null)
  }

  return (
    <article className="panel direction-card" aria-labelledby={headingId}>
      <header className="direction-head">
        <h3 id={headingId}>{title}</h3>
        <span className="muted small">
          {track.mentorName || '—'} mentors {track.menteeName || '—'}
          {track.firstSteps.length > 0 && ` · ${done} of ${track.firstSteps.length} first steps done`}
        </span>
      </header>
      <div className="form-grid direction-fields">
        <label className="field">
          <span className="field-label">Mentor</span>
          <select value={track.mentorName} disabled={readOnly} onChange={(e) => setMentor(e.target.value)}>
            {[...new Set([...pair.names.filter(Boolean), track.mentorName])].map((n) => (
              <option key={n} value={n}>
                {n || '—'}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Mentee</span>
          <input value={track.menteeName} readOnly aria-readonly="true" tabIndex={-1} className="quiet-input" />
        </label>
        <label className="field topic-field">
          <span className="field-label">Topic</span>
          <DraftText label={`Topic of ${track.mentorName} as a mentor`} value={track.topic} readOnly={readOnly} placeholder="React & Redux" onSave={(topic) => patchTrack(journal, track.id, { topic })} />
        </label>
      </div>
      <div className="direction-lists">
        <section aria-label={`First steps for ${track.menteeName}`}>
          <h4>First steps <span className="muted small">— the lesson plan</span></h4>
          <EditableList
            label="First steps"
            items={track.firstSteps}
            checkable
            trackerBaseUrl={pair.tracker}
            readOnly={readOnly}
            addLabel={`Add a first step for ${track.menteeName}`}
            placeholder="Work on ENG-8504"
            empty="No first steps yet: what should the mentee do to get started?"
            onAdd={(text) => addFirstStep(journal, track.id, text)}
            onEdit={(id, text) => patchFirstStep(journal, id, { text })}
            onToggle={(id, value) => patchFirstStep(journal, id, { done: value })}
            onRemove={(id) => removeFirstStep(journal, id)}
          />
        </section>
        <section aria-label="Thoughts and ideas">
          <h4>Thoughts / ideas</h4>
          <EditableList
            label="Thoughts and ideas"
            items={track.thoughts}
            trackerBaseUrl={pair.tracker}
            readOnly={readOnly}
            addLabel="Add a thought or idea"
            placeholder="Think about what quality means to you"
            empty="Nothing noted yet."
            onAdd={(text) => addThought(journal, track.id, text)}
            onEdit={(id, text) => patchThought(journal, id, text)}
            onRemove={(id) => removeThought(journal, id)}
          />
        </section>
        <section aria-label="Linked tickets" className="tickets-section">
          <h4>Linked tickets</h4>
          {tickets.length === 0 ? (
            <p className="muted small">Ticket keys in the steps and thoughts appear here; you can also link one.</p>
          ) : (
            <ul className="tickets" aria-label={`Tickets of ${title}`}>
              {tickets.map((t) => {
                const record = track.tickets.find((r) => r.key === t.key)
                return (
                  <li key={t.key} className="ticket">
                    {t.url ? (
                      <ExternalLink href={t.url} className="ticket-link">
                        {t.key}
                      </ExternalLink>
                    ) : (
                      <span title="Set the tracker base URL on the Pair tab to link it">{t.key}</span>
                    )}
                    {!t.linked && <span className="muted small">mentioned</span>}
                    {record && !readOnly && (
                      <button type="button" className="icon-button" aria-label={`Unlink ${t.key}`} onClick={() => removeTrackTicket(journal, record.id)}>
                        ×
                      </button>
                    )}
                  </li>
                )
              })}
            </ul>
          )}
          {!readOnly && (
            <form className="add-row" onSubmit={linkTicket}>
              <input aria-label="Ticket key to link" value={ticket} placeholder="ENG-8504" onChange={(e) => setTicket(e.target.value)} aria-invalid={!!ticketError} />
              <button type="submit" className="button small" disabled={!ticket.trim()}>
                Link
              </button>
              {ticketError && (
                <span className="field-error" role="alert">
                  {ticketError}
                </span>
              )}
            </form>
          )}
        </section>
      </div>
      {!readOnly && (
        <div className="row end">
          <button type="button" className="button ghost small danger-text" onClick={() => removeTrack(journal, track.id)}>
            Remove this direction
          </button>
        </div>
      )}
    </article>
  )
}
