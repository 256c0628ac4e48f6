import { z } from 'zod'
import { round, toCsv } from './csv.ts'
import { slugify } from './templates.ts'
import { FIELD_LIMITS, RecordId } from '../text/limits.ts'

/**
 * "Record any tickets that took longer than expected and the reason (this data will be aggregated
 * for later use)." One record per ticket on the board (`lateTickets` collection); the report reads
 * the records of many boards — every sprint of every team that shares its retros with the org.
 *
 * Each entry carries its sprint and team (id and name as they were), so the report needs nothing
 * but the entries and the reason catalog. Reasons are ids, not texts: a reason renamed later still
 * counts as itself. Custom reasons are namespaced by team (`custom:<teamId>:<slug>`), so two teams
 * adding "Flaky CI" do not collide, and the org catalog is the union of all teams' lists.
 */

export const DEFAULT_REASONS = [
  { id: 'unclear-requirements', label: 'Unclear requirements' },
  { id: 'hidden-complexity', label: 'Hidden complexity' },
  { id: 'dependency', label: 'Dependency on another team' },
  { id: 'unplanned-work', label: 'Interrupted by unplanned work' },
  { id: 'environment', label: 'Environment / tooling problems' },
  { id: 'review-qa', label: 'Review or QA delay' },
  { id: 'optimistic-estimate', label: 'Estimate was optimistic' },
  { id: 'other', label: 'Other' }
] as const satisfies readonly LateReason[]

export interface LateReason {
  id: string
  label: string
  /** Set on a team's own reasons. */
  teamId?: string | undefined
}

export const LateReasonSchema = z.object({
  id: RecordId,
  label: z.string().trim().min(1, 'A reason needs a name.').max(80, 'A reason has at most 80 characters.'),
  teamId: RecordId.optional()
})

export const UNITS = ['days', 'hours', 'points'] as const
export const Effort = z.object({
  value: z.number({ error: 'Effort is a number.' }).nonnegative('Effort cannot be negative.').max(10_000),
  unit: z.enum(UNITS, { error: `A unit is one of: ${UNITS.join(', ')}.` })
})
export type Effort = z.infer<typeof Effort>

const LateTicketBase = z.object({
  key: z.string().trim().min(1, 'A ticket key is required (e.g. ENG-8504).').max(40),
  title: z.string().trim().max(300).default(''),
  expected: Effort.refine((e) => e.value > 0, 'The expected effort must be more than 0.'),
  actual: Effort,
  reasonId: z.string().min(1, 'Pick a reason.').max(FIELD_LIMITS.id),
  note: z.string().trim().max(2000).default(''),
  sprint: z.number().int().positive('A sprint number is 1 or more.'),
  teamId: RecordId,
  teamName: z.string().trim().min(1).max(FIELD_LIMITS.name)
})
type LateTicketShape = z.infer<typeof LateTicketBase>
function checkEffort(t: LateTicketShape, ctx: z.RefinementCtx): void {
  if (t.expected.unit !== t.actual.unit) {
    ctx.addIssue({ code: 'custom', path: ['actual', 'unit'], message: 'Expected and actual must use the same unit, so they can be compared.' })
  } else if (t.actual.value <= t.expected.value) {
    ctx.addIssue({ code: 'custom', path: ['actual', 'value'], message: 'A late ticket took longer than expected: actual must be more than expected.' })
  }
}
export const LateTicketFields = LateTicketBase.superRefine(checkEffort)
export const LateTicket = LateTicketBase.extend({ id: RecordId }).superRefine(checkEffort)
export type LateTicket = z.infer<typeof LateTicket>

/** The catalog for a team (defaults + its own) or for the org (defaults + every team's). Ids must be unique. */
export function reasonCatalog(custom: readonly LateReason[] = []): LateReason[] {
  const all: LateReason[] = [...DEFAULT_REASONS, ...custom.map((r) => LateReasonSchema.parse(r))]
  const ids = new Set<string>()
  for (const r of all) {
    if (ids.has(r.id)) throw new RangeError(`Reason id "${r.id}" appears twice in the catalog.`)
    ids.add(r.id)
  }
  return all
}

/** A team's new reason; refuses a name the team's list already has (defaults included). */
export function customReason(catalog: readonly LateReason[], teamId: string, label: string): LateReason {
  const clean = LateReasonSchema.shape.label.parse(label)
  const visible = catalog.filter((r) => r.teamId === undefined || r.teamId === teamId)
  if (visible.some((r) => r.label.toLocaleLowerCase('en') === clean.toLocaleLowerCase('en'))) {
    throw new RangeError(`"${clean}" is already a reason.`)
  }
  const base = `custom:${teamId}:${slugify(clean)}`
  let id = base
  for (let n = 2; catalog.some((r) => r.id === id); n++) id = `${base}-${n}`
  return { id, label: clean, teamId }
}

export const overrunRatio = (t: Pick<LateTicket, 'expected' | 'actual'>): number => t.actual.value / t.expected.value

