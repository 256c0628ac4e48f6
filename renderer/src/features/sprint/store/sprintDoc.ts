import { sprintDocKey } from '@shared/sprint/sprintRecords.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { useSharedDoc } from '@core/sync/useSharedDoc.ts'
import { registerSprintDocuments } from './documents.ts'

/**
 * One document per team per sprint: the team space's document `sprint/<n>`, synced in its own
 * encrypted room while a view shows it, and versioned (documents.ts). It holds the planning
 * (planning.ts), the daily sync-ups and their timers (syncUp.ts) and the retrospective inbox
 * (retroInbox.ts); its key is `sprintDocKey` (shared/sprint/sprintRecords.ts). Screens pass what
 * this returns to those stores' hooks and use the values and commands they give.
 */
registerSprintDocuments()

export function useSprintDoc(teamSpaceId: string | null | undefined, sprint: number | null): DocLink | null {
  return useSharedDoc(sprint === null ? null : teamSpaceId, sprintDocKey(sprint ?? 0))
}
