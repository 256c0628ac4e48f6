import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { CustomColumns, TEMPLATES, customColumns, customLayout, slugify, templateLayout } from '@shared/retro/templates.ts'

const messages = (f: () => unknown): string[] => {
  try {
    f()
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => i.message)
    throw e
  }
  throw new Error('expected a ZodError')
}

describe('board templates', () => {
  it('the seed template asks the seed questions and receives the sync-up inbox', () => {
    const t = TEMPLATES['team-retrospective']
    expect(t.columns.map((c) => c.title)).toEqual(['Opportunities from the sprint', 'What went well', 'What to improve'])
    expect(t.inboxColumnId).toBe('opportunities')
    expect(t.columns[2]!.prompt).toMatch(/other problems or opportunities for improvement/)
  })

  it('has the classic formats with their columns', () => {
    expect(TEMPLATES['start-stop-continue'].columns.map((c) => c.title)).toEqual(['Start', 'Stop', 'Continue'])
    expect(TEMPLATES['mad-sad-glad'].columns.map((c) => c.title)).toEqual(['Mad', 'Sad', 'Glad'])
    expect(TEMPLATES['4ls'].columns.map((c) => c.title)).toEqual(['Liked', 'Learned', 'Lacked', 'Longed for'])
    expect(TEMPLATES.sailboat.columns.map((c) => c.title)).toEqual(['Wind', 'Anchors', 'Rocks', 'Island'])
  })

  it('every template is well-formed: unique ids, a prompt per column, inbox among its columns', () => {
    for (const t of Object.values(TEMPLATES)) {
      const ids = t.columns.map((c) => c.id)
      expect(new Set(ids).size, t.id).toBe(ids.length)
      expect(ids, t.id).toContain(t.inboxColumnId)
      for (const c of t.columns) expect(c.prompt.length, `${t.id}/${c.id}`).toBeGreaterThan(5)
    }
  })

  it('a board layout is a copy: editing it leaves the template alone', () => {
    const layout = templateLayout('sailboat')
    layout.columns[0]!.title = 'Tailwind'
    expect(TEMPLATES.sailboat.columns[0]!.title).toBe('Wind')
  })
})

describe('custom columns', () => {
  it('fills ids from titles (made unique) and cycles colours', () => {
    const cols = customColumns([{ title: 'Kudos!' }, { title: 'Ideas', prompt: 'What could we try?' }, { title: 'Ideás 2' }, { title: '🎉' }, { title: 'ideas-2', id: 'ideas-2b' }])
    expect(cols.map((c) => c.id)).toEqual(['kudos', 'ideas', 'ideas-2', 'column', 'ideas-2b'])
    expect(cols[1]).toEqual({ id: 'ideas', title: 'Ideas', prompt: 'What could we try?', colour: 'red' })
    expect(cols[0]!.colour).toBe('green')
  })

  it('keeps given ids, so renaming a column keeps its cards', () => {
    expect(customColumns([{ id: 'went-well', title: 'Wins' }])[0]).toMatchObject({ id: 'went-well', title: 'Wins' })
  })

  it('a generated id avoids one given later in the list', () => {
    expect(customColumns([{ title: 'Ideas' }, { id: 'ideas', title: 'Other ideas' }]).map((c) => c.id)).toEqual(['ideas-2', 'ideas'])
  })

  it('rejects no columns, more than 8, blank names and duplicate names with clear messages', () => {
    expect(messages(() => customColumns([]))).toEqual(['A board needs at least one column.'])
    expect(messages(() => customColumns(Array.from({ length: 9 }, (_, i) => ({ title: `C${i}` }))))).toEqual(['A board has at most 8 columns.'])
    expect(messages(() => customColumns([{ title: '   ' }]))).toEqual(['A column needs a name.'])
    expect(messages(() => customColumns([{ title: 'Risks' }, { title: ' risks ' }]))).toEqual(['Column names must be unique: "risks" is also column 1.'])
    expect(messages(() => customColumns([{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }]))).toEqual(['Column id "a" is used twice.'])
    expect(messages(() => customColumns([{ id: 'Bad Id', title: 'A' }]))[0]).toMatch(/short slug/)
    expect(messages(() => customColumns([{ title: 'A', colour: 'mauve' as never }]))[0]).toMatch(/A colour is one of/)
  })

  it('accepts exactly 8 and reports the path of the duplicate', () => {
    expect(customColumns(Array.from({ length: 8 }, (_, i) => ({ title: `C${i}` })))).toHaveLength(8)
    const r = CustomColumns.safeParse([{ title: 'A' }, { title: 'a' }])
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual([1, 'title'])
  })

  it('a custom layout puts the inbox in the first column unless told, and checks it exists', () => {
    expect(customLayout([{ title: 'One' }, { title: 'Two' }]).inboxColumnId).toBe('one')
    expect(customLayout([{ title: 'One' }, { title: 'Two' }], 'two').inboxColumnId).toBe('two')
    expect(() => customLayout([{ title: 'One' }], 'nope')).toThrow(/No column "nope"/)
  })

  it('slugs', () => {
    expect(slugify('  What went well?  ')).toBe('what-went-well')
    expect(slugify('Ça a marché')).toBe('ca-a-marche')
  })
})
