import { z } from 'zod'
import { CARD_TEXT_MAX, type EscalatedItem } from './cards.ts'
import { FIELD_LIMITS, RecordId } from '../text/limits.ts'

/**
 * The org's sprint retrospective reads the cards teams escalated (cards.ts `escalate`): records in
 * the org space's document `sprint/<n>`, collection `escalations`, id `esc:<boardId>:<cardId>`.
 */
export const EscalatedItemFields = z.object({
  text: z.string().min(1).max(CARD_TEXT_MAX),
  teamId: RecordId,
  teamName: z.string().min(1).max(FIELD_LIMITS.name),
  sprint: z.number().int().positive(),
  boardId: RecordId,
  cardId: RecordId,
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
