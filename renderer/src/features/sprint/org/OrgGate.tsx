import type { ReactNode } from 'react'
import type { SpaceRow } from '../../../data/db.ts'
import type { Cadence, SprintTeam } from '../../../../../shared/sprint/cadence.ts'
import { browserZone, todayIn } from '../../../../../shared/time/dates.ts'
import { type OrgSprint, useOrgSprint } from '../../../data/sprint/teamSprint.ts'
import { setUpDefaultCadence } from '../../../data/sprint/teams.ts'
import { NotSetUp, Waiting } from '../common/NotSetUp.tsx'
import { OrgMirrors } from './OrgMirrors.tsx'

export interface OrgView {
  org: OrgSprint
  cadence: Cadence
  teams: SprintTeam[]
}

/** An org tab's frame: loads the org, mirrors its local teams, asks to set up a cadence if none. */
export function OrgGate(props: { space: SpaceRow; meId: string; readOnly: boolean; children(view: OrgView): ReactNode }) {
  const org = useOrgSprint(props.space, props.meId)
  const teamSpaceIds = org.setup.teamRecords.map((t) => t.id)
  const mirrors = <OrgMirrors orgDoc={org.doc} orgSpaceId={props.space.id} teamSpaceIds={teamSpaceIds} enabled={!props.readOnly} />
  if (!org.doc) return <Waiting />
  const composed = org.setup.composed
  if (!composed) {
    const zone = browserZone()
    return (
      <NotSetUp
        title={org.setup.hasCadence ? 'The sprint settings need a look' : 'Set up the sprint rhythm'}
        action={
          !props.readOnly && (
            <button type="button" className="button primary" onClick={() => org.doc && setUpDefaultCadence(org.doc, todayIn(zone, Date.now()), zone)}>
              {org.setup.hasCadence ? 'Start again from the defaults' : 'Start with two-week sprints'}
            </button>
          )
        }
      >
        <p>Two-week sprints from Wednesday to Tuesday, Monday to Friday, in {zone}; every ceremony where the engineering handbook puts it.</p>
      </NotSetUp>
    )
  }
  return (
    <>
      {mirrors}
      {props.children({ org, cadence: composed.cadence, teams: composed.teams })}
    </>
  )
}
