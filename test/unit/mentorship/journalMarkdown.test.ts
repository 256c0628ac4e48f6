import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Journal, discussedIn, otherParticipant } from '@shared/mentorship/journal.ts'
import { journalFromMarkdown, journalToMarkdown } from '@shared/mentorship/journalMarkdown.ts'
import { parseMarkdown, plainText } from '@shared/mentorship/markdownTree.ts'

const SEED = readFileSync(new URL('../../fixtures/journal-seed.md', import.meta.url), 'utf8')
const seed = journalFromMarkdown(SEED)
const BROWSE = 'https://shippo.atlassian.net/browse/'

function headings(markdown: string): string[] {
  return parseMarkdown(markdown)
    .children.filter((n) => n.type === 'heading')
    .map((n) => `${'#'.repeat(n.type === 'heading' ? n.depth : 0)} ${plainText(n).trim()}`)
}

describe('importing the seed journal', () => {
  const { journal } = seed

  it('places everything', () => {
    expect(seed.unplaced).toEqual([])
    expect(seed.warnings).toEqual([])
    expect(Journal.safeParse(journal).success).toBe(true)
  })

  it('reads the header', () => {
    expect(journal.title).toBe('First SMP Process')
    expect(journal.firstDiscussed).toBe('2019-04-02')
    expect(journal.participants).toEqual(['Daria', 'Bruce'])
  })

  it('reads the two sessions with date, duration and notes', () => {
    expect(journal.sessions.map(({ title, date, durationMinutes }) => ({ title, date, durationMinutes }))).toEqual([
      { title: 'The Intro', date: '2019-04-19', durationMinutes: 35 },
      { title: 'First Step to Greatness', date: '2019-05-01', durationMinutes: 60 }
    ])
    const intro = journal.sessions[0]?.notes ?? ''
    expect(intro.startsWith('In the first SMP intro meeting, we went through our bams and sams')).toBe(true)
    expect(intro).toContain('\n\nIt was also determined that while its best to have a 1 month candence')
    expect(intro.endsWith('their 1x1 discussions with their respective managers.')).toBe(true)
    expect(journal.sessions[1]?.notes).toBe('')
  })

  it("reads Daria's track: React & Redux for Bruce, with its tickets as first steps", () => {
    const [daria] = journal.tracks
    expect(daria).toEqual({
      id: 'track-1',
      mentor: 'Daria',
      mentee: 'Bruce',
      topic: 'React & Redux',
      discussedIn: 'session-2',
      tickets: [
        { key: 'ENG-8504', url: `${BROWSE}ENG-8504` },
        { key: 'ENG-8096', url: `${BROWSE}ENG-8096` }
      ],
      thoughts: [],
      firstSteps: [
        { text: 'Work on ENG-8504', done: false },
        { text: 'Work on ENG-8096', done: false }
      ]
    })
  })

  it("reads Bruce's track: 7 thoughts / ideas and 6 first steps for Daria", () => {
    const bruce = journal.tracks[1]
    expect(bruce).toMatchObject({ mentor: 'Bruce', mentee: 'Daria', topic: 'lightweight processes focused on quality', discussedIn: 'session-2', tickets: [] })
    expect(bruce?.thoughts).toHaveLength(7)
    expect(bruce?.thoughts[0]).toMatch(/^Quality has a lot of connotations/)
    expect(bruce?.thoughts[6]).toMatch(/^Adopt Kanban practices .* page 22\)\.$/)
    expect(bruce?.firstSteps).toHaveLength(6)
    expect(bruce?.firstSteps[1]).toEqual({ text: 'Encourage you to read Kanban :)', done: false })
    expect(bruce?.firstSteps[5]?.text).toMatch(/^Observe\/train on Kanban process on Growth team/)
  })

  it('reads the joint project with its 3 notes', () => {
    expect(journal.jointProjects).toHaveLength(1)
    const [project] = journal.jointProjects
    expect(project?.title).toBe('Find the best way to share deeper knowledge share among engineers')
    expect(project?.discussedIn).toBe('session-2')
    expect(project?.notes).toHaveLength(3)
    expect(project?.notes[2]).toBe('Tooling is never the issue, although some may be helpful, such as "Discourse" or "Stack Overflow" to make it easy to share')
    expect(project?.actionItems).toEqual([])
    expect(discussedIn(journal, 'session-2').tracks).toHaveLength(2)
    expect(discussedIn(journal, 'session-1')).toEqual({ tracks: [], jointProjects: [] })
  })
})

