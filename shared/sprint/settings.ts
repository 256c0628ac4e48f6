import type { Cadence, SprintTeam } from './cadence.ts'
import { CEREMONIES, type CeremonyKind, type Participants, defaultParticipants } from './ceremonies.ts'

/**
 * The settings a ceremony series ends up with once the layers of the cadence are applied (seed
 * default → org-wide `ceremonies[kind]` → `teams[id].ceremonies[kind]`). One series is one
 * ceremony of one team, or one org/division ceremony. Occurrence overrides come later (schedule.ts).
 */
export interface CeremonySeries {
  kind: CeremonyKind
  /** null for the division sprint planning and the sprint retro & demo. */
  teamId: string | null
  /** IANA zone the local times are in: the team's zone for team ceremonies when it has one. */
  zone: string
  /** Local start time, 'HH:mm'. */
  localStart: string
  durationMinutes: number
  participants: Participants
  /** The team does not hold this ceremony at all. */
  cancelled: boolean
}

/** Resolves a team ceremony for `team`, or an org/division ceremony when `team` is null. */
export function resolveCeremonySeries(cadence: Cadence, kind: CeremonyKind, team: SprintTeam | null): CeremonySeries {
  const def = CEREMONIES[kind]
  const org = cadence.ceremonies[kind]
  if (def.scope === 'team') {
    if (!team) throw new Error(`${def.label} belongs to a team; pass the team.`)
    const own = cadence.teams[team.id]?.ceremonies[kind]
    return {
      kind,
      teamId: team.id,
      zone: team.timezone ?? cadence.timezone,
      localStart: own?.start ?? org?.start ?? def.defaultStart,
      durationMinutes: own?.durationMinutes ?? org?.durationMinutes ?? def.defaultDurationMinutes,
      participants: own?.participants ?? defaultParticipants(kind),
      cancelled: own?.cancelled ?? false
    }
  }
  if (team) throw new Error(`${def.label} is held by the whole ${def.scope}, not by one team.`)
  return {
    kind,
    teamId: null,
    zone: cadence.timezone,
    localStart: org?.start ?? def.defaultStart,
    durationMinutes: org?.durationMinutes ?? def.defaultDurationMinutes,
    participants: defaultParticipants(kind),
    cancelled: false
  }
}

/** Whom each team sends to the division sprint planning, for the teams that said so. */
export function divisionDelegates(cadence: Cadence, teams: readonly SprintTeam[]): Record<string, Participants> {
  const delegates: Record<string, Participants> = {}
  for (const team of teams) {
    const chosen = cadence.teams[team.id]?.ceremonies['division-sprint-planning']?.participants
    if (chosen) delegates[team.id] = chosen
  }
  return delegates
}
