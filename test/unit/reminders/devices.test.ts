import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  CATCHUP_MS,
  DeviceFacts,
  HANDOVER_MS,
  KEEP_SHOWN_MS,
  MAX_SHOWN_FIELDS,
  ShownRecord,
  WakeTracker,
  holdUntil,
  nextShown,
  rankIn,
  reportsOf
} from '@shared/reminders/devices.ts'
import type { ReminderEntry } from '@shared/reminders/entry.ts'
import { ReminderSchedule } from '@shared/reminders/schedule.ts'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import { eventContract } from '@shared/ipc/contract.ts'
import { ReminderDevices, SHOWN } from '../../../renderer/src/features/reminders/store/devices.ts'
import { SchedulePublisher } from '../../../renderer/src/features/reminders/store/publisher.ts'
import { SpaceParts } from '../../../renderer/src/features/reminders/store/parts.ts'
import { WebReminderRunner } from '../../../renderer/src/features/reminders/store/webRunner.ts'
import { DEFAULT_PREFERENCES } from '@shared/reminders/preferences.ts'
import type { ShownReminder } from '@shared/reminders/engine.ts'
import { cadence } from './fixtures.ts'
import { collection, ForeignRecordError, setSigner } from '@core/collections/index.ts'
import { memberIdOf, newSigningKeys } from '@shared/identity/signing.ts'
import { ALPHA_SPACE, ME, at, berlinOrg, wall } from './fixtures.ts'
import { FakeClock, harness, type Harness } from './harness.ts'

/**
 * One person on two devices ("Add my other device"): a laptop and a desk computer, each with its
 * own reminder service (main's, on its own fake clock and notifier), each with the page's
 * registry of this person's devices over its own copy of the team space's root document. The
 * copies sync as Yjs documents do (real updates, while both are online); presence is who is
 * online. Nothing waits for real time.
 */
const MIN = 60_000
const MONDAY_0900 = at('2026-03-23T08:00:00Z') // Monday 09:00 in Berlin
const SYNC_UP = at('2026-03-23T11:00:00Z') // 12:00 in Berlin, reminded at 11:50
const DUE = SYNC_UP - 10 * MIN

function entries(now = MONDAY_0900): ReminderEntry[] {
  const lead = berlinOrg({ memberships: [{ teamId: 'alpha', spaceId: ALPHA_SPACE, role: 'team-member' }] })
  return upcomingReminders({ now, zone: 'Europe/Berlin', me: ME, sprint: [lead], pairs: [], days: 1 }).entries.filter((e) => e.spaceId === ALPHA_SPACE)
}

interface Device {
  name: string
  clock: FakeClock
  h: Harness
  doc: Y.Doc
  registry: ReminderDevices
  online: boolean
  /** the page's notifications are allowed / the page runs at all */
  reminds: boolean
  push(): Promise<void>
}

class World {
  readonly devices: Device[] = []
  private readonly presenceListeners = new Set<() => void>()
  constructor(readonly list: ReminderEntry[]) {}

  presence(): { id: string; clientId: number }[] {
    return this.devices.filter((d) => d.online).map((d) => ({ id: ME, clientId: d.doc.clientID }))
  }

  presenceChanged(): void {
    for (const f of [...this.presenceListeners]) f()
  }