describe('exporting the seed journal', () => {
  const us = journalToMarkdown(seed.journal, { dateStyle: 'us' })

  it('round-trips: import → export → import gives the same journal', () => {
    for (const exported of [us, journalToMarkdown(seed.journal)]) {
      const again = journalFromMarkdown(exported)
      expect(again.unplaced).toEqual([])
      expect(again.warnings).toEqual([])
      expect(again.journal).toEqual(seed.journal)
      expect(journalToMarkdown(again.journal, { dateStyle: 'us' })).toBe(us)
    }
  })

  it("keeps the seed's section structure", () => {
    expect(headings(us)).toEqual(headings(SEED))
    expect(headings(us)).toEqual([
      '# First SMP Process',
      '## The Intro (35 mins)',
      '## First Step to Greatness (1 hour)',
      '### Daria as a mentor - React & Redux',
      '### Bruce as a mentor - lightweight processes focused on quality',
      '### Joint project - Find the best way to share deeper knowledge share among engineers'
    ])
    const lines = us.split('\n')
    for (const line of [
      'First discussed: 4/2/2019',
      'Participants: Daria and Bruce',
      'Date: 4/19/2019',
      'Date: 5/1/2019',
      '* Work on [ENG-8504](https://shippo.atlassian.net/browse/ENG-8504)',
      '__Thoughts / Ideas__',
      '__First Steps__',
      '* Encourage you to read Kanban :)'
    ]) {
      expect(lines).toContain(line)
    }
    expect(lines.indexOf('__Thoughts / Ideas__')).toBeLessThan(lines.indexOf('__First Steps__'))
    expect(lines.indexOf('## First Step to Greatness (1 hour)')).toBeLessThan(lines.indexOf('### Daria as a mentor - React & Redux'))
  })

  it('writes unambiguous ISO dates by default', () => {
    const iso = journalToMarkdown(seed.journal)
    expect(iso).toContain('First discussed: 2019-04-02')
    expect(iso).toContain('Date: 2019-04-19')
  })
})

