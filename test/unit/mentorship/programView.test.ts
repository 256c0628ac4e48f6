import { describe, expect, it } from 'vitest'
import { participationByMonth } from '@shared/mentorship/programView.ts'

describe('participation over time (issue 15 #7)', () => {
  it('counts the pairs running in each month, suggested ones not at all', () => {
    const at = (day: string) => Date.parse(`${day}T12:00:00Z`)
    const pairs = [
      { startedAt: at('2026-01-10'), endedAt: at('2026-03-02') },
      { startedAt: at('2026-02-20'), endedAt: null },
      { startedAt: 0, endedAt: null }
    ]
    expect(participationByMonth(pairs, '2026-04-15', 5)).toEqual([
      { month: '2025-12', active: 0 },
      { month: '2026-01', active: 1 },
      { month: '2026-02', active: 2 },
      { month: '2026-03', active: 2 },
      { month: '2026-04', active: 1 }
    ])
  })
})
