import { describe, expect, it } from 'vitest'
import { countAxis, scale, stackBars } from '@shared/retro/reportChart.ts'

describe('report chart geometry', () => {
  it('stacks counts in the order of the top reasons, skipping zeros', () => {
    const bars = stackBars(
      [
        { key: '5', label: 'Sprint 5', counts: { dep: 2, scope: 1, zzz: 1 } },
        { key: '6', label: 'Sprint 6', counts: { scope: 3, dep: 0 } }
      ],
      ['scope', 'dep']
    )
    expect(bars[0]).toEqual({
      key: '5',
      label: 'Sprint 5',
      total: 4,
      segments: [
        { reasonId: 'scope', value: 1, from: 0, to: 1 },
        { reasonId: 'dep', value: 2, from: 1, to: 3 },
        { reasonId: 'zzz', value: 1, from: 3, to: 4 }
      ]
    })
    expect(bars[1]!.segments).toEqual([{ reasonId: 'scope', value: 3, from: 0, to: 3 }])
  })

  it('picks a round axis', () => {
    expect(countAxis(0)).toEqual({ top: 1, ticks: [0, 1] })
    expect(countAxis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] })
    expect(countAxis(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] })
    expect(countAxis(23)).toEqual({ top: 25, ticks: [0, 5, 10, 15, 20, 25] })
    expect(countAxis(120)).toEqual({ top: 150, ticks: [0, 50, 100, 150] })
  })

  it('scales values to the drawing', () => {
    expect(scale(2, 8, 200)).toBe(50)
    expect(scale(1, 0, 200)).toBe(0)
  })
})
