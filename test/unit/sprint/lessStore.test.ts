import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addTickets, backlogCommands } from '@features/sprint/store/backlog.ts'
import { mirrorBacklog } from '@features/sprint/store/backlogMirror.ts'
import { saveTeamLink } from '@features/sprint/store/cadenceStore.ts'
import { LESS_ASSIGNED, LESS_ESTIMATES, LESS_TEAM_QUESTIONS, LESS_TICKETS, POKER_MARKS, POKER_ROUNDS, POKER_VOTES } from '@features/sprint/store/collections.ts'
import { publishWaitingVotes } from '@features/sprint/store/services.ts'
import { parseTrackerCsv } from '@shared/less/csvImport.ts'
import { roundId, voteId } from '@shared/less/poker.ts'
import { collection } from '@core/collections/index.ts'
import type { PokerVoteRow } from '@core/database/db.ts'

const ana = { id: 'ana', name: 'Ana' }
const csv = ['Issue key,Summary,Status,Sprint,Sprint', 'PAY-1,Retry webhooks,To Do,S1,S2', 'PAY-2,"Settle in EUR,', 'and GBP",Done,,', 'SRCH-3,Synonyms,To Do,,'].join('\n')

/** Two devices' copies of the org and the team, synced by hand. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('the division backlog in the org document', () => {
  it('importing the same file twice adds nothing the second time', () => {
    const org = new Y.Doc()
    const file = parseTrackerCsv(csv)
    if (!file.ok) throw new Error(file.error)
    expect(addTickets(org, file.tickets, 'csv', ana)).toEqual({ added: 3, updated: 0, unchanged: 0 })
    expect(addTickets(org, file.tickets, 'csv', ana)).toEqual({ added: 0, updated: 0, unchanged: 3 })
    expect(collection(org, LESS_TICKETS).list().map((t) => [t.id, t.title])).toEqual([
      ['PAY-1', 'Retry webhooks'],
      ['PAY-2', 'Settle in EUR,\nand GBP'],
      ['SRCH-3', 'Synonyms']
    ])
    // a typed ticket with an existing key updates it
    expect(addTickets(org, [{ key: 'pay-1', title: 'Retry webhooks twice' }], 'typed', ana)).toEqual({ added: 0, updated: 1, unchanged: 0 })
    expect(collection(org, LESS_TICKETS).get('PAY-1')).toMatchObject({ title: 'Retry webhooks twice', trackerSprint: 'S1, S2', source: 'csv' })
  })

  it('two people importing the same file while apart end up with one ticket per key', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const file = parseTrackerCsv(csv)
    if (!file.ok) throw new Error(file.error)
    addTickets(a, file.tickets, 'csv', ana)
    addTickets(b, file.tickets, 'csv', { id: 'bo', name: 'Bo' })
    backlogCommands(a).assign('PAY-1', 'red')
    backlogCommands(b).selectFor('PAY-1', 7)
    sync(a, b)
    expect(collection(a, LESS_TICKETS).list()).toHaveLength(3)
    expect(collection(b, LESS_TICKETS).get('PAY-1')).toMatchObject({ teamId: 'red', forSprint: 7 })
  })

  it('removing a ticket takes its questions with it', () => {
    const org = new Y.Doc()
    addTickets(org, [{ key: 'A-1', title: 'One' }], 'typed', ana)
    const c = backlogCommands(org)
    c.addQuestion('A-1', 'Who owns it?', 'blocker', ana)
    c.removeTicket('A-1')
    expect(collection(org, LESS_TICKETS).list()).toEqual([])
  })
})

describe('the backlog mirror between org and team documents', () => {
  function spaces() {
    const org = new Y.Doc()
    const red = new Y.Doc()
    const blue = new Y.Doc()
    saveTeamLink(red, { orgSpaceId: 'org1', teamId: 'red' })
    saveTeamLink(blue, { orgSpaceId: 'org1', teamId: 'blue' })
    addTickets(org, [{ key: 'A-1', title: 'One' }, { key: 'A-2', title: 'Two' }, { key: 'A-3', title: 'Three' }], 'pasted', ana)
    const c = backlogCommands(org)
    c.assign('A-1', 'red')
    c.assign('A-2', 'blue')
    c.assign('A-3', 'red')
    for (const id of ['A-1', 'A-2', 'A-3']) c.selectFor(id, 5)
    c.addQuestion('A-1', 'Which API?', 'question', ana)
    return { org, red, blue, c }
  }

  it('each team receives exactly its tickets, with the division’s questions; a second pass writes nothing', () => {
    const { org, red, blue } = spaces()
    expect(mirrorBacklog(org, 'org1', red, 'red')).toBe(true)
    expect(mirrorBacklog(org, 'org1', blue, 'blue')).toBe(true)
    expect(collection(red, LESS_ASSIGNED).list().map((t) => t.id)).toEqual(['A-1', 'A-3'])
    expect(collection(blue, LESS_ASSIGNED).list().map((t) => t.id)).toEqual(['A-2'])
    expect(collection(red, LESS_ASSIGNED).get('A-1')?.questions.map((q) => q.text)).toEqual(['Which API?'])
    expect(mirrorBacklog(org, 'org1', red, 'red')).toBe(false)
    // a team that follows another org gets nothing
    const other = new Y.Doc()
    saveTeamLink(other, { orgSpaceId: 'org2', teamId: 'red' })
    expect(mirrorBacklog(org, 'org1', other, 'red')).toBe(false)
  })

  it('a reassigned ticket leaves the old team and reaches the new one', () => {
    const { org, red, blue, c } = spaces()
    mirrorBacklog(org, 'org1', red, 'red')
    c.assign('A-3', 'blue')
    mirrorBacklog(org, 'org1', red, 'red')
    mirrorBacklog(org, 'org1', blue, 'blue')
    expect(collection(red, LESS_ASSIGNED).list().map((t) => t.id)).toEqual(['A-1'])
    expect(collection(blue, LESS_ASSIGNED).list().map((t) => t.id)).toEqual(['A-2', 'A-3'])
  })

  it('the team’s accepted estimate and questions reach the org’s ticket', () => {
    const { org, red } = spaces()
    mirrorBacklog(org, 'org1', red, 'red')
    collection(red, LESS_ESTIMATES).replace('A-1', { value: '8', round: 2, scale: 'fibonacci', acceptedBy: 'ana', acceptedByName: 'Ana', acceptedAt: 5 })
    collection(red, LESS_TEAM_QUESTIONS).create({ ticketId: 'A-1', text: 'Needs infra', kind: 'blocker', resolved: false, answer: '', authorId: 'ana', authorName: 'Ana', createdAt: 1 })
    mirrorBacklog(org, 'org1', red, 'red')
    expect(collection(org, LESS_TICKETS).get('A-1')).toMatchObject({ estimate: '8', estimateTeamId: 'red', teamQuestions: [{ text: 'Needs infra', kind: 'blocker' }] })
  })
})

describe('votes wait on the voter’s device until reveal', () => {
  const row = (round: number, value: string): PokerVoteRow => ({ id: `t/scrum/5|A-1#${round}`, docId: 't/scrum/5', spaceId: 't', ticketId: 'A-1', round, value, votedAt: 1 })

  it('nothing is published while the round is open; at reveal the vote goes in; a replaced round’s vote is dropped', () => {
    const doc = new Y.Doc()
    collection(doc, POKER_ROUNDS).patch(roundId('A-1', 1), { ticketId: 'A-1', round: 1, scale: 'fibonacci', custom: [], startedAt: 1 })
    collection(doc, POKER_MARKS).patch(voteId('A-1', 1, 'ana'), { ticketId: 'A-1', round: 1, memberId: 'ana', at: 1 })
    expect(publishWaitingVotes(doc, [row(1, '5')], 'ana')).toEqual([])
    expect(collection(doc, POKER_VOTES).list()).toEqual([])
    // the document says only that Ana voted, nowhere what
    expect(JSON.stringify(doc.toJSON())).not.toContain('"5"')

    collection(doc, POKER_ROUNDS).patch(roundId('A-1', 1), { revealed: true })
    expect(publishWaitingVotes(doc, [row(1, '5')], 'ana')).toEqual(['t/scrum/5|A-1#1'])
    expect(collection(doc, POKER_VOTES).get(voteId('A-1', 1, 'ana'))).toMatchObject({ value: '5', memberId: 'ana', round: 1 })

    collection(doc, POKER_ROUNDS).patch(roundId('A-1', 3), { ticketId: 'A-1', round: 3, scale: 'fibonacci', custom: [], startedAt: 2 })
    collection(doc, POKER_ROUNDS).patch(roundId('A-1', 2), { ticketId: 'A-1', round: 2, scale: 'fibonacci', custom: [], startedAt: 2 })
    expect(publishWaitingVotes(doc, [row(2, '8')], 'ana')).toEqual(['t/scrum/5|A-1#2'])
    expect(collection(doc, POKER_VOTES).get(voteId('A-1', 2, 'ana'))).toBeNull()
  })
})
