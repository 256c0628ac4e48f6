import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collection } from '@core/collections/index.ts'
import type { DraftCardRow } from '@core/database/db.ts'
import { CARDS, BOARDS, LATE_TICKETS } from '@features/retro/store/collections.ts'
import type { DraftSource } from '@features/retro/store/localCards.ts'
import { readLateTickets, saveRetroSettings } from '@features/retro/store/lateTickets.ts'
import { importOpportunitiesService, orgShareService, publishDraftsService, retroServices } from '@features/retro/store/services.ts'
import { readSprintSetup, saveCadenceFields } from '@features/sprint/store/cadenceStore.ts'
import { logOpportunity } from '@features/sprint/store/retroInbox.ts'
import type { Service, ServiceContext } from '@core/sync/services.ts'
import { newBoard } from '@shared/retro/board.ts'
import { LateTicketFields } from '@shared/retro/lateTickets.ts'
import { movePhase } from '@shared/retro/phases.ts'
import type { SpaceKind } from '@shared/spaces/space.ts'
import { defaultCadenceFields } from '@shared/sprint/cadenceRecords.ts'
import { sprintAt } from '@shared/sprint/schedule.ts'
import { T0 } from './fixtures.ts'

/**
 * The retro services with no screen at all: each runs through a small fake of the services host
 * (sync/services.ts) over real Yjs documents, one set per device; two devices' copies of a
 * document are wired by their updates as the network would, and can be held apart.
 */

const SETTLE_MS = 5
const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

const tick = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS * 4))
/** Waits until no run is pending and no update is in flight. */
async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) await tick()
}

class FakeDevice {
  readonly roots = new Map<string, { kind: SpaceKind; doc: Y.Doc }>()
  /** a space's other documents, `<spaceId>/<key>` */
  readonly docs = new Map<string, Y.Doc>()
  /** how many times each `<spaceId>/<key>` is retained right now */
  readonly retained = new Map<string, number>()
  private readonly spaceListeners = new Set<() => void>()

  constructor(readonly name: string) {}

  add(id: string, kind: SpaceKind, doc = new Y.Doc()): Y.Doc {
    this.roots.set(id, { kind, doc })
    for (const l of [...this.spaceListeners]) l()
    return doc
  }

  root(id: string): Y.Doc {
    return this.roots.get(id)!.doc
  }

  doc(spaceId: string, key: string): Y.Doc {
    const id = `${spaceId}/${key}`
    let doc = this.docs.get(id)
    if (!doc) this.docs.set(id, (doc = new Y.Doc()))
    return doc
  }

  held(spaceId: string): string[] {
    return [...this.retained].filter(([id, n]) => n > 0 && id.startsWith(`${spaceId}/`)).map(([id]) => id.slice(spaceId.length + 1)).sort()
  }

  /** Starts a service for one of this device's spaces, as the host does. */
  start(service: Service, spaceId: string): () => void {
    const space = this.roots.get(spaceId)!
    const mine = new Set<string>()
    const count = (key: string, by: number) => {
      const id = `${spaceId}/${key}`
      this.retained.set(id, (this.retained.get(id) ?? 0) + by)
    }
    const ctx: ServiceContext = {
      space: { id: spaceId, kind: space.kind },
      root: space.doc,
      rootOf: (id) => this.roots.get(id)?.doc ?? null,
      retain: async (key) => {
        await Promise.resolve()
        if (mine.has(key)) count(key, -1)
        mine.add(key)
        count(key, 1)
        return this.doc(spaceId, key)
      },
      release: (key) => {
        if (mine.delete(key)) count(key, -1)
      },
      onSpacesChanged: (f) => {
        this.spaceListeners.add(f)
        return () => this.spaceListeners.delete(f)
      },
      whenChanged: (docs, f, settleMs = SETTLE_MS) => {
        let timer: ReturnType<typeof setTimeout> | null = null
        const run = () => {
          timer = null
          f()
        }
        const schedule = () => {
          timer ??= setTimeout(run, settleMs)
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
    const all = () => {
      stop()
      for (const key of mine) count(key, -1)
      mine.clear()
    }
    stops.push(all)
    return all
  }
}

/** Two devices' copies of one document, exchanging updates while connected. */
function wire(a: Y.Doc, b: Y.Doc, connected = true) {
  let on = connected
  const pass = (from: Y.Doc, to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (on && origin !== 'wire') Y.applyUpdate(to, update, 'wire')
  }
  a.on('update', pass(a, b))
  b.on('update', pass(b, a))
  const catchUp = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'wire')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'wire')
  }
  if (on) catchUp()
  return {
    connect() {
      on = true
      catchUp()
    },
    disconnect() {
      on = false
    }
  }
}

