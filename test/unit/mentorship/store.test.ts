import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { DocLink } from '@core/sync/docLink.ts'
import { journalDoc, journalLink, journalOf, PAIR_DOC_KEY, type Journal } from '@features/mentorship/store/docs.ts'
import { addFirstStep, addThought, addTrack, addTrackTicket, readTracks, removeTrack } from '@features/mentorship/store/tracks.ts'
import { addActionItem, addProject, addProjectNote, readProjects, removeProject } from '@features/mentorship/store/projects.ts'
import { addSession, readSessions, removeSession, sessionNotes, sessionNotesBinding } from '@features/mentorship/store/sessions.ts'

// The pair's lists over real Yjs documents on two peers (regression: every new item used to get
// order 0, and removing a direction or a project left its children behind). Each peer has the
// journal open as a screen has it: a Journal handle over the document's link.
const SPACE = 'pair-space'

/** A loaded journal document's link as the sync manager gives it (document and awareness). */
function linkTo(doc: Y.Doc): DocLink {
  return { docId: `${SPACE}/${PAIR_DOC_KEY}`, doc, awareness: new Awareness(doc) } as unknown as DocLink
}

function open(): { doc: Y.Doc; journal: Journal } {
  const doc = new Y.Doc()
  return { doc, journal: journalOf(linkTo(doc), SPACE) }
}

function pair() {
  const a = open()
  const b = open()
  const sync = () => {
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)))
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)))
  }
  return { a: a.journal, b: b.journal, docA: a.doc, docB: b.doc, sync }
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
    const { a, b, docA, docB, sync } = pair()
    const gone = addTrack(a, track)
    const kept = addTrack(a, { ...track, topic: 'Kafka' })
    addFirstStep(a, gone, 'step')
    addThought(a, gone, 'thought')
    addTrackTicket(a, gone, 'ENG-1', null)
    addFirstStep(a, kept, 'kept step')
    sync()
    removeTrack(b, gone)
    sync()
    for (const [d, doc] of [[a, docA], [b, docB]] as const) {
      expect(readTracks(d).map((t) => t.topic)).toEqual(['Kafka'])
      expect(readTracks(d)[0]!.firstSteps.map((s) => s.text)).toEqual(['kept step'])
      const names = [...doc.share.keys()].filter((k) => k.startsWith('firstSteps::') || k.startsWith('thoughts::') || k.startsWith('trackTickets::'))
      const live = names.filter((n) => Object.keys(doc.getMap(n).toJSON()).some((k) => k !== '__deleted'))
      expect(live).toHaveLength(1)
    }
  })

  it('removes a joint project with its notes and action items on both peers', () => {
    const { a, b, docA, docB, sync } = pair()
    const p = addProject(a, 'Blog post')
    addProjectNote(a, p, 'outline')
    addActionItem(a, p, 'draft', 'Daria')
    sync()
    removeProject(b, p)
    sync()
    for (const [d, doc] of [[a, docA], [b, docB]] as const) {
      expect(readProjects(d)).toEqual([])
      const live = [...doc.share.keys()]
        .filter((k) => k.startsWith('projectNotes::') || k.startsWith('actionItems::'))
        .filter((n) => Object.keys(doc.getMap(n).toJSON()).some((k) => k !== '__deleted'))
      expect(live).toEqual([])
    }
  })

  it('empties a removed session’s notes, and reads create no stray root maps', () => {
    const { a, docA } = pair()
    const s = addSession(a, { title: 'Intro', date: null, durationMinutes: null })
    sessionNotes(a, s).insert(0, [new Y.XmlText('We talked')])
    readTracks(a)
    readProjects(a)
    removeSession(a, s)
    expect(sessionNotes(a, s).length).toBe(0)
    expect([...docA.share.keys()].filter((k) => !k.includes('::') && !k.startsWith('session:'))).toEqual([])
  })
})

describe('a journal as screens hold it', () => {
  it('is one handle per open document, and stands for that document in every command', () => {
    const doc = new Y.Doc()
    const link = linkTo(doc)
    const journal = journalOf(link, SPACE)
    expect(journalOf(link, SPACE)).toBe(journal)
    expect(journal).toEqual({ spaceId: SPACE })
    expect(journalDoc(journal)).toBe(doc)
    addSession(journal, { title: 'Intro', date: null, durationMinutes: null })
    // the bare document (node callers: the bench seed, fuzzing) reads what the handle wrote
    expect(readSessions(doc)).toEqual(readSessions(journal))
    addSession(doc, { title: 'Second', date: null, durationMinutes: null })
    expect(readSessions(journal).map((s) => s.title)).toEqual(['Intro', 'Second'])
  })

  it('binds a session’s notes for the editor: that session’s fragment and the journal’s awareness', () => {
    const { a, docA } = pair()
    const s = addSession(a, { title: 'Intro', date: null, durationMinutes: null })
    const binding = sessionNotesBinding(a, s)
    expect(binding.fragment).toBe(docA.getXmlFragment(`session:${s}`))
    expect(binding.fragment).toBe(sessionNotes(a, s))
    expect(binding.awareness).toBe(journalLink(a).awareness)
    expect(binding.awareness.doc).toBe(docA)
  })

  it('refuses a handle the store did not open', () => {
    const stranger: Journal = { spaceId: SPACE }
    expect(() => readSessions(stranger)).toThrow('This journal is no longer open.')
  })
})
