import { describe, expect, it } from 'vitest'
import { type StoredCadence, isEmptyMirror, occurrenceOwner, planMirror, replacement, sameJson } from '@shared/sprint/cadenceMirror.ts'

const orgCadence = { sprintLengthDays: 14, firstSprintStart: '2026-01-07', timezone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5] }

function org(extra: Partial<StoredCadence> = {}): StoredCadence {
  return {
    cadence: orgCadence,
    teams: { t1: { name: 'Alpha', spaceId: 't1' } },
    occurrences: {
      'sprint-retro-demo:org:2026-01-20': { cancelled: true },
      'team-scrum:t2:2026-01-19': { cancelled: true }
    },
    ...extra
  }
}

describe('planMirror', () => {
  it('copies the org cadence and org occurrences to the team, the team settings to the org', () => {
    const team: StoredCadence = {
      cadence: { ...orgCadence, sprintLengthDays: 7, holidays: ['2026-01-01'] },
      teams: { t1: { name: 'Alpha', timezone: 'America/New_York', ceremonies: { 'daily-sync-up': { start: '09:30' } } } },
      occurrences: {
        'daily-sync-up:t1:2026-01-08': { durationMinutes: 30 },
        'division-sprint-planning:org:2026-01-16': { cancelled: true }
      }
    }
    const { toTeam, toOrg } = planMirror(org(), team, 't1', 'Alpha squad')
    expect(toTeam.cadence).toEqual({ sprintLengthDays: 14, holidays: undefined })
    expect(toTeam.occurrences).toEqual({
      'sprint-retro-demo:org:2026-01-20': { cancelled: true },
      'division-sprint-planning:org:2026-01-16': { cancelled: undefined }
    })
    expect(Object.keys(toTeam.occurrences['division-sprint-planning:org:2026-01-16'] ?? {})).toEqual(['cancelled'])
    expect(toOrg.team).toEqual({
      name: 'Alpha squad',
      timezone: 'America/New_York',
      ceremonies: { 'daily-sync-up': { start: '09:30' } }
    })
    // another team's overrides in the org are not this team's business
    expect(toOrg.occurrences).toEqual({ 'daily-sync-up:t1:2026-01-08': { durationMinutes: 30 } })
  })

  it('removes from the org a team override the team took back, and deletes a zone the team cleared', () => {
    const o = org({
      teams: { t1: { name: 'Alpha', timezone: 'Asia/Tokyo' } },
      occurrences: { 'team-scrum:t1:2026-01-19': { cancelled: true } }
    })
    const team: StoredCadence = { cadence: orgCadence, teams: { t1: { name: 'Alpha' } }, occurrences: {} }
    const { toTeam, toOrg } = planMirror(o, team, 't1')
    expect(isEmptyMirror(toTeam)).toBe(true)
    expect(toOrg.team).toEqual({ timezone: undefined })
    expect(Object.keys(toOrg.team ?? {})).toEqual(['timezone'])
    expect(Object.keys(toOrg.occurrences)).toEqual(['team-scrum:t1:2026-01-19'])
    expect(toOrg.occurrences['team-scrum:t1:2026-01-19']).toEqual({ cancelled: undefined })
  })

  it('is quiet once both sides agree, whatever the key order', () => {
    const team: StoredCadence = {
      cadence: { workingDays: [1, 2, 3, 4, 5], timezone: 'Europe/Berlin', firstSprintStart: '2026-01-07', sprintLengthDays: 14 },
      teams: { t1: { name: 'Alpha' } },
      occurrences: { 'sprint-retro-demo:org:2026-01-20': { cancelled: true } }
    }
    const { toTeam, toOrg } = planMirror(org(), team, 't1', 'Alpha')
    expect(isEmptyMirror(toTeam)).toBe(true)
    expect(isEmptyMirror(toOrg)).toBe(true)
  })

  it('does nothing for a team the org does not list', () => {
    const team: StoredCadence = { cadence: null, teams: { t9: { name: 'Gone' } }, occurrences: {} }
    const { toTeam, toOrg } = planMirror(org(), team, 't9', 'Gone')
    expect(isEmptyMirror(toTeam) && isEmptyMirror(toOrg)).toBe(true)
  })

  it('fills an empty team document from the org', () => {
    const { toTeam, toOrg } = planMirror(org(), { cadence: null, teams: {}, occurrences: {} }, 't1', 'Alpha')
    expect(toTeam.cadence).toEqual(orgCadence)
    expect(isEmptyMirror(toOrg)).toBe(true)
  })
})

describe('helpers', () => {
  it('replaces a record field by field', () => {
    const patch = replacement({ start: 'x', note: 'n' }, { cancelled: true, note: 'old' })
    expect(patch).toEqual({ cancelled: undefined, note: 'n', start: 'x' })
    expect(Object.keys(patch).sort()).toEqual(['cancelled', 'note', 'start'])
    expect(Object.keys(replacement(undefined, { a: 1 }))).toEqual(['a'])
  })

  it('tells whose an occurrence is', () => {
    expect(occurrenceOwner('team-scrum:abc:2026-01-19')).toBe('abc')
    expect(occurrenceOwner('sprint-retro-demo:org:2026-01-20')).toBe('org')
    expect(occurrenceOwner('nonsense')).toBeNull()
  })
  it('compares JSON deeply', () => {
    expect(sameJson({ a: [1, { b: 2, c: 3 }] }, { a: [1, { c: 3, b: 2 }] })).toBe(true)
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(sameJson([1, 2], [2, 1])).toBe(false)
  })
})
