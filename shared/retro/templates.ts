import { z } from 'zod'
import { slugify as slugText } from '../text/slug.ts'

/**
 * Board templates: the columns a team retrospective board starts with.
 *
 * The action plan and the "tickets that took longer than expected" are sections of EVERY board
 * (actions.ts, lateTickets.ts), not card columns: an action item has an owner, a due date and a done
 * state, and a late ticket has expected/actual and a reason — neither is a sticky note. So the seed's
 * own template has three card columns and names the action plan as the board's closing section.
 *
 * Each template also names its `inboxColumnId`: the column where the opportunities logged at daily
 * sync-ups land on their own (cards.ts `cardFromOpportunity`). The seed's template has a column for
 * exactly that; the classic formats get the column closest to "a problem or an opportunity for
 * improvement" (editable per board).
 */

/** Colour hints, not CSS: the UI maps each to its palette (and to a dark-mode variant). */
export const COLOURS = ['green', 'red', 'amber', 'blue', 'violet', 'teal', 'pink', 'grey'] as const
export const ColourHint = z.enum(COLOURS, { error: `A colour is one of: ${COLOURS.join(', ')}.` })
export type ColourHint = z.infer<typeof ColourHint>

export const MAX_COLUMNS = 8

/** Column ids appear inside record fields only, never in record ids; short slugs keep exports readable. */
export const ColumnId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A column id is a short slug: lower-case letters, digits and dashes.')

export const Column = z.object({
  id: ColumnId,
  title: z.string().trim().min(1, 'A column needs a name.').max(60, 'A column name has at most 60 characters.'),
  /** The question the column asks, shown under its title and as the card placeholder. */
  prompt: z.string().trim().max(200, 'A column prompt has at most 200 characters.'),
  colour: ColourHint
})
export type Column = z.infer<typeof Column>

export interface BoardTemplate {
  id: string
  label: string
  /** One line for the template picker. */
  description: string
  columns: readonly Column[]
  inboxColumnId: string
}

const col = (id: string, title: string, prompt: string, colour: ColourHint): Column => ({ id, title, prompt, colour })

export const TEMPLATES = {
  /** The seed's "Team retrospective": goals 1 and 2 as columns, goal 3 is the action plan section. */
  'team-retrospective': {
    id: 'team-retrospective',
    label: 'Team retrospective (sprint opportunities)',
    description:
      'Discuss the opportunities for improvement mentioned during the sprint, any other problems or ' +
      'opportunities, and make a plan to implement the worthwhile ones.',
    columns: [
      col('opportunities', 'Opportunities from the sprint',
        'Problems and opportunities for improvement noticed at daily sync-ups during the sprint.', 'blue'),
      col('went-well', 'What went well', 'What helped us meet our sprint goals?', 'green'),
      col('to-improve', 'What to improve', 'Any other problems or opportunities for improvement?', 'amber')
    ],
    inboxColumnId: 'opportunities'
  },
  'start-stop-continue': {
    id: 'start-stop-continue',
    label: 'Start, Stop, Continue',
    description: 'What to begin doing, what to drop, and what to keep.',
    columns: [
      col('start', 'Start', 'What should we begin doing?', 'green'),
      col('stop', 'Stop', 'What is not working and should stop?', 'red'),
      col('continue', 'Continue', 'What works and should keep going?', 'blue')
    ],
    inboxColumnId: 'start'
  },
  'mad-sad-glad': {
    id: 'mad-sad-glad',
    label: 'Mad, Sad, Glad',
    description: 'How the sprint felt: what frustrated, disappointed or pleased us.',
    columns: [
      col('mad', 'Mad', 'What drove you crazy?', 'red'),
      col('sad', 'Sad', 'What disappointed you?', 'blue'),
      col('glad', 'Glad', 'What made you happy?', 'green')
    ],
    inboxColumnId: 'sad'
  },
  '4ls': {
    id: '4ls',
    label: '4Ls: Liked, Learned, Lacked, Longed for',
    description: 'Four angles on the sprint, from what we enjoyed to what we wished for.',
    columns: [
      col('liked', 'Liked', 'What did you enjoy?', 'green'),
      col('learned', 'Learned', 'What did you learn?', 'blue'),
      col('lacked', 'Lacked', 'What was missing or could have gone better?', 'amber'),
      col('longed-for', 'Longed for', 'What do you wish we had?', 'violet')
    ],
    inboxColumnId: 'lacked'
  },
  sailboat: {
    id: 'sailboat',
    label: 'Sailboat',
    description: 'The team is a boat heading for an island: what pushes us, holds us back, and lies ahead.',
    columns: [
      col('wind', 'Wind', 'What pushed us forward?', 'teal'),
      col('anchors', 'Anchors', 'What slowed us down?', 'grey'),
      col('rocks', 'Rocks', 'What risks lie ahead?', 'red'),
      col('island', 'Island', 'Where do we want to get to? What is our goal?', 'green')
    ],
    inboxColumnId: 'anchors'
  }
} as const satisfies Record<string, BoardTemplate>

