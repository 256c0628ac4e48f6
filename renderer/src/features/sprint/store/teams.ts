import { createSpace } from '@core/spaces/commands.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { readMeta } from '@core/spaces/spaceDoc.ts'
import { occurrenceOwner } from '@shared/sprint/cadenceMirror.ts'
import { collection } from '@core/collections/index.ts'
import { clearTeamRecord, saveTeamLink, saveTeamRecord } from './cadenceStore.ts'
import { OCCURRENCES_RAW } from './collections.ts'
import { mirrorCadence } from './mirror.ts'
import { withSpaceRootDoc } from './spaceRoot.ts'

/**
 * Org ↔ team commands. A team is a team space; the org lists it in 'teams' under the team space's
 * id, with its name and zone but never its key (issue 10 #19: the org's members would all read
 * every team's retro): an org member who is not in the team asks to join (teamAccess.ts). The
 * team space notes its org in 'team' → 'link'. The cadence then flows as mirror.ts says (the
 * `sprint.cadenceMirror` service keeps it flowing on any device that has both spaces).
 */

/** Creates a team space for the org, lists it there and links it back. Returns its id. */
export async function createTeamInOrg(orgSpaceId: string, name: string, timezone: string | undefined, me: IdentityRow): Promise<string> {
  const teamSpaceId = await createSpace(name, 'team', me)
  await linkTeamToOrg(orgSpaceId, teamSpaceId, timezone)
  return teamSpaceId
}

/** Lists a team space already on this device in the org and links it (the org's cadence then applies). */
export async function linkTeamToOrg(orgSpaceId: string, teamSpaceId: string, timezone?: string): Promise<void> {
  await withSpaceRootDoc(teamSpaceId, async (teamDoc, teamRow) => {
    const name = readMeta(teamDoc, teamRow.name).name
    await withSpaceRootDoc(orgSpaceId, (orgDoc) => {
      saveTeamRecord(orgDoc, teamSpaceId, {
        name,
        spaceId: teamSpaceId,
        createdAt: Date.now(),
        ...(timezone ? { timezone } : {})
      })
      // the team space keeps its own record (it owns its zone and meeting times)
      saveTeamRecord(teamDoc, teamSpaceId, { name, ...(timezone ? { timezone } : {}) })
      saveTeamLink(teamDoc, { orgSpaceId, teamId: teamSpaceId })
      mirrorCadence(orgDoc, orgSpaceId, teamDoc, teamSpaceId)
    })
  })
}

/** Takes a team off the org's list (its space, and its own copy of the cadence, stay). */
export async function removeTeamFromOrg(orgSpaceId: string, teamId: string): Promise<void> {
  await withSpaceRootDoc(orgSpaceId, (orgDoc) => {
    const occurrences = collection(orgDoc, OCCURRENCES_RAW)
    const owned = occurrences.list().filter((o) => occurrenceOwner(o.id) === teamId)
    // one update
    orgDoc.transact(() => {
      clearTeamRecord(orgDoc, teamId)
      for (const o of owned) occurrences.clear(o.id)
    })
  })
}
