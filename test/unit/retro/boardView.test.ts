import { describe, expect, it } from 'vitest'
import { boardView, snippet } from '@shared/retro/boardView.ts'
import type { Card } from '@shared/retro/cards.ts'
import type { CardGroup } from '@shared/retro/groups.ts'
import { templateLayout } from '@shared/retro/templates.ts'
import { T0 } from './fixtures.ts'

const card = (id: string, columnId: string, at: number, extra: Partial<Card> = {}): Card => ({ id, columnId, text: `Card ${id}`, createdAt: T0 + at, ...extra })
const layout = templateLayout('start-stop-continue')

describe('boardView', () => {
  const groups: CardGroup[] = [
    { id: 'g1', title: '', columnId: 'stop', createdAt: T0 + 5 },
    { id: 'g-empty', title: 'Nothing', columnId: 'start', createdAt: T0 },
    { id: 'g-gone', title: 'Old column', columnId: 'removed', createdAt: T0 }
  ]
  const cards = [
    card('a', 'start', 3),
    card('b', 'stop', 2, { groupId: 'g1' }),
    card('c', 'start', 1, { groupId: 'g1' }), // written in start, grouped in stop's group
    card('d', 'stop', 4, { groupId: 'deleted-group' }),
    card('e', 'removed', 0),
    card('f', 'continue', 0, { dismissed: true }),
    card('h', 'removed', 9, { groupId: 'g-gone' })
  ]
  const view = boardView(cards, groups, layout)

  it('puts groups in their column with their cards oldest first, and loose cards beside them', () => {
    const [start, stop, cont] = view.columns
    expect(start!.groups).toEqual([])
    expect(start!.cards.map((c) => c.id)).toEqual(['a'])
    expect(stop!.groups.map((g) => [g.group.id, g.title, g.cards.map((c) => c.id)])).toEqual([['g1', 'Card c', ['c', 'b']]])
    expect(stop!.cards.map((c) => c.id)).toEqual(['d']) // its group is gone: loose
    expect(cont!.cards).toEqual([]) // dismissed
  })

  it('returns what sits in a removed column instead of losing it', () => {
    expect(view.unplaced.cards.map((c) => c.id)).toEqual(['e'])
    expect(view.unplaced.groups.map((g) => g.group.id)).toEqual(['g-gone'])
  })

  it('shortens text to one line', () => {
    expect(snippet('  a\n b  ')).toBe('a b')
    expect(snippet('x'.repeat(60), 10)).toBe('xxxxxxxxx…')
  })
})