/** Counts the updates a document emits from now on (what a device would send to its peers). */
function updatesOf(...docs: Y.Doc[]): () => number {
  let n = 0
  for (const d of docs) d.on('update', (_u: Uint8Array, origin: unknown) => origin !== 'wire' && n++)
  return () => n
}

const TEAM = 'team-alpha'
const ORG = 'org-acme'

const ticket = (key: string) =>
  LateTicketFields.parse({ key, expected: { value: 2, unit: 'days' }, actual: { value: 5, unit: 'days' }, reasonId: 'dependency', sprint: 4, teamId: TEAM, teamName: 'Alpha' })

describe('retro.orgShare', () => {
  it('copies a sharing team’s late tickets into the org with no screen open, takes them out when sharing stops; a second run writes nothing', async () => {
    const device = new FakeDevice('ana')
    const team = device.add(TEAM, 'team')
    const org = device.add(ORG, 'org')
    collection(team, LATE_TICKETS).patch('t1', ticket('ENG-1'))
    saveRetroSettings(team, { shareWithOrg: true, orgSpaceId: ORG })
    const stop = device.start(orgShareService, TEAM)
    await settle()
    expect(readLateTickets(org).map((t) => [t.id, t.key])).toEqual([[`${TEAM}:t1`, 'ENG-1']])

    collection(team, LATE_TICKETS).patch('t2', ticket('ENG-2'))
    await settle()
    expect(readLateTickets(org).map((t) => t.key).sort()).toEqual(['ENG-1', 'ENG-2'])

    stop()
    const writes = updatesOf(org, team)
    device.start(orgShareService, TEAM)
    await settle()
    expect(writes()).toBe(0)

    saveRetroSettings(team, { shareWithOrg: false })
    await settle()
    expect(readLateTickets(org)).toEqual([])
  })

  it('starts copying when the org space arrives on the device', async () => {
    const device = new FakeDevice('ana')
    const team = device.add(TEAM, 'team')
    collection(team, LATE_TICKETS).patch('t1', ticket('ENG-1'))
    saveRetroSettings(team, { shareWithOrg: true, orgSpaceId: ORG })
    device.start(orgShareService, TEAM)
    await settle()
    const org = device.add(ORG, 'org')
    await settle()
    expect(readLateTickets(org).map((t) => t.key)).toEqual(['ENG-1'])
  })

  it('two devices with both spaces copy at once and converge, then stay quiet', async () => {
    const [a, b] = [new FakeDevice('ana'), new FakeDevice('ben')]
    for (const d of [a, b]) {
      d.add(TEAM, 'team')
      d.add(ORG, 'org')
    }
    wire(a.root(TEAM), b.root(TEAM))
    const orgs = wire(a.root(ORG), b.root(ORG), false)
    collection(a.root(TEAM), LATE_TICKETS).patch('t1', ticket('ENG-1'))
    collection(b.root(TEAM), LATE_TICKETS).patch('t2', ticket('ENG-2'))
    saveRetroSettings(a.root(TEAM), { shareWithOrg: true, orgSpaceId: ORG })
    a.start(orgShareService, TEAM)
    b.start(orgShareService, TEAM)
    await settle()
    // each device wrote the copies into its own copy of the org, apart; now they meet
    orgs.connect()
    await settle()
    const shown = (d: FakeDevice) => readLateTickets(d.root(ORG)).map((t) => `${t.id}=${t.key}`).sort()
    expect(shown(a)).toEqual([`${TEAM}:t1=ENG-1`, `${TEAM}:t2=ENG-2`])
    expect(shown(b)).toEqual(shown(a))
    const writes = updatesOf(a.root(ORG), b.root(ORG))
    collection(a.root(TEAM), LATE_TICKETS).patch('t3', ticket('ENG-3'))
    await settle()
    expect(shown(b)).toContain(`${TEAM}:t3=ENG-3`)
    expect(writes()).toBeLessThanOrEqual(2) // t3 copied (by one device or, at the same moment, both); no echo
    const quiet = updatesOf(a.root(ORG), b.root(ORG), a.root(TEAM), b.root(TEAM))
    await settle()
    expect(quiet()).toBe(0)
  })

  it('does not take an org’s copies out on a device that has not received the team’s settings yet', async () => {
    const device = new FakeDevice('cy')
    device.add(TEAM, 'team') // joined, nothing synced yet
    const org = device.add(ORG, 'org')
    collection(org, LATE_TICKETS).patch(`${TEAM}:t1`, ticket('ENG-1'))
    device.start(orgShareService, TEAM)
    await settle()
    expect(readLateTickets(org).map((t) => t.key)).toEqual(['ENG-1'])
  })
})

