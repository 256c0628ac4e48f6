import { describe, expect, it } from 'vitest'
import {
  applyCheckIn,
  checkInsNewestFirst,
  keyResultScore,
  okrScore,
  okrStatus,
  parseOkr,
  quarterBounds,
  quarterOf,
  roundScore,
  type KeyResult
} from '@shared/mentorship/okr.ts'
import { daria } from './fixtures/okr.ts'

const numeric = (start: number, target: number, current: number): KeyResult => ({ id: 'n', title: 'n', kind: 'numeric', start, target, current })

describe('key result scores (Google convention, 0.0–1.0)', () => {
  it('scores numeric progress from start to target, also when the target is lower', () => {
    expect(keyResultScore(numeric(0, 10, 7))).toBeCloseTo(0.7)
    expect(keyResultScore(numeric(10, 4, 6))).toBeCloseTo(4 / 6)
    expect(keyResultScore(numeric(40, 10, 25))).toBeCloseTo(0.5)
  })

  it('clamps overshoot and backsliding', () => {
    expect(keyResultScore(numeric(0, 10, 15))).toBe(1)
    expect(keyResultScore(numeric(0, 10, -3))).toBe(0)
    expect(keyResultScore(numeric(40, 10, 50))).toBe(0)
  })

  it('scores percentages and done/not done', () => {
    expect(keyResultScore({ id: 'p', title: 'p', kind: 'percentage', current: 45 })).toBeCloseTo(0.45)
    expect(keyResultScore({ id: 'b', title: 'b', kind: 'binary', done: false })).toBe(0)
    expect(keyResultScore({ id: 'b', title: 'b', kind: 'binary', done: true })).toBe(1)
  })
})

describe('objective score and status', () => {
  it('averages the key results', () => {
    expect(okrScore(daria)).toBeCloseTo((4 / 6 + 0.5 + 1) / 3)
  })

  it('weights key results when asked, and falls back to a plain average when all weights are 0', () => {
    const weighted = { keyResults: [{ ...numeric(0, 10, 10), weight: 3 }, { ...numeric(0, 10, 0), weight: 1 }] }
    expect(okrScore(weighted)).toBeCloseTo(0.75)
    const zero = { keyResults: [{ ...numeric(0, 10, 10), weight: 0 }, { ...numeric(0, 10, 0), weight: 0 }] }
    expect(okrScore(zero)).toBeCloseTo(0.5)
  })

  it('labels the score as it is shown, to one decimal', () => {
    expect(roundScore(0.65)).toBe(0.7)
    expect(roundScore(0.649)).toBe(0.6)
    expect(okrStatus(0.65)).toBe('on target')
    expect(okrStatus(0.7)).toBe('on target')
    expect(okrStatus(1)).toBe('on target')
    expect(okrStatus(0.64)).toBe('progressing')
    expect(okrStatus(0.4)).toBe('progressing')
    expect(okrStatus(0.34)).toBe('at risk')
    expect(okrStatus(0)).toBe('at risk')
  })
})