  async add(name: string, clientId: number, start = MONDAY_0900): Promise<Device> {
    const clock = new FakeClock(start)
    const doc = new Y.Doc()
    doc.clientID = clientId
    const spaceOf = (id: string) => this.list.find((e) => e.id === id)?.spaceId ?? null
    let device: Device | null = null
    const h = harness(start, { clock, onShown: (shown) => device?.registry.report(shown, spaceOf) })
    const registry = new ReminderDevices({
      presence: {
        of: (spaceId) => (spaceId === ALPHA_SPACE && device?.online ? this.presence() : []),
        subscribe: (f) => {
          this.presenceListeners.add(f)
          return () => this.presenceListeners.delete(f)
        }
      },
      now: () => clock.now(),
      log: { warn: () => {} }
    })
    registry.setIdentity(ME, `dev-${name}`)
    registry.add(ALPHA_SPACE, doc)
    const d: Device = {
      name,
      clock,
      h,
      doc,
      registry,
      online: true,
      reminds: true,
      push: async () => {
        const facts = registry.facts()
        await h.service.setSchedule(ReminderSchedule.parse({ entries: this.list, preferences: {}, zone: 'Europe/Berlin', ...facts }))
      }
    }
    device = d
    // the page sends the schedule again when the facts change (the publisher, debounced)
    registry.subscribe(() => void d.push())
    // the documents sync while both ends are online
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'peer' || !d.online) return
      for (const other of this.devices) if (other !== d && other.online) Y.applyUpdate(other.doc, update, 'peer')
    })
    this.devices.push(d)
    for (const other of this.devices) if (other !== d && other.online) this.exchange(d, other)
    await h.service.start()
    await d.push()
    this.presenceChanged()
    return d
  }

  exchange(a: Device, b: Device): void {
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc), 'peer')
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'peer')
  }

  setOnline(d: Device, online: boolean): void {
    d.online = online
    if (online) for (const other of this.devices) if (other !== d && other.online) this.exchange(d, other)
    this.presenceChanged()
  }

  /** Lets `ms` pass on every awake device, in steps of `step` (their clocks stay within a step). */
  async run(ms: number, asleep: readonly Device[] = [], step = 5_000): Promise<void> {
    for (let done = 0; done < ms; done += step) {
      for (const d of this.devices) {
        if (asleep.includes(d)) d.clock.sleep(step)
        else await d.clock.advance(step)
      }
    }
  }

  shown(): string[] {
    return this.devices.flatMap((d) => d.h.notifier.shown.map((s) => `${d.name} ${wall(s.at, 'Europe/Berlin')} ${s.title}`))
  }
}

/** Both devices awake from 09:00; the laptop is ahead in the election (lower client id). */
async function twoDevices(): Promise<{ world: World; laptop: Device; desk: Device }> {
  const world = new World(entries())
  const laptop = await world.add('laptop', 100)
  const desk = await world.add('desk', 200)
  return { world, laptop, desk }
}

describe('two devices of one person, both online', () => {
  it('reminds once: the device ahead in the election at the minute, the other records it as shown elsewhere', async () => {
    const { world, laptop, desk } = await twoDevices()
    expect(desk.registry.facts().devices).toEqual({ others: true, standby: [{ spaceId: ALPHA_SPACE, rank: 1 }] })
    expect(laptop.registry.facts().devices).toEqual({ others: true, standby: [] })
    await world.run(SYNC_UP + 30 * MIN - MONDAY_0900)
    expect(world.shown()).toEqual(['laptop 2026-03-23 11:50 Daily sync-up · Alpha'])
    // the desk saw the laptop's report within its hold, and says so in its view
    expect(desk.registry.facts().shownElsewhere).toEqual([{ id: entries()[0]!.id, startsAt: SYNC_UP, shownAt: DUE }])
    expect(Object.values(desk.h.service['file'].state.log).map((r) => r.outcome)).toEqual(['elsewhere'])
  })

  it('the other device takes over at once when the one ahead goes away before the minute', async () => {
    const { world, laptop } = await twoDevices()
    await world.run(DUE - 5 * MIN - MONDAY_0900)
    world.setOnline(laptop, false)
    await world.run(5 * MIN + 5_000, [laptop])
    expect(world.shown()).toEqual(['desk 2026-03-23 11:50 Daily sync-up · Alpha'])
  })

  it('shows it itself after the hold when the one ahead says nothing (a tab without permission), once', async () => {
    const { world, laptop } = await twoDevices()
    laptop.h.service.dispose() // present, but reminds nobody
    await world.run(DUE + HANDOVER_MS + 10_000 - MONDAY_0900, [laptop])
    expect(world.shown()).toEqual(['desk 2026-03-23 11:51 Daily sync-up · Alpha'])
    await world.run(20 * MIN, [laptop])
    expect(world.shown()).toHaveLength(1)
  })

  it('holds up to a minute of clock skew: a laptop 40 s behind still shows it alone', async () => {
    const world = new World(entries())
    const laptop = await world.add('laptop', 100, MONDAY_0900 - 40_000)
    await world.add('desk', 200)
    await world.run(DUE + 5 * MIN - MONDAY_0900)
    expect(world.shown()).toEqual(['laptop 2026-03-23 11:50 Daily sync-up · Alpha'])
    expect(laptop.h.notifier.shown).toHaveLength(1)
  })
})

