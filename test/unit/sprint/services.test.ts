import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { SpaceKind } from '@shared/spaces/space.ts'
import { collection } from '@core/collections/index.ts'
import { initSpaceDoc, upsertSelf } from '@core/spaces/spaceDoc.ts'
import { readSprintSetup, saveCadenceFields, saveOccurrenceOverride, saveTeamCeremony, saveTeamLink, saveTeamRecord } from '@features/sprint/store/cadenceStore.ts'
import { PEOPLE } from '@features/sprint/store/collections.ts'
import { cadenceMirrorService, defaultsService, ensurePersonService, type Device } from '@features/sprint/store/services.ts'
import type { Service, ServiceContext } from '@core/sync/services.ts'
import { defaultCadenceFields } from '@shared/sprint/cadenceRecords.ts'

/**
 * The sprint services with no screen at all: each runs through a small fake of the services host
 * (sync/services.ts) over real Yjs documents, one set per device, the devices' copies of a space
 * wired by their updates as the network would.
 */

const SETTLE_MS = 5
const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

/** One device: the spaces it has (id → root document) and the services it runs. */
class FakeDevice {
  readonly roots = new Map<string, { kind: SpaceKind; doc: Y.Doc }>()
  private readonly spaceListeners = new Set<() => void>()
  pending = 0

  constructor(readonly name: string) {}

  add(id: string, kind: SpaceKind, doc = new Y.Doc()): Y.Doc {
    this.roots.set(id, { kind, doc })
    for (const l of [...this.spaceListeners]) l()
    return doc
  }

  drop(id: string): void {
    this.roots.delete(id)
    for (const l of [...this.spaceListeners]) l()
  }

  doc(id: string): Y.Doc {
    return this.roots.get(id)!.doc
  }

  /** Starts a service for one of this device's spaces, as the host does. */
  start(service: Service, spaceId: string): () => void {
    const space = this.roots.get(spaceId)!
    const ctx: ServiceContext = {
      space: { id: spaceId, kind: space.kind },
      root: space.doc,
      rootOf: (id) => this.roots.get(id)?.doc ?? null,
      retain: () => Promise.reject(new Error('not in these tests')),
      release: () => {},
      onSpacesChanged: (f) => {
        this.spaceListeners.add(f)
        return () => this.spaceListeners.delete(f)
      },
      whenChanged: (docs, f, settleMs = SETTLE_MS) => {
        let timer: ReturnType<typeof setTimeout> | null = null
        const run = () => {
          timer = null
          this.pending--
          f()
        }
        const schedule = () => {
          if (timer) return
          this.pending++
          timer = setTimeout(run, settleMs)
        }
        f()
        for (const d of docs) d.on('update', schedule)
        return () => {
          for (const d of docs) d.off('update', schedule)
          if (timer) {
            clearTimeout(timer)
            run()
          }
        }
      }
    }
    const stop = service.start(ctx)
    stops.push(stop)
    return stop
  }
}

/** Two devices' copies of one space, kept in step by their updates (both ways). */
function wire(a: Y.Doc, b: Y.Doc): () => void {
  const toB = (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(b, u, 'wire')
  const toA = (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(a, u, 'wire')
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'wire')
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'wire')
  a.on('update', toB)
  b.on('update', toA)
  const cut = () => {
    a.off('update', toB)
    b.off('update', toA)
  }
  stops.push(cut)
  return cut
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Waits until no device has a run waiting (and the promises of starting services have settled). */
async function settled(...devices: FakeDevice[]): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await sleep(SETTLE_MS * 3)
    if (devices.every((d) => d.pending === 0)) return
  }
  throw new Error('services never settled')
}

/** Counts the updates written to these documents while `f` runs. */
async function updatesDuring(docs: Y.Doc[], f: () => Promise<void>): Promise<number> {
  let n = 0
  const count = (_u: Uint8Array, origin: unknown) => {
    if (origin !== 'wire') n++
  }
  for (const d of docs) d.on('update', count)
  await f()
  for (const d of docs) d.off('update', count)
  return n
}