export interface ReasonStat {
  reasonId: string
  label: string
  count: number
  /** Of all entries, 0…1. */
  share: number
  /** Mean of actual / expected over this reason's entries. */
  averageOverrun: number
}

export interface LateTicketReport {
  total: number
  /** Every sprint with entries, ascending. */
  sprints: number[]
  /** Top reasons: most entries first, then by label. Reasons without entries are left out. */
  reasons: ReasonStat[]
  /** Per sprint, ascending: entries per reason id. */
  trend: { sprint: number; total: number; counts: Record<string, number> }[]
  /** Per team, by name: entries per reason id and the team's top reason. */
  byTeam: { teamId: string; teamName: string; total: number; counts: Record<string, number>; topReasonId: string }[]
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)

export function reasonLabel(catalog: readonly LateReason[], id: string): string {
  return catalog.find((r) => r.id === id)?.label ?? `Unknown reason (${id})`
}

export function lateTicketReport(entries: readonly LateTicket[], catalog: readonly LateReason[]): LateTicketReport {
  const perReason = new Map<string, { count: number; ratioSum: number }>()
  const perSprint = new Map<number, Map<string, number>>()
  const perTeam = new Map<string, { name: string; nameSprint: number; counts: Map<string, number> }>()
  for (const e of entries) {
    const r = perReason.get(e.reasonId) ?? { count: 0, ratioSum: 0 }
    perReason.set(e.reasonId, { count: r.count + 1, ratioSum: r.ratioSum + overrunRatio(e) })
    if (!perSprint.has(e.sprint)) perSprint.set(e.sprint, new Map())
    bump(perSprint.get(e.sprint)!, e.reasonId)
    let team = perTeam.get(e.teamId)
    if (!team) perTeam.set(e.teamId, (team = { name: e.teamName, nameSprint: e.sprint, counts: new Map() }))
    if (e.sprint > team.nameSprint) Object.assign(team, { name: e.teamName, nameSprint: e.sprint }) // renamed: its latest name
    bump(team.counts, e.reasonId)
  }
  const total = entries.length
  const reasons: ReasonStat[] = [...perReason]
    .map(([reasonId, r]) => ({ reasonId, label: reasonLabel(catalog, reasonId), count: r.count, share: r.count / total, averageOverrun: r.ratioSum / r.count }))
    .sort((a, b) => b.count - a.count || cmp(a.label, b.label) || cmp(a.reasonId, b.reasonId))
  const rank = new Map(reasons.map((r, i) => [r.reasonId, i]))
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
  return {
    total,
    sprints: [...perSprint.keys()].sort((a, b) => a - b),
    reasons,
    trend: [...perSprint]
      .sort(([a], [b]) => a - b)
      .map(([sprint, counts]) => ({ sprint, total: sum(counts), counts: Object.fromEntries(counts) })),
    byTeam: [...perTeam]
      .map(([teamId, t]) => {
        // the team's most frequent reason; ties go to the org-wide higher-ranked one
        const top = [...t.counts].sort(([a, x], [b, y]) => y - x || rank.get(a)! - rank.get(b)!)[0]!
        return { teamId, teamName: t.name, total: sum(t.counts), counts: Object.fromEntries(t.counts), topReasonId: top[0] }
      })
      .sort((a, b) => cmp(a.teamName, b.teamName) || cmp(a.teamId, b.teamId))
  }
}

/** Every entry, one row each, sorted by sprint, team and ticket key. */
export function lateTicketCsv(entries: readonly LateTicket[], catalog: readonly LateReason[]): string {
  const rows = [...entries]
    .sort((a, b) => a.sprint - b.sprint || cmp(a.teamName, b.teamName) || cmp(a.key, b.key) || cmp(a.id, b.id))
    .map((e) => [e.sprint, e.teamName, e.key, e.title, e.expected.value, e.actual.value, e.expected.unit, round(overrunRatio(e), 2), reasonLabel(catalog, e.reasonId), e.note])
  return toCsv(['Sprint', 'Team', 'Ticket', 'Title', 'Expected', 'Actual', 'Unit', 'Overrun (actual/expected)', 'Reason', 'Note'], rows)
}

/** The report as a table a spreadsheet can chart: one row per reason, a column per sprint and per team. */
export function lateTicketReportCsv(report: LateTicketReport): string {
  const header = ['Reason', 'Tickets', 'Share', 'Average overrun', ...report.sprints.map((s) => `Sprint ${s}`), ...report.byTeam.map((t) => `Team ${t.teamName}`)]
  const count = (counts: Record<string, number>, id: string) => (Object.hasOwn(counts, id) ? counts[id]! : 0)
  const rows = report.reasons.map((r) => [
    r.label,
    r.count,
    round(r.share, 3),
    round(r.averageOverrun, 2),
    ...report.trend.map((s) => count(s.counts, r.reasonId)),
    ...report.byTeam.map((t) => count(t.counts, r.reasonId))
  ])
  return toCsv(header, rows)
}
