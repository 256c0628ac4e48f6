import { describe, expect, it } from 'vitest'
import { composeSources, type SpacePart, type TeamPart } from '@shared/reminders/sources.ts'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import { DEFAULT_PREFERENCES, ReminderPreferences } from '@shared/reminders/preferences.ts'
import type { ReminderSchedule } from '@shared/reminders/schedule.ts'
import { NO_DEVICE_FACTS } from '@shared/reminders/devices.ts'
import { routeOfLink } from '@shared/links/deepLink.ts'
import { spaceStep } from '@shared/spaces/cycle.ts'
import { SpaceParts, groupsOf } from '../../../renderer/src/features/reminders/store/parts.ts'
import { SchedulePublisher } from '../../../renderer/src/features/reminders/store/publisher.ts'
import { WebReminderRunner, type StateStore, type StoredRunner } from '../../../renderer/src/features/reminders/store/webRunner.ts'
import { ALPHA_SPACE, ME, ORG, PAIR, at, cadence, pair, wall } from './fixtures.ts'
import { FakeClock } from './harness.ts'

/**
 * The renderer's side of reminders, in node: how the spaces' parts become this person's sources,
 * the publisher that sends the schedule when it changes, web mode's runner of the shared engine,
 * and where links go. Timers are a fake clock's; nothing waits for real time.
 */
const NOW = at('2026-03-23T10:30:00Z') // Monday 11:30 in Berlin

const org = (extra: Partial<Extract<SpacePart, { kind: 'org' }>> = {}): SpacePart => ({
  kind: 'org',
  spaceId: ORG,
  name: 'Acme engineering',
  cadence: cadence(),
  teams: [{ id: ALPHA_SPACE, name: 'Alpha' }],
  ...extra
})
const team = (extra: Partial<TeamPart> = {}): TeamPart => ({
  kind: 'team',
  spaceId: ALPHA_SPACE,
  name: 'Alpha',
  cadence: cadence(),
  teams: [{ id: ALPHA_SPACE, name: 'Alpha' }],
  orgSpaceId: ORG,
  people: { [ME]: { role: 'team-lead', observer: false } },
  ...extra
})

describe('composing the spaces into sources', () => {
  it('puts a team whose org is here into the org’s source, with this person’s role', () => {
    const { sprint, pairs } = composeSources([org(), team(), { kind: 'pair', spaceId: PAIR, pair: pair() }], ME)
    expect(sprint).toEqual([
      { id: ORG, name: 'Acme engineering', cadence: cadence(), teams: [{ id: ALPHA_SPACE, name: 'Alpha' }], orgSpaceId: ORG, memberships: [{ teamId: ALPHA_SPACE, spaceId: ALPHA_SPACE, role: 'team-lead' }] }
    ])
    expect(pairs).toEqual([pair()])
  })

  it('reads a member without a people record yet as a team member, and keeps an observer out of team meetings', () => {
    expect(composeSources([org(), team({ people: {} })], ME).sprint[0]?.memberships).toEqual([{ teamId: ALPHA_SPACE, spaceId: ALPHA_SPACE, role: 'team-member' }])
    expect(composeSources([org(), team({ people: { [ME]: { role: 'team-member', observer: true } } })], ME).sprint[0]?.memberships).toEqual([
      { teamId: ALPHA_SPACE, spaceId: ALPHA_SPACE, role: 'team-member', observer: true }
    ])
  })

  it('gives teams of an org not on this device one source under the org’s id, with every team’s own settings', () => {
    const beta = team({
      spaceId: 'beta0000000000000',
      name: 'Beta',
      teams: [{ id: 'beta0000000000000', name: 'Beta' }],
      cadence: cadence({ teams: { beta0000000000000: { ceremonies: { 'daily-sync-up': { start: '09:15' } } } } })
    })
    const { sprint } = composeSources([team(), beta], ME)
    expect(sprint).toHaveLength(1)
    expect(sprint[0]).toMatchObject({ id: ORG, name: '', orgSpaceId: null })
    expect(sprint[0]?.teams.map((t) => t.name)).toEqual(['Alpha', 'Beta'])
    expect(sprint[0]?.cadence.teams.beta0000000000000?.ceremonies['daily-sync-up']?.start).toBe('09:15')
    expect(sprint[0]?.memberships.map((m) => m.teamId)).toEqual([ALPHA_SPACE, 'beta0000000000000'])
  })

  it('makes a team without an org its own source, and leaves out what has no cadence yet or has ended', () => {
    const lone = team({ orgSpaceId: null })
    expect(composeSources([lone], ME).sprint.map((s) => [s.id, s.orgSpaceId])).toEqual([[ALPHA_SPACE, null]])
    expect(composeSources([team({ cadence: null, orgSpaceId: null }), org({ cadence: null })], ME).sprint).toEqual([])
    // the org is here but not set up: its teams wait for it rather than inventing an org schedule
    expect(composeSources([org({ cadence: null }), team()], ME).sprint).toEqual([])
    expect(composeSources([{ kind: 'pair', spaceId: PAIR, pair: pair({ ended: true }) }], ME).pairs).toEqual([])
  })

  it('reminds a team of its own sync-ups through the composed source (the 14-day schedule)', () => {
    const { sprint, pairs } = composeSources([team({ orgSpaceId: null })], ME)
    const { entries, problems } = upcomingReminders({ now: NOW, zone: 'Europe/Berlin', me: ME, sprint, pairs })
    expect(problems).toEqual([])
    const first = entries.find((e) => e.ceremony === 'daily-sync-up')
    expect(first && wall(first.startsAt, 'Europe/Berlin')).toBe('2026-03-23 12:00')
    expect(first?.link).toMatch(new RegExp(`^/space/${ALPHA_SPACE}/sprint/\\d+/ceremony/`))
  })

  it('lists the teams, orgs and pairs that can be muted, by name', () => {
    expect(groupsOf([org(), team(), { kind: 'pair', spaceId: PAIR, pair: pair() }])).toEqual([
      { id: ORG, label: 'Acme engineering (whole org)', kind: 'team' },
      { id: ALPHA_SPACE, label: 'Alpha', kind: 'team' },
      { id: PAIR, label: 'Daria & Bruce', kind: 'pair' }
    ])
  })
})