describe('one device asleep or offline', () => {
  it('a device that slept over the reminder waits for the other’s report on waking and shows nothing', async () => {
    const { world, desk } = await twoDevices()
    await world.run(10 * MIN)
    // the desk sleeps (gone from presence, no sync) over 11:50
    world.setOnline(desk, false)
    await world.run(DUE + 2 * MIN - MONDAY_0900 - 10 * MIN, [desk])
    expect(world.shown()).toEqual(['laptop 2026-03-23 11:50 Daily sync-up · Alpha'])
    // it wakes at 11:52, before the meeting: its resume look holds the reminder…
    await desk.h.service.check()
    expect(desk.h.notifier.shown).toHaveLength(0)
    // …the network comes back within the catch-up, the report arrives: nothing shown, not missed
    await world.run(10_000)
    world.setOnline(desk, true)
    await world.run(CATCHUP_MS + 30_000)
    expect(world.shown()).toEqual(['laptop 2026-03-23 11:50 Daily sync-up · Alpha'])
    expect(desk.h.service.view().missed).toEqual([])
  })

  it('a device that wakes without news shows it once after the catch-up, if the meeting is still ahead', async () => {
    const { world, laptop, desk } = await twoDevices()
    await world.run(10 * MIN)
    world.setOnline(desk, false)
    world.setOnline(laptop, false)
    laptop.h.service.dispose() // the laptop is shut down before 11:50
    await world.run(DUE + 2 * MIN - MONDAY_0900 - 10 * MIN, [desk, laptop])
    await desk.h.service.check()
    await world.run(CATCHUP_MS - 5_000, [laptop])
    expect(world.shown()).toEqual([])
    await world.run(10_000, [laptop])
    expect(world.shown()).toEqual(['desk 2026-03-23 11:52 Daily sync-up · Alpha'])
  })

  it('two devices that slept over it together and wake together remind once', async () => {
    const { world, laptop, desk } = await twoDevices()
    await world.run(DUE - 5 * MIN - MONDAY_0900)
    await world.run(7 * MIN, [laptop, desk])
    await Promise.all([laptop.h.service.check(), desk.h.service.check()])
    expect(world.shown()).toEqual([])
    await world.run(3 * MIN)
    expect(world.shown()).toEqual(['laptop 2026-03-23 11:52 Daily sync-up · Alpha'])
  })

  it('both offline: each reminds once (they cannot know of each other), and never again when they meet', async () => {
    const { world, laptop, desk } = await twoDevices()
    world.setOnline(laptop, false)
    world.setOnline(desk, false)
    await world.run(DUE + MIN - MONDAY_0900)
    expect(world.shown().sort()).toEqual(['desk 2026-03-23 11:50 Daily sync-up · Alpha', 'laptop 2026-03-23 11:50 Daily sync-up · Alpha'])
    world.setOnline(laptop, true)
    world.setOnline(desk, true)
    await world.run(30 * MIN)
    expect(world.shown()).toHaveLength(2)
  })
})