/** This device's drafts, in memory (the app's are a Dexie table: localCards.ts). */
class MemoryDrafts implements DraftSource {
  rows: DraftCardRow[] = []
  private readonly listeners = new Set<() => void>()
  constructor(private readonly me: string) {}
  put(row: DraftCardRow) {
    this.rows.push(row)
    this.tell()
  }
  watch(spaceId: string, f: (byBoard: ReadonlyMap<string, readonly DraftCardRow[]>) => void) {
    const emit = () => {
      const byBoard = new Map<string, DraftCardRow[]>()
      for (const r of this.rows.filter((r) => r.boardId.startsWith(`${spaceId}/`))) byBoard.set(r.boardId, [...(byBoard.get(r.boardId) ?? []), r])
      f(byBoard)
    }
    this.listeners.add(emit)
    queueMicrotask(emit)
    return () => this.listeners.delete(emit)
  }
  remove(ids: readonly string[]) {
    this.rows = this.rows.filter((r) => !ids.includes(r.id))
    this.tell()
    return Promise.resolve()
  }
  meId() {
    return Promise.resolve(this.me)
  }
  private tell() {
    queueMicrotask(() => {
      for (const l of [...this.listeners]) l()
    })
  }
}

const SPRINT = 4
const BOARD_KEY = `sprint/${SPRINT}`
const boardDocId = `${TEAM}/${BOARD_KEY}`

function putBoard(doc: Y.Doc, options: { anonymous?: boolean } = {}) {
  const { id, ...fields } = newBoard({ teamId: TEAM, teamName: 'Alpha', sprint: SPRINT, createdBy: 'ana', createdAt: T0, template: 'start-stop-continue', ...options })
  collection(doc, BOARDS).patch(id, fields)
  return id
}

function moveTo(doc: Y.Doc, boardId: string, to: 'reveal') {
  const board = collection(doc, BOARDS).get(boardId)!
  const moved = movePhase(board.flow, 'ana', to, T0 + 10)
  if (!moved.ok) throw new Error(moved.error)
  collection(doc, BOARDS).patch(boardId, { flow: moved.flow })
}

const draft = (id: string, text: string, anonymous = false): DraftCardRow => ({ id, boardId: boardDocId, columnId: 'start', text, anonymous, createdAt: T0 + 1 })

