import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addFirstStep, addThought, addTrack, addTrackTicket, readTracks, removeTrack } from '@features/mentorship/store/tracks.ts'
import { addActionItem, addProject, addProjectNote, readProjects, removeProject } from '@features/mentorship/store/projects.ts'
import { addSession, readSessions, removeSession, sessionNotes } from '@features/mentorship/store/sessions.ts'

// The pair's lists over real Yjs documents on two peers (regression: every new item used to get
// order 0, and removing a direction or a project left its children behind).
function pair() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  }
  return { a, b, sync }
}

const track = { mentorName: 'Daria', menteeName: 'Bruce', topic: 'React', discussedIn: null }

describe('a pair journal’s lists', () => {
  it('keeps first steps in the order they were written, and one order on both peers after concurrent inserts', () => {
    const { a, b, sync } = pair()
    const t = addTrack(a, track)
    for (const text of ['Read the docs', 'Build a todo app', 'Pair on a ticket', 'Ship a feature']) addFirstStep(a, t, text)
    expect(readTracks(a)[0]!.firstSteps.map((s) => s.text)).toEqual(['Read the docs', 'Build a todo app', 'Pair on a ticket', 'Ship a feature'])
    sync()
    addFirstStep(a, t, 'Daria adds')
    addFirstStep(b, t, 'Bruce adds')
    addThought(b, t, 'Hooks first?')
    sync()
    const onA = readTracks(a)[0]!.firstSteps.map((s) => s.text)
    expect(readTracks(b)[0]!.firstSteps.map((s) => s.text)).toEqual(onA)
    expect(onA.slice(0, 4)).toEqual(['Read the docs', 'Build a todo app', 'Pair on a ticket', 'Ship a feature'])
    expect(onA.slice(4).sort()).toEqual(['Bruce adds', 'Daria adds'])
  })

  it('orders sessions, directions and projects as added', () => {
    const { a } = pair()
    for (const title of ['Intro', 'Second', 'Third']) addSession(a, { title, date: null, durationMinutes: null })
    expect(readSessions(a).map((s) => s.title)).toEqual(['Intro', 'Second', 'Third'])
    for (const topic of ['React', 'Kafka', 'Go']) addTrack(a, { ...track, topic })
    expect(readTracks(a).map((t) => t.topic)).toEqual(['React', 'Kafka', 'Go'])
    for (const title of ['Blog', 'Talk']) addProject(a, title)
    expect(readProjects(a).map((p) => p.title)).toEqual(['Blog', 'Talk'])
  })

  it('removes a direction with its steps, thoughts and tickets on both peers', () => {
    const { a, b, sync } = pair()
    const gone = addTrack(a, track)
    const kept = addTrack(a, { ...track, topic: 'Kafka' })
    addFirstStep(a, gone, 'step')
    addThought(a, gone, 'thought')
    addTrackTicket(a, gone, 'ENG-1', null)
    addFirstStep(a, kept, 'kept step')
    sync()
    removeTrack(b, gone)
    sync()
    for (const d of [a, b]) {
      expect(readTracks(d).map((t) => t.topic)).toEqual(['Kafka'])
      expect(readTracks(d)[0]!.firstSteps.map((s) => s.text)).toEqual(['kept step'])
      const names = [...d.share.keys()].filter((k) => k.startsWith('firstSteps::') || k.startsWith('thoughts::') || k.startsWith('trackTickets::'))
      const live = names.filter((n) => Object.keys(d.getMap(n).toJSON()).some((k) => k !== '__deleted'))
      expect(live).toHaveLength(1)
    }
  })

  it('removes a joint project with its notes and action items on both peers', () => {
    const { a, b, sync } = pair()
    const p = addProject(a, 'Blog post')
    addProjectNote(a, p, 'outline')
    addActionItem(a, p, 'draft', 'Daria')
    sync()
    removeProject(b, p)
    sync()
    for (const d of [a, b]) {
      expect(readProjects(d)).toEqual([])
      const live = [...d.share.keys()]
        .filter((k) => k.startsWith('projectNotes::') || k.startsWith('actionItems::'))
        .filter((n) => Object.keys(d.getMap(n).toJSON()).some((k) => k !== '__deleted'))
      expect(live).toEqual([])
    }
  })

  it('empties a removed session’s notes, and reads create no stray root maps', () => {
    const { a } = pair()
    const s = addSession(a, { title: 'Intro', date: null, durationMinutes: null })
    sessionNotes(a, s).insert(0, [new Y.XmlText('We talked')])
    readTracks(a)
    readProjects(a)
    removeSession(a, s)
    expect(sessionNotes(a, s).length).toBe(0)
    expect([...a.share.keys()].filter((k) => !k.includes('::') && !k.startsWith('session:'))).toEqual([])
  })
})
