import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addTickets, backlogCommands } from '@features/sprint/store/backlog.ts'
import { saveTeamLink } from '@features/sprint/store/cadenceStore.ts'
import { LESS_ASSIGNED, POKER_ROUNDS, POKER_VOTES } from '@features/sprint/store/collections.ts'
import type { VoteSource } from '@features/sprint/store/localVotes.ts'
import { backlogMirrorService, publishVotesService } from '@features/sprint/store/services.ts'
import { roundId, voteId } from '@shared/less/poker.ts'
import type { SpaceKind } from '@shared/spaces/space.ts'
import { collection } from '@core/collections/index.ts'
import type { PokerVoteRow } from '@core/database/db.ts'
import type { Service, ServiceContext } from '@core/sync/services.ts'

/** The LeSS services through a small fake of the services host, over real Yjs documents. */
const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})
const settle = () => new Promise((r) => setTimeout(r, 30))

function host(spaces: Map<string, { kind: SpaceKind; doc: Y.Doc }>, others: Map<string, Y.Doc> = new Map()) {
  const listeners = new Set<() => void>()
  const start = (service: Service, spaceId: string) => {
    const space = spaces.get(spaceId)!
    const ctx: ServiceContext = {
      space: { id: spaceId, kind: space.kind },
      root: space.doc,
      rootOf: (id) => spaces.get(id)?.doc ?? null,
      retain: async (key) => {
        let doc = others.get(key)
        if (!doc) others.set(key, (doc = new Y.Doc()))
        return doc
      },
      release: () => {},
      onSpacesChanged: (f) => {
        listeners.add(f)
        return () => listeners.delete(f)
      },
      whenChanged: (docs, f) => {
        let timer: ReturnType<typeof setTimeout> | null = null
        const schedule = () => {
          timer ??= setTimeout(() => {
            timer = null
            f()
          }, 5)
        }
        f()
        for (const d of docs) d.on('update', schedule)
        return () => {
          if (timer) clearTimeout(timer)
          for (const d of docs) d.off('update', schedule)
        }
      }
    }
    stops.push(service.start(ctx))
  }
  return { start, spacesChanged: () => [...listeners].forEach((l) => l()) }
}

describe('sprint.backlogMirror', () => {
  it('a lead who was away during division planning carries the team’s tickets over once the org arrives', async () => {
    const team = new Y.Doc()
    saveTeamLink(team, { orgSpaceId: 'org', teamId: 'red' })
    const spaces = new Map<string, { kind: SpaceKind; doc: Y.Doc }>([['red', { kind: 'team', doc: team }]])
    const device = host(spaces)
    device.start(backlogMirrorService(), 'red')
    await settle()
    expect(collection(team, LESS_ASSIGNED).list()).toEqual([])

    // meanwhile, on other machines: the org's backlog
    const org = new Y.Doc()
    addTickets(org, [{ key: 'A-1', title: 'One' }, { key: 'A-2', title: 'Two' }], 'pasted', { id: 'pm', name: 'Pia' })
    backlogCommands(org).assign('A-1', 'red')
    backlogCommands(org).selectFor('A-1', 3)
    // the lead's device gets the org space
    spaces.set('org', { kind: 'org', doc: org })
    device.spacesChanged()
    await settle()
    expect(collection(team, LESS_ASSIGNED).list().map((t) => [t.id, t.forSprint])).toEqual([['A-1', 3]])
    // and follows later changes
    backlogCommands(org).assign('A-2', 'red')
    await settle()
    expect(collection(team, LESS_ASSIGNED).list().map((t) => t.id)).toEqual(['A-1', 'A-2'])
  })
})

describe('sprint.publishVotes', () => {
  it('keeps the scrum open while a vote waits and publishes it once the round is revealed', async () => {
    const team = new Y.Doc()
    const scrum = new Y.Doc()
    const spaces = new Map<string, { kind: SpaceKind; doc: Y.Doc }>([['red', { kind: 'team', doc: team }]])
    let rows: PokerVoteRow[] = [{ id: 'red/scrum/3|A-1#1', docId: 'red/scrum/3', spaceId: 'red', ticketId: 'A-1', round: 1, value: '8', votedAt: 1 }]
    let watcher: ((rows: readonly PokerVoteRow[]) => void) | null = null
    const source: VoteSource = {
      watch: (_spaceId, f) => {
        watcher = f
        f(rows)
        return () => (watcher = null)
      },
      remove: async (ids) => {
        rows = rows.filter((r) => !ids.includes(r.id))
        watcher?.(rows)
      },
      meId: async () => 'ana'
    }
    collection(scrum, POKER_ROUNDS).patch(roundId('A-1', 1), { ticketId: 'A-1', round: 1, scale: 'fibonacci', custom: [], startedAt: 1 })
    host(spaces, new Map([['scrum/3', scrum]])).start(publishVotesService(source), 'red')
    await settle()
    expect(collection(scrum, POKER_VOTES).list()).toEqual([])
    expect(rows).toHaveLength(1)
    collection(scrum, POKER_ROUNDS).patch(roundId('A-1', 1), { revealed: true })
    await settle()
    expect(collection(scrum, POKER_VOTES).get(voteId('A-1', 1, 'ana'))).toMatchObject({ value: '8' })
    expect(rows).toEqual([])
  })
})
