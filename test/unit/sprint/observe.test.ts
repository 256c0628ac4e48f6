import { afterEach, describe, expect, it } from 'vitest'
import { ADA, useFreshDatabase } from '../fixtures/database.ts'
import { countRootScans } from '../fixtures/rootScans.ts'
import * as Y from 'yjs'
import { DexieYProvider } from 'y-dexie'
import { db } from '@core/database/db.ts'
import { collection } from '@core/collections/index.ts'
import { createSpace, joinSpace, observeTeam } from '@core/spaces/commands.ts'
import { newId, newSpaceKey } from '@shared/spaces/key.ts'
import { observeMirrorKey, observeRoomOf, observeSourceOf } from '@shared/spaces/observe.ts'
import { defaultCadenceFields } from '@shared/sprint/cadenceRecords.ts'
import { saveCadenceFields, saveTeamRecord } from '@features/sprint/store/cadenceStore.ts'
import { SYNCUP, TIMERS, OPPORTUNITIES, PEOPLE, TEAMS_RAW, GOALS } from '@features/sprint/store/collections.ts'
import {
  OBSERVE,
  OBSERVE_RECORD,
  copyRootForObservers,
  copySprintForObservers,
  observeKeyOf,
  publishObserveKey,
  setOrgMayObserve
} from '@features/sprint/store/observe.ts'
import { BOARDS, CARDS } from '@features/retro/store/collections.ts'

useFreshDatabase()

const held: Y.Doc[] = []
afterEach(() => {
  for (const doc of held.splice(0)) DexieYProvider.release(doc)
})

describe('what observers read (issue 10 #19)', () => {
  it('copies the sync-up and what its page needs, never a retro board, planning or opportunity', () => {
    const team = new Y.Doc()
    team.getMap('meta').set('name', 'Search')
    team.getMap('meta').set('description', 'team-only notes')
    saveCadenceFields(team, defaultCadenceFields('2026-03-04', 'Europe/Berlin'))
    saveTeamRecord(team, 'search', { name: 'Search' })
    collection(team, PEOPLE).patch('ada', { role: 'engineer' } as never)
    const sprint = new Y.Doc()
    collection(sprint, SYNCUP).patch('2026-03-05|ada', { date: '2026-03-05', memberId: 'ada', today: 'ranking', updatedAt: 1 })
    collection(sprint, TIMERS).patch('2026-03-05', { startedAt: 1, durationMs: 900_000, startedBy: 'ada', pausedAt: null })
    collection(sprint, OPPORTUNITIES).patch('o1', { text: 'flaky deploys' } as never)
    collection(sprint, GOALS).create({ text: 'secret goal' } as never)
    collection(sprint, BOARDS).patch('b1', { title: 'Retro' } as never)
    collection(sprint, CARDS).patch('c1', { text: 'the manager keeps interrupting' } as never)

    const rootCopy = new Y.Doc()
    const sprintCopy = new Y.Doc()
    copyRootForObservers(team, rootCopy)
    copySprintForObservers(sprint, sprintCopy)
    const rootNames = [...rootCopy.share.keys()]
    expect(rootNames.some((n) => n.startsWith('people::'))).toBe(true)
    expect(rootNames.some((n) => n.startsWith('cadence::'))).toBe(true)
    expect(rootCopy.getMap('meta').get('name')).toBe('Search')
    expect(rootCopy.getMap('meta').has('description')).toBe(false)
    expect([...sprintCopy.share.keys()].sort()).toEqual(['syncup::2026-03-05|ada', 'timers::2026-03-05'])
    expect(collection(sprintCopy, SYNCUP).list()[0]?.today).toBe('ranking')
    const everything = JSON.stringify([rootCopy.toJSON(), sprintCopy.toJSON(), Y.encodeStateAsUpdate(sprintCopy).length])
    const source = JSON.stringify([team.toJSON(), sprint.toJSON()])
    for (const secret of ['flaky deploys', 'secret goal', 'the manager keeps interrupting', 'team-only notes']) {
      expect(source).toContain(secret)
      expect(everything).not.toContain(secret)
    }
    // an edit and a removal follow; a pass with nothing new writes nothing
    collection(sprint, SYNCUP).patch('2026-03-05|ada', { blockers: 'none' })
    collection(sprint, TIMERS).clear('2026-03-05')
    copySprintForObservers(sprint, sprintCopy)
    expect(collection(sprintCopy, SYNCUP).get('2026-03-05|ada')?.blockers).toBe('none')
    expect(collection(sprintCopy, TIMERS).get('2026-03-05')).toBeNull()
    let writes = 0
    sprintCopy.on('update', () => writes++)
    copySprintForObservers(sprint, sprintCopy)
    copyRootForObservers(team, rootCopy)
    expect(writes).toBe(0)
  })

  it('copies after a change without walking the document: 20 000 junk root maps cost nothing', () => {
    const team = new Y.Doc()
    team.getMap('meta').set('name', 'Search')
    saveTeamRecord(team, 'search', { name: 'Search' })
    collection(team, PEOPLE).patch('ada', { role: 'engineer' } as never)
    team.transact(() => {
      for (let i = 0; i < 20_000; i++) team.getMap(i % 2 ? `junk-${i}` : `nobody::${i}`).set('x', i)
    })
    const copy = new Y.Doc()
    copyRootForObservers(team, copy)
    const walks = countRootScans(team)
    collection(team, PEOPLE).patch('ada', { timezone: 'Europe/Lisbon' } as never)
    copyRootForObservers(team, copy)
    expect(walks.scans).toBe(0)
    expect(collection(copy, PEOPLE).get('ada')?.timezone).toBe('Europe/Lisbon')
    expect([...copy.share.keys()].filter((n) => n.includes('junk') || n.startsWith('nobody'))).toEqual([])
  })

  it('the org record carries the observe key exactly while the team lets the org observe', async () => {
    const org = new Y.Doc()
    saveTeamRecord(org, 'search', { name: 'Search', spaceId: 'search' })
    const key = newSpaceKey()
    expect(publishObserveKey(org, 'search', key)).toBe(true)
    expect(collection(org, TEAMS_RAW).get('search')?.observeKey).toBe(key)
    expect(publishObserveKey(org, 'search', key)).toBe(false)
    expect(publishObserveKey(org, 'search', null)).toBe(true)
    expect(collection(org, TEAMS_RAW).get('search')).not.toHaveProperty('observeKey')
    // a team the org does not list gets no record
    expect(publishObserveKey(org, 'other', key)).toBe(false)
    expect(collection(org, TEAMS_RAW).get('other')).toBeNull()
  })

  it('is off by default, and each time it is turned on the observe key is new', async () => {
    const team = await createSpace('Search', 'team', ADA)
    const doc = (await db().spaces.get(team))!.doc
    await DexieYProvider.load(doc).whenLoaded
    held.push(doc)
    expect(observeKeyOf(doc)).toBeNull()
    await setOrgMayObserve(team, true)
    const first = observeKeyOf(doc)
    expect(first).toHaveLength(43)
    expect(first).not.toBe((await db().spaces.get(team))!.key)
    await setOrgMayObserve(team, false)
    expect(observeKeyOf(doc)).toBeNull()
    expect(collection(doc, OBSERVE).get(OBSERVE_RECORD)).not.toHaveProperty('key')
    await setOrgMayObserve(team, true)
    expect(observeKeyOf(doc)).not.toBe(first)
  })
})

