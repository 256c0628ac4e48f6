import type { DragEvent } from 'react'
import type { Card } from '@shared/retro/cards.ts'

/** What the board's parts need beyond the board itself: the team and where it can escalate. */
export interface BoardContext {
  teamSpaceId: string
  orgSpaceId: string | null
  /** the org spaces on this device (to escalate to when the team has none) */
  orgs: readonly { id: string; name: string }[]
  /** the team picks the org it escalates to and shares with */
  chooseOrg(orgSpaceId: string): void
}

/** Drag and drop for grouping: a card dropped on a card or a group joins it; on the column, leaves its group. */
export interface DragApi {
  enabled: boolean
  dragging: string | null
  start(e: DragEvent, card: Card): void
  end(): void
  dropOnCard(e: DragEvent, target: Card): void
  dropOnGroup(e: DragEvent, groupId: string): void
  over(e: DragEvent): void
}