export type TemplateId = keyof typeof TEMPLATES | 'custom'
export const TEMPLATE_IDS = [...Object.keys(TEMPLATES), 'custom'] as TemplateId[]
export const TemplateIdSchema = z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]], {
  error: `A template is one of: ${TEMPLATE_IDS.join(', ')}.`
})

/** The seed's template is the default: it is the only one that receives the sync-up inbox by design. */
export const DEFAULT_TEMPLATE_ID = 'team-retrospective' satisfies TemplateId

/** Names compare trimmed and case-insensitively: "Risks" and " risks" are the same column to a reader. */
const nameKey = (title: string) => title.trim().toLocaleLowerCase('en')

/** Columns typed by a team. `id` is kept when editing an existing column, so its cards stay put. */
export const CustomColumnInput = z.object({
  id: ColumnId.optional(),
  title: Column.shape.title,
  prompt: Column.shape.prompt.default(''),
  colour: ColourHint.optional()
})
export type CustomColumnInput = z.input<typeof CustomColumnInput>

export const CustomColumns = z
  .array(CustomColumnInput)
  .min(1, 'A board needs at least one column.')
  .max(MAX_COLUMNS, `A board has at most ${MAX_COLUMNS} columns.`)
  .superRefine((columns, ctx) => {
    const seenNames = new Map<string, number>()
    const seenIds = new Set<string>()
    columns.forEach((c, i) => {
      const key = nameKey(c.title)
      const first = seenNames.get(key)
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'title'], message: `Column names must be unique: "${c.title.trim()}" is also column ${first + 1}.` })
      } else seenNames.set(key, i)
      if (c.id !== undefined) {
        if (seenIds.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Column id "${c.id}" is used twice.` })
        seenIds.add(c.id)
      }
    })
  })

/** "What went well?" → "what-went-well"; empty or non-Latin titles fall back to "column". */
export function slugify(title: string): string {
  return slugText(title, 'column', 32)
}

/**
 * Validates custom columns and fills in ids (slug of the title, made unique) and colours (cycling
 * through the palette). Throws a ZodError with one message per problem.
 */
export function customColumns(input: readonly CustomColumnInput[]): Column[] {
  const parsed = CustomColumns.parse(input)
  const used = new Set(parsed.flatMap((c) => (c.id ? [c.id] : [])))
  return parsed.map((c, i) => {
    let id = c.id
    if (!id) {
      const base = slugify(c.title)
      id = base
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`
      used.add(id)
    }
    return { id, title: c.title, prompt: c.prompt, colour: c.colour ?? COLOURS[i % COLOURS.length]! }
  })
}

/** The layout a board starts with: a copy, so editing a board never edits the template. */
export function templateLayout(templateId: keyof typeof TEMPLATES): { templateId: TemplateId; columns: Column[]; inboxColumnId: string } {
  const t: BoardTemplate = TEMPLATES[templateId]
  return { templateId, columns: t.columns.map((c) => ({ ...c })), inboxColumnId: t.inboxColumnId }
}

/** A custom layout; the sync-up inbox goes to `inboxColumnId` when given, else the first column. */
export function customLayout(input: readonly CustomColumnInput[], inboxColumnId?: string): { templateId: TemplateId; columns: Column[]; inboxColumnId: string } {
  const columns = customColumns(input)
  const inbox = inboxColumnId ?? columns[0]!.id
  if (!columns.some((c) => c.id === inbox)) throw new RangeError(`No column "${inbox}" for the sync-up opportunities.`)
  return { templateId: 'custom', columns, inboxColumnId: inbox }
}
