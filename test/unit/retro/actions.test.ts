import { describe, expect, it } from 'vitest'
import { ActionItem, ActionRecord, ActionStatus, actionPlan, carriedOver, isOverdue, latestActionItems, newActionItem, tickAction, withStatus } from '../../../shared/retro/actions.ts'
import { T0 } from './fixtures.ts'

const item = (id: string, fromSprint: number, extra: Partial<ActionItem> = {}): ActionItem =>
  ActionItem.parse({ id, text: `Do ${id}`, createdAt: T0 + fromSprint * 100, fromSprint, ...extra })

/** A board's two action collections, keyed by id (real Yjs merging is in yjs.test.ts). */
function newBoard() {
  return { actions: new Map<string, ActionRecord>(), status: new Map<string, ActionStatus>() }
}
type Board = ReturnType<typeof newBoard>
const add = (board: Board, records: ActionRecord[]) => records.forEach((r) => board.actions.set(r.id, r))
const tick = (board: Board, s: ActionStatus) => board.status.set(s.id, s)
const read = (board: Board) => withStatus([...board.actions.values()], [...board.status.values()])

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

describe('carry-over of open actions', () => {
  const sprint5 = [item('a', 5), item('b', 5, { done: true }), item('c', 5, { ownerName: 'Cy', due: '2026-03-10' })]

  it('open items of the previous retro come over with their id, owner, due and sprint, without a done state', () => {
    const carried = carriedOver(sprint5)
    expect(carried.map((i) => i.id)).toEqual(['a', 'c'])
    expect(carried[1]).toEqual({ id: 'c', text: 'Do c', ownerName: 'Cy', due: '2026-03-10', createdAt: T0 + 500, fromSprint: 5 })
    expect('done' in carried[0]!).toBe(false)
  })

  it('sit at the top of the next board; ticking one there stops it from going further', () => {
    const board6 = newBoard()
    add(board6, [newActionItem({ id: 'n1', text: 'New thing', createdAt: T0 + 1 }, 6)])
    add(board6, carriedOver(sprint5, read(board6)))
    expect(actionPlan(read(board6), 6).map((i) => i.id)).toEqual(['a', 'c', 'n1'])
    tick(board6, tickAction('a', true, T0 + 9))
    const next = carriedOver(read(board6))
    expect(next.map((i) => [i.id, i.fromSprint])).toEqual([['c', 5], ['n1', 6]])
    // a third board still knows c came from sprint 5
    expect(actionPlan(next.map((i) => ActionItem.parse(i)), 7).map((i) => i.id)).toEqual(['c', 'n1'])
  })

  it('is idempotent across peers and never reopens an item ticked concurrently', () => {
    const board6 = newBoard()
    const peerA = carriedOver(sprint5, [])
    const peerB = carriedOver(sprint5, [])
    expect(peerB).toEqual(peerA) // same ids, same fields: whichever copy wins, it is the same item
    add(board6, peerA)
    tick(board6, tickAction('a', true, T0)) // peer A ticks
    add(board6, peerB) // peer B's concurrent carry arrives afterwards
    expect(board6.actions.size).toBe(2)
    expect(read(board6).find((i) => i.id === 'a')?.done).toBe(true)
    expect(carriedOver(sprint5, read(board6))).toEqual([])
  })

  it('the team view shows each item as it stands on the latest board holding it', () => {
    const board6 = [item('a', 5, { done: true }), item('c', 5), item('n1', 6)]
    const view = latestActionItems([{ sprint: 6, items: board6 }, { sprint: 5, items: sprint5 }])
    expect(view.map((i) => [i.id, i.done])).toEqual([['a', true], ['b', true], ['c', false], ['n1', false]])
  })

  it('done carried items stay on the board below the open ones', () => {
    const plan = actionPlan([item('n', 6), item('old-done', 4, { done: true }), item('old', 5)], 6)
    expect(plan.map((i) => i.id)).toEqual(['old', 'old-done', 'n'])
  })
})
