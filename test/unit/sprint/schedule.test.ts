import { describe, expect, it } from 'vitest'
import { type CeremonyOccurrence, scheduleSprint } from '@shared/sprint/schedule.ts'
import { ALPHA, NYC, berlinCadence, wallClock } from './fixtures.ts'

const summary = (list: CeremonyOccurrence[]) => list.map((o) => `${o.kind} ${o.teamId ?? 'org'} ${o.localDate} ${o.localStart}`)
const of = (list: CeremonyOccurrence[], kind: CeremonyOccurrence['kind'], teamId: string | null = null) =>
  list.filter((o) => o.kind === kind && o.teamId === teamId)

describe('scheduleSprint: placement as the seed describes it', () => {
  const sprint1 = scheduleSprint(berlinCadence(), 1, [ALPHA])

  it('places the whole sprint of one team, in order', () => {
    expect(summary(sprint1)).toEqual([
      'team-sprint-planning alpha 2026-01-07 10:00',
      'daily-sync-up alpha 2026-01-07 12:00',
      'daily-sync-up alpha 2026-01-08 12:00',
      'daily-sync-up alpha 2026-01-09 12:00',
      'daily-sync-up alpha 2026-01-12 12:00',
      'daily-sync-up alpha 2026-01-13 12:00',
      'daily-sync-up alpha 2026-01-14 12:00',
      'daily-sync-up alpha 2026-01-15 12:00',
      'division-sprint-planning org 2026-01-16 11:00',
      'daily-sync-up alpha 2026-01-16 12:00',
      'daily-sync-up alpha 2026-01-19 12:00',
      'team-scrum alpha 2026-01-19 14:00',
      'team-retrospective alpha 2026-01-20 13:30',
      'sprint-retro-demo org 2026-01-20 15:00'
    ])
  })

  it('ends the sprint with retro & demo on Tuesday afternoon, the team retrospective just before', () => {
    const [retroDemo] = of(sprint1, 'sprint-retro-demo')
    const [retro] = of(sprint1, 'team-retrospective', 'alpha')
    expect(retroDemo).toMatchObject({ start: '2026-01-20T14:00:00Z', end: '2026-01-20T15:00:00Z', zone: 'Europe/Berlin', teamId: null, scope: 'org' })
    expect(new Date(retroDemo?.start ?? '').getUTCDay()).toBe(2)
    expect(retro).toMatchObject({ start: '2026-01-20T12:30:00Z', end: '2026-01-20T13:30:00Z' })
    expect(Date.parse(retro?.end ?? '')).toBeLessThanOrEqual(Date.parse(retroDemo?.start ?? ''))
  })

  it('has nine sync-ups of 15 minutes in ten working days: none on the retrospective day', () => {
    const syncUps = of(sprint1, 'daily-sync-up', 'alpha')
    expect(syncUps).toHaveLength(9)
    expect(syncUps.every((o) => o.durationMinutes === 15 && Date.parse(o.end) - Date.parse(o.start) === 15 * 60_000)).toBe(true)
    expect(syncUps.map((o) => o.localDate)).not.toContain('2026-01-20')
  })

  it('gives stable ids, the planned date and the seed participants', () => {
    const [planning] = of(sprint1, 'team-sprint-planning', 'alpha')
    expect(planning).toMatchObject({
      id: 'team-sprint-planning:alpha:2026-01-07',
      sprint: 1,
      plannedDate: '2026-01-07',
      cancelled: false,
      moved: false,
      participants: { roles: ['team-member', 'team-lead'] }
    })
    expect(of(sprint1, 'division-sprint-planning')[0]?.participants.roles).toEqual(['product-manager', 'team-lead', 'backlog-owner'])
    expect(new Set(sprint1.map((o) => o.id)).size).toBe(sprint1.length)
    expect(scheduleSprint(berlinCadence(), 1, [ALPHA])).toEqual(sprint1)
  })

  it('places team ceremonies of a team with its own zone at its local times, org ones in the org zone', () => {
    const both = scheduleSprint(berlinCadence(), 1, [ALPHA, NYC])
    expect(of(both, 'team-sprint-planning', 'nyc')[0]).toMatchObject({ zone: 'America/New_York', start: '2026-01-07T15:00:00Z', localStart: '10:00' })
    expect(of(both, 'daily-sync-up', 'nyc')[0]).toMatchObject({ start: '2026-01-07T17:00:00Z', localStart: '12:00' })
    expect(of(both, 'sprint-retro-demo')).toHaveLength(1)
    expect(of(both, 'division-sprint-planning')).toHaveLength(1)
    const starts = both.map((o) => o.start)
    expect(starts).toEqual([...starts].sort())
  })
})

