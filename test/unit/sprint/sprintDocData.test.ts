import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { collection } from '@core/collections/index.ts'
import { planningCommands } from '@features/sprint/store/planning.ts'
import { RETRO_INBOX_COLLECTION, logOpportunity, readRetroInbox } from '@features/sprint/store/retroInbox.ts'
import { readSyncUpTimer, saveSyncUpAnswer, writeSyncUpTimer } from '@features/sprint/store/syncUp.ts'
import { GOALS, SYNCUP } from '@features/sprint/store/collections.ts'
import { startTimer } from '@shared/sprint/syncUpTimer.ts'

describe('the sprint document', () => {
  it('resets a day’s timer and starts it again', () => {
    const doc = new Y.Doc()
    writeSyncUpTimer(doc, '2026-03-05', { ...startTimer(1000, 'ada'), pausedAt: 5000 })
    expect(readSyncUpTimer(doc, '2026-03-05')).toMatchObject({ startedBy: 'ada', pausedAt: 5000 })
    writeSyncUpTimer(doc, '2026-03-05', null)
    expect(readSyncUpTimer(doc, '2026-03-05')).toBeNull()
    writeSyncUpTimer(doc, '2026-03-05', startTimer(9000, 'bo'))
    const again = readSyncUpTimer(doc, '2026-03-05')
    expect(again).toMatchObject({ startedAt: 9000, startedBy: 'bo' })
    expect(again?.pausedAt).toBeUndefined()
  })

  it('keeps each member’s answers in their own record', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    saveSyncUpAnswer(a, '2026-03-05', 'ada', 'today', 'Retries')
    saveSyncUpAnswer(b, '2026-03-05', 'bo', 'blockers', 'No staging DB')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const entries = collection(a, SYNCUP).list().map((e) => [e.id, e.today, e.blockers])
    expect(entries.sort()).toEqual([
      ['2026-03-05|ada', 'Retries', ''],
      ['2026-03-05|bo', '', 'No staging DB']
    ])
  })

  it('orders goals and moves them', () => {
    const doc = new Y.Doc()
    const planning = planningCommands(doc)
    const first = planning.addGoal('One')
    planning.addGoal('Two')
    const goals = () => collection(doc, GOALS).list()
    expect(goals().map((g) => g.text)).toEqual(['One', 'Two'])
    planning.moveGoal(first, 'down')
    expect(goals().map((g) => g.text)).toEqual(['Two', 'One'])
    planning.moveGoal(first, 'down')
    expect(goals().map((g) => g.text)).toEqual(['Two', 'One'])
  })

  it('logs opportunities to the retro inbox with their author, oldest first', () => {
    const doc = new Y.Doc()
    const now = vi.spyOn(Date, 'now').mockReturnValueOnce(2000).mockReturnValueOnce(1000)
    logOpportunity(doc, { text: 'Slow reviews', author: { id: 'ada', name: 'Ada' }, date: '2026-03-06' })
    logOpportunity(doc, { text: '  Flaky CI  ', author: { id: 'bo', name: 'Bo' }, date: '2026-03-05' })
    now.mockRestore()
    expect(() => logOpportunity(doc, { text: ' ', author: { id: 'ada', name: 'Ada' }, date: '2026-03-06' })).toThrow()
    expect(readRetroInbox(doc).map((o) => [o.text, o.authorName, o.source])).toEqual([
      ['Flaky CI', 'Bo', 'syncup'],
      ['Slow reviews', 'Ada', 'syncup']
    ])
    expect(RETRO_INBOX_COLLECTION).toBe('opportunities')
  })
})
