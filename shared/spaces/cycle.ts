import { SPACE_KINDS, type SpaceKind } from './space.ts'

/**
 * Go → Next space / Previous space (the desktop menu's shortcuts): the active spaces in the
 * sidebar's order (grouped by kind: pairs, teams, orgs; each group as listed), stepping from the
 * one open, wrapping around. From a page that is no space's, Next goes to the first and Previous
 * to the last. No active space: null.
 */
export function spaceStep(
  spaces: readonly { id: string; kind: SpaceKind; status: string }[],
  currentId: string | null,
  direction: 1 | -1
): string | null {
  const order = SPACE_KINDS.flatMap((kind) => spaces.filter((s) => s.status === 'active' && s.kind === kind).map((s) => s.id))
  if (order.length === 0) return null
  const at = currentId === null ? -1 : order.indexOf(currentId)
  if (at < 0) return direction === 1 ? order[0]! : order[order.length - 1]!
  return order[(at + direction + order.length) % order.length]!
}
