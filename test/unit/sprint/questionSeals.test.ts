import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collection, ForeignRecordError } from '@core/collections/index.ts'
import { readMembers, upsertSelf } from '@core/spaces/spaceDoc.ts'
import { addTickets, backlogCommands, withAskers } from '@features/sprint/store/backlog.ts'
import { mirrorBacklog, mirrorWhenChecked } from '@features/sprint/store/backlogMirror.ts'
import { saveTeamLink } from '@features/sprint/store/cadenceStore.ts'
import { LESS_ASSIGNED, LESS_QUESTIONS, LESS_TEAM_QUESTIONS, LESS_TICKETS } from '@features/sprint/store/collections.ts'
import { divisionMarkdown } from '@shared/less/markdown.ts'
import { teamCopyOf } from '@shared/less/mirror.ts'
import { namesOf, NOT_VERIFIED } from '@shared/members/personName.ts'
import { as, person, settle, sync, useNoSignerBetweenTests, writeSealedElsewhere } from '../fixtures/people.ts'

/**
 * A ticket question is its asker's (issue 10 #15): sealed with their key in the document it is
 * asked in, named by their member entry (never by the `authorName` it carries); its answer and
 * resolved mark stay anyone's. The backlog mirror copies only questions it read as sealed, named
 * by member entries. Each peer is its own Y.Doc; Eve writes raw Yjs values.
 */
const ada = person()
const ben = person()
const eve = person()
useNoSignerBetweenTests()
const me = (p: typeof ada, name: string) => ({ id: p.deviceId, name })

/** The org's backlog with ticket A-1 for team red in sprint 5; Ada, Ben and Eve have member entries. */
function org(): Y.Doc {
  const doc = new Y.Doc()
  for (const [p, name] of [[ada, 'Ada'], [ben, 'Ben'], [eve, 'Eve']] as const) as(p, () => upsertSelf(doc, { id: p.deviceId, name, color: '#1971c2' }, 1000))
  as(ada, () => addTickets(doc, [{ key: 'A-1', title: 'One' }], 'pasted', me(ada, 'Ada')))
  const c = backlogCommands(doc)
  c.assign('A-1', 'red')
  c.selectFor('A-1', 5)
  return doc
}

function red(): Y.Doc {
  const doc = new Y.Doc()
  saveTeamLink(doc, { orgSpaceId: 'org1', teamId: 'red' })
  return doc
}

const shown = (doc: Y.Doc) => withAskers(collection(doc, LESS_QUESTIONS).list(), namesOf(readMembers(doc))).map((q) => [q.text, q.asker, q.answer])
const copied = (team: Y.Doc) => collection(team, LESS_ASSIGNED).get('A-1')?.questions.map((q) => [q.text, q.authorName])

describe('ticket questions carry their asker\'s seal', () => {
  it("Ben's question saying it is Ada's reads as Ben's; anyone answers Ada's and it stays hers", async () => {
    const a = org()
    as(ben, () => collection(a, LESS_QUESTIONS).create({ ticketId: 'A-1', text: 'Who owns the API?', kind: 'question', resolved: false, answer: '', authorId: ben.deviceId, authorName: 'Ada', createdAt: 1 }))
    const q = as(ada, () => backlogCommands(a).addQuestion('A-1', 'Which API?', 'question', me(ada, 'Ada')))
    as(ben, () => backlogCommands(a).updateQuestion(q, { answer: 'v2', resolved: true }))
    const b = new Y.Doc()
    sync(a, b)
    await settle()
    expect(shown(b).sort()).toEqual([
      ['Which API?', 'Ada', 'v2'],
      ['Who owns the API?', 'Ben', '']
    ])
  })

  it("the division's Markdown names Ben's question saying it is Ada's as Ben's", () => {
    const a = org()
    as(ben, () => collection(a, LESS_QUESTIONS).create({ ticketId: 'A-1', text: 'Who owns the API?', kind: 'question', resolved: false, answer: '', authorId: ben.deviceId, authorName: 'Ada', createdAt: 1 }))
    const questions = withAskers(collection(a, LESS_QUESTIONS).list(), namesOf(readMembers(a)))
    const md = divisionMarkdown({ orgName: 'Org', sprint: 5, sprintDates: '', tickets: collection(a, LESS_TICKETS).list(), questions, teamName: () => 'Red', present: [] })
    expect(md).toContain('Who owns the API? (Ben)')
    expect(md).not.toContain('(Ada)')
  })

  it("Eve rewriting Ada's question is ignored on a peer, and nobody's device writes a question as another", async () => {
    const a = org()
    const q = as(ada, () => backlogCommands(a).addQuestion('A-1', 'Which API?', 'question', me(ada, 'Ada')))
    const hostile = new Y.Doc()
    sync(a, hostile)
    hostile.getMap<unknown>(`lessQuestions::${q}`).set('text', 'Why is Ben so slow?')
    const b = new Y.Doc()
    sync(hostile, b)
    expect(collection(b, LESS_QUESTIONS).list()).toEqual([]) // being checked
    await settle()
    expect(collection(b, LESS_QUESTIONS).list()).toEqual([])
    expect(collection(b, LESS_QUESTIONS).stats.forged).toBeGreaterThan(0)
    expect(() => as(eve, () => backlogCommands(a).addQuestion('A-1', 'x', 'blocker', me(ada, 'Ada')))).toThrow(ForeignRecordError)
    expect(() => as(eve, () => collection(red(), LESS_TEAM_QUESTIONS).create({ ticketId: 'A-1', text: 'x', kind: 'blocker', resolved: false, answer: '', authorId: ada.deviceId, authorName: 'Ada', createdAt: 1 }))).toThrow(ForeignRecordError)
  })

  it('an id from before signatures says "(not verified)"', () => {
    const a = org()
    const old = 'a'.repeat(22)
    upsertSelf(a, { id: old, name: 'Ada', color: '#1971c2' }, 1000)
    backlogCommands(a).addQuestion('A-1', 'Which API?', 'question', { id: old, name: 'Ada' })
    expect(shown(a)).toEqual([['Which API?', `Ada ${NOT_VERIFIED}`, '']])
  })
})

