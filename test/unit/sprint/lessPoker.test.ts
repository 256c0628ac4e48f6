import { describe, expect, it } from 'vitest'
import {
  PASS,
  UNSURE,
  canAccept,
  canReveal,
  currentRound,
  deckCards,
  expectedVoters,
  mayPublish,
  nextRoundNumber,
  parseCustomScale,
  roundProgress,
  scaleValues,
  shouldAutoReveal,
  summarizeVotes,
  voteId
} from '@shared/less/poker.ts'

const people = [
  { id: 'ana', observer: false },
  { id: 'bo', observer: false },
  { id: 'cleo', observer: false },
  { id: 'obi', observer: true }
]
const round = { ticketId: 'PAY-1', round: 1, revealed: false, scale: 'fibonacci' as const, custom: [] }
const mark = (memberId: string, r = 1, ticketId = 'PAY-1') => ({ ticketId, round: r, memberId })

describe('decks', () => {
  it('every scale, each with ? and coffee', () => {
    expect(deckCards({ scale: 'fibonacci', custom: [] })).toEqual(['0', '1', '2', '3', '5', '8', '13', '21', '34', '55', '89', UNSURE, PASS])
    expect(scaleValues({ scale: 'modified-fibonacci', custom: [] })).toEqual(['0', '½', '1', '2', '3', '5', '8', '13', '20', '40', '100'])
    expect(scaleValues({ scale: 'tshirt', custom: [] })).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL'])
    expect(scaleValues({ scale: 'powers-of-two', custom: [] })).toEqual(['0', '1', '2', '4', '8', '16', '32', '64'])
    expect(deckCards({ scale: 'custom', custom: ['S', 'M'] })).toEqual(['S', 'M', UNSURE, PASS])
    // a custom deck nobody filled in still deals cards
    expect(scaleValues({ scale: 'custom', custom: [] })).toEqual(scaleValues({ scale: 'fibonacci', custom: [] }))
  })

  it('a custom scale as typed', () => {
    expect(parseCustomScale('1, 2, 3 5;8 2 ? coffee ☕')).toEqual({ ok: true, values: ['1', '2', '3', '5', '8'] })
    expect(parseCustomScale('1')).toEqual({ ok: false, error: 'A scale needs at least two values.' })
    expect(parseCustomScale('a verylongvaluehere')).toMatchObject({ ok: false })
    expect(parseCustomScale(Array.from({ length: 21 }, (_, i) => String(i)).join(' '))).toEqual({ ok: false, error: 'A scale has at most 20 values.' })
  })
})

describe('reveal conditions', () => {
  it('the cards turn by themselves once every present voter has voted', () => {
    const present = ['ana', 'bo', 'cleo']
    expect(shouldAutoReveal(round, [], people, present)).toBe(false)
    expect(shouldAutoReveal(round, [mark('ana'), mark('bo')], people, present)).toBe(false)
    expect(shouldAutoReveal(round, [mark('ana'), mark('bo'), mark('cleo')], people, present)).toBe(true)
    // never twice
    expect(shouldAutoReveal({ ...round, revealed: true }, [mark('ana'), mark('bo'), mark('cleo')], people, present)).toBe(false)
  })

  it('observers do not count: not awaited, and their markers and votes are ignored', () => {
    const present = ['ana', 'bo', 'obi']
    expect(expectedVoters(people, present)).toEqual(['ana', 'bo'])
    expect(roundProgress(round, [mark('obi'), mark('ana')], people, present)).toEqual({ voted: ['ana'], waiting: ['bo'], everyoneVoted: false })
    expect(shouldAutoReveal(round, [mark('obi'), mark('ana'), mark('bo')], people, present)).toBe(true)
    // an observer alone cannot open a reveal
    expect(canReveal(round, [mark('obi')], people)).toBe(false)
    expect(shouldAutoReveal(round, [mark('obi')], people, ['obi'])).toBe(false)
  })

  it('absent members are not awaited; strangers and other rounds or tickets do not count', () => {
    expect(shouldAutoReveal(round, [mark('ana'), mark('bo')], people, ['ana', 'bo'])).toBe(true)
    // alone (or offline) one's own vote does not turn the cards: someone reveals by hand
    expect(shouldAutoReveal(round, [mark('ana')], people, ['ana'])).toBe(false)
    expect(shouldAutoReveal(round, [mark('ana'), mark('bo')], people, ['ana'])).toBe(false)
    expect(canReveal(round, [mark('ana')], people)).toBe(true)
    expect(roundProgress(round, [mark('zed'), mark('bo', 2), mark('cleo', 1, 'PAY-2')], people, ['ana']).voted).toEqual([])
    // someone who voted and left still counts as voted
    expect(roundProgress(round, [mark('cleo'), mark('ana')], people, ['ana'])).toEqual({ voted: ['ana', 'cleo'], waiting: [], everyoneVoted: true })
  })

  it('anyone may reveal by hand once one voter has voted; a vote is published only after reveal', () => {
    expect(canReveal(round, [], people)).toBe(false)
    expect(canReveal(round, [mark('bo')], people)).toBe(true)
    expect(mayPublish(null)).toBe(false)
    expect(mayPublish(round)).toBe(false)
    expect(mayPublish({ ...round, revealed: true })).toBe(true)
  })

  it('a vote and its marker share one id per ticket, round and member', () => {
    expect(voteId('PAY-1', 2, 'ana')).toBe('PAY-1#2|ana')
  })
})

