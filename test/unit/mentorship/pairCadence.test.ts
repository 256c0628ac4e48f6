import { describe, expect, it } from 'vitest'
import { addCadence, addDays, nextSession, relativeDay } from '@shared/mentorship/pairCadence.ts'
import { EMPTY_PAIR_INFO, PairInfo, inOrder, pairSpaceName, sessionsInOrder } from '@shared/mentorship/pairRecords.ts'

describe('cadence and the next session', () => {
  it('adds a month, clamping to the month’s last day', () => {
    expect(addCadence('2019-05-01', 'monthly')).toBe('2019-06-01')
    expect(addCadence('2026-01-31', 'monthly')).toBe('2026-02-28')
    expect(addCadence('2024-01-31', 'monthly')).toBe('2024-02-29')
    expect(addCadence('2025-12-15', 'monthly')).toBe('2026-01-15')
    expect(addCadence('2019-05-01', 'biweekly')).toBe('2019-05-15')
    expect(addCadence('2019-12-28', 'weekly')).toBe('2020-01-04')
  })

  it('derives the next session from the last one (monthly by default)', () => {
    expect(nextSession({ sessionDates: ['2019-04-19', '2019-05-01', null], cadence: 'monthly', override: null })).toEqual({ date: '2019-06-01', source: 'derived' })
    expect(nextSession({ sessionDates: [], cadence: 'monthly', override: null })).toEqual({ date: null, source: 'none' })
  })

  it('uses a date the pair set while it is still ahead of their last session', () => {
    expect(nextSession({ sessionDates: ['2019-05-01'], cadence: 'monthly', override: '2019-05-20' })).toEqual({ date: '2019-05-20', source: 'set' })
    expect(nextSession({ sessionDates: ['2019-05-01'], cadence: 'monthly', override: '2019-04-30' })).toEqual({ date: '2019-06-01', source: 'derived' })
    expect(nextSession({ sessionDates: [], cadence: 'weekly', override: '2019-04-30' })).toEqual({ date: '2019-04-30', source: 'set' })
    expect(nextSession({ sessionDates: [], cadence: 'weekly', override: 'soon' })).toEqual({ date: null, source: 'none' })
  })

  it('says how far a day is', () => {
    expect(relativeDay('2019-05-01', '2019-05-01')).toBe('today')
    expect(relativeDay('2019-05-02', '2019-05-01')).toBe('tomorrow')
    expect(relativeDay('2019-05-13', '2019-05-01')).toBe('in 12 days')
    expect(relativeDay('2019-04-28', '2019-05-01')).toBe('3 days ago')
    expect(addDays('2019-02-27', 2)).toBe('2019-03-01')
  })
})

describe('pair records', () => {
  it('reads a pair header leniently, field by field', () => {
    expect(PairInfo.parse({})).toEqual(EMPTY_PAIR_INFO)
    expect(EMPTY_PAIR_INFO.cadence).toBe('monthly')
    const info = PairInfo.parse({ title: 'SMP', cadence: 'hourly', firstDiscussed: '2019-02-30', participants: [{ name: 'Daria' }] })
    expect(info.title).toBe('SMP')
    expect(info.cadence).toBe('monthly')
    expect(info.firstDiscussed).toBeNull()
    expect(info.participants).toEqual([{ name: 'Daria', profileId: null, beAMentor: [], seekAMentor: [] }])
  })

  it('orders items and sessions the same way on every peer', () => {
    const items = [{ id: 'b', order: 1 }, { id: 'a', order: 1 }, { id: 'c', order: 0 }]
    expect(inOrder(items).map((i) => i.id)).toEqual(['c', 'a', 'b'])
    // order keys (strings) come after legacy numbers
    expect(inOrder([...items, { id: 'k', order: 'a0' }]).map((i) => i.id)).toEqual(['c', 'a', 'b', 'k'])
    const sessions = [
      { id: 'x', date: null, order: 0 },
      { id: 'y', date: '2019-05-01', order: 2 },
      { id: 'z', date: '2019-04-19', order: 1 }
    ]
    expect(sessionsInOrder(sessions).map((s) => s.id)).toEqual(['z', 'y', 'x'])
  })

  it('names a pair space by first names', () => {
    expect(pairSpaceName('Daria Petrova', 'Bruce Nakamura')).toBe('Daria & Bruce')
    expect(pairSpaceName('Sam Lee', 'Sam Ortiz')).toBe('Sam Lee & Sam Ortiz')
  })
})
