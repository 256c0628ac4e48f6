import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collection } from '@core/collections/index.ts'
import { openVersioned, storedVersion } from '@core/documents/index.ts'
import { documentKindFor } from '@core/documents/kinds.ts'
import { readSprintSetup, saveCadenceFields, saveOccurrenceOverride } from '@features/sprint/store/cadenceStore.ts'
import { GOALS, OPPORTUNITIES, PLAN, QUESTIONS, SYNCUP, TIMERS } from '@features/sprint/store/collections.ts'
import { SPRINT_DOC } from '@features/sprint/store/documents.ts'
import { planningCommands } from '@features/sprint/store/planning.ts'
import { logOpportunity, readRetroInbox } from '@features/sprint/store/retroInbox.ts'
import { readSyncUpTimer, saveSyncUpAnswer } from '@features/sprint/store/syncUp.ts'
import { defaultCadenceFields } from '@shared/sprint/cadenceRecords.ts'
import { sprintDocKey } from '@shared/sprint/sprintRecords.ts'

// The sprint store over real Yjs documents: a team's document for a sprint on two or three peers.

function peers(n: number) {
  const docs = Array.from({ length: n }, () => new Y.Doc())
  const sync = () => {
    for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  }
  return { docs, sync }
}

const goals = (doc: Y.Doc) => collection(doc, GOALS).list().map((g) => g.text)
const json = (doc: Y.Doc) => JSON.stringify([...doc.share.keys()].sort().map((k) => [k, doc.getMap(k).toJSON()]))

describe('the team sprint planning', () => {
  it('keeps goals, questions and tickets in the order added, one order on every peer after concurrent adds', () => {
    const { docs, sync } = peers(3)
    const [a, b, c] = docs as [Y.Doc, Y.Doc, Y.Doc]
    for (const text of ['Ship search', 'Halve p95', 'Fix flaky CI']) planningCommands(a).addGoal(text)
    planningCommands(a).addQuestion('Ranking review first?')
    planningCommands(a).addQuestion('Which index?')
    planningCommands(a).addTicket({ key: 'S-1', title: 'Fuzzy', url: '', assignees: [] })
    planningCommands(a).addTicket({ key: 'S-2', title: 'Cache', url: '', assignees: [] })
    expect(goals(a)).toEqual(['Ship search', 'Halve p95', 'Fix flaky CI'])
    expect(collection(a, QUESTIONS).list().map((q) => q.text)).toEqual(['Ranking review first?', 'Which index?'])
    expect(collection(a, PLAN).list().map((t) => t.key)).toEqual(['S-1', 'S-2'])
    sync()
    // apart, all three add a goal at the end
    planningCommands(a).addGoal('from a')
    planningCommands(b).addGoal('from b')
    planningCommands(c).addGoal('from c')
    sync()
    const shown = goals(a)
    expect(goals(b)).toEqual(shown)
    expect(goals(c)).toEqual(shown)
    expect(shown.slice(0, 3)).toEqual(['Ship search', 'Halve p95', 'Fix flaky CI'])
    expect(shown.slice(3).sort()).toEqual(['from a', 'from b', 'from c'])
  })

  it('moves an item one place with one field written; two people moving at once converge (no duplicate orders)', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    const ids = ['one', 'two', 'three', 'four'].map((t) => planningCommands(a).addGoal(t))
    sync()
    let updates = 0
    const count = () => updates++
    a.on('update', count)
    planningCommands(a).moveGoal(ids[0]!, 'down')
    a.off('update', count)
    expect(updates).toBe(1)
    expect(goals(a)).toEqual(['two', 'one', 'three', 'four'])
    // the first and last can go no further
    planningCommands(a).moveGoal(ids[1]!, 'up')
    planningCommands(a).moveGoal(ids[3]!, 'down')
    expect(goals(a)).toEqual(['two', 'one', 'three', 'four'])
    // both move items at once, one of them the same item
    planningCommands(a).moveGoal(ids[2]!, 'up')
    planningCommands(b).moveGoal(ids[2]!, 'down')
    planningCommands(b).moveGoal(ids[0]!, 'down')
    sync()
    expect(goals(a)).toEqual(goals(b))
    expect(new Set(goals(a))).toEqual(new Set(['one', 'two', 'three', 'four']))
    const orders = collection(a, GOALS).list().map((g) => g.order)
    expect(new Set(orders).size).toBe(4)
  })

  it('removes an item for good on both peers', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    const t = planningCommands(a).addTicket({ key: 'S-1', title: 'x', url: '', assignees: [] })
    sync()
    planningCommands(b).removeTicket(t)
    planningCommands(a).updateTicket(t, { assignees: ['ada'] })
    sync()
    expect(collection(a, PLAN).list()).toEqual([])
    expect(collection(b, PLAN).list()).toEqual([])
  })
})

