import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { CeremonySettings, OccurrenceOverride, SprintTeam, TeamCeremonySettings } from '@shared/sprint/cadence.ts'
import type { CadenceFields } from '@shared/sprint/cadenceRecords.ts'
import type { CeremonyKind } from '@shared/sprint/ceremonies.ts'
import type { PersonSettings, TeamPerson } from '@shared/sprint/people.ts'
import { browserZone, todayIn } from '@shared/time/dates.ts'
import type { SpaceRow } from '@core/database/db.ts'
import {
  type SprintSetup,
  clearTeamLink,
  saveCadenceFields,
  saveOccurrenceOverride,
  saveOrgCeremony,
  saveTeamCeremony,
  saveTeamRecord,
  setUpDefaultCadence,
  useSprintSetup
} from './cadenceStore.ts'
import { savePerson, usePeople } from './people.ts'
import { type SpaceDoc, useSpaceRootDoc, useSpaceRow } from './spaceRoot.ts'

export interface OrgOfTeam {
  spaceId: string
  /** the org space is active on this device */
  local: boolean
  name: string | null
}

/** What the org's screens change: the sprint rhythm, its meetings. */
export interface CadenceCommands {
  saveCadence(patch: Partial<CadenceFields>): void
  /** the org-wide settings of one ceremony (null: back to the defaults) */
  saveOrgCeremony(kind: CeremonyKind, settings: CeremonySettings | null): void
  /** one meeting moved, shortened or cancelled (null: as the cadence places it) */
  saveOccurrence(occurrenceId: string, override: OccurrenceOverride | null): void
  /** two-week sprints from this week's Wednesday, in this device's zone */
  setUpDefaults(): void
}

/** …and a team's, which also sets its own meetings and its people. */
export interface TeamCommands extends CadenceCommands {
  /** the team's settings of one of its ceremonies (null: back to the org's) */
  saveTeamCeremony(kind: CeremonyKind, settings: TeamCeremonySettings | null): void
  saveZone(timezone: string): void
  /** a member's own role, zone, hours (each member changes only their own) */
  savePerson(memberId: string, patch: Partial<PersonSettings>): void
  /** stop following the org: the team's copy of the cadence becomes its own */
  unlink(): void
}

function cadenceCommands(doc: Y.Doc): CadenceCommands {
  return {
    saveCadence: (patch) => saveCadenceFields(doc, patch),
    saveOrgCeremony: (kind, settings) => saveOrgCeremony(doc, kind, settings),
    saveOccurrence: (id, override) => saveOccurrenceOverride(doc, id, override),
    setUpDefaults: () => {
      const zone = browserZone()
      setUpDefaultCadence(doc, todayIn(zone, Date.now()), zone)
    }
  }
}

export function teamCommands(doc: Y.Doc, teamId: string): TeamCommands {
  return {
    ...cadenceCommands(doc),
    saveTeamCeremony: (kind, settings) => saveTeamCeremony(doc, teamId, kind, settings),
    saveZone: (timezone) => saveTeamRecord(doc, teamId, { timezone }),
    savePerson: (memberId, patch) => savePerson(doc, memberId, patch),
    unlink: () => clearTeamLink(doc)
  }
}

export interface TeamSprint {
  /** the team space's root document (for other features' stores); the sprint screens use `commands` */
  doc: SpaceDoc | null
  setup: SprintSetup
  team: SprintTeam
  /** the zone of the team's own ceremonies */
  zone: string
  org: OrgOfTeam | null
  people: TeamPerson[]
  me: TeamPerson | null
  /** null while the team's document is loading */
  commands: TeamCommands | null
}

/**
 * Everything the team views need from a team space: its cadence (its own, or its org's copy),
 * itself as a team of the schedule, its org, its people, and the commands that change them.
 * Read-only: the copies between org and team, the defaults of a new team and each member's first
 * people record are written by the sprint services (services.ts), with or without a screen open.
 */
export function useTeamSprint(space: SpaceRow, meId: string): TeamSprint {
  const doc = useSpaceRootDoc(space.id)
  const setup = useSprintSetup(doc, space.name)
  const orgId = setup.link?.orgSpaceId
  const orgRow = useSpaceRow(orgId)
  const orgLocal = !!orgRow && orgRow.status === 'active'

  const record = setup.teamRecords.find((t) => t.id === space.id)
  const listed = setup.composed?.teams.find((t) => t.id === space.id)
  const team: SprintTeam = listed
    ? { ...listed, name: space.name }
    : { id: space.id, name: space.name, ...(record?.timezone ? { timezone: record.timezone } : {}) }
  const zone = team.timezone ?? setup.composed?.cadence.timezone ?? browserZone()
  const people = usePeople(doc, zone)
  const me = people.find((p) => p.id === meId) ?? null
  const commands = useMemo(() => (doc ? teamCommands(doc, space.id) : null), [doc, space.id])

  return {
    doc,
    setup,
    team,
    zone,
    org: orgId ? { spaceId: orgId, local: orgLocal, name: orgRow?.name ?? null } : null,
    people,
    me,
    commands
  }
}

export interface OrgSprint {
  /** the org space's root document (for other features' stores); the sprint screens use `commands` */
  doc: SpaceDoc | null
  setup: SprintSetup
  /** null while the org's document is loading */
  commands: CadenceCommands | null
}

/** The org's cadence and teams (read-only: its creator's device fills in the defaults, services.ts). */
export function useOrgSprint(space: SpaceRow, _meId: string): OrgSprint {
  const doc = useSpaceRootDoc(space.id)
  const setup = useSprintSetup(doc)
  const commands = useMemo(() => (doc ? cadenceCommands(doc) : null), [doc])
  return { doc, setup, commands }
}
