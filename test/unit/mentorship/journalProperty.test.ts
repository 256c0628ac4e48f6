import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { journalFromMarkdown, journalToMarkdown } from '@shared/mentorship/journalMarkdown.ts'
import { CHUNK_LINES, parseMarkdown, parseMarkdownInPieces } from '@shared/mentorship/markdownTree.ts'
import { importJournal, journalMarkdown, readJournal } from '@features/mentorship/store/journalIO.ts'
import { mulberry32 } from '../../fuzz/random.ts'

/**
 * Import → export → import gives the same journal (issue 15 #5), over generated journals written the
 * ways people write them: title and sessions at any heading level (ATX or setext), directions and
 * joint projects as headings, as list items of a session ("1. Daria as a mentor — topic" with its
 * steps nested) or as a bold line; labels as bold lines, headings or list items ("First steps: …");
 * items with inline marks, ticket keys, nested and ordered lists; notes with sub-headings, ordered
 * lists, quotes. Each generated journal must also be read whole: every session, direction, project
 * and item it was written with, nothing unplaced.
 */

const WORDS = ['quality', 'review', 'kanban', 'react', 'service', 'pairing', 'tests', 'latency', 'budget', 'roadmap', 'hiring', 'queue', 'metrics', 'rollout', 'cache', 'schema']
const PEOPLE = [['Daria', 'Bruce'], ['Priya', 'Marcus'], ['Ola', 'Kenji']] as const

class Gen {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number) {
    return this.next() < p
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)] as T
  }
  words(min: number, max: number) {
    return Array.from({ length: this.int(min, max) }, () => this.pick(WORDS)).join(' ')
  }
  /** an item's inline text: words with marks, a link, a ticket key */
  inline(): string {
    const parts = [this.words(1, 3)]
    const marks = this.int(0, 2)
    for (let i = 0; i < marks; i++) {
      const w = this.pick(WORDS)
      parts.push(this.pick([`**${w}**`, `_${w}_`, `\`${w}()\``, `[${w}](https://docs.example/${w})`, `ENG-${this.int(10, 9999)}`]))
      parts.push(this.words(0, 2))
    }
    return parts.filter(Boolean).join(' ')
  }
}

interface Written {
  md: string
  sessions: number
  tracks: { thoughts: number; steps: number }[]
  projects: { notes: number; actions: number }[]
}

