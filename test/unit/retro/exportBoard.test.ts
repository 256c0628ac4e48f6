import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { newActionItem, tickAction, withStatus } from '@shared/retro/actions.ts'
import { BoardLayout, RetroBoard, boardTitle, cardsByColumn, newBoard, retroBoardId } from '@shared/retro/board.ts'
import { type Card, type ShownCard, cardFromOpportunity, newCard, withLoggers } from '@shared/retro/cards.ts'
import { type BoardExportInput, exportBoardCsv, exportBoardMarkdown, mdInline } from '@shared/retro/exportBoard.ts'
import type { CardGroup } from '@shared/retro/groups.ts'
import { LateTicket } from '@shared/retro/lateTickets.ts'
import type { Phase } from '@shared/retro/phases.ts'
import type { Vote } from '@shared/retro/votes.ts'
import { memberIdOf, newSigningKeys } from '@shared/identity/signing.ts'
import { T0 } from './fixtures.ts'

const board = newBoard({ teamId: 'alpha', teamName: 'Alpha', sprint: 6, createdBy: 'ana', createdAt: T0, template: 'team-retrospective', anonymous: false })
const at = (phase: Phase) => ({ ...board, flow: { ...board.flow, phase } })
// key-derived member ids, as every member since signatures has (shared/identity/signing.ts)
const [ANA, BEN, CY] = [0, 1, 2].map(() => memberIdOf(newSigningKeys().publicKey)) as [string, string, string]
const names = { [ANA]: 'Ana', [BEN]: 'Ben', [CY]: 'Cy' }
const mk = (id: string, columnId: string, text: string, authorId: string | null, extra: Partial<Card> = {}): Card => ({
  ...newCard({ id, columnId, text, authorId: authorId ?? 'x', createdAt: T0 + Number(id.slice(1)) }, { anonymous: authorId === null }),
  ...extra
})
const cards: ShownCard[] = [
  // the board names who logged it from the sealed opportunity (store/board.ts loggersOf)
  ...withLoggers([cardFromOpportunity({ id: 'o1', text: 'Staging is down every Monday', date: '2026-03-04', authorName: 'Ben' }, 'opportunities')], new Map([['o1', BEN]]), false),
  mk('c1', 'went-well', 'Pairing on *the* migration', ANA),
  mk('c2', 'went-well', 'Demo went smoothly', null),
  mk('c3', 'to-improve', 'Flaky CI, again', BEN, { groupId: 'g1' }),
  mk('c4', 'to-improve', 'Slow "CI" pipeline\nover 40 min', null, { groupId: 'g1' })
]
const groups: CardGroup[] = [{ id: 'g1', title: 'CI', columnId: 'to-improve', createdAt: T0 + 50 }]
const votes: Vote[] = [
  { id: 'v1', voterId: 'ana', targetId: 'c3', castAt: T0, seq: 0 },
  { id: 'v2', voterId: 'ben', targetId: 'g1', castAt: T0, seq: 0 },
  { id: 'v3', voterId: 'cy', targetId: 'syncup:o1', castAt: T0, seq: 0 }
]
const input = (phase: Phase): BoardExportInput => ({
  board: at(phase),
  cards,
  groups,
  votes,
  actionItems: withStatus(
    [
      newActionItem({ id: 'a1', text: 'Quarantine flaky tests', ownerName: 'Ben', due: '2026-03-20', createdAt: T0 }, 6),
      newActionItem({ id: 'a0', text: 'Write the on-call guide', ownerName: 'Cy', createdAt: T0 - 9 }, 5)
    ],
    [tickAction('a0', true, T0)]
  ),
  lateTickets: [LateTicket.parse({ id: 'l1', key: 'ENG-8504', title: 'SSO | login', expected: { value: 2, unit: 'days' }, actual: { value: 5, unit: 'days' }, reasonId: 'dependency', note: 'Waited on platform', sprint: 6, teamId: 'alpha', teamName: 'Alpha' })],
  memberNames: names
})

