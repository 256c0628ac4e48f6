import type { ReactNode } from 'react'
import type { SpaceRow } from '@core/database/db.ts'
import type { Cadence, SprintTeam } from '@shared/sprint/cadence.ts'
import { browserZone } from '@shared/time/dates.ts'
import { type CadenceCommands, type OrgSprint, useOrgSprint } from '../store/teamSprint.ts'
import { NotSetUp, Waiting } from '../common/NotSetUp.tsx'

export interface OrgView {
  org: OrgSprint
  commands: CadenceCommands
  cadence: Cadence
  teams: SprintTeam[]
}

/**
 * An org tab's frame: loads the org, asks to set up a cadence if none. (Its teams' copies of the
 * cadence are kept in step by the sprint services, with or without this screen.)
 */
export function OrgGate(props: { space: SpaceRow; meId: string; readOnly: boolean; children(view: OrgView): ReactNode }) {
  const org = useOrgSprint(props.space, props.meId)
  const commands = org.commands
  if (!commands) return <Waiting />
  const composed = org.setup.composed
  if (!composed) {
    const zone = browserZone()
    return (
      <NotSetUp
        title={org.setup.hasCadence ? 'The sprint settings need a look' : 'Set up the sprint rhythm'}
        action={
          !props.readOnly && (
            <button type="button" className="button primary" onClick={() => commands.setUpDefaults()}>
              {org.setup.hasCadence ? 'Start again from the defaults' : 'Start with two-week sprints'}
            </button>
          )
        }
      >
        <p>Two-week sprints from Wednesday to Tuesday, Monday to Friday, in {zone}; every ceremony where the engineering handbook puts it.</p>
      </NotSetUp>
    )
  }
  return <>{props.children({ org, commands, cadence: composed.cadence, teams: composed.teams })}</>
}
