import { describe, expect, it } from 'vitest'
import { syncUpMembersOf, teamPeople } from '@shared/sprint/people.ts'
import { findSyncUpTime } from '@shared/sprint/syncupTime.ts'
import { Goal, Opportunity, PlanTicket, cleanTicketUrl, sprintDocKey, syncUpEntryId } from '@shared/sprint/sprintRecords.ts'

const member = (id: string, name: string, extra: { leftAt?: number } = {}) => ({ id, name, color: '#123456', joinedAt: 1, lastSeenAt: 1, ...extra })

describe('sprint records', () => {
  it('names documents and entries', () => {
    expect(sprintDocKey(12)).toBe('sprint/12')
    expect(syncUpEntryId('2026-01-08', 'abc')).toBe('2026-01-08|abc')
  })

  it('reads an order key, a legacy number, and junk as 0', () => {
    expect(Goal.parse({ text: 'a', order: 'a0' }).order).toBe('a0')
    expect(Goal.parse({ text: 'a', order: 3 }).order).toBe(3)
    expect(Goal.parse({ text: 'a', order: { bad: true } }).order).toBe(0)
  })

  it('reads records leniently, but an opportunity needs its text and author', () => {
    expect(PlanTicket.parse({ key: 'ENG-1' })).toEqual({ key: 'ENG-1', title: '', url: '', assignees: [], order: 0 })
    expect(Opportunity.safeParse({ text: '', authorId: 'a', date: '2026-01-08', createdAt: 1 }).success).toBe(false)
    expect(Opportunity.safeParse({ text: '  ', authorId: 'a', date: '2026-01-08', createdAt: 1 }).success).toBe(false)
    expect(Opportunity.parse({ text: 'Flaky CI', authorId: 'a', date: '2026-01-08', createdAt: 1 })).toMatchObject({ source: 'syncup', authorName: '' })
  })

  it('accepts web links only', () => {
    expect(cleanTicketUrl('')).toBe('')
    expect(cleanTicketUrl('acme.atlassian.net/browse/ENG-1')).toBe('https://acme.atlassian.net/browse/ENG-1')
    expect(cleanTicketUrl(' http://tracker.example.com/x ')).toBe('http://tracker.example.com/x')
    expect(cleanTicketUrl('javascript:alert(1)')).toBeNull()
    expect(cleanTicketUrl('file:///etc/passwd')).toBeNull()
    expect(cleanTicketUrl('not a link')).toBeNull()
  })
})

describe('team people', () => {
  const members = [member('a', 'Ada'), member('o', 'Olga'), member('b', 'Bo'), member('x', 'Xi', { leftAt: 5 })]
  const settings = [
    { id: 'a', role: 'team-lead' as const, timezone: 'Europe/Berlin', workStart: '08:00', workEnd: '16:00' },
    { id: 'o', role: 'team-member' as const, workStart: '09:00', workEnd: '17:00', observer: true }
  ]

  it('joins members with their settings; defaults for the others; observers last', () => {
    const people = teamPeople(members, settings, 'America/New_York')
    expect(people.map((p) => [p.name, p.timezone, p.observer, p.configured])).toEqual([
      ['Ada', 'Europe/Berlin', false, true],
      ['Bo', 'America/New_York', false, false],
      ['Olga', 'America/New_York', true, true]
    ])
    expect(people[0]?.roleLabel).toBe('Team lead')
  })

  it('gives the time finder the team members only', () => {
    const people = teamPeople(members, settings, 'America/New_York')
    const finder = syncUpMembersOf(people, [1, 2, 3, 4, 5])
    expect(finder.map((m) => m.name)).toEqual(['Ada', 'Bo'])
    const result = findSyncUpTime(finder, { referenceDate: '2026-03-04' })
    // Berlin 08–16 and New York 09–17 overlap 15:00–16:00 Berlin (09:00–10:00 New York); every slot scores 360, the earliest wins
    expect(result.ok && result.perMember.map((m) => m.localTime)).toEqual(['15:00', '09:00'])
  })
})
