import { describe, expect, it } from 'vitest'
import { EMPTY_LATE_TICKET, draftOf, effortText, parseAmount, parseLateTicketForm } from '@shared/retro/lateTicketForm.ts'
import { escalationsByTeam, boardRoute } from '@shared/retro/escalations.ts'
import { boardFileName, reportFileName } from '@shared/retro/files.ts'

const context = { sprint: 6, teamId: 'alpha', teamName: 'Alpha' }

describe('the late-ticket form', () => {
  it('reads amounts with a dot or a comma', () => {
    expect(parseAmount('1,5')).toBe(1.5)
    expect(parseAmount(' 2 ')).toBe(2)
    expect(parseAmount('.5')).toBe(0.5)
    expect(parseAmount('two')).toBeNull()
    expect(parseAmount('')).toBeNull()
  })

  it('turns a filled form into the record’s fields', () => {
    const result = parseLateTicketForm({ ...EMPTY_LATE_TICKET, key: ' ENG-8504 ', title: 'Export', expected: '2', actual: '4,5', reasonId: 'dependency' }, context)
    expect(result).toEqual({
      ok: true,
      fields: { key: 'ENG-8504', title: 'Export', expected: { value: 2, unit: 'days' }, actual: { value: 4.5, unit: 'days' }, reasonId: 'dependency', note: '', ...context }
    })
  })

  it('gives one message per field', () => {
    const empty = parseLateTicketForm(EMPTY_LATE_TICKET, context)
    expect(empty).toEqual({
      ok: false,
      errors: { expected: 'How much was expected?', actual: 'How much did it take?', key: 'A ticket key is required (e.g. ENG-8504).', reasonId: 'Pick a reason.' }
    })
    const notLate = parseLateTicketForm({ ...EMPTY_LATE_TICKET, key: 'X-1', expected: '3', actual: '2', reasonId: 'other' }, context)
    expect(notLate).toEqual({ ok: false, errors: { actual: 'A late ticket took longer than expected: actual must be more than expected.' } })
  })

  it('reads efforts in words', () => {
    expect(effortText({ value: 1, unit: 'days' })).toBe('1 day')
    expect(effortText({ value: 2.5, unit: 'hours' })).toBe('2.5 hours')
    expect(effortText({ value: 3, unit: 'points' })).toBe('3 points')
  })

  it('edits an entry through the same form', () => {
    const draft = draftOf({ key: 'X-1', title: '', expected: { value: 1, unit: 'points' }, actual: { value: 3, unit: 'points' }, reasonId: 'other', note: 'n' })
    expect(draft).toEqual({ key: 'X-1', title: '', expected: '1', actual: '3', unit: 'points', reasonId: 'other', note: 'n' })
  })
})

describe('escalations and file names', () => {
  it('groups escalations per team, oldest first, and links back to the board', () => {
    const item = (id: string, teamId: string, teamName: string, at: number) => ({ id, text: id, teamId, teamName, sprint: 6, boardId: `retro:${teamId}:6`, cardId: id, escalatedAt: at })
    const teams = escalationsByTeam([item('b', 'beta', 'Beta', 2), item('a2', 'alpha', 'Alpha', 3), item('a1', 'alpha', 'Alpha', 1)])
    expect(teams.map((t) => [t.teamName, t.items.map((i) => i.id)])).toEqual([['Alpha', ['a1', 'a2']], ['Beta', ['b']]])
    expect(boardRoute('alpha', 6)).toBe('/space/alpha/retro/6')
  })

  it('names downloads after the team and sprint', () => {
    expect(boardFileName('Platform team', 12, 'md')).toBe('retro-platform-team-sprint-12.md')
    expect(reportFileName('Acme Org', 'report')).toBe('late-tickets-report-acme-org.csv')
    expect(reportFileName('Acme Org', 'entries')).toBe('late-tickets-acme-org.csv')
  })
})
