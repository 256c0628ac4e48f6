import { useSpaceLateTickets } from '../store/team.ts'
import type { TabProps } from '@ui/spaceTab.tsx'
import { LateTicketReport } from '../report/LateTicketReport.tsx'
import '../retro.css'

/**
 * The org's late-ticket report across sprints and the teams that share with it. The copies come
 * from the teams' devices that have both spaces (data/retro/services.ts), whether or not anyone
 * has this report open.
 */
export function OrgInsightsTab(props: TabProps) {
  const { loaded, late } = useSpaceLateTickets(props.space.id)
  if (!loaded) return <p className="muted" aria-busy="true">Opening the org…</p>
  const sharing = new Set(late.tickets.map((t) => t.teamId))
  return (
    <div className="rt-page stack">
      <p className="lead rt-intro">
        What keeps slowing teams down: the tickets that took longer than expected, with their reasons, from every team that shares its
        retrospectives with the org{sharing.size ? ` (${sharing.size} ${sharing.size === 1 ? 'team' : 'teams'} so far)` : ''}.
      </p>
      <LateTicketReport entries={late.tickets} catalog={late.catalog} scopeName={props.space.name} byTeam />
    </div>
  )
}
