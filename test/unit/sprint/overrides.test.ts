import { describe, expect, it } from 'vitest'
import { type CeremonyOccurrence, heldOccurrences, scheduleSprint } from '@shared/sprint/schedule.ts'
import { resolveCeremonySeries } from '@shared/sprint/settings.ts'
import { ALPHA, NYC, berlinCadence } from './fixtures.ts'

const find = (list: CeremonyOccurrence[], id: string) => {
  const found = list.find((o) => o.id === id)
  if (!found) throw new Error(`no occurrence ${id}`)
  return found
}

describe('org-wide and per-team settings', () => {
  const cadence = berlinCadence({
    ceremonies: {
      'sprint-retro-demo': { start: '16:00' },
      'division-sprint-planning': { day: { from: 'end', workingDay: 1 }, durationMinutes: 45 }
    },
    teams: {
      alpha: {
        ceremonies: {
          'daily-sync-up': { start: '09:45', durationMinutes: 10 },
          'team-scrum': { cancelled: true },
          'team-sprint-planning': { participants: { roles: ['team-member'], memberIds: ['ana'], note: 'Ana facilitates' } },
          'division-sprint-planning': { participants: { roles: ['team-lead'], memberIds: ['ben'] } },
          'sprint-retro-demo': { start: '08:00', cancelled: true }
        }
      }
    }
  })
  const list = scheduleSprint(cadence, 1, [ALPHA, NYC])

  it("moves one team's sync-up and changes its length, leaving the other team alone", () => {
    const alpha = list.filter((o) => o.kind === 'daily-sync-up' && o.teamId === 'alpha')
    expect(alpha).toHaveLength(9)
    expect(alpha.every((o) => o.localStart === '09:45' && o.durationMinutes === 10 && !o.moved)).toBe(true)
    expect(find(list, 'daily-sync-up:alpha:2026-01-08')).toMatchObject({ start: '2026-01-08T08:45:00Z', end: '2026-01-08T08:55:00Z' })
    expect(find(list, 'daily-sync-up:nyc:2026-01-08')).toMatchObject({ localStart: '12:00', durationMinutes: 15 })
  })

  it('drops a ceremony the team does not hold', () => {
    expect(list.some((o) => o.id.startsWith('team-scrum:alpha:'))).toBe(false)
    expect(find(list, 'team-scrum:nyc:2026-01-19').cancelled).toBe(false)
  })

  it("keeps the team's participants", () => {
    expect(find(list, 'team-sprint-planning:alpha:2026-01-07').participants).toEqual({ roles: ['team-member'], memberIds: ['ana'], note: 'Ana facilitates' })
    expect(find(list, 'team-sprint-planning:nyc:2026-01-07').participants.roles).toEqual(['team-member', 'team-lead'])
  })

  it('applies org-wide time, duration and day, and lists whom each team sends to division planning', () => {
    expect(find(list, 'division-sprint-planning:org:2026-01-19')).toMatchObject({
      start: '2026-01-19T10:00:00Z',
      end: '2026-01-19T10:45:00Z',
      delegates: { alpha: { roles: ['team-lead'], memberIds: ['ben'] } }
    })
    expect(find(list, 'sprint-retro-demo:org:2026-01-20')).toMatchObject({ localStart: '16:00', start: '2026-01-20T15:00:00Z', cancelled: false })
  })

  it('refuses to resolve a team ceremony without a team, or an org one for a team', () => {
    expect(() => resolveCeremonySeries(cadence, 'team-scrum', null)).toThrow(/belongs to a team/)
    expect(() => resolveCeremonySeries(cadence, 'sprint-retro-demo', ALPHA)).toThrow(/whole org/)
  })
})

describe('occurrence overrides', () => {
  const cadence = berlinCadence({
    occurrences: {
      'sprint-retro-demo:org:2026-01-20': { start: '2026-01-20T16:30:00+01:00', note: 'After the all-hands' },
      'daily-sync-up:nyc:2026-01-12': { cancelled: true },
      'team-retrospective:alpha:2026-01-20': { durationMinutes: 90 },
      'team-sprint-planning:alpha:2026-01-07': { start: '2026-01-08T09:00:00Z' }
    }
  })
  const list = scheduleSprint(cadence, 1, [ALPHA, NYC])

  it('moves one meeting and keeps its id', () => {
    expect(find(list, 'sprint-retro-demo:org:2026-01-20')).toMatchObject({
      start: '2026-01-20T15:30:00Z',
      end: '2026-01-20T16:30:00Z',
      localStart: '16:30',
      plannedDate: '2026-01-20',
      moved: true,
      note: 'After the all-hands'
    })
    expect(find(list, 'team-sprint-planning:alpha:2026-01-07')).toMatchObject({ localDate: '2026-01-08', localStart: '10:00', plannedDate: '2026-01-07', moved: true })
  })

  it('lists a cancelled meeting as cancelled, and heldOccurrences leaves it out', () => {
    expect(find(list, 'daily-sync-up:nyc:2026-01-12').cancelled).toBe(true)
    expect(list.filter((o) => o.cancelled).map((o) => o.id)).toEqual(['daily-sync-up:nyc:2026-01-12'])
    expect(heldOccurrences(list).map((o) => o.id)).not.toContain('daily-sync-up:nyc:2026-01-12')
    expect(heldOccurrences(list)).toHaveLength(list.length - 1)
  })

  it('lengthens one meeting only', () => {
    expect(find(list, 'team-retrospective:alpha:2026-01-20')).toMatchObject({ end: '2026-01-20T14:00:00Z', durationMinutes: 90, moved: true })
    expect(find(list, 'team-retrospective:nyc:2026-01-20')).toMatchObject({ durationMinutes: 60, moved: false })
    expect(list.filter((o) => o.moved).map((o) => o.id).sort()).toEqual([
      'sprint-retro-demo:org:2026-01-20',
      'team-retrospective:alpha:2026-01-20',
      'team-sprint-planning:alpha:2026-01-07'
    ])
  })

  it('keeps the list sorted by the moved start', () => {
    const starts = list.map((o) => o.start)
    expect(starts).toEqual([...starts].sort())
  })
})

describe('sync-up rules', () => {
  const syncUps = (list: CeremonyOccurrence[]) => list.filter((o) => o.kind === 'daily-sync-up').map((o) => o.localDate)

  it('can keep the sync-up on the retrospective day, or drop it on the planning day', () => {
    expect(syncUps(scheduleSprint(berlinCadence({ syncUp: { skipOnRetrospectiveDay: false } }), 1, [ALPHA]))).toHaveLength(10)
    const lean = syncUps(scheduleSprint(berlinCadence({ syncUp: { skipOnPlanningDay: true } }), 1, [ALPHA]))
    expect(lean).toHaveLength(8)
    expect(lean).not.toContain('2026-01-07')
  })

  it('keeps the last-day sync-up for a team that holds no retrospective', () => {
    const cadence = berlinCadence({ teams: { alpha: { ceremonies: { 'team-retrospective': { cancelled: true } } } } })
    expect(syncUps(scheduleSprint(cadence, 1, [ALPHA]))).toContain('2026-01-20')
  })

  it('follows the retrospective when a holiday moves it', () => {
    const dates = syncUps(scheduleSprint(berlinCadence({ holidays: ['2026-01-20'] }), 1, [ALPHA]))
    expect(dates).toHaveLength(8)
    expect(dates).not.toContain('2026-01-19')
  })
})