describe('parseOkr', () => {
  it('accepts a valid OKR', () => {
    expect(parseOkr(daria)).toEqual({ ok: true, okr: daria })
  })

  it('explains invalid values, naming the key result or check-in', () => {
    const bad = {
      ...daria,
      quarter: 'Q3 2019',
      keyResults: [
        { id: 'cycle', title: 'Cut cycle time', kind: 'numeric', start: 5, target: 5, current: 'six' },
        { id: 'wip', title: 'WIP', kind: 'percentage', current: 140 },
        { id: 'x', title: 'X', kind: 'stretch' }
      ],
      checkIns: [
        { id: 'c1', keyResultId: 'cycle', date: '2019-13-01', value: 3, confidence: 11, note: '' },
        { id: 'c2', keyResultId: 'nope', date: '2019-07-01', value: 3, confidence: 5, note: '' }
      ]
    }
    const result = parseOkr(bad)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'quarter must look like 2026-Q3',
        'key result 1 ("Cut cycle time"): current must be a number',
        'key result 2 ("WIP"): current must be between 0 and 100',
        'key result 3 ("X"): kind must be "numeric", "percentage" or "binary"',
        'check-in 1 (2019-13-01): must be a date like 2026-07-15',
        'check-in 1 (2019-13-01): confidence must be from 1 to 10'
      ])
    )
  })

  it('checks that target differs from start', () => {
    const result = parseOkr({ ...daria, keyResults: [numeric(5, 5, 5)], checkIns: [] })
    expect(result).toEqual({ ok: false, errors: ['key result 1 ("n"): target must differ from start'] })
  })

  it('checks that ids are unique and check-ins fit their key result', () => {
    const result = parseOkr({
      ...daria,
      keyResults: [numeric(0, 5, 5), { id: 'n', title: 'again', kind: 'binary', done: false }],
      checkIns: [
        { id: 'c', keyResultId: 'n', date: '2019-07-01', value: 2.5, confidence: 7, note: '' },
        { id: 'd', keyResultId: 'ghost', date: '2019-07-01', value: 1, confidence: 5, note: '' }
      ]
    })
    expect(result).toEqual({
      ok: false,
      errors: [
        'key result 2 ("again"): id "n" is used twice',
        'check-in 2 (2019-07-01): keyResultId "ghost" names no key result'
      ]
    })
    const fractional = parseOkr({ ...daria, checkIns: [{ id: 'c', keyResultId: 'cycle', date: '2019-07-01', value: 2, confidence: 7.5, note: '' }] })
    expect(fractional).toEqual({ ok: false, errors: ['check-in 1 (2019-07-01): confidence must be a whole number from 1 to 10'] })
  })

  it('requires an objective and at least one key result, and rejects non-objects', () => {
    const result = parseOkr({ ...daria, objective: ' ', keyResults: [], checkIns: [] })
    expect(result).toEqual({ ok: false, errors: ['objective is required', 'add at least one key result'] })
    expect(parseOkr(null)).toEqual({ ok: false, errors: ['an OKR must be an object'] })
    expect(parseOkr({ ...daria, checkIns: undefined })).toEqual({ ok: false, errors: ['checkIns is missing or of the wrong type'] })
  })
})

describe('check-ins', () => {
  it('moves the key result to the newest check-in', () => {
    const next = applyCheckIn(daria, { id: 'c4', keyResultId: 'cycle', date: '2019-09-02', value: 4, confidence: 9, note: 'done' })
    expect(next.keyResults[0]).toMatchObject({ current: 4 })
    expect(keyResultScore(next.keyResults[0] as KeyResult)).toBe(1)
    expect(next.checkIns).toHaveLength(4)
    expect(daria.keyResults[0]).toMatchObject({ current: 6 })
  })

  it('keeps a back-dated check-in as history only', () => {
    const next = applyCheckIn(daria, { id: 'c0', keyResultId: 'cycle', date: '2019-07-01', value: 9, confidence: 5, note: '' })
    expect(next.keyResults[0]).toMatchObject({ current: 6 })
    expect(checkInsNewestFirst(next, 'cycle').map((c) => c.id)).toEqual(['c2', 'c1', 'c0'])
  })

  it('updates done state and refuses values that do not fit', () => {
    const undone = applyCheckIn(daria, { id: 'c5', keyResultId: 'okr', date: '2019-08-01', value: false, confidence: 4, note: 'reopened' })
    expect(undone.keyResults[2]).toMatchObject({ done: false })
    expect(() => applyCheckIn(daria, { id: 'c6', keyResultId: 'wip', date: '2019-08-01', value: 120, confidence: 4, note: '' })).toThrow(
      'check-in 4 (2019-08-01): value must be between 0 and 100'
    )
    expect(() => applyCheckIn(daria, { id: 'c7', keyResultId: 'okr', date: '2019-08-01', value: 1, confidence: 4, note: '' })).toThrow(
      'value must be true or false for a done/not-done key result'
    )
  })

  it('lists check-ins newest first, same-day ones by the order they were recorded', () => {
    const sameDay = applyCheckIn(daria, { id: 'c8', keyResultId: 'cycle', date: '2019-08-12', value: 5, confidence: 8, note: 'later that day' })
    expect(checkInsNewestFirst(sameDay).map((c) => c.id)).toEqual(['c8', 'c2', 'c3', 'c1'])
    expect(sameDay.keyResults[0]).toMatchObject({ current: 5 })
  })
})

describe('quarters', () => {
  it('names the quarter of a day and its bounds', () => {
    expect(quarterOf('2026-08-03')).toBe('2026-Q3')
    expect(quarterOf('2026-01-01')).toBe('2026-Q1')
    expect(quarterOf('2026-12-31')).toBe('2026-Q4')
    expect(quarterBounds('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' })
    expect(quarterBounds('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' })
  })
})
