import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { journalFromMarkdown } from '@shared/mentorship/journalMarkdown.ts'
import type { Journal } from '@shared/mentorship/journal.ts'
import { importJournal, journalMarkdown, readJournal, UNPLACED_SESSION_TITLE } from '@features/mentorship/store/journalIO.ts'
import { markdownToNotes, notesToMarkdown } from '@features/mentorship/store/notesMarkdown.ts'
import { readPairInfo } from '@features/mentorship/store/pair.ts'
import { readTracks } from '@features/mentorship/store/tracks.ts'
import { FLOW, PAIR_FLOW } from '@features/mentorship/store/lists.ts'
import { collection } from '@core/collections/index.ts'
import { currentStep } from '@shared/mentorship/programFlow.ts'

const SEED = readFileSync(new URL('../../fixtures/journal-seed.md', import.meta.url), 'utf8')

function withoutIds(journal: Journal) {
  const index = new Map(journal.sessions.map((s, i) => [s.id, i]))
  return {
    ...journal,
    sessions: journal.sessions.map(({ id: _id, ...s }) => s),
    tracks: journal.tracks.map(({ id: _id, discussedIn, ...t }) => ({ ...t, discussedIn: discussedIn && index.get(discussedIn) })),
    jointProjects: journal.jointProjects.map(({ id: _id, discussedIn, ...p }) => ({ ...p, discussedIn: discussedIn && index.get(discussedIn) }))
  }
}

describe('a pair’s journal document', () => {
  it('imports the seed into records and rich-text notes, and exports it back to the same model', () => {
    const doc = new Y.Doc()
    const seed = journalFromMarkdown(SEED)
    const summary = importJournal(doc, seed.journal, seed.unplaced, { keepUnplaced: true })
    expect(summary).toBe('Imported 2 sessions, 2 directions and 1 joint project.')
    const info = readPairInfo(doc)
    expect(info.title).toBe('First SMP Process')
    expect(info.participants.map((p) => p.name)).toEqual(['Daria', 'Bruce'])
    expect(info.trackerBaseUrl).toBe('https://shippo.atlassian.net/browse/')
    expect(readTracks(doc).map((t) => t.tickets.map((x) => x.key))).toEqual([['ENG-8504', 'ENG-8096'], []])

    const exported = journalMarkdown(doc)
    expect(withoutIds(readJournal(doc))).toEqual(withoutIds(seed.journal))
    const again = journalFromMarkdown(exported)
    expect(again.unplaced).toEqual([])
    expect(withoutIds(again.journal)).toEqual(withoutIds(seed.journal))
    expect(exported).toContain('First discussed: 4/2/2019')
    expect(exported).toContain('[ENG-8504](https://shippo.atlassian.net/browse/ENG-8504)')
  })

  it('travels to another peer through Yjs updates', () => {
    const a = new Y.Doc()
    const seed = journalFromMarkdown(SEED)
    importJournal(a, seed.journal, [], { keepUnplaced: true })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(journalMarkdown(b)).toBe(journalMarkdown(a))
  })

  it('keeps what could not be placed in a session of its own, and adds after existing content', () => {
    const doc = new Y.Doc()
    const seed = journalFromMarkdown(SEED)
    importJournal(doc, seed.journal, [], { keepUnplaced: false })
    const odd = journalFromMarkdown('# Pair\n\nParticipants: Ada and Bo\n\nA stray line before any session.\n\n## Kick-off (30 mins)\n\nHello.\n')
    expect(odd.unplaced).toHaveLength(1)
    const summary = importJournal(doc, odd.journal, odd.unplaced, { keepUnplaced: true })
    expect(summary).toContain(UNPLACED_SESSION_TITLE)
    const journal = readJournal(doc)
    expect(journal.title).toBe('First SMP Process')
    expect(journal.sessions.map((s) => s.title)).toEqual(['The Intro', 'First Step to Greatness', 'Kick-off', UNPLACED_SESSION_TITLE])
    expect(journal.sessions[3]?.notes).toBe('A stray line before any session.')
  })
})

describe('importing a journal moves the program on', () => {
  it('the seed\'s sessions of 2019 leave the pair meeting on a cadence, not at the intro', () => {
    const doc = new Y.Doc()
    const seed = journalFromMarkdown(SEED)
    importJournal(doc, seed.journal, seed.unplaced, { keepUnplaced: true, today: '2026-11-29' })
    const flow = collection(doc, PAIR_FLOW).get(FLOW)
    expect(flow).toMatchObject({ introDone: true, introHeldOn: '2019-04-19', fitDone: true, planDone: true })
    expect(currentStep(flow!)).toBe('cadence')
  })
})

describe('session notes as Markdown', () => {
  it('round-trips headings, lists, emphasis, links and quotes', () => {
    const doc = new Y.Doc()
    const notes = doc.getXmlFragment('n')
    const markdown = 'We met.\n\n### Next\n\n- read **Kanban**\n- try ENG-8504 with [the board](https://example.com/board)\n\n> quality is a habit\n\n1. one\n2. two'
    markdownToNotes(notes, markdown)
    // in the journal's one writing style (markdownTree.ts): "*" bullets, "__strong__"
    const written = 'We met.\n\n### Next\n\n* read __Kanban__\n* try ENG-8504 with [the board](https://example.com/board)\n\n> quality is a habit\n\n1. one\n2. two'
    expect(notesToMarkdown(notes)).toBe(written)
    markdownToNotes(notes, written)
    expect(notesToMarkdown(notes)).toBe(written)
    markdownToNotes(notes, '')
    expect(notesToMarkdown(notes)).toBe('')
  })

  it('drops the blank-paragraph markers an editor leaves', () => {
    const doc = new Y.Doc()
    const notes = doc.getXmlFragment('n')
    markdownToNotes(notes, 'a\n\n&nbsp;\n\nb')
    expect(notesToMarkdown(notes)).toBe('a\n\nb')
  })

  it('keeps a numbered list item\'s second line, nested lists, code and task boxes where they were (issue 15: TipTap wrote the second line one space in)', () => {
    const doc = new Y.Doc()
    const notes = doc.getXmlFragment('n')
    const markdown = '1. tests\n   quality service\n2. second\n   * nested\n3. with code\n   ```\n   const a = 1\n   ```\n\n* [ ] open\n* [x] done\n\nA line\\\nbroken by hand, `code` and ~~struck~~ _words_'
    markdownToNotes(notes, markdown)
    expect(notesToMarkdown(notes)).toBe(markdown)
  })
})
