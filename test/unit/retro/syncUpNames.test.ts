import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collection } from '@core/collections/index.ts'
import { upsertSelf } from '@core/spaces/spaceDoc.ts'
import type { DocLink } from '@core/sync/docLink.ts'
import { createBoard, sessionOf } from '@features/retro/store/board.ts'
import { boardExportsOf } from '@features/retro/store/boardExport.ts'
import { CARDS } from '@features/retro/store/collections.ts'
import { importInbox } from '@features/retro/store/inbox.ts'
import { logOpportunity, namedInbox, readRetroInbox } from '@features/sprint/store/retroInbox.ts'
import { namesOf } from '@shared/members/personName.ts'
import { readMembers } from '@core/spaces/spaceDoc.ts'
import { as, person, settle, useNoSignerBetweenTests } from '../fixtures/people.ts'
import { T0 } from './fixtures.ts'

/**
 * Who logged a sync-up opportunity, on the board and in its exports (issue 10 #15): named from the
 * opportunity's sealed record and the logger's member entry — never from a name a record carries.
 */
const TEAM = 'team-alpha'
const SPRINT = 6
const ada = person()
const ben = person()
useNoSignerBetweenTests()

function team(): { root: Y.Doc; sprint: Y.Doc } {
  const root = new Y.Doc()
  as(ada, () => upsertSelf(root, { id: ada.deviceId, name: 'Ada', color: '#1971c2' }, 1000))
  as(ben, () => upsertSelf(root, { id: ben.deviceId, name: 'Ben', color: '#2f9e44' }, 1000))
  const sprint = new Y.Doc()
  const session = sessionOf({ docId: `${TEAM}/sprint/${SPRINT}`, doc: sprint } as unknown as DocLink, TEAM, SPRINT)
  createBoard(session, { teamId: TEAM, teamName: 'Alpha', sprint: SPRINT, createdBy: ada.deviceId, createdAt: T0, template: 'start-stop-continue' })
  return { root, sprint }
}

const raw = (doc: Y.Doc, name: string, fields: Record<string, unknown>) => {
  const m = doc.getMap<unknown>(name)
  for (const [k, v] of Object.entries(fields)) m.set(k, v)
}

describe('sync-up opportunities carry their logger\'s seal', () => {
  it('one written under Ada\'s id by someone else is not read, and never reaches the board', async () => {
    const { sprint } = team()
    raw(sprint, 'opportunities::forged', { text: 'Ben never reviews', authorId: ada.deviceId, authorName: 'Ada', date: '2026-03-05', createdAt: T0, source: 'syncup' })
    await settle()
    expect(readRetroInbox(sprint)).toEqual([])
    expect(importInbox(sprint, TEAM, SPRINT)).toBe(0)
    expect(collection(sprint, CARDS).list()).toEqual([])
  })

  it("Ben's opportunity that says 'Ada' in its authorName is Ben's, in the inbox, on the board and in both exports", async () => {
    const { root, sprint } = team()
    const id = as(ben, () => logOpportunity(sprint, { text: 'Staging is down', author: { id: ben.deviceId, name: 'Ada' }, date: '2026-03-05' }))
    await settle()
    expect(namedInbox(readRetroInbox(sprint), namesOf(readMembers(root))).map((o) => [o.id, o.noticedBy])).toEqual([[id, 'Ben']])
    expect(importInbox(sprint, TEAM, SPRINT)).toBe(1)
    const exports = boardExportsOf(sprint, root)!
    expect(exports.markdown).toContain('Staging is down — Ben (daily sync-up)')
    expect(exports.markdown).not.toContain('Ada (daily sync-up)')
    expect(exports.csv).toContain('Staging is down,Ben,daily sync-up 2026-03-05')
  })

  it("a card anyone writes with a sync-up source naming Ada names nobody (no sealed opportunity behind it)", async () => {
    const { root, sprint } = team()
    raw(sprint, 'cards::syncup:made-up', { columnId: 'start', text: 'Ada wants a pay cut', createdAt: T0, source: { kind: 'syncup', opportunityId: 'made-up', authorName: 'Ada', date: '2026-03-05' } })
    await settle()
    expect(collection(sprint, CARDS).list().map((c) => c.id)).toEqual(['syncup:made-up'])
    const exports = boardExportsOf(sprint, root)!
    expect(exports.markdown).toContain('Ada wants a pay cut — Daily sync-up')
    expect(exports.csv).toContain('Ada wants a pay cut,,daily sync-up 2026-03-05')
  })
})