describe('records whose ids come back', () => {
  it('replaces a meeting change whole, clears it, and takes a new one for the same meeting', () => {
    const doc = new Y.Doc()
    saveCadenceFields(doc, defaultCadenceFields('2026-03-04', 'Europe/Berlin'))
    const id = 'team-scrum:t1:2026-03-16'
    const shown = () => readSprintSetup(doc).composed?.cadence.occurrences[id]
    saveOccurrenceOverride(doc, id, { cancelled: true, note: 'Offsite' })
    saveOccurrenceOverride(doc, id, { durationMinutes: 30 })
    expect(shown()).toEqual({ durationMinutes: 30 })
    saveOccurrenceOverride(doc, id, null)
    expect(shown()).toBeUndefined()
    expect(doc.getMap(`occurrences::${id}`).toJSON()).toEqual({})
    saveOccurrenceOverride(doc, id, { cancelled: true })
    expect(shown()).toEqual({ cancelled: true })
  })
})

describe('records from a peer', () => {
  it('skips a malformed opportunity, sync-up answer or timer instead of failing', () => {
    const { docs, sync } = peers(2)
    const [a, b] = docs as [Y.Doc, Y.Doc]
    logOpportunity(a, { text: 'Flaky CI', author: { id: 'ada', name: 'Ada' }, date: '2026-03-05' })
    saveSyncUpAnswer(a, '2026-03-05', 'ada', 'today', 'Retries')
    // a peer (an older or a hostile app) writes junk straight into the document
    a.getMap('opportunities::bad').set('text', 'no author')
    a.getMap('syncup::2026-13-45|bo').set('date', '2026-13-45')
    a.getMap('timers::2026-03-05').set('startedAt', 'soon')
    sync()
    expect(readRetroInbox(b).map((o) => o.text)).toEqual(['Flaky CI'])
    expect(collection(b, SYNCUP).list().map((e) => e.id)).toEqual(['2026-03-05|ada'])
    expect(readSyncUpTimer(b, '2026-03-05')).toBeNull()
    expect(collection(b, OPPORTUNITIES).stats.skipped).toBe(1)
    expect(collection(b, SYNCUP).stats.skipped).toBe(1)
    expect(collection(b, TIMERS).stats.skipped).toBe(1)
  })

  it('leaves a malformed meeting change out of the cadence and keeps the rest', () => {
    const doc = new Y.Doc()
    saveCadenceFields(doc, defaultCadenceFields('2026-03-04', 'Europe/Berlin'))
    saveOccurrenceOverride(doc, 'team-scrum:t1:2026-03-16', { cancelled: true })
    doc.getMap('occurrences::team-scrum:t1:2026-03-17').set('durationMinutes', 'long')
    const composed = readSprintSetup(doc).composed
    expect(composed?.cadence.occurrences).toEqual({ 'team-scrum:t1:2026-03-16': { cancelled: true } })
  })
})

describe('the sprint document versions', () => {
  /** A sprint document as the app before order keys wrote it: numbers, duplicates from concurrent adds. */
  function legacy(): Y.Doc {
    const doc = new Y.Doc()
    for (const [id, text, order] of [['g1', 'first', 1], ['g3', 'third', 2], ['g2', 'second', 2], ['g4', 'fourth', 3]] as const) {
      const m = doc.getMap(`goals::${id}`)
      m.set('text', text)
      m.set('order', order)
    }
    const q = doc.getMap('questions::q1')
    q.set('text', 'Why?')
    q.set('resolved', false)
    q.set('answer', '')
    q.set('order', 1)
    return doc
  }

  it('is the kind of every sprint/<n> document', () => {
    expect(documentKindFor(sprintDocKey(12))).toBe(SPRINT_DOC)
    expect(documentKindFor('journal')).not.toBe(SPRINT_DOC)
  })

  it('gives legacy orders keys in the order they show, once, and two peers migrating apart converge', () => {
    const a = legacy()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const before = goals(a)
    expect(before).toEqual(['first', 'second', 'third', 'fourth'])
    openVersioned(a, SPRINT_DOC)
    openVersioned(b, SPRINT_DOC)
    expect(storedVersion(a)).toBe(2)
    expect(goals(a)).toEqual(before)
    expect(collection(a, GOALS).list().every((g) => typeof g.order === 'string')).toBe(true)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(json(a)).toEqual(json(b))
    expect(goals(a)).toEqual(before)
    // a second open writes nothing
    let updates = 0
    a.on('update', () => updates++)
    openVersioned(a, SPRINT_DOC)
    expect(updates).toBe(0)
    // and a move after the migration is a move
    const second = collection(a, GOALS).list()[1]!.id
    planningCommands(a).moveGoal(second, 'up')
    expect(goals(a)).toEqual(['second', 'first', 'third', 'fourth'])
  })

  it('still shows a goal an older app adds after the upgrade', () => {
    const doc = legacy()
    openVersioned(doc, SPRINT_DOC)
    const old = doc.getMap('goals::late')
    old.set('text', 'from an old peer')
    old.set('order', 9)
    expect(goals(doc)).toContain('from an old peer')
    expect(goals(doc)).toHaveLength(5)
  })
})