function generate(seed: number): Written {
  const g = new Gen(seed)
  const [a, b] = g.pick(PEOPLE)
  const titleDepth = g.int(1, 2)
  const sessionDepth = g.int(titleDepth, 3)
  const lines: string[] = []
  const title = `${g.pick(['Our', 'The', 'A'])} ${g.words(1, 2)} journal`
  if (g.chance(0.3)) lines.push(title, titleDepth === 1 ? '=====' : '-----', '')
  else lines.push(`${'#'.repeat(titleDepth)} ${title}`, '')
  const header: string[] = []
  if (g.chance(0.6)) header.push(`First discussed: ${g.int(1, 12)}/${g.int(1, 28)}/20${g.int(18, 25)}`)
  header.push(`Participants: ${a} ${g.pick(['and', '&'])} ${b}`)
  lines.push(header.join('\n'), '')
  const out: Written = { md: '', sessions: 0, tracks: [], projects: [] }
  const h = (depth: number) => '#'.repeat(Math.min(6, depth))
  const sessions = g.int(1, 4)
  for (let s = 0; s < sessions; s++) {
    out.sessions++
    const when = g.pick(['', ` (${g.int(20, 90)} mins)`, ` (${g.int(1, 12)}/${g.int(1, 28)}/2024, 1 hour)`])
    lines.push(`${h(sessionDepth)} Session ${s + 1} on ${g.words(1, 2)}${when}`, '')
    if (g.chance(0.4)) lines.push(`Date: 20${g.int(19, 25)}-0${g.int(1, 9)}-1${g.int(0, 9)}`, '')
    // notes
    const blocks = g.int(0, 3)
    for (let n = 0; n < blocks; n++) {
      const kind = g.int(0, 4)
      if (kind === 0) lines.push(`${g.inline()}.`, '')
      else if (kind === 1) {
        const count = g.int(2, 4)
        for (let i = 1; i <= count; i++) {
          lines.push(`${i}. ${g.inline()}`)
          if (g.chance(0.3)) lines.push(`   ${g.pick(['*', '-'])} ${g.inline()}`)
          if (g.chance(0.2)) lines.push(`   ${g.words(2, 4)}`)
        }
        lines.push('')
      } else if (kind === 2) {
        for (let i = 0; i < g.int(1, 3); i++) lines.push(`* ${g.inline()}`)
        lines.push('')
      } else if (kind === 3) lines.push(`> ${g.inline()}`, '')
      else lines.push(`${h(sessionDepth + g.int(1, 2))} ${g.pick(['Agenda', 'What went well', 'Open questions'])}`, '')
    }
    // directions and joint projects, in one of three styles
    const style = g.pick(['heading', 'list', 'bold'] as const)
    const sections = g.int(0, 2)
    const listLines: string[] = []
    for (let k = 0; k < sections; k++) {
      const isTrack = g.chance(0.7)
      const name = isTrack ? `${g.pick([a, b])} as a mentor ${g.pick(['-', '—', '–', ':'])} ${g.words(1, 3)}` : `Joint project ${g.pick(['-', '—'])} ${g.words(1, 3)}`
      const first: string[] = Array.from({ length: g.int(0, 3) }, () => g.inline())
      const second: string[] = Array.from({ length: g.int(isTrack ? 0 : 0, 3) }, () => g.inline())
      if (isTrack) out.tracks.push({ thoughts: first.length, steps: second.length })
      else out.projects.push({ notes: first.length, actions: second.length })
      const [firstLabel, secondLabel] = isTrack ? ['Thoughts / Ideas', 'First Steps'] : ['Notes', 'Action Items']
      const secondItem = (text: string) => (isTrack ? text : `[${g.chance(0.5) ? 'x' : ' '}] ${g.pick([a, b])}: ${text}`)
      const ordered = g.chance(0.4)
      const marker = (i: number) => (ordered ? `${i + 1}.` : '*')
      if (style === 'list') {
        listLines.push(`${listLines.length === 0 ? '' : ''}${g.chance(0.5) ? `${k + 1}.` : '-'} ${name}`)
        if (first.length) {
          listLines.push(`   * ${firstLabel}`)
          first.forEach((t) => listLines.push(`     * ${t}`))
        }
        if (second.length) {
          if (g.chance(0.5) && second.length === 1) listLines.push(`   * ${secondLabel}: ${secondItem(second[0]!)}`)
          else {
            listLines.push(`   * ${secondLabel}`)
            second.forEach((t) => listLines.push(`     * ${secondItem(t)}`))
          }
        }
        continue
      }
      lines.push(style === 'heading' ? `${h(sessionDepth + 1)} ${name}` : `**${name}**`, '')
      const label = (text: string) => (style === 'heading' && g.chance(0.5) ? `${h(sessionDepth + 2)} ${text}` : g.pick([`__${text}__`, `**${text}:**`, `${text}:`]))
      if (first.length) {
        lines.push(label(firstLabel), '')
        first.forEach((t, i) => lines.push(`${marker(i)} ${t}`))
        lines.push('')
      }
      if (second.length) {
        lines.push(label(secondLabel), '')
        second.forEach((t, i) => lines.push(`${marker(i)} ${secondItem(t)}`))
        lines.push('')
      }
    }
    if (listLines.length) lines.push(...listLines.map((l) => (/^(?:\d+\.|-) /.test(l) ? l : l)), '')
  }
  out.md = lines.join('\n')
  return out
}

const REAL = [
  ['the program seed', readFileSync(new URL('../../fixtures/journal-seed.md', import.meta.url), 'utf8')],
  ['a journal of list items and other heading levels', readFileSync(new URL('../../fixtures/journal-lists.md', import.meta.url), 'utf8')]
] as const

