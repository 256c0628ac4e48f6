import { type ActionItem, actionPlan, isCarried } from './actions.ts'

/**
 * The action plan of one board when every item of the team lives in ONE collection (the team
 * space's root document: items span sprints, so none is copied from board to board).
 *
 * A board shows its own items (`fromSprint` = its sprint) and, on top, the items of earlier retros
 * that are still open — "carried into the next retro until done". An earlier item ticked done
 * during this board's meeting (after the board was created) stays on it, ticked, so the tick does
 * not make the line jump away under the facilitator's cursor; the next board no longer carries it.
 * Items from later sprints never show on an earlier board.
 */
export function actionsForBoard(items: readonly ActionItem[], sprint: number, boardCreatedAt: number): ActionItem[] {
  const shown = items.filter((item) => {
    if (item.fromSprint > sprint) return false
    if (!isCarried(item, sprint)) return true
    return !item.done || (item.doneAt !== undefined && item.doneAt >= boardCreatedAt)
  })
  return actionPlan(shown, sprint)
}

/** Open items carried into this board (the count shown above the action plan). */
export function carriedOpenCount(items: readonly ActionItem[], sprint: number): number {
  return items.filter((i) => isCarried(i, sprint) && !i.done).length
}
