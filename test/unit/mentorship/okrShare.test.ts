import { describe, expect, it } from 'vitest'
import type { Okr } from '@shared/mentorship/okr.ts'
import { formatScore, keyResultProgress, okrShareMarkdown } from '@shared/mentorship/okrShare.ts'
import { parseMarkdown } from '@shared/mentorship/markdownTree.ts'
import { daria } from './fixtures/okr.ts'

const context = { mentee: 'Daria', mentor: 'Bruce', pairName: 'Daria & Bruce', today: '2019-08-15' }

describe('okrShareMarkdown ("Share for my 1:1")', () => {
  const text = okrShareMarkdown(daria, context)

  it('states who, when, the objective and the score with its status', () => {
    expect(text).toContain('## Personal OKR — Daria, 2019-Q3')
    expect(text).toContain('Mentored by Bruce in the mentoring pair "Daria & Bruce". Shared on 2019-08-15 (2019-Q3, 50% of the quarter gone).')
    expect(text).toContain('**Objective:** Run a lightweight Kanban process on my team that keeps quality high')
    expect(text).toContain('**Score:** 0.7 — on target (scored 0.0–1.0; 0.7 or more is on target)')
  })

  it('tabulates each key result with progress, score and latest confidence', () => {
    const lines = text.split('\n')
    expect(lines.find((l) => l.includes('Cut median cycle time'))).toMatch(/\| Cut median cycle time\s+\| 6 days \(from 10, target 4\)\s+\|\s+0\.7 \| 7\/10 \(2019-08-12\)\s+\|/)
    expect(lines.find((l) => l.includes('Tickets under WIP limit'))).toMatch(/\| 50%\s+\|\s+0\.5 \| —\s+\|/)
    expect(lines.find((l) => l.startsWith('| Write the team OKR'))).toMatch(/\| done\s+\|\s+1\.0 \| 9\/10 \(2019-07-30\)/)
  })

  it('lists recent check-ins, newest first, limited in number', () => {
    const items = text.split('\n').filter((l) => l.startsWith('- '))
    expect(items).toEqual([
      '- 2019-08-12 — Cut median cycle time: 6 days, confidence 7/10: WIP limits help',
      '- 2019-07-30 — Write the team OKR with core behaviours: done, confidence 9/10',
      '- 2019-07-15 — Cut median cycle time: 8 days, confidence 6/10: Started the Kanban board'
    ])
    const one = okrShareMarkdown(daria, { ...context, recentCheckIns: 1 })
    expect(one.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1)
    expect(okrShareMarkdown({ ...daria, checkIns: [] }, context)).toContain('No check-ins yet.')
  })

  it('is valid Markdown that escapes what people typed', () => {
    const tricky: Okr = { ...daria, objective: 'Ship *everything* | [now]', keyResults: [{ id: 'a', title: 'A | B', kind: 'percentage', current: 10 }], checkIns: [] }
    const out = okrShareMarkdown(tricky, { ...context, today: '2019-07-01' })
    const tree = parseMarkdown(out)
    const table = tree.children.find((n) => n.type === 'table')
    expect(table?.type === 'table' && table.children[1]?.children.length).toBe(4)
    expect(out).toContain('Shared on 2019-07-01 (2019-Q3, 1% of the quarter gone)')
    expect(out).toContain('Ship \\*everything\\*')
    expect(out).toContain('A \\| B')
  })

  it('leaves out quarter progress when sharing outside the quarter', () => {
    expect(okrShareMarkdown(daria, { ...context, today: '2019-10-02' })).toContain('Shared on 2019-10-02 (2019-Q3).')
  })
})

describe('share helpers', () => {
  it('formats scores and progress', () => {
    expect(formatScore(0.666)).toBe('0.7')
    expect(formatScore(1)).toBe('1.0')
    expect(keyResultProgress({ id: 'n', title: 'n', kind: 'numeric', start: 0, target: 3, current: 1.234 })).toBe('1.23 (from 0, target 3)')
    expect(keyResultProgress({ id: 'b', title: 'b', kind: 'binary', done: false })).toBe('not done')
  })
})
