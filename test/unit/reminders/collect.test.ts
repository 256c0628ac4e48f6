import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { composeSources } from '@shared/reminders/sources.ts'
import { upcomingReminders } from '@shared/reminders/upcoming.ts'
import { initSpaceDoc } from '@core/spaces/spaceDoc.ts'
import type { ServiceContext } from '@core/sync/services.ts'
import { setUpDefaultCadence, saveTeamLink } from '../../../renderer/src/features/sprint/store/cadenceStore.ts'
import { savePerson } from '../../../renderer/src/features/sprint/store/people.ts'
import { patchPairInfo } from '../../../renderer/src/features/mentorship/store/pair.ts'
import { addSession } from '../../../renderer/src/features/mentorship/store/sessions.ts'
import { collectService, readSprintPart } from '../../../renderer/src/features/reminders/store/services.ts'
import { SpaceParts } from '../../../renderer/src/features/reminders/store/parts.ts'
import { ME, at, wall } from './fixtures.ts'

/**
 * `reminders.collect` on real Yjs documents written through the sprint and mentorship stores: what
 * it reads, that it follows edits, and that a stopped space leaves. The services host is faked:
 * `whenChanged` runs at once and again on each update (the real one waits 200 ms for a burst).
 */
const NOW = at('2026-03-23T08:00:00Z') // Monday 09:00 in Berlin

function context(id: string, kind: 'org' | 'team' | 'pair', root: Y.Doc, docs: Record<string, Y.Doc> = {}): ServiceContext & { released: string[] } {
  const released: string[] = []
  return {
    space: { id, kind },
    root,
    rootOf: () => null,
    retain: async (key) => docs[key] ?? new Y.Doc(),
    release: (key) => void released.push(key),
    onSpacesChanged: () => () => {},
    whenChanged: (list, f) => {
      f()
      for (const d of list) d.on('update', f)
      return () => list.forEach((d) => d.off('update', f))
    },
    released
  }
}

function teamDoc(name: string): Y.Doc {
  const doc = new Y.Doc()
  initSpaceDoc(doc, { name, kind: 'team', createdBy: ME, now: NOW })
  setUpDefaultCadence(doc, '2026-03-23', 'Europe/Berlin')
  return doc
}

describe('reminders.collect', () => {
  it('reads a team space: its cadence, itself as a team (before its own record exists), the people’s roles, its org', () => {
    const doc = teamDoc('Alpha')
    savePerson(doc, ME, { role: 'team-lead' })
    saveTeamLink(doc, { orgSpaceId: 'org0000000000000a', teamId: 'alphaSpace' })
    const part = readSprintPart({ space: { id: 'alphaSpace', kind: 'team' }, root: doc })
    expect(part).toMatchObject({ kind: 'team', spaceId: 'alphaSpace', name: 'Alpha', orgSpaceId: 'org0000000000000a', teams: [{ id: 'alphaSpace', name: 'Alpha' }] })
    expect(part.kind === 'team' && part.people[ME]).toEqual({ role: 'team-lead', observer: false })
    expect(part.kind === 'team' && part.cadence?.timezone).toBe('Europe/Berlin')
  })

  it('follows edits of a team and leaves when stopped; its sync-ups reach the schedule', () => {
    const doc = teamDoc('Alpha')
    const parts = new SpaceParts()
    const ctx = context('alphaSpace', 'team', doc)
    const stop = collectService(parts).start(ctx)
    const entries = () => {
      const { sprint, pairs } = composeSources(parts.list(), ME)
      return upcomingReminders({ now: NOW, zone: 'Europe/Berlin', me: ME, sprint, pairs }).entries
    }
    const first = entries().find((e) => e.ceremony === 'daily-sync-up')
    expect(first && `${wall(first.startsAt, 'Europe/Berlin')} ${first.title} · ${first.groupLabel}`).toBe('2026-03-23 12:00 Daily sync-up · Alpha')
    // observing the team: no longer asked to its meetings
    savePerson(doc, ME, { role: 'team-member', observer: true })
    expect(entries().filter((e) => e.ceremony === 'daily-sync-up')).toEqual([])
    stop()
    expect(parts.list()).toEqual([])
  })

  it('reads a pair’s journal: the two names, its cadence and sessions (a day, no time: placed at 10:00)', async () => {
    const root = new Y.Doc()
    initSpaceDoc(root, { name: 'Daria & Bruce', kind: 'pair', createdBy: ME, now: NOW })
    const journal = new Y.Doc()
    patchPairInfo(journal, {
      cadence: 'weekly',
      participants: [
        { name: 'Daria', profileId: null, beAMentor: [], seekAMentor: [] },
        { name: 'Bruce', profileId: null, beAMentor: [], seekAMentor: [] }
      ]
    })
    addSession(journal, { title: 'First Step to Greatness', date: '2026-03-25', durationMinutes: 45 })
    const parts = new SpaceParts()
    const ctx = context('pairSpace', 'pair', root, { journal })
    const stop = collectService(parts).start(ctx)
    await Promise.resolve()
    await Promise.resolve()
    const { sprint, pairs } = composeSources(parts.list(), ME)
    const { entries } = upcomingReminders({ now: NOW, zone: 'Europe/Berlin', me: ME, sprint, pairs })
    expect(entries.map((e) => `${wall(e.startsAt, 'Europe/Berlin')} ${e.title} · ${e.groupLabel} ${e.timeSet ? '' : '(no time set)'}`)).toEqual([
      '2026-03-25 10:00 First Step to Greatness · Daria & Bruce (no time set)'
    ])
    // the pair sets the time of its sessions (issue 15's next-session plan): 16:30 in New York
    patchPairInfo(journal, { nextSessionTime: '16:30', nextSessionZone: 'America/New_York', nextSessionMinutes: 30 })
    const planned = upcomingReminders({ now: NOW, zone: 'Europe/Berlin', me: ME, ...composeSources(parts.list(), ME) }).entries
    expect(planned.map((e) => `${wall(e.startsAt, 'Europe/Berlin')} ${e.title} ${e.timeSet ? 'at its time' : '(no time set)'}`)).toEqual([
      '2026-03-25 21:30 First Step to Greatness at its time'
    ])
    // the pair ends: nothing more to remind
    patchPairInfo(journal, { endedAt: NOW, endedBy: ME })
    expect(composeSources(parts.list(), ME).pairs).toEqual([])
    stop()
    expect(ctx.released).toEqual(['journal'])
    expect(parts.list()).toEqual([])
  })
})