describe('the parts registry', () => {
  it('tells its listeners only of real changes, and keeps one list between them', () => {
    const parts = new SpaceParts()
    let calls = 0
    parts.subscribe(() => calls++)
    parts.set(ORG, org())
    const list = parts.list()
    parts.set(ORG, org())
    expect(calls).toBe(1)
    expect(parts.list()).toBe(list)
    parts.set(ORG, null)
    parts.set(ORG, null)
    expect(calls).toBe(2)
    expect(parts.list()).toEqual([])
  })
})

function publisherOn(clock: FakeClock, parts: SpaceParts, send: (s: ReminderSchedule) => Promise<unknown>) {
  const warnings: string[] = []
  const publisher = new SchedulePublisher({
    parts,
    now: () => clock.now(),
    zone: () => 'Europe/Berlin',
    setTimer: (f, ms) => clock.setTimer(f, ms),
    send,
    log: { warn: (m) => void warnings.push(m) }
  })
  return { publisher, warnings }
}

describe('the schedule publisher', () => {
  it('sends once the identity and preferences are known, once per burst of changes, and not again when nothing changed', async () => {
    const clock = new FakeClock(NOW)
    const parts = new SpaceParts()
    const sent: ReminderSchedule[] = []
    const { publisher } = publisherOn(clock, parts, async (s) => void sent.push(s))
    publisher.start()
    parts.set(ORG, org())
    await clock.advance(1000)
    expect(sent).toEqual([]) // who is "me"? not known yet
    publisher.setIdentity(ME)
    publisher.setPreferences(DEFAULT_PREFERENCES)
    parts.set(ALPHA_SPACE, team())
    await clock.advance(1000)
    await publisher.flush()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.zone).toBe('Europe/Berlin')
    expect(sent[0]?.entries.some((e) => e.ceremony === 'daily-sync-up' && e.groupLabel === 'Alpha')).toBe(true)
    // the same parts again: nothing new to send
    parts.set(ALPHA_SPACE, team({ name: 'Alpha' }))
    publisher.changed()
    await clock.advance(1000)
    await publisher.flush()
    expect(sent).toHaveLength(1)
    // a preference changes: sent again
    publisher.setPreferences(ReminderPreferences.parse({ muted: { teams: [ALPHA_SPACE] } }))
    await clock.advance(1000)
    await publisher.flush()
    expect(sent).toHaveLength(2)
    expect(sent[1]?.preferences.muted.teams).toEqual([ALPHA_SPACE])
    publisher.stop()
  })

  it('sends nothing until every space has been read (a half-read start would drop snoozes in main)', async () => {
    const clock = new FakeClock(NOW)
    const parts = new SpaceParts()
    const sent: ReminderSchedule[] = []
    let ready = false
    const publisher = new SchedulePublisher({
      parts,
      ready: () => ready,
      now: () => clock.now(),
      zone: () => 'Europe/Berlin',
      setTimer: (f, ms) => clock.setTimer(f, ms),
      send: async (s) => void sent.push(s),
      log: { warn: () => {} }
    })
    publisher.setIdentity(ME)
    publisher.setPreferences(DEFAULT_PREFERENCES)
    publisher.start()
    parts.set(ALPHA_SPACE, team({ orgSpaceId: null }))
    await clock.advance(1000)
    await publisher.flush()
    expect(sent).toEqual([])
    ready = true
    publisher.changed()
    await clock.advance(1000)
    await publisher.flush()
    expect(sent).toHaveLength(1)
    publisher.stop()
  })

  it('moves the 14-day window forward on its own and retries a schedule that was refused', async () => {
    const clock = new FakeClock(NOW)
    const parts = new SpaceParts()
    let refuse = true
    const sent: ReminderSchedule[] = []
    const { publisher, warnings } = publisherOn(clock, parts, async (s) => {
      if (refuse) throw new Error('bad request on reminders:set: too many')
      sent.push(s)
    })
    publisher.setIdentity(ME)
    publisher.setPreferences(DEFAULT_PREFERENCES)
    parts.set(ALPHA_SPACE, team({ orgSpaceId: null }))
    publisher.start()
    await clock.advance(1000)
    await publisher.flush()
    expect([...new Set(warnings)]).toEqual(['reminders: the schedule was not taken: bad request on reminders:set: too many'])
    refuse = false
    await clock.advance(15 * 60_000)
    await publisher.flush()
    expect(sent).toHaveLength(1)
    const last = sent[0]?.entries.at(-1)?.startsAt ?? 0
    await clock.advance(24 * 3_600_000)
    await publisher.flush()
    expect(sent.at(-1)?.entries.at(-1)?.startsAt).toBeGreaterThan(last)
    publisher.stop()
    expect(clock.pending).toBe(0)
  })
})