describe('journal Markdown: import → export → import', () => {
  it.each(REAL)('%s reads back the same, with nothing lost', (_name, md) => {
    const first = journalFromMarkdown(md)
    const exported = journalToMarkdown(first.journal, { dateStyle: 'us' })
    const again = journalFromMarkdown(exported)
    expect(again.unplaced).toEqual([])
    expect(again.journal).toEqual(first.journal)
    expect(journalToMarkdown(again.journal, { dateStyle: 'us' })).toBe(exported)
  })

  it('reads the list-item journal whole: its directions, project, steps and marks', () => {
    const { journal, unplaced } = journalFromMarkdown(REAL[1][1])
    expect(unplaced).toEqual([])
    expect(journal.tracks.map((t) => `${t.mentor}: ${t.topic} (${t.thoughts.length} thoughts, ${t.firstSteps.length} steps)`)).toEqual([
      'Priya: people management and 1:1s (2 thoughts, 2 steps)',
      'Marcus: Go for backend services (1 thoughts, 1 steps)',
      'Marcus: code review (0 thoughts, 2 steps)'
    ])
    expect(journal.tracks[1]?.firstSteps[0]?.text).toBe('write a small service with `net/http`')
    expect(journal.jointProjects.map((p) => [p.title, p.notes.length, p.actionItems.map((x) => `${x.owner}:${x.done}`)])).toEqual([
      ['an onboarding guide for the platform team', 1, ['Marcus:false', 'Priya:true']]
    ])
    expect(journal.sessions.map((s) => [s.title, s.date, s.durationMinutes])).toEqual([
      ['Kick-off', '2024-01-15', 45],
      ['Second session', '2024-02-12', 60]
    ])
    expect(journal.sessions[1]?.notes).toContain('1. The template worked for three 1:1s.\n2. The service runs in staging.')
  })

  const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1)
  it(`holds for ${SEEDS.length} generated journals, each read whole`, () => {
    for (const seed of SEEDS) {
      const written = generate(seed)
      const first = journalFromMarkdown(written.md)
      const where = `seed ${seed}:\n${written.md}`
      expect(first.unplaced, where).toEqual([])
      expect(first.journal.sessions.length, where).toBe(written.sessions)
      expect(first.journal.tracks.map((t) => ({ thoughts: t.thoughts.length, steps: t.firstSteps.length })), where).toEqual(written.tracks)
      expect(first.journal.jointProjects.map((p) => ({ notes: p.notes.length, actions: p.actionItems.length })), where).toEqual(written.projects)
      const exported = journalToMarkdown(first.journal)
      const again = journalFromMarkdown(exported)
      expect(again.unplaced, `${where}\n--- exported:\n${exported}`).toEqual([])
      expect(again.journal, `${where}\n--- exported:\n${exported}`).toEqual(first.journal)
      expect(journalToMarkdown(again.journal), where).toBe(exported)
    }
  })

  it('holds through the pair\'s document too (records and rich-text notes), for 40 of them', () => {
    for (const seed of SEEDS.slice(0, 40)) {
      const first = journalFromMarkdown(generate(seed).md)
      const doc = new Y.Doc()
      importJournal(doc, first.journal, first.unplaced, { keepUnplaced: true })
      const exported = journalMarkdown(doc)
      const again = journalFromMarkdown(exported)
      const doc2 = new Y.Doc()
      importJournal(doc2, again.journal, again.unplaced, { keepUnplaced: true })
      expect(again.unplaced, `seed ${seed}\n${exported}`).toEqual([])
      expect(journalMarkdown(doc2), `seed ${seed}`).toBe(exported)
      expect(again.journal.tracks.length).toBe(first.journal.tracks.length)
      expect(again.journal.sessions.map((s) => s.title)).toEqual(readJournal(doc).sessions.map((s) => s.title))
      expect(again.journal.sessions.map((s) => s.notes)).toEqual(readJournal(doc).sessions.map((s) => s.notes))
    }
  })
})

