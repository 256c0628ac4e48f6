import { z } from 'zod'
import type { EscalatedItem } from './cards.ts'

/**
 * The org's sprint retrospective reads the cards teams escalated (cards.ts `escalate`): records in
 * the org space's document `sprint/<n>`, collection `escalations`, id `esc:<boardId>:<cardId>`.
 */
export const EscalatedItemFields = z.object({
  text: z.string().min(1),
  teamId: z.string().min(1),
  teamName: z.string().min(1),
  sprint: z.number().int().positive(),
  boardId: z.string().min(1),
  cardId: z.string().min(1),
  escalatedAt: z.number().nonnegative()
}) satisfies z.ZodType<Omit<EscalatedItem, 'id'>>

export interface TeamEscalations {
  teamId: string
  teamName: string
  items: EscalatedItem[]
}

/** Per team (by name), oldest escalation first: the agenda of the org's sprint retrospective. */
export function escalationsByTeam(items: readonly EscalatedItem[]): TeamEscalations[] {
  const teams = new Map<string, TeamEscalations>()
  for (const item of [...items].sort((a, b) => a.escalatedAt - b.escalatedAt || (a.id < b.id ? -1 : 1))) {
    const team = teams.get(item.teamId) ?? { teamId: item.teamId, teamName: item.teamName, items: [] }
    team.items.push(item)
    team.teamName = item.teamName
    teams.set(item.teamId, team)
  }
  return [...teams.values()].sort((a, b) => (a.teamName < b.teamName ? -1 : a.teamName > b.teamName ? 1 : 0))
}

/** The route of a team's board, where an escalated card links back to (hash routing of the app). */
export const boardRoute = (teamSpaceId: string, sprint: number): string => `/space/${teamSpaceId}/retro/${sprint}`
