import { z } from 'zod'
import { useCollection } from '../../../data/collections.ts'
import { useLateTicketData, useRetroSettings } from '../../../data/retro/lateTickets.ts'
import { useOrgShareMirror } from '../../../data/retro/orgMirror.ts'
import { useLocalSpaces, useRetroRootDoc } from '../../../data/retro/rootDoc.ts'
import { TEAMS_COLLECTION, useSprintSetup } from '../../../data/sprint/cadenceStore.ts'
import type { TabProps } from '../../../app/spaceTab.ts'
import { LateTicketReport } from '../report/LateTicketReport.tsx'
import '../retro.css'

const TeamEntry = z.object({ name: z.string().catch(''), spaceId: z.string().optional().catch(undefined) })

/** The org's late-ticket report across sprints and the teams that share with it. */
export function OrgInsightsTab(props: TabProps) {
  const doc = useRetroRootDoc(props.space.id)
  const data = useLateTicketData(doc)
  const listed = useCollection(doc, TEAMS_COLLECTION, TeamEntry)
  const local = useLocalSpaces('team')
  const listedIds = new Set(listed.flatMap((t) => (t.spaceId ? [t.spaceId] : [])))
  const candidates = [...new Set([...listedIds, ...local.map((t) => t.id)])]
  if (!doc) return <p className="muted" aria-busy="true">Opening the org…</p>
  const sharing = new Set(data.tickets.map((t) => t.teamId))
  return (
    <div className="rt-page stack">
      {!props.readOnly && candidates.map((id) => <TeamCopies key={id} teamSpaceId={id} orgSpaceId={props.space.id} listed={listedIds.has(id)} />)}
      <p className="lead rt-intro">
        What keeps slowing teams down: the tickets that took longer than expected, with their reasons, from every team that shares its
        retrospectives with the org{sharing.size ? ` (${sharing.size} ${sharing.size === 1 ? 'team' : 'teams'} so far)` : ''}.
      </p>
      <LateTicketReport entries={data.tickets} catalog={data.catalog} scopeName={props.space.name} byTeam />
    </div>
  )
}

/**
 * A team whose space is on this device and whose org is this one (picked in its sharing settings,
 * linked by the sprint settings, or listed by the org): bring its copies up to date while the
 * report is open.
 */
function TeamCopies({ teamSpaceId, orgSpaceId, listed }: { teamSpaceId: string; orgSpaceId: string; listed: boolean }) {
  const teamDoc = useRetroRootDoc(teamSpaceId)
  const settings = useRetroSettings(teamDoc)
  const link = useSprintSetup(teamDoc).link
  const org = settings.orgSpaceId ?? link?.orgSpaceId ?? (listed ? orgSpaceId : undefined)
  useOrgShareMirror(teamDoc, teamSpaceId, orgSpaceId, org === orgSpaceId)
  return null
}