describe('retro.publishDrafts', () => {
  it('holds the board’s document while drafts wait, publishes them at reveal with no screen open, then lets it go', async () => {
    const device = new FakeDevice('ben')
    device.add(TEAM, 'team')
    const boardDoc = device.doc(TEAM, BOARD_KEY)
    const boardId = putBoard(boardDoc)
    const drafts = new MemoryDrafts('ben')
    drafts.put(draft('d1', 'Ship smaller'))
    drafts.put(draft('d2', 'Nobody reads the wiki', true))
    device.start(publishDraftsService(drafts), TEAM)
    await settle()
    expect(device.held(TEAM)).toEqual([BOARD_KEY])
    expect(collection(boardDoc, CARDS).list()).toEqual([]) // still the write phase: nobody else sees them

    moveTo(boardDoc, boardId, 'reveal') // the facilitator, on another device
    await settle()
    const cards = collection(boardDoc, CARDS)
    expect(cards.get('d1')).toMatchObject({ text: 'Ship smaller', authorId: 'ben' })
    expect(cards.get('d2')).toMatchObject({ text: 'Nobody reads the wiki' })
    expect(cards.get('d2')!.authorId).toBeUndefined()
    expect(drafts.rows).toEqual([])
    expect(device.held(TEAM)).toEqual([])
  })

  it('a second run writes nothing: a draft already in the document (a crash before its row went) is only forgotten', async () => {
    const device = new FakeDevice('ben')
    device.add(TEAM, 'team')
    const boardDoc = device.doc(TEAM, BOARD_KEY)
    const boardId = putBoard(boardDoc)
    moveTo(boardDoc, boardId, 'reveal')
    const drafts = new MemoryDrafts('ben')
    drafts.put(draft('d1', 'Ship smaller'))
    device.start(publishDraftsService(drafts), TEAM)
    await settle()
    expect(collection(boardDoc, CARDS).get('d1')).not.toBeNull()
    drafts.put(draft('d1', 'Ship smaller'))
    const writes = updatesOf(boardDoc)
    await settle()
    expect(writes()).toBe(0)
    expect(drafts.rows).toEqual([])
  })

  it('two devices publish their own drafts at once and converge', async () => {
    const [a, b] = [new FakeDevice('ana'), new FakeDevice('ben')]
    for (const d of [a, b]) d.add(TEAM, 'team')
    const link = wire(a.doc(TEAM, BOARD_KEY), b.doc(TEAM, BOARD_KEY))
    const boardId = putBoard(a.doc(TEAM, BOARD_KEY), { anonymous: true })
    const [da, db] = [new MemoryDrafts('ana'), new MemoryDrafts('ben')]
    da.put(draft('a1', 'From Ana'))
    db.put(draft('b1', 'From Ben'))
    db.put(draft('b2', 'Also from Ben'))
    a.start(publishDraftsService(da), TEAM)
    b.start(publishDraftsService(db), TEAM)
    await settle()
    moveTo(a.doc(TEAM, BOARD_KEY), boardId, 'reveal')
    link.connect()
    await settle()
    const texts = (d: FakeDevice) => collection(d.doc(TEAM, BOARD_KEY), CARDS).list().map((c) => c.text).sort()
    expect(texts(a)).toEqual(['Also from Ben', 'From Ana', 'From Ben'])
    expect(texts(b)).toEqual(texts(a))
    expect([da.rows, db.rows]).toEqual([[], []])
  })
})