describe('scheduleSprint across DST changes', () => {
  const cadence = berlinCadence()

  it('keeps the sync-up at 12:00 local in Berlin and New York through March 2027', () => {
    const list = [31, 32].flatMap((n) => scheduleSprint(cadence, n, [ALPHA, NYC]))
    const alpha = of(list, 'daily-sync-up', 'alpha')
    const nyc = of(list, 'daily-sync-up', 'nyc')
    expect(alpha).toHaveLength(18)
    for (const o of [...alpha, ...nyc]) expect(wallClock(o.start, o.zone)).toBe(`${o.localDate} 12:00`)
    for (const o of alpha) expect(new Date(o.start).getUTCHours()).toBe(o.localDate < '2027-03-28' ? 11 : 10)
    for (const o of nyc) expect(new Date(o.start).getUTCHours()).toBe(o.localDate < '2027-03-14' ? 17 : 16)
    expect(nyc.find((o) => o.localDate === '2027-03-12')?.start).toBe('2027-03-12T17:00:00Z')
    expect(nyc.find((o) => o.localDate === '2027-03-15')?.start).toBe('2027-03-15T16:00:00Z')
    expect(alpha.find((o) => o.localDate === '2027-03-26')?.start).toBe('2027-03-26T11:00:00Z')
    expect(alpha.find((o) => o.localDate === '2027-03-29')?.start).toBe('2027-03-29T10:00:00Z')
  })

  it('moves the UTC instants in late October 2026, a week apart in the two zones', () => {
    const list = [20, 21, 22].flatMap((n) => scheduleSprint(cadence, n, [ALPHA, NYC]))
    const retroDemo = of(list, 'sprint-retro-demo').map((o) => o.start)
    expect(retroDemo).toEqual(['2026-10-13T13:00:00Z', '2026-10-27T14:00:00Z', '2026-11-10T14:00:00Z'])
    const gap = (date: string) => {
      const a = of(list, 'daily-sync-up', 'alpha').find((o) => o.localDate === date)
      const n = of(list, 'daily-sync-up', 'nyc').find((o) => o.localDate === date)
      return (Date.parse(n?.start ?? '') - Date.parse(a?.start ?? '')) / 3_600_000
    }
    expect(gap('2026-10-23')).toBe(6)
    expect(gap('2026-10-26')).toBe(5)
    expect(gap('2026-11-02')).toBe(6)
    expect(of(list, 'daily-sync-up', 'nyc').find((o) => o.localDate === '2026-10-30')?.start).toBe('2026-10-30T16:00:00Z')
    expect(of(list, 'daily-sync-up', 'nyc').find((o) => o.localDate === '2026-11-02')?.start).toBe('2026-11-02T17:00:00Z')
  })
})