function orgAndTeam(device: FakeDevice) {
  const org = device.add('org1', 'org')
  const team = device.add('pay', 'team')
  return { org, team }
}

/** An org with a cadence that lists team 'pay', and the team space linked to it. */
function seed(org: Y.Doc, team: Y.Doc) {
  team.getMap('meta').set('name', 'Payments')
  saveCadenceFields(org, defaultCadenceFields('2026-03-04', 'Europe/Berlin'))
  saveTeamRecord(org, 'pay', { name: 'Payments', spaceId: 'pay' })
  saveTeamLink(team, { orgSpaceId: 'org1', teamId: 'pay' })
}

describe('sprint.cadenceMirror, with no screen open', () => {
  it('copies the cadence both ways after changes; a second run writes nothing', async () => {
    const device = new FakeDevice('ada')
    const { org, team } = orgAndTeam(device)
    seed(org, team)
    saveTeamCeremony(team, 'pay', 'daily-sync-up', { start: '09:30' })
    device.start(cadenceMirrorService(), 'pay')
    await settled(device)
    expect(readSprintSetup(team).composed?.cadence.firstSprintStart).toBe('2026-03-04')
    expect(readSprintSetup(org).composed?.cadence.teams.pay?.ceremonies['daily-sync-up']).toEqual({ start: '09:30' })

    // the org changes its rhythm, the team cancels a meeting: each arrives on the other side
    saveCadenceFields(org, { sprintLengthDays: 7 })
    saveOccurrenceOverride(team, 'team-scrum:pay:2026-03-16', { cancelled: true })
    await settled(device)
    expect(readSprintSetup(team).composed?.cadence.sprintLengthDays).toBe(7)
    expect(readSprintSetup(org).composed?.cadence.occurrences['team-scrum:pay:2026-03-16']).toEqual({ cancelled: true })

    // started again (another session of the app): nothing to write
    const written = await updatesDuring([org, team], async () => {
      device.start(cadenceMirrorService(), 'pay')
      await settled(device)
    })
    expect(written).toBe(0)
  })

  it('starts when the team is linked, and stops when the org space goes', async () => {
    const device = new FakeDevice('ada')
    const { org, team } = orgAndTeam(device)
    saveCadenceFields(org, defaultCadenceFields('2026-03-04', 'Europe/Berlin'))
    saveTeamRecord(org, 'pay', { name: 'Payments', spaceId: 'pay' })
    device.start(cadenceMirrorService(), 'pay')
    await settled(device)
    expect(readSprintSetup(team).composed).toBeNull()
    saveTeamLink(team, { orgSpaceId: 'org1', teamId: 'pay' })
    await settled(device)
    expect(readSprintSetup(team).composed?.cadence.timezone).toBe('Europe/Berlin')

    device.drop('org1')
    saveCadenceFields(org, { sprintLengthDays: 21 })
    await settled(device)
    expect(readSprintSetup(team).composed?.cadence.sprintLengthDays).toBe(14)
  })

  it('leaves a team that follows another org alone', async () => {
    const device = new FakeDevice('ada')
    const { org, team } = orgAndTeam(device)
    seed(org, team)
    saveTeamLink(team, { orgSpaceId: 'another-org' })
    const written = await updatesDuring([org, team], async () => {
      device.start(cadenceMirrorService(), 'pay')
      await settled(device)
    })
    expect(written).toBe(0)
  })

  it('two devices with both spaces mirror at once and converge, without copying back and forth', async () => {
    const ada = new FakeDevice('ada')
    const bo = new FakeDevice('bo')
    const a = orgAndTeam(ada)
    const b = { org: bo.add('org1', 'org'), team: bo.add('pay', 'team') }
    seed(a.org, a.team)
    wire(a.org, b.org)
    wire(a.team, b.team)
    ada.start(cadenceMirrorService(), 'pay')
    bo.start(cadenceMirrorService(), 'pay')
    await settled(ada, bo)

    // at the same moment: Ada changes the org's rhythm, Bo the team's zone and a meeting
    saveCadenceFields(a.org, { sprintLengthDays: 7, holidays: ['2026-04-03'] })
    saveTeamRecord(b.team, 'pay', { timezone: 'America/New_York' })
    saveTeamCeremony(b.team, 'pay', 'team-scrum', { start: '15:00' })
    await settled(ada, bo)
    for (const device of [a, b]) {
      const inTeam = readSprintSetup(device.team).composed!
      const inOrg = readSprintSetup(device.org).composed!
      expect(inTeam.cadence.sprintLengthDays).toBe(7)
      expect(inTeam.cadence.holidays).toEqual(['2026-04-03'])
      expect(inOrg.teams).toEqual([{ id: 'pay', name: 'Payments', timezone: 'America/New_York' }])
      expect(inOrg.cadence.teams.pay?.ceremonies['team-scrum']).toEqual({ start: '15:00' })
    }
    expect(Y.encodeStateVector(a.org)).toEqual(Y.encodeStateVector(b.org))
    expect(Y.encodeStateVector(a.team)).toEqual(Y.encodeStateVector(b.team))

    // quiet: more passes on either device write nothing
    const written = await updatesDuring([a.org, a.team, b.org, b.team], async () => {
      ada.start(cadenceMirrorService(), 'pay')
      bo.start(cadenceMirrorService(), 'pay')
      await settled(ada, bo)
    })
    expect(written).toBe(0)
  })

  it('a team-only device and an org-only device meet through a device that has both', async () => {
    const ada = new FakeDevice('ada') // both spaces, no screen
    const bo = new FakeDevice('bo') // the org only
    const cy = new FakeDevice('cy') // the team only
    const a = orgAndTeam(ada)
    seed(a.org, a.team)
    const boOrg = bo.add('org1', 'org')
    const cyTeam = cy.add('pay', 'team')
    wire(a.org, boOrg)
    wire(a.team, cyTeam)
    ada.start(cadenceMirrorService(), 'pay')
    cy.start(cadenceMirrorService(), 'pay') // runs, but has no org here
    await settled(ada, bo, cy)
    saveCadenceFields(boOrg, { sprintLengthDays: 21 })
    saveTeamCeremony(cyTeam, 'pay', 'daily-sync-up', { start: '10:15' })
    await settled(ada, bo, cy)
    expect(readSprintSetup(cyTeam).composed?.cadence.sprintLengthDays).toBe(21)
    expect(readSprintSetup(boOrg).composed?.cadence.teams.pay?.ceremonies['daily-sync-up']).toEqual({ start: '10:15' })
  })
})

