import { describe, expect, it, vi } from 'vitest'
import { IpcContractError, parseEvent, parseRequest, parseResponse } from '@shared/ipc/contract.ts'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import { ReminderSchedule } from '@shared/reminders/schedule.ts'
import { registerInvokeHandlers, type InvokeHandlers, type IpcMainLike } from '../../../electron/main/ipc.ts'
import { reminderHandlers } from '../../../electron/main/reminders/ipc.ts'
import { ME, at, berlinOrg, pair } from './fixtures.ts'
import { harness } from './harness.ts'

const NOW = at('2026-03-20T08:00:00Z')
const entries = upcomingReminders({ now: NOW, zone: 'Europe/Berlin', me: ME, sprint: [berlinOrg()], pairs: [pair()] }).entries
const good = { entries, preferences: {}, zone: 'Europe/Berlin' }
const first = entries[0]!

function refusal(payload: unknown): string {
  try {
    parseRequest('reminders:set', payload)
  } catch (err) {
    expect(err).toBeInstanceOf(IpcContractError)
    return (err as Error).message
  }
  throw new Error('the schedule was accepted')
}

const withEntry = (patch: Record<string, unknown>) => ({ ...good, entries: [{ ...first, ...patch }, ...entries.slice(1)] })

describe('reminders:set refuses a malformed schedule with a clear error', () => {
  it('accepts a schedule as upcomingReminders makes it, filling in default preferences', () => {
    const parsed = parseRequest('reminders:set', good)
    expect(parsed.entries).toEqual(entries)
    expect(parsed.preferences.leadMinutes).toEqual({ ceremony: [10], mentoring: [1440, 15] })
    expect(parsed.shownElsewhere).toEqual([])
  })

  it.each([
    ['no payload', undefined, /^bad request on reminders:set: /],
    ['entries that are not a list', { ...good, entries: 'all of them' }, / at entries$/],
    ['a start that is a string', withEntry({ startsAt: '2026-03-20T11:00:00Z' }), / at entries\.0\.startsAt$/],
    ['an unknown kind', withEntry({ kind: 'party' }), / at entries\.0\.kind$/],
    ['a missing title', withEntry({ title: undefined }), / at entries\.0\.title$/],
    ['an empty title', withEntry({ title: '  ' }), /must not be empty at entries\.0\.title$/],
    ['a title with a control character', withEntry({ title: 'Sync\u0000up' }), /control character.* at entries\.0\.title$/],
    ['preferences of the wrong type', { ...good, preferences: { leadMinutes: { ceremony: '10' } } }, / at preferences\.leadMinutes\.ceremony$/],
    ['an unknown zone', { ...good, zone: 'Mars/Olympus' }, /must be an IANA time zone such as Europe\/Berlin at zone$/]
  ])('wrong types: %s', (_label, payload, message) => {
    expect(refusal(payload)).toMatch(message)
  })

  it.each([
    ['10 000 entries', 10_000],
    ['2 001 entries', 2001]
  ])('too many: %s, refused by their count before any is read', (_label, count) => {
    const flood = { ...good, entries: Array.from({ length: count }, () => ({ junk: true })) }
    expect(refusal(flood)).toBe('bad request on reminders:set: a schedule holds at most 2000 meetings at entries')
    const result = ReminderSchedule.safeParse(flood)
    expect(result.error?.issues).toHaveLength(1)
  })

  it('accepts exactly 2 000 entries', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...first, id: `c:x:${i}` }))
    expect(parseRequest('reminders:set', { ...good, entries: many }).entries).toHaveLength(2000)
  })

  it.each([
    ['at 0 (1970)', 0, /before 2020/],
    ['in 1999', Date.UTC(1999, 11, 31), /before 2020/],
    ['in 2150', Date.UTC(2150, 0, 1), /after 2100/],
    ['far beyond any date', 8.64e15, /after 2100/],
    ['a fraction of a millisecond', NOW + 0.5, /whole milliseconds/],
    ['NaN', Number.NaN, / at entries\.0\.startsAt$/],
    ['Infinity', Number.POSITIVE_INFINITY, / at entries\.0\.startsAt$/]
  ])('dates out of range: a start %s', (_label, startsAt, message) => {
    const text = refusal(withEntry({ startsAt }))
    expect(text).toMatch(message)
    expect(text).toMatch(/at entries\.0\.startsAt$/)
  })

  it('dates out of range: a pause in 1970', () => {
    expect(refusal({ ...good, preferences: { pausedUntil: 1000 } })).toBe('bad request on reminders:set: is before 2020 (dates must be in 2020–2100) at preferences.pausedUntil')
  })

  it.each([
    ['id', { id: `c:${'x'.repeat(300)}` }, /at most 300 characters at entries\.0\.id$/],
    ['title', { title: 'x'.repeat(201) }, /at most 200 characters at entries\.0\.title$/],
    ['team or pair label', { groupLabel: 'x'.repeat(201) }, /at most 200 characters at entries\.0\.groupLabel$/],
    ['link', { link: `/space/abc/${'x'.repeat(600)}` }, /at most 600 characters at entries\.0\.link$/],
    ['space id', { spaceId: 'x'.repeat(65) }, /not a space id at entries\.0\.spaceId$/]
  ])('over-long strings: %s', (_label, patch, message) => {
    expect(refusal(withEntry(patch))).toMatch(message)
  })

  it.each([
    ['a web address', 'https://evil.example/'],
    ['a climb out of the app', '/space/abc/../../etc/passwd'],
    ['a script', 'javascript:alert(1)'],
    ['a space of another kind of path', '/join/tandem2.team.x'],
    ['whitespace', '/space/abc/sprint 1']
  ])('a link that is not an app path: %s', (_label, link) => {
    expect(refusal(withEntry({ link }))).toMatch(/at entries\.0\.link$/)
  })

  it('the same meeting twice', () => {
    expect(refusal({ ...good, entries: [first, first] })).toBe('bad request on reminders:set: a meeting id is listed twice at entries')
  })
})

