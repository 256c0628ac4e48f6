import { describe, expect, it } from 'vitest'
import { boardPeers, typingLabel, typingOnCard, typingShown, typingToShare, uniquePeople, writingInColumn } from '@shared/retro/presence.ts'

const user = (id: string, name: string) => ({ id, name, color: '#336699' })

describe('board presence', () => {
  const states: [number, unknown][] = [
    [1, { user: user('me', 'Me'), retro: { board: 'b1' } }],
    [2, { user: user('ana', 'Ana'), retro: { board: 'b1', typing: { columnId: 'stop', cardId: 'c1' } }, cursor: { board: 'b1', x: 0.5, y: 120 } }],
    [3, { user: user('ben', 'Ben'), retro: { board: 'b1', typing: { columnId: 'start' } }, cursor: { board: 'b2', x: 0.1, y: 1 } }],
    [4, { user: user('cy', 'Cy'), retro: { board: 'b2' } }],
    [5, { user: user('dee', 'Dee') }],
    [6, { user: { id: 'x', name: 'Bad', color: 'red; background: url(x)' }, retro: { board: 'b1' } }],
    [7, { user: user('ana', 'Ana'), retro: { board: 'b1' }, cursor: { board: 'b1', x: 4, y: 1 } }]
  ]

  it('lists the people on this board, not myself, with valid fields only', () => {
    const peers = boardPeers(states, 'b1', 1)
    expect(peers.map((p) => [p.clientId, p.name, p.cursor])).toEqual([
      [2, 'Ana', { x: 0.5, y: 120 }],
      [7, 'Ana', undefined],
      [3, 'Ben', undefined]
    ])
    expect(uniquePeople(peers).map((p) => p.clientId)).toEqual([2, 3])
  })

  it('tells who types on a card and who writes in a column', () => {
    const peers = boardPeers(states, 'b1', 1)
    expect(typingOnCard(peers, 'c1')).toEqual(['Ana'])
    expect(writingInColumn(peers, 'start').map((p) => p.name)).toEqual(['Ben'])
    expect(writingInColumn(peers, 'stop')).toEqual([])
  })

  it('anonymous writing is never announced, and never shown on an anonymous board', () => {
    const field = { columnId: 'stop', cardId: 'c1' }
    expect(typingToShare(field, false)).toEqual(field)
    expect(typingToShare(field, true)).toBeNull()
    expect(typingToShare({ columnId: 'stop' }, true)).toBeNull()
    const peers = boardPeers(states, 'b1', 1)
    expect(writingInColumn(typingShown(peers, { settings: { anonymous: false } }), 'start').map((p) => p.name)).toEqual(['Ben'])
    // an older peer may still send typing on an anonymous board: it shows nowhere
    const shown = typingShown(peers, { settings: { anonymous: true } })
    expect(writingInColumn(shown, 'start')).toEqual([])
    expect(typingOnCard(shown, 'c1')).toEqual([])
  })

  it('says it in words', () => {
    expect(typingLabel([])).toBe('')
    expect(typingLabel(['Ana'])).toBe('Ana is typing…')
    expect(typingLabel(['Ana', 'Ben'], 'writing')).toBe('Ana and Ben are writing…')
    expect(typingLabel(['a', 'b', 'c'])).toBe('3 people are typing…')
  })
})
