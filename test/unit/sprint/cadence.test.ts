import { describe, expect, it } from 'vitest'
import { Cadence, SprintTeam, suggestFirstSprintStart } from '@shared/sprint/cadence.ts'
import { CEREMONIES, CEREMONY_KINDS, ROLE_LABELS, Role, describeCeremony } from '@shared/sprint/ceremonies.ts'

const base = { firstSprintStart: '2026-01-07', timezone: 'Europe/Berlin' }

describe('Cadence', () => {
  it('fills the seed defaults: two-week sprints, Monday to Friday, nine sync-ups', () => {
    expect(Cadence.parse(base)).toEqual({
      ...base,
      sprintLengthDays: 14,
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
      syncUp: { skipOnRetrospectiveDay: true, skipOnPlanningDay: false },
      ceremonies: {},
      teams: {},
      occurrences: {}
    })
  })

  it('fills defaults inside a team', () => {
    expect(Cadence.parse({ ...base, teams: { alpha: {} } }).teams).toEqual({ alpha: { ceremonies: {} } })
  })

  it.each([
    ['an unknown zone', { timezone: 'Europe/Berln' }],
    ['an offset instead of a zone', { timezone: '+01:00' }],
    ['a bad date', { firstSprintStart: '2026-13-01' }],
    ['a bad holiday', { holidays: ['next tuesday'] }],
    ['a weekday 0', { workingDays: [0, 1] }],
    ['a working day twice', { workingDays: [1, 1, 2] }],
    ['no working day', { workingDays: [] }],
    ['a zero-length sprint', { sprintLengthDays: 0 }],
    ['a time 24:00', { ceremonies: { 'team-scrum': { start: '24:00' } } }],
    ['a time without leading zero', { ceremonies: { 'team-scrum': { start: '9:30' } } }],
    ['an unknown ceremony', { ceremonies: { standup: { start: '09:30' } } }],
    ['a team id with a colon', { teams: { 'a:b': {} } }],
    ['the reserved team id org', { teams: { org: {} } }],
    ['a moved start without offset', { occurrences: { x: { start: '2026-01-20T16:30:00' } } }],
    ['an unknown role', { teams: { alpha: { ceremonies: { 'team-scrum': { participants: { roles: ['scrum-master'] } } } } } }]
  ])('refuses %s', (_label, patch) => {
    expect(Cadence.safeParse({ ...base, ...patch }).success).toBe(false)
  })

  it('accepts a full set of edits', () => {
    const parsed = Cadence.parse({
      ...base,
      sprintLengthDays: 7,
      workingDays: [7, 1, 2, 3, 4],
      holidays: ['2026-12-24'],
      ceremonies: { 'daily-sync-up': { start: '11:30', durationMinutes: 15 } },
      teams: { alpha: { ceremonies: { 'team-scrum': { cancelled: true } } } },
      occurrences: { 'team-scrum:alpha:2026-01-19': { start: '2026-01-19T15:00:00+01:00', durationMinutes: 30 } }
    })
    expect(parsed.teams.alpha?.ceremonies['team-scrum']?.cancelled).toBe(true)
  })

  it('validates a team', () => {
    expect(SprintTeam.safeParse({ id: 'nyc', name: 'Gotham', timezone: 'America/New_York' }).success).toBe(true)
    expect(SprintTeam.safeParse({ id: 'nyc', name: 'Gotham', timezone: 'Gotham/City' }).success).toBe(false)
  })
})

describe('suggestFirstSprintStart', () => {
  it('picks the next Wednesday, or the day itself', () => {
    expect(suggestFirstSprintStart('2026-01-05')).toBe('2026-01-07')
    expect(suggestFirstSprintStart('2026-01-07')).toBe('2026-01-07')
    expect(suggestFirstSprintStart('2026-01-08')).toBe('2026-01-14')
    expect(suggestFirstSprintStart('2026-01-04')).toBe('2026-01-07')
  })
})

describe('ceremonies', () => {
  it('are the six of the seed, in the order of its diagram', () => {
    expect(CEREMONY_KINDS).toEqual([
      'team-sprint-planning',
      'daily-sync-up',
      'division-sprint-planning',
      'team-scrum',
      'team-retrospective',
      'sprint-retro-demo'
    ])
    for (const kind of CEREMONY_KINDS) {
      const def = CEREMONIES[kind]
      expect(def.kind).toBe(kind)
      expect(def.agenda.flatMap((s) => s.items).length).toBeGreaterThan(0)
      expect(def.participantsText).not.toBe('')
    }
  })

  it('have the scopes, defaults and participants the seed gives', () => {
    const scopes = CEREMONY_KINDS.map((k) => CEREMONIES[k].scope)
    expect(scopes).toEqual(['team', 'team', 'division', 'team', 'team', 'org'])
    expect(CEREMONIES['daily-sync-up']).toMatchObject({ defaultDurationMinutes: 15, defaultStart: '12:00' })
    expect(CEREMONIES['sprint-retro-demo']).toMatchObject({ defaultStart: '15:00', whenText: 'At the very end of the sprint on Tuesday afternoon.' })
    expect(CEREMONIES['division-sprint-planning'].roles).toEqual(['product-manager', 'team-lead', 'backlog-owner'])
    expect(CEREMONIES['sprint-retro-demo'].roles).toEqual(['team-member', 'team-lead', 'product-manager', 'backlog-owner'])
    expect(CEREMONIES['sprint-retro-demo'].participantsText).toBe('All members of the Engineering org.')
  })

  it('names four roles', () => {
    expect(Object.values(ROLE_LABELS)).toEqual(['Team member', 'Team lead', 'Product manager', 'Backlog owner'])
    expect(Role.safeParse('scrum-master').success).toBe(false)
  })

  it('describe themselves with the seed goals', () => {
    const text = describeCeremony('team-retrospective')
    expect(text).toContain('- record any tickets that took longer than expected')
    expect(text).toContain('Who participates? The members of an individual team.')
    expect(describeCeremony('daily-sync-up')).toContain('- Are you running into any blockers or problems?')
  })
})