describe('main keeps the last good schedule', () => {
  function ipc() {
    const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>()
    const fake: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) }
    const invoke = async (channel: string, payload: unknown) => handlers.get(channel)!({ senderFrame: { url: 'app://tandem/index.html' } }, payload)
    return { fake, invoke }
  }

  it('refuses a malformed schedule before the service sees it, and goes on reminding from the good one', async () => {
    const h = harness(NOW)
    await h.service.start()
    const { fake, invoke } = ipc()
    const warn = vi.fn()
    registerInvokeHandlers(fake, reminderHandlers(h.service) as unknown as InvokeHandlers, () => true, { warn })
    await expect(invoke('reminders:set', good)).resolves.toEqual({ entries: entries.length, nextDueAt: first.startsAt - 10 * 60_000 })
    const before = h.service.view()

    for (const bad of [{ ...good, entries: Array(10_000).fill({}) }, withEntry({ startsAt: 0 }), { ...good, zone: 42 }, null]) {
      await expect(invoke('reminders:set', bad)).rejects.toThrow(/^bad request on reminders:set: /)
    }
    expect(warn).toHaveBeenCalledTimes(4)
    expect(h.service.view()).toEqual(before)
    await h.clock.advanceTo(at('2026-03-20T11:00:00Z'))
    expect(h.notifier.shown.map((s) => s.title)).toEqual(['Daily sync-up · Alpha'])

    // the state the app reads, and the missed list it is told of, pass the contract too
    const state = (await invoke('reminders:state', undefined)) as ReturnType<typeof h.service.view>
    expect(state.next).toHaveLength(3)
    expect(state.shown).toEqual([{ id: first.id, startsAt: first.startsAt, shownAt: first.startsAt - 10 * 60_000 }])
    expect(() => parseEvent('reminders:missed', { missed: state.missed })).not.toThrow()
    await expect(invoke('reminders:dismiss-missed', { instances: ['x'.repeat(401)] })).rejects.toThrow(/reminders:dismiss-missed/)
    expect(parseResponse('reminders:dismiss-missed', await invoke('reminders:dismiss-missed', { instances: [] }))).toEqual(state)
  })
})