describe("an observer's copy of a team", () => {
  it('observes with the observe key, gives way to the team when let in, and never replaces a member copy', async () => {
    const teamId = newId()
    const observeKey = newSpaceKey()
    expect(await observeTeam({ spaceId: teamId, name: 'Search', observeKey })).toBe('observing')
    expect(await db().spaces.get(teamId)).toMatchObject({ key: observeKey, access: 'observer', kind: 'team' })
    // a renewed observe key replaces the copy
    const renewed = newSpaceKey()
    await observeTeam({ spaceId: teamId, name: 'Search', observeKey: renewed })
    expect((await db().spaces.get(teamId))?.key).toBe(renewed)
    // let in: the team's invite replaces the observer's copy
    const teamKey = newSpaceKey()
    expect(await joinSpace({ spaceId: teamId, kind: 'team', name: 'Search', key: teamKey }, ADA)).toBe('joined')
    const row = (await db().spaces.get(teamId))!
    expect(row.key).toBe(teamKey)
    expect(row.access).toBeUndefined()
    expect(await observeTeam({ spaceId: teamId, name: 'Search', observeKey: newSpaceKey() })).toBe('member')
    expect((await db().spaces.get(teamId))?.key).toBe(teamKey)
  })

  it('members and observers meet in rooms named by the observe key, never the team’s own', () => {
    const key = newSpaceKey()
    expect(observeSourceOf(observeMirrorKey(''))).toBe('')
    expect(observeSourceOf(observeMirrorKey('sprint/3'))).toBe('sprint/3')
    expect(observeSourceOf('sprint/3')).toBeNull()
    expect(observeRoomOf('t', '', key)).toMatch(/^t#observe:[0-9a-f]{16}$/)
    expect(observeRoomOf('t', 'sprint/3', key)).toMatch(/^t\/sprint\/3#observe:/)
    expect(observeRoomOf('t', '', key)).not.toBe(observeRoomOf('t', '', newSpaceKey()))
  })
})