describe('the rules, one by one', () => {
  const p = { dueAt: DUE, entry: { spaceId: ALPHA_SPACE, startsAt: SYNC_UP } }
  const none: DeviceFacts = { others: false, standby: [] }

  it('holds a due reminder by rank, after a wake-up only when there is another device, and never past the start', () => {
    expect(holdUntil(p, none, DUE - 1, DUE, 60_000)).toBe(DUE)
    expect(holdUntil(p, { others: true, standby: [{ spaceId: ALPHA_SPACE, rank: 2 }] }, null, DUE, 60_000)).toBe(DUE + 2 * HANDOVER_MS)
    expect(holdUntil(p, { others: true, standby: [{ spaceId: 'elsewhere', rank: 2 }] }, null, DUE, 60_000)).toBe(DUE)
    expect(holdUntil(p, { others: true, standby: [] }, DUE + MIN, DUE + MIN, 60_000)).toBe(DUE + MIN + CATCHUP_MS)
    // both woke together: the one behind waits for the other's catch-up, and then its report
    expect(holdUntil(p, { others: true, standby: [{ spaceId: ALPHA_SPACE, rank: 1 }] }, DUE + MIN, DUE + MIN, 60_000)).toBe(DUE + MIN + CATCHUP_MS + HANDOVER_MS)
    // due in the first seconds after waking: also held
    expect(holdUntil(p, { others: true, standby: [] }, DUE - 10_000, DUE, 60_000)).toBe(DUE - 10_000 + CATCHUP_MS)
    // a rank of 15 would wait past the start: the start (and half the grace) caps it
    expect(holdUntil(p, { others: true, standby: [{ spaceId: ALPHA_SPACE, rank: 15 }] }, null, DUE, 60_000)).toBe(SYNC_UP + 30_000)
  })

  it('ranks this device among this person’s connections in a space; other people do not count', () => {
    const presence = [
      { id: ME, clientId: 7 },
      { id: ME, clientId: 3 },
      { id: 'bruce', clientId: 1 },
      { id: ME, clientId: 12 }
    ]
    expect(rankIn(presence, ME, 7)).toEqual({ rank: 1, others: 2 })
    expect(rankIn(presence, ME, 3)).toEqual({ rank: 0, others: 2 })
    expect(rankIn([{ id: ME, clientId: 3 }], ME, 3)).toEqual({ rank: 0, others: 0 })
  })

  it('notices a wake-up: the first look, a gap of timers, a clock set back', () => {
    const wake = new WakeTracker()
    expect(wake.look(1_000_000)).toBe(1_000_000)
    expect(wake.look(1_060_000)).toBe(1_000_000)
    expect(wake.look(1_120_000)).toBe(1_000_000)
    expect(wake.look(1_120_000 + 3 * MIN + 1)).toBe(1_120_000 + 3 * MIN + 1)
    expect(wake.look(1_000_000)).toBe(1_000_000)
  })

  it('reads a shown record defensively: malformed entries are left out, not the record', () => {
    const key = `c:${ALPHA_SPACE}:x@${SYNC_UP}`
    const record = ShownRecord.parse({
      memberId: ME,
      device: 'dev-a',
      shown: { [key]: DUE, 'no-start': DUE, [`c:y@${SYNC_UP}`]: 'soon', [`c:w@99999999999999`]: DUE, [`c:v@${SYNC_UP}`]: 5 }
    })
    expect(record.shown).toEqual({ [key]: DUE })
    expect(reportsOf(record)).toEqual([{ id: `c:${ALPHA_SPACE}:x`, startsAt: SYNC_UP, shownAt: DUE }])
    expect(ShownRecord.safeParse({ memberId: ME, device: 'not a device id!', shown: {} }).success).toBe(false)
  })

  it('keeps a record bounded: old meetings pruned, at most the newest, nothing written twice', () => {
    const now = SYNC_UP
    const record = { [`old@${now - KEEP_SHOWN_MS - 1}`]: now - KEEP_SHOWN_MS - 600_000, [`kept@${now - MIN}`]: now - 11 * MIN }
    expect(nextShown(record, [{ id: 'kept', startsAt: now - MIN, shownAt: now - 11 * MIN }], now)).toEqual({ [`kept@${now - MIN}`]: now - 11 * MIN })
    expect(nextShown({ [`kept@${now - MIN}`]: now - 11 * MIN }, [{ id: 'kept', startsAt: now - MIN, shownAt: now - 11 * MIN }], now)).toBeNull()
    const many = Array.from({ length: MAX_SHOWN_FIELDS + 5 }, (_, i) => ({ id: `m${i}`, startsAt: now + i * MIN, shownAt: now }))
    const kept = Object.keys(nextShown({}, many, now) ?? {})
    expect(kept).toHaveLength(MAX_SHOWN_FIELDS)
    expect(kept).not.toContain(`m4@${now + 4 * MIN}`)
    expect(kept).toContain(`m5@${now + 5 * MIN}`)
  })

  it('the IPC contract refuses malformed device facts and carries what main showed', () => {
    const base = { entries: [], preferences: {}, zone: 'Europe/Berlin' }
    expect(ReminderSchedule.parse(base).devices).toEqual({ others: false, standby: [] })
    const bad = [
      { others: 'yes', standby: [] },
      { others: true, standby: [{ spaceId: ALPHA_SPACE, rank: 0 }] },
      { others: true, standby: [{ spaceId: '../x', rank: 1 }] },
      { others: true, standby: [{ spaceId: ALPHA_SPACE, rank: 1 }, { spaceId: ALPHA_SPACE, rank: 2 }] },
      { others: true, standby: Array.from({ length: 501 }, (_, i) => ({ spaceId: `s${i}`, rank: 1 })) }
    ]
    for (const devices of bad) expect(ReminderSchedule.safeParse({ ...base, devices }).success).toBe(false)
    expect(eventContract['reminders:shown'].safeParse({ shown: [{ id: 'c:x', startsAt: SYNC_UP, shownAt: DUE }] }).success).toBe(true)
    expect(eventContract['reminders:shown'].safeParse({ shown: [{ id: 'c:x', startsAt: 5, shownAt: DUE }] }).success).toBe(false)
  })

  it('writes reports into the meeting’s space under this member, and reads only the other devices’ ones', () => {
    const doc = new Y.Doc()
    const presence = { of: () => [], subscribe: () => () => {} }
    const mine = new ReminderDevices({ presence, now: () => SYNC_UP, log: { warn: () => {} } })
    mine.setIdentity(ME, 'dev-a')
    mine.add(ALPHA_SPACE, doc)
    mine.report([{ id: 'c:x', startsAt: SYNC_UP, shownAt: DUE }, { id: 'c:nowhere', startsAt: SYNC_UP, shownAt: DUE }], (id) => (id === 'c:x' ? ALPHA_SPACE : 'absent-space'))
    expect(collection(doc, SHOWN).get(`${ME}:dev-a`)).toMatchObject({ memberId: ME, device: 'dev-a', shown: { [`c:x@${SYNC_UP}`]: DUE } })
    expect(mine.facts().shownElsewhere).toEqual([])
    // a removed record (a peer's removal) comes back with the next report
    collection(doc, SHOWN).remove(`${ME}:dev-a`)
    mine.report([{ id: 'c:x', startsAt: SYNC_UP, shownAt: DUE }], () => ALPHA_SPACE)
    expect(collection(doc, SHOWN).get(`${ME}:dev-a`)?.shown).toEqual({ [`c:x@${SYNC_UP}`]: DUE })
    const other = new ReminderDevices({ presence, now: () => SYNC_UP, log: { warn: () => {} } })
    other.setIdentity(ME, 'dev-b')
    other.add(ALPHA_SPACE, doc)
    expect(other.facts()).toEqual({ shownElsewhere: [{ id: 'c:x', startsAt: SYNC_UP, shownAt: DUE }], devices: { others: true, standby: [] } })
    // someone else in the space sees it is not theirs
    const bruce = new ReminderDevices({ presence, now: () => SYNC_UP, log: { warn: () => {} } })
    bruce.setIdentity('bruce', 'dev-c')
    bruce.add(ALPHA_SPACE, doc)
    expect(bruce.facts().shownElsewhere).toEqual([])
  })
})

