import { boardTitle } from '@shared/retro/board.ts'
import { type Card, cardAuthorLabel } from '@shared/retro/cards.ts'
import { discussionOrder } from '@shared/retro/groups.ts'
import { isCarried } from '@shared/retro/actions.ts'
import { reasonLabel } from '@shared/retro/lateTickets.ts'
import { effortText } from '@shared/retro/lateTicketForm.ts'
import { PHASE_LABELS } from '@shared/retro/phases.ts'
import type { ExportData } from './BoardExport.tsx'
import type { BoardModel } from './useBoardModel.ts'

/**
 * The board as a document for paper or PDF: on screen only as a preview ("Print view"), and what
 * the printer gets whenever a board is open (retro.css @media print hides the app around it).
 */
export function PrintView(props: { model: BoardModel; exportData: ExportData; preview: boolean; onClose(): void }) {
  const { model, exportData } = props
  const { board, myVotes } = model
  const author = (c: Card) => cardAuthorLabel(c, model.names)
  const shared = model.cards.filter((c) => !c.draft) as Card[]
  const topics = myVotes.visible ? discussionOrder(shared, model.groups, model.tally, board.layout.columns.map((c) => c.id)) : []
  const plural = (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`
  const votes = (id: string) => (myVotes.visible ? ` (${plural(myVotes.counts[id] ?? 0)})` : '')
  return (
    <article className={`rt-print ${props.preview ? 'preview' : ''}`} aria-label="Print view">
      {props.preview && (
        <div className="rt-print-bar">
          <span>Print view — what the printer gets.</span>
          <span className="row">
            <button type="button" className="button small primary" onClick={() => window.print()}>
              Print…
            </button>
            <button type="button" className="button small" onClick={props.onClose}>
              Back to the board
            </button>
          </span>
        </div>
      )}
      <h1>{boardTitle(board)}</h1>
      <p className="rt-print-meta">
        Phase: {PHASE_LABELS[board.flow.phase]} · printed {new Date().toLocaleDateString()}
      </p>
      <div className="rt-print-columns">
        {model.view.columns.map(({ column, groups, cards }) => (
          <section key={column.id} className="rt-print-column">
            <h2>{column.title}</h2>
            {groups.map((g) => (
              <div key={g.group.id} className="rt-print-group">
                <h3>
                  {g.title}
                  {votes(g.group.id)}
                </h3>
                <ul>
                  {g.cards.map((c) => (
                    <li key={c.id}>
                      {c.text} <span className="rt-print-by">— {author(c)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <ul>
              {cards.map((c) => (
                <li key={c.id}>
                  {c.text} <span className="rt-print-by">— {author(c)}{votes(c.id)}</span>
                </li>
              ))}
            </ul>
            {groups.length + cards.length === 0 && <p className="rt-print-by">No cards.</p>}
          </section>
        ))}
      </div>
      {topics.length > 0 && (
        <section>
          <h2>Discussion order</h2>
          <ol>
            {topics.map((t) => (
              <li key={t.id}>
                {t.title} — {plural(t.votes)}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section>
        <h2>Action plan</h2>
        {exportData.actions.length === 0 ? (
          <p className="rt-print-by">No action items.</p>
        ) : (
          <ul className="rt-print-actions">
            {exportData.actions.map((a) => (
              <li key={a.id}>
                {a.done ? '☑' : '☐'} {a.text}
                <span className="rt-print-by">
                  {' '}
                  — {a.ownerName ?? 'no owner'}
                  {a.due ? `, due ${a.due}` : ''}
                  {isCarried(a, board.sprint) ? `, from sprint ${a.fromSprint}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>Tickets that took longer than expected</h2>
        {exportData.lateTickets.length === 0 ? (
          <p className="rt-print-by">None recorded.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Ticket</th>
                <th>Expected</th>
                <th>Actual</th>
                <th>Reason</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {exportData.lateTickets.map((t) => (
                <tr key={t.id}>
                  <td>
                    {t.key} {t.title}
                  </td>
                  <td>{effortText(t.expected)}</td>
                  <td>{effortText(t.actual)}</td>
                  <td>{reasonLabel(exportData.reasons, t.reasonId)}</td>
                  <td>{t.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  )
}
