import type { Cadence, SprintTeam } from '../sprint/cadence.ts'
import { CEREMONIES, ROLES, type Role } from '../sprint/ceremonies.ts'
import { type CeremonyOccurrence, scheduleSprint, sprintAt } from '../sprint/schedule.ts'
import { type ReminderEntry, ceremonyEntryId } from './entry.ts'
import { oneLine } from './text.ts'

/**
 * The ceremonies one person takes part in, from one org's cadence (or a lone team's), as
 * reminder entries. Placement, per-team and per-occurrence changes, holidays and DST are the
 * sprint schedule's (`scheduleSprint`); this only decides who goes and where the link points.
 */
export interface TeamMembership {
  teamId: string
  /** the team's own space: its ceremonies open there */
  spaceId: string
  /** this person's role in the team (the team's people records) */
  role: Role
  /** opened the team to observe it: not asked to its meetings */
  observer?: boolean
}

export interface SprintSource {
  /** the org's space id; a team without an org gives its own space id */
  id: string
  /** the org's name (org ceremonies are labelled with it) */
  name: string
  cadence: Cadence
  /** every team of the cadence (as composeCadence gives them): ids, zones, division delegates */
  teams: readonly SprintTeam[]
  /** the org space when this device has it (org ceremonies open there), else null */
  orgSpaceId: string | null
  /** the teams this person belongs to */
  memberships: readonly TeamMembership[]
  /** a role held at org level, for someone in no team (a product manager, say) */
  orgRole?: Role | null
}

export interface Window {
  from: number
  to: number
}

function encodeSegment(id: string): string {
  return encodeURIComponent(id)
}

/** Does `me` take part in an org or division ceremony of this source? */
function takesPartInOrg(o: CeremonyOccurrence, source: SprintSource, me: string): boolean {
  const roles = o.participants.roles
  const inOrg = source.orgSpaceId !== null || source.memberships.length > 0 || !!source.orgRole
  // "All members of the Engineering org": everyone, observers included
  if (ROLES.every((r) => roles.includes(r))) return inOrg
  if (source.orgRole && roles.includes(source.orgRole)) return true
  if (o.participants.memberIds?.includes(me)) return true
  for (const chosen of Object.values(o.delegates ?? {})) if (chosen.memberIds?.includes(me)) return true
  return source.memberships.some((m) => {
    if (m.observer) return false
    // a team that chose whom to send decides for its members
    const p = o.delegates?.[m.teamId] ?? o.participants
    return p.roles.includes(m.role) || !!p.memberIds?.includes(me)
  })
}

function takesPartInTeam(o: CeremonyOccurrence, m: TeamMembership | undefined, me: string): m is TeamMembership {
  if (!m || m.observer) return false
  return o.participants.roles.includes(m.role) || !!o.participants.memberIds?.includes(me)
}

function sprintsToScan(cadence: Cadence, window: Window): number[] {
  const first = sprintAt(cadence, new Date(window.from)) ?? 1
  const last = sprintAt(cadence, new Date(window.to))
  if (last === null) return []
  // one sprint either side: an occurrence override may move a meeting across a sprint's edge
  const out: number[] = []
  for (let n = Math.max(1, first - 1); n <= last + 1; n++) out.push(n)
  return out
}

export function ceremonyEntries(source: SprintSource, me: string, window: Window): ReminderEntry[] {
  const teamName = new Map(source.teams.map((t) => [t.id, t.name]))
  const memberships = new Map(source.memberships.map((m) => [m.teamId, m]))
  // org ceremonies open in the org space, or in a team space (its timeline shows them too)
  const orgHome = source.orgSpaceId ?? source.memberships[0]?.spaceId ?? null
  const orgLabel = oneLine(source.name, 'Whole org')
  const entries: ReminderEntry[] = []
  for (const n of sprintsToScan(source.cadence, window)) {
    for (const o of scheduleSprint(source.cadence, n, source.teams)) {
      if (o.cancelled) continue
      const startsAt = Date.parse(o.start)
      if (startsAt < window.from || startsAt >= window.to) continue
      const base = {
        id: ceremonyEntryId(source.id, o.id),
        kind: 'ceremony' as const,
        ceremony: o.kind,
        title: CEREMONIES[o.kind].label,
        startsAt,
        durationMinutes: o.durationMinutes,
        timeSet: true,
        zone: o.zone
      }
      if (o.teamId !== null) {
        const m = memberships.get(o.teamId)
        if (!takesPartInTeam(o, m, me)) continue
        entries.push({
          ...base,
          spaceId: m.spaceId,
          link: `/space/${m.spaceId}/sprint/${o.sprint}/ceremony/${encodeSegment(o.id)}`,
          groupId: m.spaceId,
          groupLabel: oneLine(teamName.get(o.teamId), 'Team')
        })
      } else if (orgHome !== null && takesPartInOrg(o, source, me)) {
        const tab = source.orgSpaceId !== null ? 'timeline' : 'sprint'
        entries.push({
          ...base,
          spaceId: orgHome,
          link: `/space/${orgHome}/${tab}/${o.sprint}/ceremony/${encodeSegment(o.id)}`,
          groupId: source.id,
          groupLabel: orgLabel
        })
      }
    }
  }
  return entries
}
