import { describe, expect, it } from 'vitest'
import { isEmptyBacklogMirror, planBacklogMirror, stableJson } from '@shared/less/mirror.ts'
import { BacklogTicket, TicketQuestion } from '@shared/less/tickets.ts'

const ticket = (id: string, fields: Record<string, unknown>) => ({ ...BacklogTicket.parse({ key: id, title: `Title ${id}`, ...fields }), id })
const question = (id: string, ticketId: string, text: string, createdAt = 1) => ({ ...TicketQuestion.parse({ ticketId, text, createdAt }), id })

const NO_NAMES = { orgNames: {}, teamNames: {} }

describe('division planning ↔ team scrum', () => {
  const orgTickets = [ticket('A-1', { teamId: 'red', forSprint: 5 }), ticket('A-2', { teamId: 'blue', forSprint: 5 }), ticket('A-3', { teamId: 'red', forSprint: null })]
  const orgQuestions = [question('q1', 'A-1', 'Which API?'), question('q2', 'A-2', 'Not ours')]

  it('the team gets exactly the tickets assigned to it, with the division’s questions', () => {
    const w = planBacklogMirror({ teamId: 'red', orgTickets, orgQuestions, teamCopies: {}, teamEstimates: [], teamQuestions: [], ...NO_NAMES })
    expect(Object.keys(w.toTeam).sort()).toEqual(['A-1', 'A-3'])
    expect(w.toTeam['A-1']).toMatchObject({ key: 'A-1', title: 'Title A-1', forSprint: 5, questions: [{ id: 'q1', text: 'Which API?', kind: 'question', resolved: false }] })
    expect(w.clearInTeam).toEqual([])
  })

  it('a second run, or another device’s, writes nothing', () => {
    const first = planBacklogMirror({ teamId: 'red', orgTickets, orgQuestions, teamCopies: {}, teamEstimates: [], teamQuestions: [], ...NO_NAMES })
    const stored = JSON.parse(JSON.stringify(first.toTeam)) as Record<string, Record<string, unknown>>
    const again = planBacklogMirror({ teamId: 'red', orgTickets, orgQuestions, teamCopies: stored, teamEstimates: [], teamQuestions: [], ...NO_NAMES })
    expect(isEmptyBacklogMirror(again)).toBe(true)
  })

  it('a ticket given to another team is emptied in the old team’s copy', () => {
    const moved = orgTickets.map((t) => (t.id === 'A-3' ? { ...t, teamId: 'blue' } : t))
    const w = planBacklogMirror({ teamId: 'red', orgTickets: moved, orgQuestions, teamCopies: { 'A-3': { title: 'Title A-3' }, 'A-9': {} }, teamEstimates: [], teamQuestions: [], ...NO_NAMES })
    expect(w.clearInTeam).toEqual(['A-3'])
  })

  it('the team’s accepted estimate and its questions go onto the org’s ticket; taken back, it is cleared', () => {
    const teamEstimates = [{ id: 'A-1', value: '8', round: 2, scale: 'fibonacci', acceptedBy: 'ana', acceptedByName: 'Ana', acceptedAt: 77 }]
    const teamQuestions = [question('t1', 'A-1', 'Blocked by infra?')]
    const w = planBacklogMirror({ teamId: 'red', orgTickets, orgQuestions, teamCopies: {}, teamEstimates, teamQuestions, ...NO_NAMES })
    expect(w.toOrg).toEqual({
      'A-1': { estimate: '8', estimateTeamId: 'red', estimatedAt: 77, teamQuestions: [{ id: 't1', text: 'Blocked by infra?', kind: 'question', resolved: false, answer: '', authorName: '' }] }
    })
    const estimated = orgTickets.map((t) => (t.id === 'A-1' ? { ...t, ...w.toOrg['A-1'] } : t))
    expect(planBacklogMirror({ teamId: 'red', orgTickets: estimated, orgQuestions, teamCopies: {}, teamEstimates, teamQuestions, ...NO_NAMES }).toOrg).toEqual({})
    expect(planBacklogMirror({ teamId: 'red', orgTickets: estimated, orgQuestions, teamCopies: {}, teamEstimates: [], teamQuestions, ...NO_NAMES }).toOrg).toEqual({ 'A-1': { estimate: null, estimatedAt: null } })
  })

  it('a team never writes onto a ticket that is not its own', () => {
    const teamEstimates = [{ id: 'A-2', value: '3', round: 1, scale: 'fibonacci', acceptedBy: 'ana', acceptedByName: 'Ana', acceptedAt: 1 }]
    expect(planBacklogMirror({ teamId: 'red', orgTickets, orgQuestions, teamCopies: {}, teamEstimates, teamQuestions: [], ...NO_NAMES }).toOrg).toEqual({})
  })

  it('compares stored JSON regardless of key order', () => {
    expect(stableJson({ b: 1, a: [{ y: 2, x: 1 }], c: undefined })).toBe(stableJson({ a: [{ x: 1, y: 2 }], b: 1 }))
  })
})
