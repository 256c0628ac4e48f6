import { describe, expect, it } from 'vitest'
import { LateTicket, lateTicketReport, reasonCatalog } from '@shared/retro/lateTickets.ts'
import { RetroSettings, lateTicketMirror, orgLateTicketId, reasonMirror, sameRecord } from '@shared/retro/orgShare.ts'

const ticket = (id: string, teamId: string, sprint: number, reasonId = 'dependency'): LateTicket =>
  LateTicket.parse({ id, key: `ENG-${id}`, expected: { value: 2, unit: 'days' }, actual: { value: 5, unit: 'days' }, reasonId, sprint, teamId, teamName: teamId.toUpperCase() })

describe('sharing late tickets with the org', () => {
  it('copies new and changed entries under the team’s prefix and removes deleted ones', () => {
    const team = [ticket('t1', 'alpha', 5), ticket('t2', 'alpha', 6)]
    const org = [
      { ...ticket('t1', 'alpha', 5), id: orgLateTicketId('alpha', 't1') }, // up to date
      { ...ticket('t9', 'alpha', 4), id: orgLateTicketId('alpha', 't9') }, // deleted in the team
      { ...ticket('t1', 'beta', 5), id: orgLateTicketId('beta', 't1') } // another team's: untouched
    ]
    const plan = lateTicketMirror('alpha', team, org)
    expect(plan.put.map((t) => t.id)).toEqual(['alpha:t2'])
    expect(plan.remove).toEqual(['alpha:t9'])
  })

  it('writes nothing when the copies are equal, whatever the order of their fields', () => {
    const t = ticket('t1', 'alpha', 5)
    const reordered = Object.fromEntries(Object.entries({ ...t, id: 'alpha:t1' }).reverse()) as LateTicket
    expect(lateTicketMirror('alpha', [t], [reordered])).toEqual({ put: [], remove: [] })
    expect(sameRecord({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true)
    expect(sameRecord({ a: 1 }, { a: 2 })).toBe(false)
  })

  it('takes every copy back out when sharing stops', () => {
    const org = [{ ...ticket('t1', 'alpha', 5), id: 'alpha:t1' }]
    expect(lateTicketMirror('alpha', [], org)).toEqual({ put: [], remove: ['alpha:t1'] })
  })

  it('mirrors the team’s own reasons only', () => {
    const mine = { id: 'custom:alpha:flaky-ci', label: 'Flaky CI', teamId: 'alpha' }
    const theirs = { id: 'custom:beta:x', label: 'X', teamId: 'beta' }
    const stale = { id: 'custom:alpha:old', label: 'Old', teamId: 'alpha' }
    expect(reasonMirror('alpha', [mine], [theirs, stale])).toEqual({ put: [mine], remove: ['custom:alpha:old'] })
    expect(reasonMirror('alpha', [mine], [mine])).toEqual({ put: [], remove: [] })
  })

  it('the org report aggregates the copies of several teams over several sprints', () => {
    const entries = [ticket('a', 'alpha', 5), ticket('b', 'alpha', 6, 'review-qa'), ticket('c', 'beta', 6)].map((t) => ({ ...t, id: orgLateTicketId(t.teamId, t.id) }))
    const report = lateTicketReport(entries, reasonCatalog())
    expect(report.sprints).toEqual([5, 6])
    expect(report.reasons.map((r) => [r.reasonId, r.count])).toEqual([['dependency', 2], ['review-qa', 1]])
    expect(report.byTeam.map((t) => [t.teamName, t.total])).toEqual([['ALPHA', 2], ['BETA', 1]])
  })

  it('reads settings leniently', () => {
    expect(RetroSettings.parse({})).toEqual({ shareWithOrg: false })
    expect(RetroSettings.parse({ shareWithOrg: 'yes', orgSpaceId: 'org1' })).toEqual({ shareWithOrg: false, orgSpaceId: 'org1' })
  })
})
