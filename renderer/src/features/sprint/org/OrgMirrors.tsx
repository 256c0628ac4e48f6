import type { SpaceDoc } from '../../../data/sprint/spaceRoot.ts'
import { useOrgTeamMirror } from '../../../data/sprint/teamSprint.ts'

function TeamMirror(props: { orgDoc: SpaceDoc | null; orgSpaceId: string; teamSpaceId: string; enabled: boolean }) {
  useOrgTeamMirror(props.orgDoc, props.orgSpaceId, props.teamSpaceId, props.enabled)
  return null
}

/** While an org view is open, keeps the org's and its local teams' cadence copies in step. */
export function OrgMirrors(props: { orgDoc: SpaceDoc | null; orgSpaceId: string; teamSpaceIds: string[]; enabled: boolean }) {
  return (
    <>
      {props.teamSpaceIds.map((id) => (
        <TeamMirror key={id} orgDoc={props.orgDoc} orgSpaceId={props.orgSpaceId} teamSpaceId={id} enabled={props.enabled} />
      ))}
    </>
  )
}
