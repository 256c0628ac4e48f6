import { useEffect } from 'react'
import type { SprintTeam } from '../../../../shared/sprint/cadence.ts'
import type { TeamPerson } from '../../../../shared/sprint/people.ts'
import { browserZone, todayIn } from '../../../../shared/time/dates.ts'
import type { SpaceRow } from '../db.ts'
import { type SprintSetup, useSprintSetup } from './cadenceStore.ts'
import { useCadenceMirror } from './mirror.ts'
import { ensurePerson, usePeople } from './people.ts'
import { type SpaceDoc, createdByOf, useSpaceRootDoc, useSpaceRow } from './spaceRoot.ts'
import { setUpDefaultCadence } from './teams.ts'

export interface OrgOfTeam {
  spaceId: string
  /** the org space is active on this device */
  local: boolean
  name: string | null
}

export interface TeamSprint {
  doc: SpaceDoc | null
  setup: SprintSetup
  team: SprintTeam
  /** the zone of the team's own ceremonies */
  zone: string
  org: OrgOfTeam | null
  people: TeamPerson[]
  me: TeamPerson | null
}

/**
 * Everything the team views need from a team space: its cadence (its own, or its org's copy),
 * itself as a team of the schedule, its org, its people. While shown it also mirrors the
 * cadence with the org (when the org space is here too), lets the space's creator fill in a
 * default cadence for a team without an org, and gives this member a people record.
 */
export function useTeamSprint(space: SpaceRow, meId: string): TeamSprint {
  const doc = useSpaceRootDoc(space.id)
  const setup = useSprintSetup(doc, space.name)
  const orgId = setup.link?.orgSpaceId
  const orgRow = useSpaceRow(orgId)
  const orgLocal = !!orgRow && orgRow.status === 'active'
  const orgDoc = useSpaceRootDoc(orgLocal ? orgId : null)
  const active = space.status === 'active'
  useCadenceMirror(orgDoc, orgId, doc, space.id, active && orgLocal)

  const record = setup.teamRecords.find((t) => t.id === space.id)
  const listed = setup.composed?.teams.find((t) => t.id === space.id)
  const team: SprintTeam = listed
    ? { ...listed, name: space.name }
    : { id: space.id, name: space.name, ...(record?.timezone ? { timezone: record.timezone } : {}) }
  const zone = team.timezone ?? setup.composed?.cadence.timezone ?? browserZone()
  const people = usePeople(doc, zone)
  const me = people.find((p) => p.id === meId) ?? null

  // only the space's creator fills in defaults: two devices doing it at once would race
  const needsDefaults = !!doc && active && !setup.hasCadence && !setup.link && setup.createdBy === meId
  useEffect(() => {
    if (!doc || !needsDefaults || createdByOf(doc) !== meId) return
    const zone = browserZone()
    setUpDefaultCadence(doc, todayIn(zone, Date.now()), zone)
  }, [doc, needsDefaults, meId])

  const isMember = people.some((p) => p.id === meId)
  const configured = me?.configured ?? false
  useEffect(() => {
    if (doc && active && isMember && !configured) ensurePerson(doc, meId, browserZone())
  }, [doc, active, isMember, configured, meId])

  return {
    doc,
    setup,
    team,
    zone,
    org: orgId ? { spaceId: orgId, local: orgLocal, name: orgRow?.name ?? null } : null,
    people,
    me
  }
}

export interface OrgSprint {
  doc: SpaceDoc | null
  setup: SprintSetup
}

/** The org's cadence and teams; the org's creator fills in the default cadence once. */
export function useOrgSprint(space: SpaceRow, meId: string): OrgSprint {
  const doc = useSpaceRootDoc(space.id)
  const setup = useSprintSetup(doc)
  const needsDefaults = !!doc && space.status === 'active' && !setup.hasCadence && setup.createdBy === meId
  useEffect(() => {
    if (!doc || !needsDefaults || createdByOf(doc) !== meId) return
    const zone = browserZone()
    setUpDefaultCadence(doc, todayIn(zone, Date.now()), zone)
  }, [doc, needsDefaults, meId])
  return { doc, setup }
}

/** While an org view is open: mirror one listed team whose space is on this device. */
export function useOrgTeamMirror(orgDoc: SpaceDoc | null, orgSpaceId: string, teamSpaceId: string, enabled: boolean): void {
  const row = useSpaceRow(teamSpaceId)
  const local = !!row && row.status === 'active'
  const teamDoc = useSpaceRootDoc(local ? teamSpaceId : null)
  useCadenceMirror(orgDoc, orgSpaceId, teamDoc, teamSpaceId, enabled && local)
}
