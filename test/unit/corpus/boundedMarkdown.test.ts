import { describe, expect, it } from 'vitest'
import type { Code, Heading, Link, List, Paragraph } from 'mdast'
import { boundMarkdown, INLINE_DELIMITER_BUDGET, MAX_BLOCK_PREFIX, parseMarkdown, plainText, sourceOf } from '@shared/mentorship/markdownTree.ts'
import { journalFromMarkdown } from '@shared/mentorship/journalMarkdown.ts'

/**
 * Bounded Markdown parsing (issue 10 #12): past a bound, delimiters and deep block markers are read
 * as text — the tree keeps every character and every position, and text within the bounds parses
 * exactly as before.
 */
const hot = '*_'.repeat(INLINE_DELIMITER_BUDGET)

describe('bounded Markdown', () => {
  it('leaves text within the bounds untouched', () => {
    const text = '# Title\n\n* **bold** _em_ ~~del~~ `code` [link](https://x.example)\n\n> quote\n'
    expect(boundMarkdown(text)).toBe(text)
  })

  it('reads an inline run past the budget as text, keeping positions, and only that run', () => {
    const text = `# Journal\n\nBefore **bold** and [a link](https://x.example/a_b).\n\n${hot}\n\n\`\`\`\n${hot}\n\`\`\`\n\n* item with _em_\n`
    const tree = parseMarkdown(text)
    const [heading, before, hotParagraph, code, list] = tree.children as [Heading, Paragraph, Paragraph, Code, List]
    expect(heading.type).toBe('heading')
    // the run under the budget keeps its formatting and its link
    expect(before.children.map((c) => c.type)).toEqual(['text', 'strong', 'text', 'link', 'text'])
    expect((before.children[3] as Link).url).toBe('https://x.example/a_b')
    // the hot run: one text node holding every character
    expect(hotParagraph.children.map((c) => c.type)).toEqual(['text'])
    expect(plainText(hotParagraph)).toBe(hot)
    expect(sourceOf(hotParagraph, text)).toBe(hot)
    // fenced code is verbatim, and the list after keeps its emphasis
    expect(code.value).toBe(hot)
    expect(list.type).toBe('list')
    expect(plainText(list)).toBe('item with em')
  })

  it('keeps list bullets, task boxes and headings as blocks in a hot run', () => {
    const text = `* [ ] ${hot}\n\n# ${hot}\n`
    const tree = parseMarkdown(text)
    expect(tree.children.map((c) => c.type)).toEqual(['list', 'heading'])
    expect((tree.children[0] as List).children[0]?.checked).toBe(false)
    expect(plainText(tree.children[1]!)).toBe(hot)
  })

  it('reads block markers past the prefix bound as text, and keeps the text', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}* level ${i}`).join('\n')
    const tree = parseMarkdown(deep)
    const text = plainText(tree)
    for (const i of [0, 31, 32, 199]) expect(text).toContain(`level ${i}`)
    const quotes = '>'.repeat(10_000) + ' deep'
    expect(boundMarkdown(quotes).length).toBe(quotes.length)
    expect(plainText(parseMarkdown(quotes))).toContain('deep')
    const within = '>'.repeat(MAX_BLOCK_PREFIX - 1) + ' x'
    expect(boundMarkdown(within)).toBe(within)
    expect(boundMarkdown('>' + within)).not.toBe('>' + within)
  })

  // 4 000 delimiters: ten times the inline budget, within the journal's 5 000 formatting marks (journalBounds.ts)
  it('imports a journal whose title holds 4 000 emphasis delimiters and whose header line 40 KB of spaces', () => {
    const journal = journalFromMarkdown(`# ${'*a'.repeat(4_000)}\n\nFirst discussed: 4/2/2019${' '.repeat(40_000)}\nParticipants: Daria and Bruce\n\n## The Intro (35 mins)\n`)
    expect(journal.journal.title).toBe('*a'.repeat(4_000))
    expect(journal.journal.firstDiscussed).toBe('2019-04-02')
    expect(journal.journal.sessions.map((s) => s.title)).toEqual(['The Intro'])
  })
})
