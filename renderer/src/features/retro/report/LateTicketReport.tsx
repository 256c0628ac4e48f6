import { useMemo } from 'react'
import { reportFileName } from '@shared/retro/files.ts'
import { type LateReason, type LateTicket, lateTicketCsv, lateTicketReport, lateTicketReportCsv } from '@shared/retro/lateTickets.ts'
import type { StackRow } from '@shared/retro/reportChart.ts'
import { toast } from '@ui/toasts.ts'
import { downloadText } from '@ui/files.ts'
import { reasonColours } from './palette.ts'
import { ReasonBars } from './ReasonBars.tsx'
import { ReportTable } from './ReportTable.tsx'
import { StackedBars } from './StackedBars.tsx'

/**
 * The late-ticket report: top reasons, the trend per sprint and (for an org) per team, as charts
 * with their tables, and CSV downloads of the report and of every entry.
 */
export function LateTicketReport(props: { entries: readonly LateTicket[]; catalog: LateReason[]; scopeName: string; byTeam: boolean }) {
  const report = useMemo(() => lateTicketReport(props.entries, props.catalog), [props.entries, props.catalog])
  const order = report.reasons.map((r) => r.reasonId)
  const colours = reasonColours(order)
  const labels = new Map(report.reasons.map((r) => [r.reasonId, r.label]))
  const sprintRows: StackRow[] = report.trend.map((t) => ({ key: String(t.sprint), label: `Sprint ${t.sprint}`, counts: t.counts }))
  const teamRows: StackRow[] = report.byTeam.map((t) => ({ key: t.teamId, label: t.teamName, counts: t.counts }))
  const save = (kind: 'report' | 'entries') => {
    const name = reportFileName(props.scopeName, kind)
    downloadText(name, kind === 'report' ? lateTicketReportCsv(report) : lateTicketCsv(props.entries, props.catalog), 'text/csv')
    toast(`${name} downloaded`)
  }
  if (report.total === 0) {
    return (
      <section className="panel rt-report" aria-label="Late-ticket report">
        <h3>No late tickets recorded yet</h3>
        <p className="muted">Tickets that took longer than expected are recorded on each sprint’s retro board; the report gathers them here.</p>
      </section>
    )
  }
  const top = report.reasons[0]!
  const sprints = report.sprints.length
  return (
    <section className="rt-report" aria-label="Late-ticket report">
      <div className="rt-report-summary">
        <div className="rt-stat">
          <span className="rt-stat-value">{report.total}</span>
          <span className="rt-stat-label">late tickets</span>
        </div>
        <div className="rt-stat">
          <span className="rt-stat-value">{sprints}</span>
          <span className="rt-stat-label">{sprints === 1 ? 'sprint' : 'sprints'}</span>
        </div>
        {props.byTeam && (
          <div className="rt-stat">
            <span className="rt-stat-value">{report.byTeam.length}</span>
            <span className="rt-stat-label">{report.byTeam.length === 1 ? 'team' : 'teams'}</span>
          </div>
        )}
        <div className="rt-stat wide">
          <span className="rt-stat-value small">{top.label}</span>
          <span className="rt-stat-label">top reason · {Math.round(top.share * 100)}% of tickets</span>
        </div>
        <div className="rt-export" role="group" aria-label="Download">
          <button type="button" className="button small" onClick={() => save('report')}>
            Report CSV
          </button>
          <button type="button" className="button small" onClick={() => save('entries')}>
            All entries CSV
          </button>
        </div>
      </div>
      <div className="panel">
        <h3>Top reasons</h3>
        <ReasonBars reasons={report.reasons} colours={colours} />
      </div>
      <div className="panel">
        <h3>Trend per sprint</h3>
        <Legend order={order} colours={colours} labels={labels} />
        <StackedBars
          title="Late tickets per sprint, by reason"
          description={report.trend.map((t) => `Sprint ${t.sprint}: ${t.total}`).join('; ')}
          rows={sprintRows}
          reasonOrder={order}
          colours={colours}
          labels={labels}
        />
        <details className="rt-table-toggle">
          <summary>Show as a table</summary>
          <ReportTable caption="Late tickets per sprint and reason" rows={sprintRows} reasonOrder={order} labels={labels} />
        </details>
      </div>
      {props.byTeam && (
        <div className="panel">
          <h3>Per team</h3>
          <Legend order={order} colours={colours} labels={labels} />
          <StackedBars
            title="Late tickets per team, by reason"
            description={report.byTeam.map((t) => `${t.teamName}: ${t.total}, mostly ${labels.get(t.topReasonId) ?? t.topReasonId}`).join('; ')}
            rows={teamRows}
            reasonOrder={order}
            colours={colours}
            labels={labels}
          />
          <details className="rt-table-toggle">
            <summary>Show as a table</summary>
            <ReportTable caption="Late tickets per team and reason" rows={teamRows} reasonOrder={order} labels={labels} />
          </details>
        </div>
      )}
    </section>
  )
}

function Legend(props: { order: string[]; colours: Map<string, string>; labels: Map<string, string> }) {
  return (
    <ul className="rt-legend" aria-label="Reasons">
      {props.order.map((id) => (
        <li key={id}>
          <span className="rt-legend-dot" style={{ background: props.colours.get(id) }} aria-hidden="true" />
          {props.labels.get(id) ?? id}
        </li>
      ))}
    </ul>
  )
}