describe('tolerant import', () => {
  it('keeps only web addresses as ticket links (regression: javascript: and file: links were kept)', () => {
    const text = [
      '# Pair',
      'Participants: Daria and Bruce',
      '## Daria as a mentor - Redux',
      '* [ ] Read [ENG-1](javascript:alert(document.cookie)) and [ENG-2](file:///etc/passwd)',
      '* [ ] Then [ENG-3](https://t.example/browse/ENG-3)'
    ].join('\n\n')
    const { journal } = journalFromMarkdown(text)
    expect(journal.tracks[0]!.tickets).toEqual([
      { key: 'ENG-1', url: null },
      { key: 'ENG-2', url: null },
      { key: 'ENG-3', url: 'https://t.example/browse/ENG-3' }
    ])
  })

  it('reads the seed with headings one level deeper, other bullets, bold labels, ISO dates and other durations', () => {
    const variant = SEED.replace(/^(#+) /gm, '#$1 ')
      .replace(/^( ?)\* /gm, (_, space: string, offset: number) => `${space}${offset % 2 ? '-' : '+'} `)
      .replace('Date: 4/19/2019', '**Date:** 2019-04-19')
      .replace('Date: 5/1/2019', '__Date__: May 1, 2019')
      .replace('(1 hour)', '(1h)')
      .replace('(35 mins)', '(35 min)')
      .replace('__First Steps__', '**First Steps:**')
      .replace('__Thoughts / Ideas__', '**Thoughts/Ideas**')
      .replace('First discussed: 4/2/2019', 'First discussed: 2019-04-02')
    const result = journalFromMarkdown(variant)
    expect(result.unplaced).toEqual([])
    expect(result.journal).toEqual(seed.journal)
  })

  it('reads sessions at the title level and tracks one below', () => {
    const flat = SEED.replace(/^## /gm, '# ').replace(/^### /gm, '## ')
    const result = journalFromMarkdown(flat)
    expect(result.unplaced).toEqual([])
    expect(result.journal).toEqual(seed.journal)
  })

  it('reads durations and dates from the heading or from lines under it', () => {
    const text = `# Pair\n\nParticipants: Ana & Ben\n\n## Kick-off (4/19/2019, 1h30)\n\nNotes here.\n\n## Check-in\n\n**Date:** 2019-06-01\nDuration: 90 min\nWe met in the park.\n\n## Planning (a long one)\n`
    const { journal, unplaced } = journalFromMarkdown(text)
    expect(unplaced).toEqual([])
    expect(journal.participants).toEqual(['Ana', 'Ben'])
    expect(journal.sessions).toEqual([
      { id: 'session-1', title: 'Kick-off', date: '2019-04-19', durationMinutes: 90, notes: 'Notes here.' },
      { id: 'session-2', title: 'Check-in', date: '2019-06-01', durationMinutes: 90, notes: 'We met in the park.' },
      { id: 'session-3', title: 'Planning (a long one)', date: null, durationMinutes: null, notes: '' }
    ])
  })

  it('reads task lists, action items with owners, and tickets without links', () => {
    const text = [
      '# Pair',
      'Participants: Daria and Bruce',
      '## Daria as a mentor - Redux',
      '* [x] Read the Redux docs for ENG-1',
      '* [ ] Pair on ENG-2',
      '## Joint project - Rotation',
      '* Why rotate?',
      '* [ ] Bruce: draft the proposal',
      '**Action items**',
      '* [x] Talk to managers',
      '* Sam: not in the pair, so no owner'
    ].join('\n\n')
    const { journal, unplaced } = journalFromMarkdown(text, { trackerBaseUrl: 'https://t.example/browse' })
    expect(unplaced).toEqual([])
    expect(journal.tracks[0]).toMatchObject({
      discussedIn: null,
      mentee: 'Bruce',
      firstSteps: [
        { text: 'Read the Redux docs for ENG-1', done: true },
        { text: 'Pair on ENG-2', done: false }
      ],
      tickets: [
        { key: 'ENG-1', url: 'https://t.example/browse/ENG-1' },
        { key: 'ENG-2', url: 'https://t.example/browse/ENG-2' }
      ]
    })
    expect(journal.jointProjects[0]).toEqual({
      id: 'project-1',
      title: 'Rotation',
      discussedIn: null,
      notes: ['Why rotate?'],
      actionItems: [
        { text: 'draft the proposal', owner: 'Bruce', done: false },
        { text: 'Talk to managers', owner: null, done: true },
        { text: 'Sam: not in the pair, so no owner', owner: null, done: false }
      ]
    })
  })

  it('reports stray content with its line instead of dropping it', () => {
    const text = [
      'Draft, do not share', // 1
      '',
      '# First SMP Process', // 3
      '',
      'First discussed: 4/2/2019',
      'Participants: Daria and Bruce',
      'Cadence: monthly', // 7
      '',
      '## The Intro (35 mins)',
      '',
      'Date: 4/19/2019',
      '',
      '### Daria as a mentor - React & Redux', // 13
      '',
      'We agreed this is a big one.', // 15
      '',
      '* Work on ENG-8504',
      '',
      '__Tickets__',
      '',
      '* the login bug', // 21
      '',
      '#### Resources', // 23
      '',
      '* [a talk](https://example.com)', // 25
      '',
      '### Joint project - Knowledge sharing',
      '',
      '| a | b |', // 29
      '| - | - |',
      '| 1 | 2 |'
    ].join('\n')
    const { journal, unplaced } = journalFromMarkdown(text)
    expect(unplaced).toEqual([
      { line: 1, text: 'Draft, do not share', reason: 'content before the journal title' },
      { line: 7, text: 'Cadence: monthly', reason: 'the journal header holds only the title, "First discussed:" and "Participants:"' },
      { line: 15, text: 'We agreed this is a big one.', reason: 'text in a mentor track outside its lists (Thoughts / Ideas, First Steps, Tickets)' },
      { line: 21, text: 'the login bug', reason: 'a Tickets item without a ticket key such as ENG-8504' },
      { line: 23, text: '#### Resources', reason: 'a sub-heading inside a mentor track that is not one of its sections' },
      { line: 25, text: '* [a talk](https://example.com)', reason: 'under "Resources", which is not a section of the mentor track' },
      { line: 29, text: '| a | b |\n| - | - |\n| 1 | 2 |', reason: 'text in a joint project outside its lists (Notes, Action Items)' }
    ])
    expect(journal.tracks[0]?.firstSteps).toEqual([{ text: 'Work on ENG-8504', done: false }])
    expect(journal.firstDiscussed).toBe('2019-04-02')
  })

  it("keeps session notes as the writers' own Markdown: sub-headings, lists, links, quotes", () => {
    const text = '# J\r\n\r\n## Sync (30 mins)\r\n\r\nDate: 2019-06-01\r\n\r\n### What we read\r\n\r\n- [Kanban](https://example.com/kanban) by *Anderson*\r\n- **Drive**\r\n\r\n> a quote\r\n'
    const { journal, unplaced } = journalFromMarkdown(text)
    expect(unplaced).toEqual([])
    const notes = '### What we read\n\n- [Kanban](https://example.com/kanban) by *Anderson*\n- **Drive**\n\n> a quote'
    expect(journal.sessions[0]?.notes).toBe(notes)
    expect(journalToMarkdown(journal)).toContain(`Date: 2019-06-01\n\n${notes}\n`)
  })

  it('moves note headings that would read as sessions below the session on export', () => {
    const journal = { ...seed.journal, sessions: [{ id: 's', title: 'Sync', date: null, durationMinutes: null, notes: '## Not a session\n\ntext' }], tracks: [], jointProjects: [] }
    const text = journalToMarkdown(journal)
    expect(text).toContain('## Sync\n\n### Not a session\n\ntext\n')
    const back = journalFromMarkdown(text)
    expect(back.journal.sessions).toEqual([{ id: 'session-1', title: 'Sync', date: null, durationMinutes: null, notes: '### Not a session\n\ntext' }])
  })

  it('warns about a mentor outside the pair and fills missing participants from the tracks', () => {
    const noHeader = journalFromMarkdown('# J\n\n## Ana as a mentor - Go\n\n* one\n\n## Ben as a mentor - Rust\n\n* two\n')
    expect(noHeader.journal.participants).toEqual(['Ana', 'Ben'])
    expect(noHeader.journal.tracks.map((t) => t.mentee)).toEqual(['Ben', 'Ana'])
    const stranger = journalFromMarkdown('# J\n\nParticipants: Ana and Ben\n\n## Cy as a mentor - Go\n\n* one\n')
    expect(stranger.journal.tracks[0]?.mentee).toBe('')
    expect(stranger.warnings).toEqual([{ line: 5, text: 'Cy as a mentor - Go', reason: 'Cy is not one of the participants (Ana and Ben); the track has no mentee' }])
  })

  it('reads a journal without a title heading, and sub-headings of top-level tracks as unplaced', () => {
    const { journal, unplaced, warnings } = journalFromMarkdown('## Kick-off (30 mins)\n\nHello.\n\n## Ana as a mentor - Go\n\n* one\n\n### Resources\n\n* a book\n')
    expect(journal.title).toBe('')
    expect(warnings.map((w) => w.reason)).toContain('no title heading ("# First SMP Process"); the journal has no title')
    expect(journal.sessions).toEqual([{ id: 'session-1', title: 'Kick-off', date: null, durationMinutes: 30, notes: 'Hello.' }])
    expect(journal.tracks[0]).toMatchObject({ mentor: 'Ana', discussedIn: null, firstSteps: [{ text: 'one', done: false }] })
    expect(unplaced[0]).toEqual({ line: 9, text: '### Resources', reason: 'a sub-heading inside a mentor track that is not one of its sections' })
    expect(unplaced[1]).toEqual({ line: 11, text: '* a book', reason: 'under "Resources", which is not a section of the mentor track' })
    expect(unplaced).toHaveLength(2)
  })

  it('handles an empty file', () => {
    const empty = journalFromMarkdown('')
    expect(empty.journal).toEqual({ title: '', firstDiscussed: null, participants: ['', ''], sessions: [], tracks: [], jointProjects: [] })
    expect(empty.unplaced).toEqual([])
    expect(empty.warnings.map((w) => w.reason)).toEqual(['no title heading ("# First SMP Process"); the journal has no title'])
  })
})

describe('round trip of a richer journal', () => {
  const rich: Journal = {
    title: 'Ana & Ben',
    firstDiscussed: '2026-01-05',
    participants: ['Ana Silva', 'Ben Ode'],
    sessions: [
      { id: 'session-1', title: 'The Intro', date: '2026-01-12', durationMinutes: 30, notes: 'We traded **be a mentor** items.\n\n* Ana: Go\n* Ben: Rust' },
      { id: 'session-2', title: 'Lesson plans', date: null, durationMinutes: 90, notes: '#### Detail\n\nSee [the doc](https://example.com/doc).' },
      { id: 'session-3', title: 'Catch-up', date: '2026-03-01', durationMinutes: null, notes: '' }
    ],
    tracks: [
      {
        id: 'track-1',
        mentor: 'Ana',
        mentee: 'Ben Ode',
        topic: 'Go services',
        discussedIn: 'session-2',
        tickets: [
          { key: 'ENG-10', url: 'https://t.example/browse/ENG-10' },
          { key: 'OPS-3', url: null },
          { key: 'ENG-99', url: 'https://t.example/browse/ENG-99' }
        ],
        thoughts: ['Start small: ENG-10 is a good first one', 'Read _The Go Programming Language_'],
        firstSteps: [
          { text: 'Ship ENG-10', done: true },
          { text: 'Look at OPS-3', done: false }
        ]
      },
      { id: 'track-2', mentor: 'Ben', mentee: 'Ana Silva', topic: 'Rust', discussedIn: null, tickets: [], thoughts: [], firstSteps: [{ text: 'Rustlings', done: false }] }
    ],
    jointProjects: [
      {
        id: 'project-1',
        title: 'Brown bags',
        discussedIn: 'session-1',
        notes: ['Monthly, 30 minutes'],
        actionItems: [
          { text: 'book a room', owner: 'Ana Silva', done: true },
          { text: 'pick a first topic', owner: null, done: false }
        ]
      },
      { id: 'project-2', title: 'Rotation', discussedIn: null, notes: [], actionItems: [{ text: 'ask managers', owner: 'Ben', done: false }] }
    ]
  }

  it('exports and imports back to the same journal', () => {
    expect(Journal.safeParse(rich).success).toBe(true)
    const text = journalToMarkdown(rich)
    const back = journalFromMarkdown(text)
    expect(back.unplaced).toEqual([])
    expect(back.warnings).toEqual([])
    expect(back.journal).toEqual(rich)
  })

  it('writes checklists, links known tickets and lists unmentioned ones', () => {
    const text = journalToMarkdown(rich)
    expect(text).toContain('* [x] Ship [ENG-10](https://t.example/browse/ENG-10)')
    expect(text).toContain('* [ ] Look at OPS-3')
    expect(text).toContain('__Tickets__\n\n* [ENG-99](https://t.example/browse/ENG-99)')
    expect(text).toContain('* Rustlings')
    expect(journalToMarkdown(rich, { checkboxes: 'always' })).toContain('* [ ] Rustlings')
    expect(text).toContain('__Action Items__\n\n* [x] Ana Silva: book a room\n* [ ] pick a first topic')
    expect(headings(text)).toEqual([
      '# Ana & Ben',
      '## The Intro (30 mins)',
      '### Joint project - Brown bags',
      '## Lesson plans (1 hour 30 mins)',
      '#### Detail',
      '### Ana as a mentor - Go services',
      '## Catch-up',
      '## Ben as a mentor - Rust',
      '## Joint project - Rotation'
    ])
  })

  it('links plain keys with the tracker base URL when asked', () => {
    const text = journalToMarkdown(rich, { trackerBaseUrl: 'https://jira.example/browse/' })
    expect(text).toContain('* [ ] Look at [OPS-3](https://jira.example/browse/OPS-3)')
  })
})

describe('journal model helpers', () => {
  it('finds the other participant by full or first name', () => {
    const pair: [string, string] = ['Daria Petrova', 'Bruce']
    expect(otherParticipant(pair, 'Daria')).toBe('Bruce')
    expect(otherParticipant(pair, 'bruce')).toBe('Daria Petrova')
    expect(otherParticipant(pair, 'Bruce Nakamura')).toBe('Daria Petrova')
    expect(otherParticipant(pair, 'Cy')).toBeNull()
    expect(otherParticipant(['', ''], '')).toBeNull()
  })

  it('validates journals', () => {
    expect(Journal.safeParse({ ...seed.journal, participants: ['only one'] }).success).toBe(false)
    expect(Journal.safeParse({ ...seed.journal, firstDiscussed: '4/2/2019' }).success).toBe(false)
  })
})