describe('scheduleSprint with holidays', () => {
  it('moves the end-of-sprint ceremonies to the preceding working days, keeping their order', () => {
    const list = scheduleSprint(berlinCadence({ holidays: ['2026-03-31'] }), 6, [ALPHA])
    expect(of(list, 'sprint-retro-demo')[0]?.localDate).toBe('2026-03-30')
    expect(of(list, 'team-retrospective', 'alpha')[0]?.localDate).toBe('2026-03-30')
    expect(of(list, 'team-scrum', 'alpha')[0]?.localDate).toBe('2026-03-27')
    expect(of(list, 'division-sprint-planning')[0]?.localDate).toBe('2026-03-26')
    expect(of(list, 'team-sprint-planning', 'alpha')[0]?.localDate).toBe('2026-03-18')
    const syncDates = of(list, 'daily-sync-up', 'alpha').map((o) => o.localDate)
    expect(syncDates).toEqual(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27'])
    expect(of(list, 'sprint-retro-demo')[0]?.start).toBe('2026-03-30T13:00:00Z')
  })

  it('moves the planning to the next working day when the first day is a holiday', () => {
    const list = scheduleSprint(berlinCadence({ holidays: ['2026-01-07'] }), 1, [ALPHA])
    expect(of(list, 'team-sprint-planning', 'alpha')[0]).toMatchObject({ id: 'team-sprint-planning:alpha:2026-01-08', localDate: '2026-01-08' })
    expect(of(list, 'daily-sync-up', 'alpha').map((o) => o.localDate)).not.toContain('2026-01-07')
  })

  it('drops only the sync-up of a mid-sprint holiday', () => {
    const plain = scheduleSprint(berlinCadence(), 7, [ALPHA])
    const list = scheduleSprint(berlinCadence({ holidays: ['2026-04-03'] }), 7, [ALPHA])
    expect(list.map((o) => o.id)).toEqual(plain.map((o) => o.id).filter((id) => id !== 'daily-sync-up:alpha:2026-04-03'))
  })

  it('refuses two teams with the same id', () => {
    expect(() => scheduleSprint(berlinCadence(), 1, [ALPHA, { ...NYC, id: 'alpha' }])).toThrow(/same id/)
  })

  it('schedules nothing in a sprint without working days', () => {
    const allOff = Array.from({ length: 14 }, (_, i) => `2026-01-${String(7 + i).padStart(2, '0')}`)
    expect(scheduleSprint(berlinCadence({ holidays: allOff }), 1, [ALPHA])).toEqual([])
  })
})

describe('scheduleSprint with other cadences', () => {
  it('weekly sprints keep the order on five working days', () => {
    const list = scheduleSprint(berlinCadence({ sprintLengthDays: 7 }), 2, [ALPHA])
    expect(of(list, 'team-sprint-planning', 'alpha')[0]?.localDate).toBe('2026-01-14')
    expect(of(list, 'division-sprint-planning')[0]?.localDate).toBe('2026-01-16')
    expect(of(list, 'team-scrum', 'alpha')[0]?.localDate).toBe('2026-01-19')
    expect(of(list, 'sprint-retro-demo')[0]?.localDate).toBe('2026-01-20')
  })

  it('stops anchors at the edge of a very short sprint', () => {
    const list = scheduleSprint(berlinCadence({ sprintLengthDays: 2 }), 1, [ALPHA])
    expect(of(list, 'division-sprint-planning')[0]?.localDate).toBe('2026-01-07')
    expect(of(list, 'team-scrum', 'alpha')[0]?.localDate).toBe('2026-01-07')
    expect(of(list, 'sprint-retro-demo')[0]?.localDate).toBe('2026-01-08')
  })

  it('follows a Sunday-to-Thursday working week', () => {
    const cadence = berlinCadence({ firstSprintStart: '2026-01-04', workingDays: [7, 1, 2, 3, 4], timezone: 'Asia/Jerusalem' })
    const list = scheduleSprint(cadence, 1, [ALPHA])
    expect(of(list, 'team-sprint-planning', 'alpha')[0]?.localDate).toBe('2026-01-04')
    expect(of(list, 'sprint-retro-demo')[0]?.localDate).toBe('2026-01-15')
    expect(list.some((o) => o.localDate === '2026-01-09' || o.localDate === '2026-01-10')).toBe(false)
  })
})
