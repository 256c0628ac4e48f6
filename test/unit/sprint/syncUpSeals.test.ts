import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collection, ForeignRecordError } from '@core/collections/index.ts'
import { SYNCUP } from '@features/sprint/store/collections.ts'
import { readSyncUpDay, saveSyncUpAnswer } from '@features/sprint/store/syncUp.ts'
import { syncUpEntryId } from '@shared/sprint/sprintRecords.ts'
import { as, person, settle, sync, useNoSignerBetweenTests } from '../fixtures/people.ts'

/**
 * A member's sync-up answers are theirs (issue 10 #15): sealed with their key, read only under
 * their own id. Each peer is its own Y.Doc; Eve writes raw Yjs values (any byte of a document).
 */
const ada = person()
const eve = person()
useNoSignerBetweenTests()
const DAY = '2026-11-30'

describe('sync-up answers carry their member\'s seal', () => {
  it('Ada\'s answers, saved on her device, read on a peer', async () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    as(ada, () => saveSyncUpAnswer(a, DAY, ada.deviceId, 'today', 'reviews'))
    as(ada, () => saveSyncUpAnswer(a, DAY, ada.deviceId, 'blockers', 'none'))
    sync(a, b)
    await settle()
    expect(readSyncUpDay(b, DAY).map((e) => [e.memberId, e.today, e.blockers])).toEqual([[ada.deviceId, 'reviews', 'none']])
  })

  it('an entry written under Ada\'s id by someone else is ignored, and her own stays', async () => {
    const a = new Y.Doc()
    as(ada, () => saveSyncUpAnswer(a, DAY, ada.deviceId, 'today', 'reviews'))
    const hostile = new Y.Doc()
    sync(a, hostile)
    // Eve says Ada is blocked: in Ada's record, and in a new one for another day
    hostile.getMap<unknown>(`syncup::${syncUpEntryId(DAY, ada.deviceId)}`).set('blockers', 'I quit')
    const other = hostile.getMap<unknown>(`syncup::${syncUpEntryId('2026-12-01', ada.deviceId)}`)
    for (const [k, v] of Object.entries({ date: '2026-12-01', memberId: ada.deviceId, blockers: 'I quit', updatedAt: 1 })) other.set(k, v)
    const b = new Y.Doc()
    sync(hostile, b)
    await settle()
    expect(readSyncUpDay(b, DAY)).toEqual([])
    expect(readSyncUpDay(b, '2026-12-01')).toEqual([])
    expect(collection(b, SYNCUP).stats.forged).toBeGreaterThan(0)
  })

  it('an entry Eve seals herself under Ada\'s id is not read as anyone\'s', async () => {
    const doc = new Y.Doc()
    as(eve, () => collection(doc, SYNCUP).upsert(syncUpEntryId(DAY, ada.deviceId), { date: DAY, memberId: eve.deviceId, blockers: 'Ada broke the build', updatedAt: 1 }))
    await settle()
    expect(collection(doc, SYNCUP).list()).toHaveLength(1)
    expect(readSyncUpDay(doc, DAY)).toEqual([])
  })

  it("nobody's device writes another member's answers (the app offers only one's own)", () => {
    const doc = new Y.Doc()
    expect(() => as(eve, () => saveSyncUpAnswer(doc, DAY, ada.deviceId, 'blockers', 'x'))).toThrow(ForeignRecordError)
  })
})