describe('spread and consensus', () => {
  const deck = { scale: 'fibonacci' as const, custom: [] }
  const v = (memberId: string, value: string) => ({ memberId, value })

  it('consensus when every estimate is the same card; ? and coffee are not estimates', () => {
    const s = summarizeVotes([v('ana', '5'), v('bo', '5'), v('cleo', UNSURE)], deck, people)
    expect(s).toMatchObject({ consensus: true, estimates: 2, unsure: 1, passes: 0, low: '5', high: '5', spread: 0, suggestion: '5', average: 5, explainFirst: [] })
  })

  it('the spread in cards of the scale, who explains first, and a suggestion (a tie: the higher card)', () => {
    const s = summarizeVotes([v('ana', '3'), v('bo', '13'), v('cleo', PASS), v('obi', '89')], deck, people)
    expect(s.tally).toEqual([
      { value: '3', count: 1, memberIds: ['ana'] },
      { value: '13', count: 1, memberIds: ['bo'] },
      { value: PASS, count: 1, memberIds: ['cleo'] }
    ])
    expect(s).toMatchObject({ consensus: false, low: '3', high: '13', spread: 3, suggestion: '13', average: 8, passes: 1, explainFirst: ['ana', 'bo'] })
    const most = summarizeVotes([v('ana', '3'), v('bo', '5'), v('cleo', '3')], deck, people)
    expect(most).toMatchObject({ suggestion: '3', spread: 1 })
  })

  it('T-shirt sizes have a spread but no average; cards outside the deck are ignored', () => {
    const s = summarizeVotes([v('ana', 'S'), v('bo', 'XL'), v('cleo', '7')], { scale: 'tshirt', custom: [] }, people)
    expect(s).toMatchObject({ estimates: 2, low: 'S', high: 'XL', spread: 3, average: null })
  })

  it('nobody voted: no suggestion, no consensus', () => {
    expect(summarizeVotes([], deck, people)).toMatchObject({ consensus: false, suggestion: null, low: null, estimates: 0 })
    expect(summarizeVotes([v('ana', UNSURE)], deck, people)).toMatchObject({ consensus: false, suggestion: null, unsure: 1 })
  })

  it('modified Fibonacci reads ½ as a half', () => {
    expect(summarizeVotes([v('ana', '½'), v('bo', '1')], { scale: 'modified-fibonacci', custom: [] }, people).average).toBe(0.75)
  })
})

describe('rounds', () => {
  it('the current round is the latest of the ticket; a re-vote is the next number', () => {
    const rounds = [
      { ticketId: 'PAY-1', round: 1 },
      { ticketId: 'PAY-1', round: 2 },
      { ticketId: 'PAY-2', round: 5 }
    ]
    expect(currentRound(rounds, 'PAY-1')).toEqual({ ticketId: 'PAY-1', round: 2 })
    expect(currentRound(rounds, 'PAY-3')).toBeNull()
    expect(nextRoundNumber(currentRound(rounds, 'PAY-1'))).toBe(3)
    expect(nextRoundNumber(null)).toBe(1)
  })

  it('accepting needs a revealed round and a card of its scale', () => {
    expect(canAccept({ ...round, revealed: false }, '5')).toBe(false)
    expect(canAccept({ ...round, revealed: true }, '5')).toBe(true)
    expect(canAccept({ ...round, revealed: true }, UNSURE)).toBe(false)
    expect(canAccept({ ...round, revealed: true, scale: 'custom', custom: ['S', 'M'] }, 'M')).toBe(true)
    expect(canAccept(null, '5')).toBe(false)
  })
})