describe('retro.importOpportunities', () => {
  const NOW = new Date('2026-03-05T12:00:00Z')
  function teamWithCadence(device: FakeDevice): { team: Y.Doc; current: number } {
    const team = device.add(TEAM, 'team')
    saveCadenceFields(team, defaultCadenceFields('2026-01-07', 'UTC'))
    const current = sprintAt(readSprintSetup(team).composed!.cadence, NOW)!
    return { team, current }
  }
  const boardOf = (doc: Y.Doc, sprint: number) => {
    const { id, ...fields } = newBoard({ teamId: TEAM, teamName: 'Alpha', sprint, createdBy: 'ana', createdAt: T0, template: 'start-stop-continue' })
    collection(doc, BOARDS).patch(id, fields)
    return collection(doc, BOARDS).get(id)!
  }

  it('keeps the current and previous sprints synced and puts their opportunities on their boards with no screen open; a second run writes nothing', async () => {
    const device = new FakeDevice('ana')
    const { current } = teamWithCadence(device)
    expect(current).toBeGreaterThan(1)
    const now = device.doc(TEAM, `sprint/${current}`)
    const previous = device.doc(TEAM, `sprint/${current - 1}`)
    const board = boardOf(previous, current - 1) // the retro of the sprint that just ended
    logOpportunity(previous, { text: 'Flaky CI blocks merges', author: { id: 'ben', name: 'Ben' }, date: '2026-03-02' })
    logOpportunity(now, { text: 'No board yet for this one', author: { id: 'ben', name: 'Ben' }, date: '2026-03-05' })
    const stop = device.start(importOpportunitiesService(() => NOW), TEAM)
    await settle()
    expect(device.held(TEAM)).toEqual([`sprint/${current - 1}`, `sprint/${current}`].sort())
    const cards = collection(previous, CARDS).list()
    expect(cards.map((c) => [c.text, c.columnId, c.source?.kind])).toEqual([['Flaky CI blocks merges', board.layout.inboxColumnId, 'syncup']])
    expect(collection(now, CARDS).list()).toEqual([])

    // an opportunity logged later, on the same sprint
    logOpportunity(previous, { text: 'Release notes are late', author: { id: 'cy', name: 'Cy' }, date: '2026-03-03' })
    await settle()
    expect(collection(previous, CARDS).list()).toHaveLength(2)

    stop()
    expect(device.held(TEAM)).toEqual([])
    const writes = updatesOf(previous, now)
    device.start(importOpportunitiesService(() => NOW), TEAM)
    await settle()
    expect(writes()).toBe(0)
  })

  it('two devices importing at once write one card per opportunity', async () => {
    const [a, b] = [new FakeDevice('ana'), new FakeDevice('ben')]
    const { current } = teamWithCadence(a)
    teamWithCadence(b)
    const key = `sprint/${current}`
    const link = wire(a.doc(TEAM, key), b.doc(TEAM, key))
    boardOf(a.doc(TEAM, key), current)
    logOpportunity(a.doc(TEAM, key), { text: 'Flaky CI', author: { id: 'ana', name: 'Ana' }, date: '2026-03-04' })
    // both have board and opportunity; apart, both import
    link.disconnect()
    a.start(importOpportunitiesService(() => NOW), TEAM)
    b.start(importOpportunitiesService(() => NOW), TEAM)
    await settle()
    expect(collection(a.doc(TEAM, key), CARDS).list()).toHaveLength(1)
    expect(collection(b.doc(TEAM, key), CARDS).list()).toHaveLength(1)
    link.connect()
    await settle()
    const cards = (d: FakeDevice) => collection(d.doc(TEAM, key), CARDS).list()
    expect(cards(a)).toHaveLength(1)
    expect(cards(b)).toEqual(cards(a))
    const quiet = updatesOf(a.doc(TEAM, key), b.doc(TEAM, key))
    await settle()
    expect(quiet()).toBe(0)
  })
})

describe('the retro services', () => {
  it('are the three replication services, for team spaces', () => {
    expect(retroServices.map((s) => [s.name, s.kinds])).toEqual([
      ['retro.orgShare', ['team']],
      ['retro.publishDrafts', ['team']],
      ['retro.importOpportunities', ['team']]
    ])
  })
})
