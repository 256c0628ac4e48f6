import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSprintSetup, saveCadenceFields, saveTeamRecord } from '@features/sprint/store/cadenceStore.ts'
import { defaultCadenceFields } from '@shared/sprint/cadenceRecords.ts'

/**
 * Services read the sprint setup after every change of a root document (issue 9: a peer's
 * description edit made every page compose and validate the cadence again): it is composed again
 * only when what it is made of changes.
 */
describe('reading the sprint setup', () => {
  it('is the same object across changes that do not touch it, and new when the cadence, a team or a fallback name changes', () => {
    const org = new Y.Doc()
    saveCadenceFields(org, defaultCadenceFields('2026-03-04', 'Europe/Berlin'))
    saveTeamRecord(org, 'pay', { name: '', spaceId: 'pay' })
    const first = readSprintSetup(org, () => 'Payments')
    expect(first.composed?.teams.map((t) => t.name)).toEqual(['Payments'])
    org.getMap('meta').set('description', 'edited by a peer')
    expect(readSprintSetup(org, () => 'Payments')).toBe(first) // a new function, the same names
    const renamed = readSprintSetup(org, () => 'Pay')
    expect(renamed).not.toBe(first)
    expect(renamed.composed?.teams.map((t) => t.name)).toEqual(['Pay'])
    saveCadenceFields(org, { sprintLengthDays: 7 })
    const longer = readSprintSetup(org, () => 'Pay')
    expect(longer).not.toBe(renamed)
    expect(longer.composed?.cadence.sprintLengthDays).toBe(7)
    saveTeamRecord(org, 'pay', { name: 'Payments team' })
    expect(readSprintSetup(org, () => 'Pay').composed?.teams.map((t) => t.name)).toEqual(['Payments team'])
  })
})