describe('a long journal is parsed in pieces (shared/mentorship/markdownTree.ts parseMarkdownInPieces)', () => {
  const BULLETS = Array.from({ length: 300 }, (_, i) => `- item ${i}`).join('\n')
  const fixtures = [readFileSync(new URL('../../fixtures/journal-seed.md', import.meta.url), 'utf8'), readFileSync(new URL('../../fixtures/journal-lists.md', import.meta.url), 'utf8')]
  const long = [
    ['60 generated journals one after another', Array.from({ length: 60 }, (_, i) => generate(1000 + i).md).join('\n\n')],
    ['the two real journals, 30 times over', Array.from({ length: 30 }, () => fixtures.join('\n\n')).join('\n\n')],
    ['2 000 bullet items with sub-items', Array.from({ length: 2000 }, (_, i) => `- Daria as a mentor - topic ${i}\n  - step`).join('\n')],
    ['a fenced block holding headings and bullets', '# J\n\n' + '```\n' + Array.from({ length: 400 }, (_, i) => (i % 2 ? `# not a heading ${i}` : `- not an item ${i}`)).join('\n') + '\n```\n\n- after'],
    ['a paragraph whose later lines look like reference definitions', 'Some text\n' + Array.from({ length: 300 }, (_, i) => `[a${i}]: https://x.example/${i}`).join('\n') + '\n\n[a1] [a299]'],
    ['bullet lists, loose and tight, around ordered ones', Array.from({ length: 300 }, (_, i) => (i % 50 === 0 ? `\n1. ordered ${i}\n2. next\n\n- bullet ${i}` : i % 7 === 0 ? `\n- loose ${i}\n` : `* tight ${i}`)).join('\n')],
    // where the cutter's own reading of fences is wrong, the piece goes on until what it ends with is closed
    ['a fence the cutter misreads ("```a`b" is no fence; its "closing" line opens one)', '```a`b\ntext\n```\n\n' + BULLETS + '\n\n# heading\n\n```\n\n' + BULLETS],
    ['a fence line inside an HTML block, then a fence that runs to the end', '<div>\n```\n\n```\n\n' + BULLETS + '\n\n# heading'],
    ['an HTML block running into the bullets and headings after it, with no blank line', '<div>\n' + BULLETS + '\n# heading\n' + BULLETS + '\n\nafter'],
    ['an HTML comment across blank lines, holding headings and bullets', '# J\n\n<!--\n\n' + BULLETS + '\n\n# not a heading\n\n' + BULLETS + '\n-->\n\n' + BULLETS],
    ['a script block holding bullets, closed, then more', '<script>\n' + BULLETS + '\n</script>\n' + BULLETS],
    ['fenced code with blank lines and bullets inside', '# J\n\n~~~~\n' + BULLETS + '\n\n# not a heading\n\n```\n~~~\n' + BULLETS + '\n~~~~\n' + BULLETS],
    // cut after blank lines too
    ['600 short paragraphs', Array.from({ length: 600 }, (_, i) => `Note ${i}.`).join('\n\n')],
    ['quotes, HTML blocks and tables apart', Array.from({ length: 300 }, (_, i) => [`> quote ${i}\n> more`, `<div>\n${i}\n</div>`, `a | b\n--|--\n${i} | x`, `Title ${i}\n===`, '<!-- c -->'][i % 5]).join('\n\n')],
    ['ordered lists over blank lines, paragraphs between', Array.from({ length: 300 }, (_, i) => (i % 10 === 9 ? `para ${i}` : `${i % 10 + 1}. item ${i}`)).join('\n\n')],
    ['loose bullet lists with paragraphs and lazy lines between', Array.from({ length: 300 }, (_, i) => (i % 4 === 3 ? `para ${i}\nlazy` : `- item ${i}\n\n  more ${i}`)).join('\n\n')],
    ['quotes and lists with blank lines between their parts', Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? `> quote ${i}\n>\n> more` : i % 3 === 1 ? `- item ${i}\n\n  its second paragraph` : `- item ${i}\n  - sub`)).join('\n\n')]
  ] as const
  it('cuts between reference definitions; a reference in the piece that holds its definition resolves', () => {
    const md = Array.from({ length: 300 }, (_, i) => `[r${i}]: https://x.example/${i}`).join('\n') + '\n\n[r299] and [r250]'
    const tree = parseMarkdownInPieces(md)
    expect(tree.children.filter((n) => n.type === 'definition')).toHaveLength(300)
    const last = tree.children.at(-1)!
    expect(last.type === 'paragraph' && last.children.filter((n) => n.type === 'linkReference').map((n) => (n as { identifier: string }).identifier)).toEqual(['r299', 'r250'])
    expect(last.position?.start).toEqual({ line: 302, column: 1, offset: md.indexOf('[r299] and') })
  })

  it('gives the tree one parse gives over 60 random long documents of fences, HTML, lists, quotes, tables and headings', () => {
    const next = mulberry32(2_026)
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
    const lines = ['# heading', '## session (1 hour)', '- item', '* item', '  - sub item', '1. first', 'text', 'more text', '', '', '', '```', '```a`b', '~~~', '    code', '<div>', '</div>', '<!--', '-->', '<script>', '</script>', '<b>x</b>', '> quote', '>', 'a | b', '--|--', '---', '***', '- [ ] task', '    - deep', '\t- tab']
    for (let doc = 0; doc < 60; doc++) {
      const md = Array.from({ length: 300 + Math.floor(next() * 200) }, () => pick(lines)).join('\n')
      expect(parseMarkdownInPieces(md), md).toEqual(parseMarkdown(md))
    }
  })

  for (const [name, md] of long) {
    it(`gives the tree one parse gives: ${name}`, () => {
      expect(md.split('\n').length).toBeGreaterThan(CHUNK_LINES * 2)
      expect(parseMarkdownInPieces(md)).toEqual(parseMarkdown(md))
    })
  }
})
