import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import {
  LateTicket,
  customReason,
  lateTicketCsv,
  lateTicketReport,
  lateTicketReportCsv,
  reasonCatalog
} from '@shared/retro/lateTickets.ts'
import { rng, shuffled } from './fixtures.ts'

const TEAMS = { alpha: 'Alpha', beta: 'Beta', gamma: 'Gamma' } as const
const FLAKY = 'custom:beta:flaky-ci'

/** 3 teams × sprints 5–8: [team, sprint, reason, expected, actual] (days). */
const ROWS: [keyof typeof TEAMS, number, string, number, number][] = [
  ['alpha', 5, 'dependency', 2, 4], ['alpha', 5, 'hidden-complexity', 3, 6], ['alpha', 6, 'dependency', 1, 3],
  ['alpha', 7, 'review-qa', 2, 3], ['alpha', 8, 'unplanned-work', 2, 3],
  ['beta', 5, 'unclear-requirements', 5, 8], ['beta', 6, 'dependency', 2, 5], ['beta', 6, FLAKY, 1, 2],
  ['beta', 7, 'hidden-complexity', 2, 4], ['beta', 8, 'dependency', 3, 6],
  ['gamma', 5, 'optimistic-estimate', 2, 5], ['gamma', 6, 'hidden-complexity', 1, 2], ['gamma', 7, 'dependency', 2, 3],
  ['gamma', 7, 'unclear-requirements', 3, 4], ['gamma', 8, 'hidden-complexity', 4, 8], ['gamma', 8, 'unplanned-work', 1, 4]
]
const entries: LateTicket[] = ROWS.map(([team, sprint, reasonId, expected, actual], i) =>
  LateTicket.parse({
    id: `lt${i}`,
    key: `ENG-${100 + i}`,
    title: `Ticket ${i}`,
    expected: { value: expected, unit: 'days' },
    actual: { value: actual, unit: 'days' },
    reasonId,
    sprint,
    teamId: team,
    teamName: team === 'beta' && sprint === 8 ? 'Beta Squad' : TEAMS[team]
  })
)
const catalog = reasonCatalog([{ id: FLAKY, label: 'Flaky CI', teamId: 'beta' }])

describe('late-ticket report over 3 teams × 4 sprints', () => {
  const report = lateTicketReport(entries, catalog)

  it('ranks the top reasons with count, share and average overrun', () => {
    expect(report.total).toBe(16)
    expect(report.reasons.map((r) => [r.label, r.count])).toEqual([
      ['Dependency on another team', 5],
      ['Hidden complexity', 4],
      ['Interrupted by unplanned work', 2],
      ['Unclear requirements', 2],
      ['Estimate was optimistic', 1],
      ['Flaky CI', 1],
      ['Review or QA delay', 1]
    ])
    const dep = report.reasons[0]!
    expect(dep.share).toBeCloseTo(5 / 16, 10)
    expect(dep.averageOverrun).toBeCloseTo(2.2, 10) // (2 + 3 + 2.5 + 2 + 1.5) / 5
    expect(report.reasons.find((r) => r.reasonId === 'unplanned-work')?.averageOverrun).toBeCloseTo(2.75, 10)
    expect(report.reasons.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 10)
  })

  it('gives the trend per sprint, in sprint order', () => {
    expect(report.sprints).toEqual([5, 6, 7, 8])
    expect(report.trend).toEqual([
      { sprint: 5, total: 4, counts: { dependency: 1, 'hidden-complexity': 1, 'unclear-requirements': 1, 'optimistic-estimate': 1 } },
      { sprint: 6, total: 4, counts: { dependency: 2, [FLAKY]: 1, 'hidden-complexity': 1 } },
      { sprint: 7, total: 4, counts: { 'review-qa': 1, 'hidden-complexity': 1, dependency: 1, 'unclear-requirements': 1 } },
      { sprint: 8, total: 4, counts: { 'unplanned-work': 2, dependency: 1, 'hidden-complexity': 1 } }
    ])
  })

  it('breaks down per team, under the latest team name, with each team’s top reason', () => {
    expect(report.byTeam.map((t) => [t.teamId, t.teamName, t.total, t.topReasonId])).toEqual([
      ['alpha', 'Alpha', 5, 'dependency'],
      ['beta', 'Beta Squad', 5, 'dependency'],
      ['gamma', 'Gamma', 6, 'hidden-complexity']
    ])
    expect(report.byTeam[2]!.counts).toEqual({ 'optimistic-estimate': 1, 'hidden-complexity': 2, dependency: 1, 'unclear-requirements': 1, 'unplanned-work': 1 })
  })

  it('does not depend on the order the boards were read in', () => {
    const random = rng(7)
    for (let i = 0; i < 20; i++) expect(lateTicketReport(shuffled(entries, random), catalog)).toEqual(report)
  })

  it('labels a reason missing from the catalog instead of dropping it', () => {
    const r = lateTicketReport(entries, reasonCatalog())
    expect(r.reasons.find((x) => x.reasonId === FLAKY)?.label).toBe(`Unknown reason (${FLAKY})`)
    expect(lateTicketReport([], catalog)).toEqual({ total: 0, sprints: [], reasons: [], trend: [], byTeam: [] })
  })

  it('exports as a chartable CSV: a row per reason, a column per sprint and per team', () => {
    const lines = lateTicketReportCsv(report).split('\r\n')
    expect(lines[0]).toBe('Reason,Tickets,Share,Average overrun,Sprint 5,Sprint 6,Sprint 7,Sprint 8,Team Alpha,Team Beta Squad,Team Gamma')
    expect(lines[1]).toBe('Dependency on another team,5,0.313,2.2,1,2,1,1,2,2,1')
    expect(lines).toHaveLength(report.reasons.length + 2) // trailing CRLF
  })
})