const device = (memberId: string | null): Device => ({
  memberId: () => Promise.resolve(memberId),
  zone: () => 'Europe/Lisbon',
  now: () => Date.parse('2026-03-05T12:00:00Z')
})

function createdBy(doc: Y.Doc, kind: SpaceKind, by: string) {
  initSpaceDoc(doc, { name: 'Space', kind, createdBy: by, now: 1 })
}

describe('sprint.defaults, with no screen open', () => {
  it('gives a new team of its creator the default cadence, once', async () => {
    const ada = new FakeDevice('ada')
    const team = ada.add('pay', 'team')
    createdBy(team, 'team', 'ada')
    ada.start(defaultsService(device('ada'), 0), 'pay')
    await settled(ada)
    const cadence = readSprintSetup(team).composed?.cadence
    expect(cadence).toMatchObject({ timezone: 'Europe/Lisbon', firstSprintStart: '2026-03-04', sprintLengthDays: 14 })
    const written = await updatesDuring([team], async () => {
      ada.start(defaultsService(device('ada'), 0), 'pay')
      saveTeamRecord(team, 'pay', { timezone: 'Asia/Tokyo' }) // any later change: still nothing to fill in
      await settled(ada)
    })
    expect(written).toBe(1)
  })

  it('does nothing on another member’s device, for a team that follows an org, or before a name is chosen', async () => {
    const bo = new FakeDevice('bo')
    const team = bo.add('pay', 'team')
    const linked = bo.add('search', 'team')
    const org = bo.add('org1', 'org')
    createdBy(team, 'team', 'ada')
    createdBy(linked, 'team', 'bo')
    saveTeamLink(linked, { orgSpaceId: 'org1' })
    createdBy(org, 'org', 'bo')
    const written = await updatesDuring([team, linked, org], async () => {
      bo.start(defaultsService(device('bo'), 0), 'pay')
      bo.start(defaultsService(device('bo'), 0), 'search')
      bo.start(defaultsService(device(null), 0), 'org1')
      await settled(bo)
    })
    expect(written).toBe(0)
    // the org's creator, once it knows who it is
    bo.start(defaultsService(device('bo'), 0), 'org1')
    await settled(bo)
    expect(readSprintSetup(org).hasCadence).toBe(true)
  })

  it('waits a moment first, so a team linked right after it was created takes its org’s rhythm', async () => {
    const ada = new FakeDevice('ada')
    const team = ada.add('pay', 'team')
    createdBy(team, 'team', 'ada')
    ada.start(defaultsService(device('ada'), 30), 'pay')
    saveTeamLink(team, { orgSpaceId: 'org1', teamId: 'pay' })
    await sleep(60)
    await settled(ada)
    expect(readSprintSetup(team).hasCadence).toBe(false)
  })
})

