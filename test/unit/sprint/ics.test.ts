import { describe, expect, it } from 'vitest'
import type { Cadence } from '@shared/sprint/cadence.ts'
import { type IcsExportOptions, ceremonyUid, exportIcs, exportedOccurrences } from '@shared/sprint/ics.ts'
import { heldOccurrences } from '@shared/sprint/schedule.ts'
import { ALPHA, NYC, berlinCadence } from './fixtures.ts'
import { parseIcs } from './icalExpand.ts'

/**
 * Sprints 5-7 (2026-03-04 … 2026-04-14): New York changes to summer time on 8 March, Berlin on
 * 29 March; 31 March (the last day of sprint 6) and Good Friday are holidays; Gotham has its own
 * sync-up time; one planning moved, one sync-up cancelled, one scrum lengthened.
 */
const cadence: Cadence = berlinCadence({
  holidays: ['2026-03-31', '2026-04-03'],
  teams: { nyc: { ceremonies: { 'daily-sync-up': { start: '09:30' } } } },
  occurrences: {
    'team-sprint-planning:alpha:2026-03-18': { start: '2026-03-18T14:00:00+01:00' },
    'daily-sync-up:alpha:2026-03-24': { cancelled: true },
    'team-scrum:alpha:2026-04-13': { durationMinutes: 90 },
    'daily-sync-up:nyc:2026-03-09': { start: '2026-03-09T11:00:00-04:00', note: 'Late start after the clock change' }
  }
})
const teams = [ALPHA, NYC]
const stamp = '2026-02-01T08:00:00Z'

const expected = (options: IcsExportOptions) =>
  heldOccurrences(exportedOccurrences(cadence, options))
    .map((o) => `${ceremonyUid(o.kind, o.teamId)} ${o.start} ${o.end}`)
    .sort()
const parsed = (text: string) =>
  parseIcs(text)
    .occurrences.map((o) => `${o.uid} ${o.start} ${o.end}`)
    .sort()

describe('exportIcs reads back as the schedule', () => {
  it.each([
    ['Alpha (Berlin)', { teams, teamId: 'alpha', fromSprint: 5, toSprint: 7, stamp }],
    ['Gotham (New York)', { teams, teamId: 'nyc', fromSprint: 5, toSprint: 7, stamp }],
    ['the whole org', { teams, fromSprint: 5, toSprint: 7, stamp }],
    ['the org across October', { teams, fromSprint: 20, toSprint: 22, stamp }]
  ] as [string, IcsExportOptions][])('%s: ical.js expands the same instants', (_label, options) => {
    const want = expected(options)
    expect(want.length).toBeGreaterThan(20)
    expect(parsed(exportIcs(cadence, options))).toEqual(want)
  })

  it('covers the holiday, the clock change and the overrides in the team calendar', () => {
    const got = parsed(exportIcs(cadence, { teams, teamId: 'alpha', fromSprint: 5, toSprint: 7, stamp }))
    // retro & demo moved from the holiday Tuesday to Monday, and Berlin is on summer time
    expect(got).toContain('sprint-retro-demo-org@tandem 2026-03-30T13:00:00Z 2026-03-30T14:00:00Z')
    expect(got.filter((l) => l.startsWith('sprint-retro-demo-org@tandem'))).toHaveLength(3)
    // sync-up before and after 29 March: 12:00 in Berlin either way
    expect(got).toContain('daily-sync-up-alpha@tandem 2026-03-27T11:00:00Z 2026-03-27T11:15:00Z')
    expect(got).toContain('daily-sync-up-alpha@tandem 2026-04-01T10:00:00Z 2026-04-01T10:15:00Z')
    expect(got.some((l) => l.startsWith('daily-sync-up-alpha@tandem 2026-03-24'))).toBe(false)
    expect(got.some((l) => l.startsWith('daily-sync-up-alpha@tandem 2026-04-03'))).toBe(false)
    expect(got).toContain('team-sprint-planning-alpha@tandem 2026-03-18T13:00:00Z 2026-03-18T14:00:00Z')
    expect(got).toContain('team-scrum-alpha@tandem 2026-04-13T12:00:00Z 2026-04-13T13:30:00Z')
    expect(got.some((l) => l.includes('-nyc@tandem'))).toBe(false)
  })

  it('writes recurrences, exceptions and exclusions, not one event per meeting', () => {
    const text = exportIcs(cadence, { teams, teamId: 'alpha', fromSprint: 5, toSprint: 7, stamp })
    const unfolded = text.replace(/\r\n /g, '')
    expect(unfolded).toMatch(/UID:team-sprint-planning-alpha@tandem\r\n(?:.*\r\n)*?RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20260401T080000Z/)
    expect(unfolded).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;WKST=MO;UNTIL=')
    expect(unfolded).toContain('EXDATE;TZID=Europe/Berlin:20260317T120000,20260324T120000,20260330T120000,20260331T120000,20260403T120000')
    expect(unfolded).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20260331T150000')
    expect(unfolded).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20260318T100000')
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(6 + 6)
    expect(unfolded).not.toMatch(/DTSTART:\d{8}T\d{6}Z/)
  })

  it('resolves every TZID from a VTIMEZONE in the file', () => {
    const text = exportIcs(cadence, { teams, fromSprint: 5, toSprint: 7, stamp })
    const { calendar, occurrences } = parseIcs(text)
    const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))
    expect(zones.sort()).toEqual(['America/New_York', 'Europe/Berlin'])
    expect(new Set(occurrences.map((o) => o.zone))).toEqual(new Set(['America/New_York', 'Europe/Berlin']))
    expect(text).toContain('X-WR-TIMEZONE:Europe/Berlin')
  })

  it('puts the seed purpose in the description and the team in the summary', () => {
    const text = exportIcs(cadence, { teams, teamId: 'nyc', fromSprint: 5, toSprint: 5, stamp }).replace(/\r\n /g, '')
    expect(text).toContain('SUMMARY:Daily sync-up · Gotham')
    expect(text).toContain('SUMMARY:Sprint retrospective & demo\r\n')
    expect(text).toContain('give shout outs to teammates for exemplary performance')
  })

  it('writes a series with one meeting as a plain event', () => {
    const text = exportIcs(cadence, { teams, teamId: 'alpha', fromSprint: 6, toSprint: 6, kinds: ['team-sprint-planning'], stamp })
    expect(text).not.toContain('RRULE')
    expect(parsed(text)).toEqual(['team-sprint-planning-alpha@tandem 2026-03-18T13:00:00Z 2026-03-18T14:00:00Z'])
  })

  it('handles three-week sprints and sprint lengths that are not whole weeks', () => {
    for (const sprintLengthDays of [21, 10]) {
      const other = { ...cadence, sprintLengthDays }
      const options = { teams, teamId: 'alpha', fromSprint: 2, toSprint: 5, stamp }
      const want = heldOccurrences(exportedOccurrences(other, options)).map((o) => `${ceremonyUid(o.kind, o.teamId)} ${o.start} ${o.end}`).sort()
      expect(parsed(exportIcs(other, options))).toEqual(want)
    }
  })
})