describe('the page’s side', () => {
  it('the publisher sends the devices’ facts with the schedule, and again when they change', async () => {
    const clock = new FakeClock(MONDAY_0900)
    const parts = new SpaceParts()
    parts.set(ALPHA_SPACE, { kind: 'team', spaceId: ALPHA_SPACE, name: 'Alpha', cadence: cadence(), teams: [{ id: ALPHA_SPACE, name: 'Alpha' }], orgSpaceId: null, people: {} })
    const online = [{ id: ME, clientId: 5 }]
    const listeners = new Set<() => void>()
    const doc = new Y.Doc()
    doc.clientID = 9
    const devices = new ReminderDevices({
      presence: { of: () => online, subscribe: (f) => (listeners.add(f), () => listeners.delete(f)) },
      now: () => clock.now(),
      log: { warn: () => {} }
    })
    devices.setIdentity(ME, 'dev-a')
    devices.add(ALPHA_SPACE, doc)
    const sent: ReminderSchedule[] = []
    const publisher = new SchedulePublisher({
      parts,
      devices,
      now: () => clock.now(),
      zone: () => 'Europe/Berlin',
      setTimer: (f, ms) => clock.setTimer(f, ms),
      send: async (schedule) => void sent.push(schedule),
      log: { warn: () => {} }
    })
    publisher.setIdentity(ME)
    publisher.setPreferences(DEFAULT_PREFERENCES)
    publisher.start()
    await clock.advance(1000)
    await publisher.flush()
    expect(sent.at(-1)?.devices).toEqual({ others: true, standby: [{ spaceId: ALPHA_SPACE, rank: 1 }] })
    const syncUp = sent.at(-1)?.entries[0]
    expect(syncUp && publisher.spaceOf(syncUp.id)).toBe(ALPHA_SPACE)
    // the other device leaves and reports a reminder: sent again with both facts
    online.length = 0
    for (const f of listeners) f()
    const other = new ReminderDevices({ presence: { of: () => [], subscribe: () => () => {} }, now: () => clock.now(), log: { warn: () => {} } })
    other.setIdentity(ME, 'dev-b')
    other.add(ALPHA_SPACE, doc)
    other.report([{ id: syncUp!.id, startsAt: syncUp!.startsAt, shownAt: DUE }], () => ALPHA_SPACE)
    await clock.advance(1000)
    await publisher.flush()
    expect(sent.at(-1)?.devices.standby).toEqual([])
    expect(sent.at(-1)?.shownElsewhere).toEqual([{ id: syncUp!.id, startsAt: syncUp!.startsAt, shownAt: DUE }])
    publisher.stop()
  })

  it('web mode’s runner holds for the device ahead, takes its report, and reports what it showed itself', async () => {
    const clock = new FakeClock(MONDAY_0900)
    const shown: string[] = []
    const reported: ShownReminder[][] = []
    const runner = new WebReminderRunner({
      now: () => clock.now(),
      setTimer: (f, ms) => clock.setTimer(f, ms),
      notifications: { granted: () => true, show: (n) => void shown.push(`${wall(clock.now(), 'Europe/Berlin')} ${n.title}`) },
      store: { load: async () => null, save: async () => {} },
      open: () => {},
      log: { warn: () => {} },
      onShown: (s) => void reported.push(s)
    })
    clock.onSettle(() => runner.idle())
    const list = entries()
    const base = { entries: list, preferences: {}, zone: 'Europe/Berlin' }
    await runner.setSchedule(ReminderSchedule.parse({ ...base, devices: { others: true, standby: [{ spaceId: ALPHA_SPACE, rank: 1 }] } }))
    await clock.advanceTo(DUE + 30_000)
    expect(shown).toEqual([])
    // the report of the device ahead arrives: recorded as shown there, never shown here
    await runner.setSchedule(
      ReminderSchedule.parse({ ...base, devices: { others: true, standby: [{ spaceId: ALPHA_SPACE, rank: 1 }] }, shownElsewhere: [{ id: list[0]!.id, startsAt: SYNC_UP, shownAt: DUE + 1000 }] })
    )
    await clock.advanceTo(SYNC_UP)
    expect(shown).toEqual([])
    expect(runner.view().elsewhere).toEqual([`${list[0]!.id}@${SYNC_UP}`])
    // the next day nobody is ahead: it shows Tuesday's itself and reports it
    const tuesday = entries(SYNC_UP + 3_600_000)
    expect(tuesday.map((e) => wall(e.startsAt, 'Europe/Berlin'))).toEqual(['2026-03-24 12:00'])
    await runner.setSchedule(ReminderSchedule.parse({ ...base, entries: tuesday, devices: { others: true, standby: [] } }))
    await clock.advanceTo(tuesday[0]!.startsAt)
    expect(shown).toEqual(['2026-03-24 11:50 Daily sync-up · Alpha'])
    expect(reported).toEqual([[{ id: tuesday[0]!.id, startsAt: tuesday[0]!.startsAt, shownAt: tuesday[0]!.startsAt - 10 * MIN }]])
    runner.stop()
  })

  it('main’s service reports what it showed and lists what the other device showed', async () => {
    const reported: ShownReminder[][] = []
    const h = harness(MONDAY_0900, { onShown: (s) => void reported.push(s) })
    await h.service.start()
    const list = upcomingReminders({
      now: MONDAY_0900,
      zone: 'Europe/Berlin',
      me: ME,
      sprint: [berlinOrg({ memberships: [{ teamId: 'alpha', spaceId: ALPHA_SPACE, role: 'team-member' }] })],
      pairs: [],
      days: 2
    }).entries.filter((e) => e.spaceId === ALPHA_SPACE)
    const [monday, tuesday] = list
    await h.service.setSchedule(
      ReminderSchedule.parse({ entries: list, preferences: {}, zone: 'Europe/Berlin', shownElsewhere: [{ id: monday!.id, startsAt: monday!.startsAt, shownAt: DUE }] })
    )
    await h.clock.advanceTo(SYNC_UP - MIN)
    expect(h.notifier.shown).toEqual([])
    expect(h.service.view().elsewhere).toEqual([`${monday!.id}@${monday!.startsAt}`])
    await h.clock.advanceTo(tuesday!.startsAt - 5 * MIN)
    expect(h.notifier.shown.map((s) => wall(s.at, 'Europe/Berlin'))).toEqual(['2026-03-24 11:50'])
    expect(reported).toEqual([[{ id: tuesday!.id, startsAt: tuesday!.startsAt, shownAt: tuesday!.startsAt - 10 * MIN }]])
  })
})

