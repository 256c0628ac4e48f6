import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { readCollection, readRecord } from '../../../renderer/src/data/collections.ts'
import { GOALS_COLLECTION, addGoal, moveItem } from '../../../renderer/src/data/sprint/planning.ts'
import { RETRO_INBOX_COLLECTION, logOpportunity, readRetroInbox } from '../../../renderer/src/data/sprint/retroInbox.ts'
import { TIMERS_COLLECTION, saveSyncUpAnswer, SYNCUP_COLLECTION, writeSyncUpTimer } from '../../../renderer/src/data/sprint/syncUp.ts'
import type { DocLink } from '../../../renderer/src/sync/docLink.ts'
import { Goal, SyncUpEntry, TimerRecord, byOrder } from '../../../shared/sprint/sprintRecords.ts'
import { startTimer } from '../../../shared/sprint/syncUpTimer.ts'

const linkOf = (doc: Y.Doc) => ({ doc }) as unknown as DocLink

describe('the sprint document', () => {
  it('resets a day’s timer and starts it again', () => {
    const link = linkOf(new Y.Doc())
    writeSyncUpTimer(link, '2026-03-05', { ...startTimer(1000, 'ada'), pausedAt: 5000 })
    expect(readRecord(link.doc, TIMERS_COLLECTION, '2026-03-05', TimerRecord)).toMatchObject({ startedBy: 'ada', pausedAt: 5000 })
    writeSyncUpTimer(link, '2026-03-05', null)
    expect(readRecord(link.doc, TIMERS_COLLECTION, '2026-03-05', TimerRecord)).toBeNull()
    writeSyncUpTimer(link, '2026-03-05', startTimer(9000, 'bo'))
    expect(readRecord(link.doc, TIMERS_COLLECTION, '2026-03-05', TimerRecord)).toMatchObject({ startedAt: 9000, startedBy: 'bo', pausedAt: null })
  })

  it('keeps each member’s answers in their own record', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    saveSyncUpAnswer(linkOf(a), '2026-03-05', 'ada', 'today', 'Retries')
    saveSyncUpAnswer(linkOf(b), '2026-03-05', 'bo', 'blockers', 'No staging DB')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const entries = readCollection(a, SYNCUP_COLLECTION, SyncUpEntry).map((e) => [e.id, e.today, e.blockers])
    expect(entries.sort()).toEqual([
      ['2026-03-05|ada', 'Retries', ''],
      ['2026-03-05|bo', '', 'No staging DB']
    ])
  })

  it('orders goals and moves them', () => {
    const link = linkOf(new Y.Doc())
    const first = addGoal(link, 'One')
    addGoal(link, 'Two')
    const goals = () => byOrder(readCollection(link.doc, GOALS_COLLECTION, Goal))
    expect(goals().map((g) => g.text)).toEqual(['One', 'Two'])
    moveItem(link, GOALS_COLLECTION, goals(), first, 1)
    expect(goals().map((g) => g.text)).toEqual(['Two', 'One'])
  })

  it('logs opportunities to the retro inbox with their author, oldest first', () => {
    const link = linkOf(new Y.Doc())
    const now = vi.spyOn(Date, 'now').mockReturnValueOnce(2000).mockReturnValueOnce(1000)
    logOpportunity(link, { text: 'Slow reviews', author: { id: 'ada', name: 'Ada' }, date: '2026-03-06' })
    logOpportunity(link, { text: '  Flaky CI  ', author: { id: 'bo', name: 'Bo' }, date: '2026-03-05' })
    now.mockRestore()
    expect(() => logOpportunity(link, { text: ' ', author: { id: 'ada', name: 'Ada' }, date: '2026-03-06' })).toThrow()
    expect(readRetroInbox(link.doc).map((o) => [o.text, o.authorName, o.source])).toEqual([
      ['Flaky CI', 'Bo', 'syncup'],
      ['Slow reviews', 'Ada', 'syncup']
    ])
    expect(RETRO_INBOX_COLLECTION).toBe('opportunities')
  })
})