describe('the board record', () => {
  it('one board per team per sprint, created from a template, the creator facilitating', () => {
    expect(board.id).toBe(retroBoardId('alpha', 6))
    expect(board.id).toBe('retro:alpha:6')
    expect(board.settings).toEqual({ anonymous: false, voting: { budget: 5, cap: 3 } })
    expect(board.flow).toMatchObject({ phase: 'write', facilitatorId: 'ana', step: 0 })
    expect(boardTitle(board)).toBe('Team retrospective — Alpha — Sprint 6')
    expect(RetroBoard.parse(JSON.parse(JSON.stringify(board)))).toEqual(board)
  })

  it('custom columns and vote settings', () => {
    const b = newBoard({ teamId: 'beta', teamName: 'Beta', sprint: 2, createdBy: 'ben', createdAt: T0, template: { columns: [{ title: 'Kudos' }, { title: 'Risks' }], inboxColumnId: 'risks' }, voting: { cap: 4 } })
    expect(b.layout).toMatchObject({ templateId: 'custom', inboxColumnId: 'risks' })
    expect(b.settings.voting).toEqual({ budget: 5, cap: 4 })
  })

  it('rejects a malformed layout from a peer with clear messages', () => {
    const r = BoardLayout.safeParse({ templateId: 'retro-9000', columns: [], inboxColumnId: 'x' })
    expect(r.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^A template is one of: team-retrospective, /), 'A board needs at least one column.'])
    expect(() => newBoard({ teamId: 'a', teamName: ' ', sprint: 1, createdBy: 'a', createdAt: T0, template: 'sailboat' })).toThrow(ZodError)
  })

  it('cards of a column that is gone (another template won) are kept aside, not lost', () => {
    const layout = { columns: board.layout.columns.slice(0, 2) }
    const { columns, unplaced } = cardsByColumn(cards, layout)
    expect(columns.map((c) => c.cards.map((x) => x.id))).toEqual([['syncup:o1'], ['c1', 'c2']])
    expect(unplaced.map((c) => c.id)).toEqual(['c3', 'c4'])
  })
})

describe('Markdown export', () => {
  const md = exportBoardMarkdown(input('close'))

  it('has the title, the columns with their cards, and anonymous cards as such', () => {
    expect(md.startsWith('# Team retrospective — Alpha — Sprint 6\n')).toBe(true)
    expect(md).toContain('## Opportunities from the sprint')
    expect(md).toContain('- Staging is down every Monday — Ben (daily sync-up) (1 vote)')
    expect(md).toContain('- Pairing on \\*the\\* migration — Ana (0 votes)')
    expect(md).toContain('- Demo went smoothly — Anonymous (0 votes)')
  })

  it('shows groups with their votes and cards, multi-line text kept in the item', () => {
    expect(md).toContain('### CI (2 votes)\n\n- Flaky CI, again — Ben\n- Slow "CI" pipeline  \n  over 40 min — Anonymous\n')
  })

  it('lists the discussion order, the action plan and the late tickets', () => {
    expect(md).toContain('## Discussion order\n\n1. CI — 2 votes (group of 2 cards)\n2. Staging is down every Monday — 1 vote\n3. Pairing on \\*the\\* migration — 0 votes\n')
    expect(md).toContain('- [x] Write the on-call guide — owner: Cy · carried from Sprint 5\n- [ ] Quarantine flaky tests — owner: Ben · due 2026-03-20')
    expect(md).toContain('| ENG-8504 | SSO \\| login | 2 days | 5 days | Dependency on another team | Waited on platform |')
  })

  it('does not leak votes before the vote phase ends', () => {
    const during = exportBoardMarkdown(input('vote'))
    expect(during).not.toMatch(/\d votes?\b/)
    expect(during).toContain('_Votes are hidden until the vote phase ends._')
  })

  it('escapes Markdown in user text', () => {
    expect(mdInline('# not a heading | [link](x) <b>')).toBe('\\# not a heading \\| \\[link\\](x) \\<b\\>')
  })
})

describe('CSV export', () => {
  it('one row per card: column, text, author or anonymous, source, group, votes of its topic', () => {
    expect(exportBoardCsv(input('discuss')).split('\r\n')).toEqual([
      'Column,Card,Author,Source,Group,Votes',
      'Opportunities from the sprint,Staging is down every Monday,Ben,daily sync-up 2026-03-04,,1',
      'What went well,Pairing on *the* migration,Ana,,,0',
      'What went well,Demo went smoothly,anonymous,,,0',
      'What to improve,"Flaky CI, again",Ben,,CI,2',
      'What to improve,"Slow ""CI"" pipeline\nover 40 min",anonymous,,CI,2',
      ''
    ])
  })

  it('leaves the votes empty while they are hidden', () => {
    expect(exportBoardCsv(input('group')).split('\r\n')[4]).toBe('What to improve,"Flaky CI, again",Ben,,CI,')
  })
})

describe('authors an export cannot vouch for (issue 10 #15)', () => {
  it('a card under an id from before signatures, named like a member, says "not verified" in both exports', () => {
    const old = 'AbCdEfGhIjKlMnOpQrStUv'
    const lookalike = mk('c9', 'went-well', 'I approve the budget', old)
    const withIt: BoardExportInput = { ...input('discuss'), cards: [...cards, lookalike], memberNames: { ...names, [old]: 'Ana' } }
    expect(exportBoardCsv(withIt)).toContain('I approve the budget,Ana (not verified),')
    expect(exportBoardMarkdown(withIt)).toContain('- I approve the budget — Ana (not verified)')
    expect(exportBoardMarkdown(withIt)).toContain('- Pairing on \\*the\\* migration — Ana (0 votes)')
  })
})