describe('reports are their person’s own', () => {
  afterEach(() => setSigner(null))
  function person() {
    const keys = newSigningKeys()
    return { deviceId: memberIdOf(keys.publicKey), secretKey: keys.secretKey }
  }

  it('a report is sealed by its person: another member cannot write one, and a forged one silences nothing', async () => {
    const ada = person()
    const ben = person()
    const presence = { of: () => [], subscribe: () => () => {} }
    const laptop = new Y.Doc()
    const desk = new Y.Doc()
    const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
    // Ada's laptop reports a reminder; her desk reads it once the seal is checked
    setSigner(ada)
    const onLaptop = new ReminderDevices({ presence, now: () => SYNC_UP, log: { warn: () => {} } })
    onLaptop.setIdentity(ada.deviceId, 'dev-laptop')
    onLaptop.add(ALPHA_SPACE, laptop)
    onLaptop.report([{ id: 'c:x', startsAt: SYNC_UP, shownAt: DUE }], () => ALPHA_SPACE)
    setSigner(null)
    const onDesk = new ReminderDevices({ presence, now: () => SYNC_UP, log: { warn: () => {} } })
    onDesk.setIdentity(ada.deviceId, 'dev-desk')
    onDesk.add(ALPHA_SPACE, desk)
    sync(laptop, desk)
    await vi.waitFor(() => expect(onDesk.facts().shownElsewhere).toEqual([{ id: 'c:x', startsAt: SYNC_UP, shownAt: DUE }]))
    // Ben, in the same space, cannot report for Ada through the store…
    setSigner(ben)
    const asBen = new ReminderDevices({ presence, now: () => SYNC_UP, log: { warn: () => {} } })
    asBen.setIdentity(ada.deviceId, 'dev-fake')
    asBen.add(ALPHA_SPACE, laptop)
    expect(() => collection(laptop, SHOWN).create({ memberId: ada.deviceId, device: 'dev-fake', shown: {} }, { id: `${ada.deviceId}:dev-fake` })).toThrow(ForeignRecordError)
    setSigner(null)
    // …and one he writes by hand (Ada's old seal on other meetings) is ignored
    const forged = new Y.Doc()
    sync(laptop, forged)
    forged.getMap(`remindersShown::${ada.deviceId}:dev-laptop`).set('shown', { [`c:y@${SYNC_UP}`]: DUE })
    sync(forged, desk)
    const onDeskRecords = collection(desk, SHOWN)
    onDeskRecords.list()
    // judged forged (not merely waiting for its check), and so it silences nothing
    await vi.waitFor(() => expect(onDeskRecords.stats.forged).toBe(1))
    expect(onDesk.facts().shownElsewhere.map((r) => r.id)).not.toContain('c:y')
    // (it overwrote the laptop's real record, whose report is gone with it: at worst a reminder shows twice)
    expect(onDesk.facts().shownElsewhere).toEqual([])
  })
})
