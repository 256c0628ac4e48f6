import type { Cadence, SprintTeam } from '../sprint/cadence.ts'
import type { Role } from '../sprint/ceremonies.ts'
import type { SprintSource, TeamMembership } from './ceremonies.ts'
import type { PairSource } from './mentoring.ts'

/**
 * What each space on this device contributes to the reminders, read from its documents by the
 * renderer's `reminders.collect` service (one part per active space), and how the parts become the
 * sources `upcomingReminders` reads. Pure, so the composition is tested in node.
 *
 *   - an org space: its cadence and teams, and the org roles its people hold (an area product
 *     owner in no team: shared/sprint/orgRoles.ts); its ceremonies open in the org space;
 *   - a team space: its people (role, observer per member) and, when it follows an org, the org's
 *     id; its own copy of the cadence (the org's mirror, or its own when it has no org);
 *   - a pair space: the pair as the mentoring rules read it.
 *
 * A team whose org is on this device joins the org's source (one schedule, org ceremonies once).
 * Teams of an org that is not here share one source under the org's id (so entry ids are the
 * same as on a device that has the org), built from their mirrored cadence. A team without an
 * org is its own source.
 */
export interface PersonPart {
  role: Role
  observer: boolean
}

export interface OrgPart {
  kind: 'org'
  spaceId: string
  name: string
  /** null while the org has no valid cadence */
  cadence: Cadence | null
  teams: readonly SprintTeam[]
  /** member id → the role they hold in the org itself (absent: none) */
  roles?: Readonly<Record<string, Role>>
}

export interface TeamPart {
  kind: 'team'
  spaceId: string
  name: string
  cadence: Cadence | null
  teams: readonly SprintTeam[]
  /** the org this team follows, or null */
  orgSpaceId: string | null
  /** member id → what they say about themselves in the team */
  people: Readonly<Record<string, PersonPart>>
}

export interface PairPart {
  kind: 'pair'
  spaceId: string
  pair: PairSource
}

export type SpacePart = OrgPart | TeamPart | PairPart

export interface Sources {
  sprint: SprintSource[]
  pairs: PairSource[]
}

function membership(team: TeamPart, me: string): TeamMembership {
  // a member of the team space without a people record yet: the sprint service gives them
  // 'team-member' as their first one; read it so until it arrives
  const person = team.people[me]
  return { teamId: team.spaceId, spaceId: team.spaceId, role: person?.role ?? 'team-member', ...(person?.observer ? { observer: true } : {}) }
}

function mergeTeams(lists: readonly (readonly SprintTeam[])[]): SprintTeam[] {
  const byId = new Map<string, SprintTeam>()
  for (const list of lists) for (const t of list) if (!byId.has(t.id)) byId.set(t.id, t)
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** The role this person holds in the org itself; 'team-member' is none (shared/sprint/orgRoles.ts). */
function orgRoleOf(org: OrgPart, me: string): { orgRole?: Role } {
  const role = org.roles?.[me]
  return role && role !== 'team-member' ? { orgRole: role } : {}
}

export function composeSources(parts: Iterable<SpacePart>, me: string): Sources {
  const orgs = new Map<string, OrgPart>()
  const teams: TeamPart[] = []
  const pairs: PairSource[] = []
  for (const part of parts) {
    if (part.kind === 'org') orgs.set(part.spaceId, part)
    else if (part.kind === 'team') teams.push(part)
    else if (!part.pair.ended) pairs.push(part.pair)
  }
  teams.sort((a, b) => (a.spaceId < b.spaceId ? -1 : a.spaceId > b.spaceId ? 1 : 0))

  const sprint: SprintSource[] = []
  for (const org of orgs.values()) {
    if (!org.cadence) continue
    const own = teams.filter((t) => t.orgSpaceId === org.spaceId)
    sprint.push({
      id: org.spaceId,
      name: org.name,
      cadence: org.cadence,
      teams: org.teams,
      orgSpaceId: org.spaceId,
      memberships: own.map((t) => membership(t, me)),
      ...orgRoleOf(org, me)
    })
  }
  const orphans = new Map<string, TeamPart[]>()
  for (const team of teams) {
    if (team.orgSpaceId !== null && orgs.get(team.orgSpaceId)?.cadence) continue
    if (team.orgSpaceId !== null && orgs.has(team.orgSpaceId)) continue // the org is here, not set up yet
    if (!team.cadence) continue
    if (team.orgSpaceId === null) {
      sprint.push({ id: team.spaceId, name: team.name, cadence: team.cadence, teams: team.teams, orgSpaceId: null, memberships: [membership(team, me)] })
      continue
    }
    orphans.set(team.orgSpaceId, [...(orphans.get(team.orgSpaceId) ?? []), team])
  }
  for (const [orgSpaceId, group] of orphans) {
    const first = group[0]
    if (!first?.cadence) continue
    sprint.push({
      id: orgSpaceId,
      // the org's name is not on this device: org ceremonies read "Whole org"
      name: '',
      // each team's mirror holds the org's rhythm and that team's own settings: put them together
      cadence: { ...first.cadence, teams: Object.assign({}, ...group.map((t) => t.cadence?.teams ?? {})) as Cadence['teams'] },
      teams: mergeTeams(group.map((t) => t.teams)),
      orgSpaceId: null,
      memberships: group.map((t) => membership(t, me))
    })
  }
  return { sprint, pairs }
}