describe('exportIcs identity', () => {
  const uids = (text: string) => [...new Set([...text.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]?.trim()))].sort()

  it('keeps the UIDs across exports, edits and ranges, so a re-import updates', () => {
    const first = exportIcs(cadence, { teams, teamId: 'alpha', fromSprint: 5, toSprint: 7 })
    const edited = { ...cadence, occurrences: {}, holidays: [] }
    const second = exportIcs(edited, { teams, teamId: 'alpha', fromSprint: 6, toSprint: 9, stamp: '2026-03-01T00:00:00Z' })
    expect(uids(first)).toEqual([
      'daily-sync-up-alpha@tandem',
      'division-sprint-planning-org@tandem',
      'sprint-retro-demo-org@tandem',
      'team-retrospective-alpha@tandem',
      'team-scrum-alpha@tandem',
      'team-sprint-planning-alpha@tandem'
    ])
    expect(uids(second)).toEqual(uids(first))
  })

  it('is deterministic for a given stamp, and scopes org UIDs by org id', () => {
    const options = { teams, teamId: 'alpha', fromSprint: 5, toSprint: 7, stamp }
    expect(exportIcs(cadence, options)).toBe(exportIcs(cadence, options))
    expect(uids(exportIcs(cadence, { ...options, orgId: 'acme' }))).toContain('sprint-retro-demo-acme@tandem')
  })

  it('refuses an unknown team or an empty range', () => {
    expect(() => exportIcs(cadence, { teams, teamId: 'ghost', fromSprint: 1, toSprint: 2 })).toThrow(/Unknown team/)
    expect(() => exportIcs(cadence, { teams, fromSprint: 3, toSprint: 2 })).toThrow(/after/)
  })
})

describe('names that try to break out of their line', () => {
  it.each([
    ['CRLF with a whole event', 'Alpha\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Injected\r\nEND:VEVENT'],
    ['a bare line feed', 'Alpha\nX-EVIL:1'],
    ['a bare carriage return', 'Alpha\rX-EVIL:1'],
    ['semicolons, commas and backslashes', 'Alpha; Beta, \\Gamma'],
    ['a NUL', 'Alpha\u0000Beta']
  ])('a team named with %s exports a valid calendar with only the team’s own events', (_label, name) => {
    const evil = { ...ALPHA, name }
    const text = exportIcs(cadence, { teams: [evil, NYC], teamId: 'alpha', fromSprint: 5, toSprint: 5, stamp })
    // no line of the file starts anything the team name carried
    expect(text.split('\r\n').some((l) => /^(UID:evil|SUMMARY:Injected|X-EVIL)/.test(l))).toBe(false)
    const honest = exportIcs(cadence, { teams: [ALPHA, NYC], teamId: 'alpha', fromSprint: 5, toSprint: 5, stamp })
    expect(parsed(text)).toEqual(parsed(honest))
  })
})