describe('sprint.ensurePerson, with no screen open', () => {
  it('gives each member their first people record on their own device; the devices converge and then stay quiet', async () => {
    const ada = new FakeDevice('ada')
    const bo = new FakeDevice('bo')
    const a = ada.add('pay', 'team')
    const b = bo.add('pay', 'team')
    createdBy(a, 'team', 'ada')
    upsertSelf(a, { id: 'ada', name: 'Ada', color: '#123456' }, 1)
    wire(a, b)
    ada.start(ensurePersonService(device('ada')), 'pay')
    bo.start(ensurePersonService(device('bo')), 'pay')
    await settled(ada, bo)
    expect(collection(b, PEOPLE).list().map((p) => p.id)).toEqual(['ada']) // Bo is not a member yet
    upsertSelf(b, { id: 'bo', name: 'Bo', color: '#654321' }, 2)
    await settled(ada, bo)
    for (const doc of [a, b]) {
      expect(collection(doc, PEOPLE).list().map((p) => [p.id, p.timezone, p.workStart])).toEqual([
        ['ada', 'Europe/Lisbon', '09:00'],
        ['bo', 'Europe/Lisbon', '09:00']
      ])
    }
    // Ada's own settings stay hers; nothing more is written
    collection(a, PEOPLE).patch('ada', { workStart: '07:00' })
    const written = await updatesDuring([a, b], async () => {
      ada.start(ensurePersonService(device('ada')), 'pay')
      bo.start(ensurePersonService(device('bo')), 'pay')
      await settled(ada, bo)
    })
    expect(written).toBe(0)
    expect(collection(b, PEOPLE).get('ada')?.workStart).toBe('07:00')
  })

  it('writes nothing for a member who left', async () => {
    const ada = new FakeDevice('ada')
    const team = ada.add('pay', 'team')
    upsertSelf(team, { id: 'ada', name: 'Ada', color: '#123456' }, 1, 5)
    const written = await updatesDuring([team], async () => {
      ada.start(ensurePersonService(device('ada')), 'pay')
      await settled(ada)
    })
    expect(written).toBe(0)
  })
})