class MemoryStore implements StateStore {
  state: StoredRunner | null = null
  async load() {
    return this.state
  }
  async save(stored: StoredRunner) {
    this.state = JSON.parse(JSON.stringify(stored)) as StoredRunner
  }
}

function runnerOn(clock: FakeClock, store: MemoryStore, granted: { value: boolean }) {
  const shown: { at: string; title: string; body: string; click: () => void }[] = []
  const opened: string[] = []
  const runner = new WebReminderRunner({
    now: () => clock.now(),
    setTimer: (f, ms) => clock.setTimer(f, ms),
    notifications: {
      granted: () => granted.value,
      show: (n, onClick) => void shown.push({ at: wall(clock.now(), 'Europe/Berlin'), title: n.title, body: n.body, click: onClick })
    },
    store,
    open: (path) => void opened.push(path),
    log: { warn: () => {} }
  })
  clock.onSettle(() => runner.idle())
  return { runner, shown, opened }
}

function scheduleFor(now: number, preferences = DEFAULT_PREFERENCES): ReminderSchedule {
  const { sprint, pairs } = composeSources([team({ orgSpaceId: null })], ME)
  return { entries: upcomingReminders({ now, zone: 'Europe/Berlin', me: ME, sprint, pairs }).entries, preferences, zone: 'Europe/Berlin', shownElsewhere: [], devices: NO_DEVICE_FACTS }
}