describe('reasons', () => {
  it('a team extends the list with its own reasons, namespaced by team', () => {
    const base = reasonCatalog()
    expect(base.map((r) => r.label)).toContain('Interrupted by unplanned work')
    expect(base).toHaveLength(8)
    const flaky = customReason(base, 'beta', ' Flaky CI ')
    expect(flaky).toEqual({ id: FLAKY, label: 'Flaky CI', teamId: 'beta' })
    const withFlaky = reasonCatalog([flaky])
    expect(() => customReason(withFlaky, 'beta', 'flaky ci')).toThrow('"flaky ci" is already a reason.')
    expect(() => customReason(withFlaky, 'beta', 'Other')).toThrow(/already a reason/)
    expect(customReason(withFlaky, 'gamma', 'Flaky CI').id).toBe('custom:gamma:flaky-ci')
    expect(() => reasonCatalog([flaky, flaky])).toThrow(`Reason id "${FLAKY}" appears twice in the catalog.`)
  })
})

describe('a late ticket entry', () => {
  const valid = { id: 'x', key: 'ENG-1', expected: { value: 2, unit: 'days' }, actual: { value: 3, unit: 'days' }, reasonId: 'other', sprint: 5, teamId: 'alpha', teamName: 'Alpha' }
  const issues = (input: unknown) => {
    const r = LateTicket.safeParse(input)
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  }

  it('fills defaults', () => {
    expect(LateTicket.parse(valid)).toMatchObject({ title: '', note: '' })
  })

  it('rejects malformed input with clear messages', () => {
    expect(issues({ ...valid, key: ' ' })).toEqual(['key: A ticket key is required (e.g. ENG-8504).'])
    expect(issues({ ...valid, actual: { value: 2, unit: 'days' } })).toEqual(['actual.value: A late ticket took longer than expected: actual must be more than expected.'])
    expect(issues({ ...valid, actual: { value: 5, unit: 'points' } })).toEqual(['actual.unit: Expected and actual must use the same unit, so they can be compared.'])
    expect(issues({ ...valid, expected: { value: 0, unit: 'days' } })).toEqual(['expected: The expected effort must be more than 0.'])
    expect(issues({ ...valid, expected: { value: 2, unit: 'weeks' } })).toEqual(['expected.unit: A unit is one of: days, hours, points.'])
    expect(issues({ ...valid, reasonId: '' })).toEqual(['reasonId: Pick a reason.'])
    expect(() => LateTicket.parse({ ...valid, sprint: 0 })).toThrow(ZodError)
  })

  it('exports entries as RFC 4180 CSV, sorted by sprint, team and key', () => {
    const tricky = LateTicket.parse({ ...valid, key: 'ENG-2', title: 'Login, "SSO" flow', note: 'Waited on\r\nplatform', actual: { value: 5, unit: 'days' } })
    const csv = lateTicketCsv([tricky, LateTicket.parse({ ...valid, sprint: 4, note: '=HYPERLINK("x")' })], catalog)
    expect(csv).toBe(
      'Sprint,Team,Ticket,Title,Expected,Actual,Unit,Overrun (actual/expected),Reason,Note\r\n' +
        '4,Alpha,ENG-1,,2,3,days,1.5,Other,"\'=HYPERLINK(""x"")"\r\n' +
        '5,Alpha,ENG-2,"Login, ""SSO"" flow",2,5,days,2.5,Other,"Waited on\r\nplatform"\r\n'
    )
  })
})