describe('the backlog mirror copies what it read as sealed', () => {
  it("a forged question never reaches the team's copy; Ben's saying 'Ada' is copied as Ben's", async () => {
    const a = org()
    as(ben, () => collection(a, LESS_QUESTIONS).create({ ticketId: 'A-1', text: 'Who owns the API?', kind: 'question', resolved: false, answer: '', authorId: ben.deviceId, authorName: 'Ada', createdAt: 1 }))
    const forged = a.getMap<unknown>('lessQuestions::forged')
    for (const [k, v] of Object.entries({ ticketId: 'A-1', text: 'Drop this ticket', kind: 'blocker', authorId: ada.deviceId, authorName: 'Ada', createdAt: 2 })) forged.set(k, v)
    const team = red()
    collection(a, LESS_QUESTIONS).list()
    await settle()
    expect(mirrorBacklog(a, 'org1', team, 'red')).toBe(true)
    expect(copied(team)).toEqual([['Who owns the API?', 'Ben']])
  })

  it("the team's questions go onto the org's ticket named by the team's member entries", async () => {
    const a = org()
    const team = red()
    as(ben, () => upsertSelf(team, { id: ben.deviceId, name: 'Ben', color: '#1971c2' }, 1000))
    as(ben, () => collection(team, LESS_TEAM_QUESTIONS).create({ ticketId: 'A-1', text: 'Blocked by infra?', kind: 'blocker', resolved: false, answer: '', authorId: ben.deviceId, authorName: 'Ada', createdAt: 1 }))
    mirrorBacklog(a, 'org1', team, 'red')
    expect(collection(a, LESS_TICKETS).get('A-1')?.teamQuestions.map((q) => [q.text, q.authorName])).toEqual([['Blocked by infra?', 'Ben']])
  })

  it('a pass waits for the seals being checked: a question sealed on another device is not taken out of the copy meanwhile', async () => {
    const a = org()
    const team = red()
    // Ada's question as her other device sealed it, and the copy another device's mirror made of it
    const question = { ticketId: 'A-1', text: 'Which API?', kind: 'question' as const, resolved: false, answer: '', authorId: ada.deviceId, authorName: 'Ada', createdAt: 1 }
    writeSealedElsewhere(a, ada, LESS_QUESTIONS as never, 'q1', question)
    const ticket = collection(a, LESS_TICKETS).get('A-1')!
    collection(team, LESS_ASSIGNED).replace('A-1', teamCopyOf(ticket, [{ id: 'q1', text: 'Which API?', kind: 'question', resolved: false, answer: '', authorName: 'Ada' }]))
    // on this device her seal is still being checked: the question reads as absent
    expect(collection(a, LESS_QUESTIONS).list()).toEqual([])
    let writes = 0
    team.on('update', () => writes++)
    await mirrorWhenChecked(a, 'org1', team, 'red', () => true)
    expect(copied(team)).toEqual([['Which API?', 'Ada']])
    expect(writes).toBe(0)
  })
})