describe('web mode’s runner (the shared engine in the page)', () => {
  it('decides nothing before notifications are allowed, then reminds at the minute and opens the meeting on click', async () => {
    const clock = new FakeClock(NOW)
    const store = new MemoryStore()
    const granted = { value: false }
    const { runner, shown, opened } = runnerOn(clock, store, granted)
    await runner.setSchedule(scheduleFor(NOW))
    expect(runner.view().next[0]?.remindAt).toBe(at('2026-03-23T10:50:00Z'))
    await clock.advanceTo(at('2026-03-23T10:51:00Z'))
    expect(shown).toEqual([])
    expect(store.state?.state.log ?? {}).toEqual({})
    // allowed at 11:51 ("Allow notifications" looks again at once): Monday's sync-up is still ahead
    granted.value = true
    await runner.check()
    // Settings then says the next meeting was reminded of
    const monday = runner.view().next[0]?.entry
    expect(monday && wall(monday.startsAt, 'Europe/Berlin')).toBe('2026-03-23 12:00')
    expect(runner.view().reminded).toEqual([`${monday?.id}@${monday?.startsAt}`])
    await clock.advanceTo(at('2026-03-24T11:00:00Z'))
    expect(shown.map((s) => `${s.at} ${s.title}`)).toEqual(['2026-03-23 11:51 Daily sync-up · Alpha', '2026-03-24 11:50 Daily sync-up · Alpha'])
    shown[1]?.click()
    expect(opened[0]).toMatch(new RegExp(`^/space/${ALPHA_SPACE}/sprint/\\d+/ceremony/daily-sync-up`))
    runner.stop()
  })

  it('shows nothing twice after a reload, and lists what came due while the tab was closed as missed', async () => {
    const clock = new FakeClock(NOW)
    const store = new MemoryStore()
    const granted = { value: true }
    const first = runnerOn(clock, store, granted)
    await first.runner.setSchedule(scheduleFor(NOW))
    await clock.advanceTo(at('2026-03-23T10:55:00Z'))
    expect(first.shown).toHaveLength(1)
    first.runner.stop()
    // the tab is closed until Tuesday 12:30; opened again, with the schedule computed now
    clock.setWall(at('2026-03-24T11:30:00Z'))
    const again = runnerOn(clock, store, granted)
    await again.runner.setSchedule(scheduleFor(clock.now()))
    expect(again.shown).toEqual([])
    // Tuesday's sync-up is no longer in the new schedule (it started), but it was known before: missed
    expect(again.runner.view().missed.map((m) => wall(m.entry.startsAt, 'Europe/Berlin'))).toEqual(['2026-03-24 12:00'])
    await again.runner.dismissMissed(again.runner.view().missed.map((m) => m.instance))
    expect(again.runner.view().missed).toEqual([])
    again.runner.stop()
  })

  it('keeps a muted team silent', async () => {
    const clock = new FakeClock(NOW)
    const { runner, shown } = runnerOn(clock, new MemoryStore(), { value: true })
    await runner.setSchedule(scheduleFor(NOW, ReminderPreferences.parse({ muted: { teams: [ALPHA_SPACE] } })))
    await clock.advanceTo(at('2026-03-25T12:00:00Z'))
    expect(shown).toEqual([])
    expect(runner.view().missed).toEqual([])
    runner.stop()
  })
})

describe('links', () => {
  it('opens a reminder’s meeting and an invite, and ignores anything else', () => {
    expect(routeOfLink('tandem://open/space/abc/sprint/3/ceremony/daily-sync-up%3Aabc%3A2026-03-24')).toBe('/space/abc/sprint/3/ceremony/daily-sync-up%3Aabc%3A2026-03-24')
    expect(routeOfLink('tandem://join/tandem2.team.x.y.z.c')).toBe('/join/tandem2.team.x.y.z.c')
    expect(routeOfLink('TANDEM://JOIN/')).toBe('/join/')
    for (const bad of ['tandem://open/space/../etc', 'tandem://open/elsewhere', 'https://evil.example/', 'tandem://open/space/a b', 'tandem://join/a b', 'x'.repeat(9000)]) {
      expect(routeOfLink(bad), bad).toBeNull()
    }
  })

  it('steps between spaces in the sidebar’s order, wrapping around', () => {
    const spaces = [
      { id: 'org', kind: 'org' as const, status: 'active' },
      { id: 't1', kind: 'team' as const, status: 'active' },
      { id: 'gone', kind: 'team' as const, status: 'left' },
      { id: 'p1', kind: 'pair' as const, status: 'active' }
    ]
    expect(spaceStep(spaces, 'p1', 1)).toBe('t1')
    expect(spaceStep(spaces, 't1', 1)).toBe('org')
    expect(spaceStep(spaces, 'org', 1)).toBe('p1')
    expect(spaceStep(spaces, 'p1', -1)).toBe('org')
    expect(spaceStep(spaces, null, 1)).toBe('p1')
    expect(spaceStep(spaces, 'gone', -1)).toBe('org')
    expect(spaceStep([], null, 1)).toBeNull()
  })
})
