import { describe, expect, it } from 'vitest'
import { ActionItem, actionPlan, isOverdue, newActionItem, tickAction, withStatus } from '@shared/retro/actions.ts'
import { T0 } from './fixtures.ts'

const item = (id: string, fromSprint: number, extra: Partial<ActionItem> = {}): ActionItem =>
  ActionItem.parse({ id, text: `Do ${id}`, createdAt: T0 + fromSprint * 100, fromSprint, ...extra })

describe('action items', () => {
  it('are created with owner and due date, open until a status says done', () => {
    const record = newActionItem({ id: 'a1', text: ' Fix CI ', ownerId: 'ben', ownerName: 'Ben', due: '2026-03-20', createdAt: T0 }, 6)
    expect(record).toEqual({ id: 'a1', text: 'Fix CI', ownerId: 'ben', ownerName: 'Ben', due: '2026-03-20', createdAt: T0, fromSprint: 6 })
    expect(withStatus([record], [])).toEqual([{ ...record, done: false }])
    expect(withStatus([record], [tickAction('a1', true, T0 + 5, 'ben')])).toEqual([{ ...record, done: true, doneAt: T0 + 5 }])
    expect(withStatus([record], [tickAction('a1', false, T0 + 6)])[0]!.done).toBe(false)
    expect(withStatus([], [tickAction('zz', true, T0)])).toEqual([])
  })

  it('reject malformed input with clear messages', () => {
    expect(() => newActionItem({ id: 'a', text: '', createdAt: T0 }, 6)).toThrow('An action item needs some text.')
    expect(() => newActionItem({ id: 'a', text: 'x', createdAt: T0 }, 0)).toThrow('A sprint number is 1 or more.')
    expect(ActionItem.safeParse({ id: 'a', text: 'x', createdAt: T0, fromSprint: 1, due: '20/03/2026' }).success).toBe(false)
  })

  it('overdue when open and past due', () => {
    expect(isOverdue(item('a', 5, { due: '2026-03-01' }), '2026-03-02')).toBe(true)
    expect(isOverdue(item('a', 5, { due: '2026-03-01', done: true }), '2026-03-02')).toBe(false)
    expect(isOverdue(item('a', 5), '2026-03-02')).toBe(false)
  })
})

describe('carried items on the action plan', () => {
  it('sit on top, oldest sprint first, and done ones stay below the open ones', () => {
    const plan = actionPlan([item('n', 6), item('old-done', 4, { done: true }), item('old', 5)], 6)
    expect(plan.map((i) => i.id)).toEqual(['old', 'old-done', 'n'])
  })
})
