import assert from 'node:assert/strict'
import { kase, type CorpusCase, type IcsInput } from '../harness.ts'

/**
 * Names a peer or a person chose that reach an .ics export (shared/sprint/ics.ts): whatever they
 * hold, the calendar reads back (ical.js) as the honest one — the same events, nothing injected.
 */
type Ics = { text: string; events: number; summaries: string[]; name: string; components: string[] }
const team = (name: unknown, extra: Record<string, unknown> = {}) => ({ id: 'alpha', fields: { name, ...extra } })
const honest = { teams: [team('Alpha')], teamId: 'alpha' } satisfies IcsInput
/** One VCALENDAR, its events all there (as many as BEGIN:VEVENT lines), every line folded to 75 octets. */
const sameCalendar = (v: Ics) => {
  assert.ok(v.events > 0)
  assert.ok(v.text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'a line over 75 octets')
  assert.equal((v.text.match(/^BEGIN:VCALENDAR/gm) ?? []).length, 1)
  assert.equal((v.text.match(/^BEGIN:VEVENT/gm) ?? []).length, v.events)
}
const label = (name: unknown) => (typeof name === 'string' ? `${JSON.stringify(name.slice(0, 40))}${name.length > 40 ? ` … (${name.length} characters)` : ''}` : JSON.stringify(name))
const teamNamed = (name: unknown, check?: (v: Ics) => void) =>
  kase('ics', `team named ${label(name)}`, { ...honest, teams: [team(name)] }, 'value', (v: Ics) => {
    sameCalendar(v)
    check?.(v)
  })
const calendarNamed = (name: string) =>
  kase('ics', `calendar named ${JSON.stringify(name.slice(0, 40))}`, { ...honest, calendarName: name }, 'value', (v: Ics) => {
    sameCalendar(v)
    assert.ok(!/[\r\n]/.test(v.name))
  })
const INJECT = 'Alpha\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nDTSTART:20260101T000000Z\r\nSUMMARY:Injected\r\nEND:VEVENT\r\nBEGIN:VEVENT'
/** No content line of the calendar came from the name (an escaped `\\n` inside a SUMMARY is text). */
const notInjected = (v: Ics) => {
  assert.ok(v.summaries.every((s) => s !== 'Injected'))
  assert.ok(!/^(UID:evil@x|SUMMARY:Injected)/m.test(v.text))
}

export const icsCases: CorpusCase[] = [
  teamNamed('Alpha', (v) => assert.ok(v.summaries.some((s) => s.includes('Alpha')))),
  teamNamed(INJECT, notInjected),
  teamNamed('Alpha\nBEGIN:VALARM\nACTION:AUDIO', (v) => assert.ok(!v.components.includes('valarm'))),
  teamNamed('Alpha\rX-INJECTED:1', (v) => assert.ok(!/^X-INJECTED/m.test(v.text))),
  teamNamed('Alpha\u0000Beta'),
  teamNamed('Team; with, commas: and \\ backslashes', (v) => assert.ok(v.summaries.some((s) => s.includes('Team; with, commas: and \\ backslashes')))),
  teamNamed('x'.repeat(200)),
  teamNamed('x'.repeat(10_000)), // past the record's cap: the team reads without its name
  teamNamed('🙂'.repeat(100), (v) => assert.ok(v.summaries.some((s) => s.includes('🙂🙂🙂')))),
  teamNamed('\u202Eevil'),
  teamNamed('BEGIN:VCALENDAR'),
  teamNamed('"quoted"'),
  teamNamed(' '),
  teamNamed(12345),
  teamNamed({ toString: 'INJECT' }),
  calendarNamed(INJECT),
  calendarNamed('Line\nbreak'),
  calendarNamed('\r\n\r\n'),
  calendarNamed('y'.repeat(5000)),
  calendarNamed('X-WR-CALNAME:Other'),
  kase('ics', 'a zone that injects (read as no zone)', { ...honest, teams: [team('Alpha', { timezone: 'Europe/Berlin\r\nX-EVIL:1' })] }, 'value', (v: Ics) => {
    sameCalendar(v)
    assert.ok(!/^X-EVIL/m.test(v.text))
  }),
  kase('ics', 'an occurrence note that injects', { ...honest, occurrences: [{ id: 'daily-sync-up:alpha:2026-01-08', fields: { note: INJECT } }] }, 'value', (v: Ics) => {
    sameCalendar(v)
    notInjected(v)
  }),
  kase('ics', 'an occurrence moved to a date that is none', { ...honest, occurrences: [{ id: 'daily-sync-up:alpha:2026-01-08', fields: { start: '2026-02-30T25:61:00Z' } }] }, 'value', sameCalendar),
  kase('ics', 'a team id with a colon and a line break', { teams: [{ id: 'al:pha\r\nX-EVIL:1', fields: { name: 'Alpha' } }, team('Beta')] }, 'value', (v: Ics) => {
    sameCalendar(v)
    assert.ok(!/^X-EVIL/m.test(v.text))
  }),
  kase('ics', 'the whole org with hostile names for every team', { teams: Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, fields: { name: `${INJECT.slice(0, 150)}${i}` } })) }, 'value', (v: Ics) => {
    sameCalendar(v)
    notInjected(v)
  })
]
