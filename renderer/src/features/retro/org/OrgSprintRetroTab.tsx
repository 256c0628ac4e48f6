import { Link } from 'wouter'
import { boardRoute, escalationsByTeam } from '@shared/retro/escalations.ts'
import { sprintAt, sprintRange } from '@shared/sprint/schedule.ts'
import { useOrgEscalations } from '../store/escalations.ts'
import { useLocalSpaces } from '../store/documents.ts'
import { useOrgSprint } from '@features/sprint/index.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { SprintNav, dateRange, parseSprintSegment } from '../SprintNav.tsx'
import '../retro.css'

/** The org's sprint retrospective agenda: cards teams escalated from their boards, linked back. */
export function OrgSprintRetroTab(props: TabProps) {
  const org = useOrgSprint(props.space, props.identity.deviceId)
  const cadence = org.setup.composed?.cadence
  const current = cadence ? (sprintAt(cadence, new Date()) ?? 1) : 1
  const sprint = parseSprintSegment(props.path[0]) ?? current
  const agenda = useOrgEscalations(props.space.id, sprint)
  const teamsHere = new Set(useLocalSpaces('team').map((t) => t.id))
  const teams = escalationsByTeam(agenda.items)
  const range = cadence ? sprintRange(cadence, sprint) : null
  return (
    <div className="rt-page stack">
      <div className="rt-toolbar">
        <SprintNav sprint={sprint} current={current} dates={range ? dateRange(range.startDate, range.endDate) : undefined} hrefFor={(n) => `${props.base}/${n}`} />
      </div>
      <p className="lead rt-intro">Opportunities teams escalated from their retrospectives, to discuss at the org level.</p>
      {teams.length === 0 && (
        <section className="panel">
          <p className="muted">Nothing escalated for sprint {sprint} yet. Teams escalate a card from their board while discussing it.</p>
        </section>
      )}
      {teams.map((team) => (
        <section key={team.teamId} className="panel rt-escalations" aria-labelledby={`rt-esc-${team.teamId}`}>
          <h3 id={`rt-esc-${team.teamId}`}>
            {team.teamName} <span className="count">{team.items.length}</span>
          </h3>
          <ul className="rt-escalation-list" aria-label={`Escalated by ${team.teamName}`}>
            {team.items.map((item) => (
              <li key={item.id} className="rt-escalation">
                <p className="rt-escalation-text">{item.text}</p>
                <p className="muted small">
                  Escalated {new Date(item.escalatedAt).toLocaleString()} ·{' '}
                  {teamsHere.has(item.teamId) ? (
                    <Link href={boardRoute(item.teamId, item.sprint)}>Open {team.teamName}’s sprint {item.sprint} board</Link>
                  ) : (
                    <span>from {team.teamName}’s sprint {item.sprint} board (join the team to open it)</span>
                  )}
                </p>
                {!props.readOnly && agenda.loaded && (
                  <button type="button" className="button small ghost" aria-label={`Take off the agenda: ${item.text.slice(0, 40)}`} onClick={() => agenda.withdraw(item.id)}>
                    Take off the agenda
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
