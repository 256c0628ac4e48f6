import { useState } from 'react'
import { type LateTicket, overrunRatio, reasonLabel } from '@shared/retro/lateTickets.ts'
import { effortText } from '@shared/retro/lateTicketForm.ts'
import type { LateTicketData } from '../store/lateTickets.ts'
import type { TeamRetroCommands } from '../store/team.ts'
import { LateTicketForm } from './LateTicketForm.tsx'

/** "Tickets that took longer than expected" of one sprint: the list and the form to record one. */
export function LateTicketsPanel(props: { team: TeamRetroCommands; teamId: string; teamName: string; sprint: number; data: LateTicketData; tickets: LateTicket[]; readOnly: boolean }) {
  const [editing, setEditing] = useState<LateTicket | 'new' | null>(null)
  const { tickets, data } = props
  const sorted = [...tickets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return (
    <section className="panel rt-late" aria-labelledby="rt-late-title">
      <div className="rt-panel-head">
        <h3 id="rt-late-title">
          Tickets that took longer than expected <span className="count">{tickets.length}</span>
        </h3>
        {!props.readOnly && editing === null && (
          <button type="button" className="button small" onClick={() => setEditing('new')}>
            Record a ticket
          </button>
        )}
      </div>
      <p className="muted small">Recorded with the reason, so the team — and the org, if you share — can see what keeps slowing work down.</p>
      {sorted.length > 0 && (
        <table className="rt-table">
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Expected → actual</th>
              <th scope="col">Reason</th>
              <th scope="col">Note</th>
              {!props.readOnly && (
                <th scope="col">
                  <span className="rt-sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {sorted.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  <span className="rt-key">{t.key}</span> {t.title}
                </th>
                <td>
                  {t.expected.value} → {effortText(t.actual)} <span className="muted small">(×{overrunRatio(t).toFixed(1)})</span>
                </td>
                <td>{reasonLabel(data.catalog, t.reasonId)}</td>
                <td className="rt-note">{t.note}</td>
                {!props.readOnly && (
                  <td className="rt-row-buttons">
                    <button type="button" className="button small ghost" aria-label={`Edit ${t.key}`} onClick={() => setEditing(t)}>
                      Edit
                    </button>
                    <button type="button" className="button small ghost danger-text" aria-label={`Delete ${t.key}`} onClick={() => window.confirm(`Delete ${t.key}?`) && props.team.removeLateTicket(t.id)}>
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null && (
        <LateTicketForm
          key={editing === 'new' ? 'new' : editing.id}
          team={props.team}
          context={{ sprint: props.sprint, teamId: props.teamId, teamName: props.teamName }}
          catalog={data.catalog}
          editing={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  )
}
