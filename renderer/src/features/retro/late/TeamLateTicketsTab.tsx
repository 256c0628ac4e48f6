import { Link } from 'wouter'
import { reasonLabel } from '@shared/retro/lateTickets.ts'
import { effortText } from '@shared/retro/lateTicketForm.ts'
import { useTeamRetro } from '../store/team.ts'
import { useTeamSprint } from '@features/sprint/index.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { LateTicketReport } from '../report/LateTicketReport.tsx'
import { ShareWithOrg } from './ShareWithOrg.tsx'
import '../retro.css'

/** The team's "took longer than expected" record across sprints: the report, every entry, sharing. */
export function TeamLateTicketsTab(props: TabProps) {
  const ts = useTeamSprint(props.space, props.identity.deviceId)
  const team = useTeamRetro(props.space.id)
  const data = team.late
  if (!team.loaded) return <p className="muted" aria-busy="true">Opening the team…</p>
  const entries = [...data.tickets].sort((a, b) => b.sprint - a.sprint || (a.key < b.key ? -1 : 1))
  const retroBase = props.base.replace(/\/late-tickets$/, '/retro')
  return (
    <div className="rt-page stack">
      <p className="lead rt-intro">Tickets that took longer than expected, with the reason, recorded at each sprint’s retrospective.</p>
      <LateTicketReport entries={data.tickets} catalog={data.catalog} scopeName={ts.team.name} byTeam={false} />
      {entries.length > 0 && (
        <section className="panel" aria-labelledby="rt-entries-title">
          <h3 id="rt-entries-title">
            Every entry <span className="count">{entries.length}</span>
          </h3>
          <table className="rt-table">
            <thead>
              <tr>
                <th scope="col">Sprint</th>
                <th scope="col">Ticket</th>
                <th scope="col">Expected → actual</th>
                <th scope="col">Reason</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link href={`${retroBase}/${t.sprint}`}>Sprint {t.sprint}</Link>
                  </td>
                  <th scope="row">
                    <span className="rt-key">{t.key}</span> {t.title}
                  </th>
                  <td>
                    {t.expected.value} → {effortText(t.actual)}
                  </td>
                  <td>{reasonLabel(data.catalog, t.reasonId)}</td>
                  <td className="rt-note">{t.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <ShareWithOrg settings={team.settings} save={team.commands.saveSettings} linkedOrg={ts.org} readOnly={props.readOnly} />
    </div>
  )
}
