import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { journalFromMarkdown, journalToMarkdown } from '@shared/mentorship/journalMarkdown.ts'
import { describeJournalContent, journalToRecords, recordsToJournal } from '@shared/mentorship/journalRecords.ts'
import type { Journal } from '@shared/mentorship/journal.ts'

const SEED = readFileSync(new URL('../../fixtures/journal-seed.md', import.meta.url), 'utf8')

function ids() {
  let n = 0
  return () => `r${++n}`
}

/** The journal without its ids, which an import renews. */
function shape(journal: Journal) {
  const sessionIndex = new Map(journal.sessions.map((s, i) => [s.id, i]))
  const at = (id: string | null) => (id === null ? null : (sessionIndex.get(id) ?? -1))
  return {
    ...journal,
    sessions: journal.sessions.map(({ id: _id, ...s }) => s),
    tracks: journal.tracks.map(({ id: _id, discussedIn, ...t }) => ({ ...t, discussedIn: at(discussedIn) })),
    jointProjects: journal.jointProjects.map(({ id: _id, discussedIn, ...p }) => ({ ...p, discussedIn: at(discussedIn) }))
  }
}

describe('journal ⇄ records', () => {
  const seed = journalFromMarkdown(SEED).journal
  const header = { title: seed.title, firstDiscussed: seed.firstDiscussed, participants: seed.participants }

  it('keeps the whole seed journal through records', () => {
    const records = journalToRecords(seed, { newId: ids() })
    expect(records.sessions).toHaveLength(2)
    expect(records.tracks.map((t) => `${t.mentorName} → ${t.menteeName}: ${t.topic}`)).toEqual([
      'Daria → Bruce: React & Redux',
      'Bruce → Daria: lightweight processes focused on quality'
    ])
    expect(records.trackTickets.map((t) => t.key)).toEqual(['ENG-8504', 'ENG-8096'])
    expect(records.firstSteps).toHaveLength(2 + 6)
    expect(records.thoughts).toHaveLength(7)
    expect(records.projectNotes).toHaveLength(3)
    expect(shape(recordsToJournal(header, records))).toEqual(shape(seed))
  })

  it('round-trips the seed: import → records → export → import gives the same model', () => {
    const back = recordsToJournal(header, journalToRecords(seed, { newId: ids() }))
    const again = journalFromMarkdown(journalToMarkdown(back, { dateStyle: 'us' }))
    expect(again.unplaced).toEqual([])
    expect(shape(again.journal)).toEqual(shape(seed))
  })

  it('links tracks to the new session ids and keeps the journal’s order', () => {
    const records = journalToRecords(seed, { newId: ids() })
    const second = records.sessions[1]!
    expect(records.tracks.every((t) => t.discussedIn === second.id)).toBe(true)
    expect(records.sessions.map((s) => s.order)).toEqual([0, 1])
    expect(records.tracks.map((t) => t.order)).toEqual([0, 1])
    expect(records.projects[0]?.order).toBe(0)
    expect(records.notes[records.sessions[0]!.id]).toContain('bams and sams')
  })

  it('sorts sessions by date, undated ones last, and list items by order', () => {
    const records = journalToRecords(seed, { newId: ids() })
    records.sessions.push({ id: 'late', title: 'Undated', date: null, durationMinutes: null, order: -1 })
    records.sessions.push({ id: 'early', title: 'Kick-off', date: '2019-03-01', durationMinutes: 30, order: 9 })
    records.firstSteps[0]!.order = 99
    const journal = recordsToJournal(header, records)
    expect(journal.sessions.map((s) => s.title)).toEqual(['Kick-off', 'The Intro', 'First Step to Greatness', 'Undated'])
    expect(journal.tracks[0]?.firstSteps.map((s) => s.text)).toEqual(['Work on ENG-8096', 'Work on ENG-8504'])
  })

  it('describes what an import brings', () => {
    expect(describeJournalContent(seed)).toBe('2 sessions, 2 directions and 1 joint project')
    expect(describeJournalContent({ sessions: [], tracks: [], jointProjects: [] })).toBe('0 sessions, 0 directions and 0 joint projects')
  })
})
