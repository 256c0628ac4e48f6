import { describe, expect, it } from 'vitest'
import { buildTimeline } from '@shared/sprint/timeline.ts'
import { ALPHA, NYC, berlinCadence } from './fixtures.ts'

describe('buildTimeline', () => {
  const cadence = berlinCadence({
    holidays: ['2026-01-12'],
    occurrences: { 'team-scrum:alpha:2026-01-19': { start: '2026-01-17T10:00:00+01:00' } }
  })

  it('lays sprint 1 out day by day: org row first, then the teams, today marked', () => {
    const t = buildTimeline(cadence, 1, [ALPHA, NYC], { today: '2026-01-08' })
    expect(t.current).toBe(true)
    expect(t.rows.map((r) => r.id)).toEqual(['org', 'alpha', 'nyc'])
    // nine working days, the Monday holiday, and the Saturday the scrum was moved to
    expect(t.columns.map((c) => c.date)).toEqual([
      '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15',
      '2026-01-16', '2026-01-17', '2026-01-19', '2026-01-20'
    ])
    const holiday = t.columns.find((c) => c.date === '2026-01-12')
    expect(holiday).toMatchObject({ holiday: true, workingDay: null })
    expect(t.columns.find((c) => c.today)?.date).toBe('2026-01-08')
    expect(t.columns.at(-1)?.workingDay).toBe(9)

    const alpha = t.rows[1]!
    const first = alpha.cells[0]!.map((o) => o.kind)
    expect(first).toEqual(['team-sprint-planning', 'daily-sync-up'])
    const saturday = t.columns.findIndex((c) => c.date === '2026-01-17')
    expect(alpha.cells[saturday]!.map((o) => o.kind)).toEqual(['team-scrum'])
    const last = t.rows[0]!.cells.at(-1)!.map((o) => o.kind)
    expect(last).toEqual(['sprint-retro-demo'])
    const lastAlpha = alpha.cells.at(-1)!.map((o) => o.kind)
    expect(lastAlpha).toEqual(['team-retrospective'])
  })

  it('shows today even when it is not a working day', () => {
    const t = buildTimeline(berlinCadence(), 1, [ALPHA], { today: '2026-01-10' })
    const today = t.columns.find((c) => c.today)
    expect(today).toMatchObject({ date: '2026-01-10', workingDay: null, holiday: false })
    expect(t.columns).toHaveLength(11)
    expect(buildTimeline(berlinCadence(), 2, [ALPHA], { today: '2026-01-10' }).columns.some((c) => c.today)).toBe(false)
  })

  it('shows one team with the org ceremonies', () => {
    const t = buildTimeline(cadence, 2, [ALPHA, NYC], { today: '2026-01-08', teamId: 'nyc', orgLabel: 'Acme' })
    expect(t.current).toBe(false)
    expect(t.rows.map((r) => r.label)).toEqual(['Acme', 'Gotham'])
    expect(t.occurrences.every((o) => o.teamId === null || o.teamId === 'nyc')).toBe(true)
    const nycSyncUp = t.rows[1]!.cells[0]![1]
    expect(nycSyncUp?.zone).toBe('America/New_York')
  })
})
