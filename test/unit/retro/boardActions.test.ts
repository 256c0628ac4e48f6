import { describe, expect, it } from 'vitest'
import { ActionItem } from '@shared/retro/actions.ts'
import { actionsForBoard, carriedOpenCount } from '@shared/retro/boardActions.ts'
import { T0 } from './fixtures.ts'

const item = (id: string, fromSprint: number, extra: Partial<ActionItem> = {}): ActionItem =>
  ActionItem.parse({ id, text: `Do ${id}`, createdAt: T0 + fromSprint * 100, fromSprint, ...extra })

describe('the action plan of a board, from the team-wide collection', () => {
  const items = [
    item('old-open', 4),
    item('old-done', 4, { done: true, doneAt: T0 + 10 }),
    item('prev-open', 5),
    item('ticked-in-meeting', 5, { done: true, doneAt: T0 + 5_000 }),
    item('mine', 6),
    item('mine-done', 6, { done: true, doneAt: T0 + 10 }),
    item('later', 7)
  ]
  const boardCreatedAt = T0 + 1_000

  it('shows open items of earlier retros on top, then its own; never a later one', () => {
    expect(actionsForBoard(items, 6, boardCreatedAt).map((i) => i.id)).toEqual(['old-open', 'prev-open', 'ticked-in-meeting', 'mine', 'mine-done'])
  })

  it('keeps an earlier item ticked during this meeting, drops ones done before it', () => {
    const shown = actionsForBoard(items, 6, boardCreatedAt).map((i) => i.id)
    expect(shown).toContain('ticked-in-meeting')
    expect(shown).not.toContain('old-done')
    // the next board no longer carries it
    expect(actionsForBoard(items, 7, T0 + 9_000).map((i) => i.id)).toEqual(['old-open', 'prev-open', 'mine', 'later'])
  })

  it('counts the open carried items', () => {
    expect(carriedOpenCount(items, 6)).toBe(2)
    expect(carriedOpenCount(items, 4)).toBe(0)
  })
})
