import { z } from 'zod'
import { FIELD_LIMITS } from '../text/limits.ts'
import { IsoDate } from '../time/dates.ts'

/**
 * A mentee's personal OKR for one quarter, as the seed's pair agreed: the mentee sets an objective
 * for what they work on with their mentor and brings it to 1:1s with their manager.
 *
 * Scoring follows Google's convention (re:Work, "Set goals with OKRs"):
 * - every key result scores 0.0–1.0:
 *     numeric     clamp((current − start) / (target − start), 0, 1) — works for decreasing targets
 *                 too (start 40, target 10, current 25 → 0.5);
 *     percentage  current / 100, clamped;
 *     done/not    0 or 1;
 * - the objective scores the weighted average of its key results (weight defaults to 1);
 * - scores are kept exact and *shown* to one decimal, as Google grades them; the status reads the
 *   shown score, so a score shown as "0.7" always says "on target":
 *     ≥ 0.7 on target (0.7 is success for a stretch goal), ≥ 0.4 progressing, below 0.4 at risk.
 *
 * A key result's `current` is the value that counts; check-ins are its dated history with the
 * mentee's confidence (1–10) and a note. applyCheckIn records one and moves `current` along.
 */

export const Quarter = z.string().max(10, { abort: true, message: 'quarter must look like 2026-Q3' }).regex(/^\d{4}-Q[1-4]$/, 'quarter must look like 2026-Q3')
export type Quarter = z.infer<typeof Quarter>

const num = (field: string) => z.number({ error: `${field} must be a number` })

const keyResultBase = {
  id: z.string().min(1, 'id is required').max(FIELD_LIMITS.id),
  title: z.string().trim().min(1, 'title is required').max(FIELD_LIMITS.title),
  /** Relative weight in the objective's score; 1 when absent. */
  weight: num('weight').min(0, 'weight cannot be negative').optional()
}

export const NumericKeyResult = z
  .object({
    ...keyResultBase,
    kind: z.literal('numeric'),
    start: num('start'),
    target: num('target'),
    current: num('current'),
    unit: z.string().max(40).optional()
  })
  .refine((kr) => kr.target !== kr.start, { message: 'target must differ from start', path: ['target'] })

export const PercentageKeyResult = z.object({
  ...keyResultBase,
  kind: z.literal('percentage'),
  current: num('current').min(0, 'current must be between 0 and 100').max(100, 'current must be between 0 and 100')
})

export const BinaryKeyResult = z.object({
  ...keyResultBase,
  kind: z.literal('binary'),
  done: z.boolean({ error: 'done must be true or false' })
})

export const KeyResult = z.discriminatedUnion('kind', [NumericKeyResult, PercentageKeyResult, BinaryKeyResult], {
  error: 'kind must be "numeric", "percentage" or "binary"'
})
export type KeyResult = z.infer<typeof KeyResult>
export type KeyResultKind = KeyResult['kind']

export const CheckIn = z.object({
  id: z.string().min(1, 'id is required').max(FIELD_LIMITS.id),
  keyResultId: z.string().min(1, 'keyResultId is required').max(FIELD_LIMITS.id),
  date: IsoDate,
  /** numeric: the new value; percentage: 0–100; binary: done or not. */
  value: z.union([z.number(), z.boolean()], { error: 'value must be a number or true/false' }),
  confidence: z.number({ error: 'confidence must be a number' }).int('confidence must be a whole number from 1 to 10').min(1, 'confidence must be from 1 to 10').max(10, 'confidence must be from 1 to 10'),
  note: z.string().max(FIELD_LIMITS.text)
})
export type CheckIn = z.infer<typeof CheckIn>

export const Okr = z
  .object({
    id: z.string().min(1, 'id is required'),
    quarter: Quarter,
    objective: z.string().trim().min(1, 'objective is required').max(FIELD_LIMITS.title),
    keyResults: z.array(KeyResult).min(1, 'add at least one key result'),
    checkIns: z.array(CheckIn)
  })
  .superRefine((okr, ctx) => {
    const ids = new Set<string>()
    okr.keyResults.forEach((kr, i) => {
      if (ids.has(kr.id)) ctx.addIssue({ code: 'custom', message: `id "${kr.id}" is used twice`, path: ['keyResults', i, 'id'] })
      ids.add(kr.id)
    })
    okr.checkIns.forEach((checkIn, i) => {
      const kr = okr.keyResults.find((k) => k.id === checkIn.keyResultId)
      const problem = !kr ? `keyResultId "${checkIn.keyResultId}" names no key result` : checkInValueProblem(kr, checkIn.value)
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['checkIns', i, kr ? 'value' : 'keyResultId'] })
    })
  })
export type Okr = z.infer<typeof Okr>

function checkInValueProblem(kr: KeyResult, value: number | boolean): string | null {
  if (kr.kind === 'binary') return typeof value === 'boolean' ? null : 'value must be true or false for a done/not-done key result'
  if (typeof value !== 'number') return 'value must be a number'
  if (kr.kind === 'percentage' && (value < 0 || value > 100)) return 'value must be between 0 and 100'
  return null
}

/** "keyResults.1.target" → 'key result 2 ("Ship 3 features"): target must differ from start'. */
function describe(issue: z.core.$ZodIssue, input: unknown): string {
  const [list, index] = issue.path
  const record = (input as Record<string, unknown[]> | null)?.[String(list)]?.[Number(index)] as Record<string, unknown> | undefined
  if (list === 'keyResults' && typeof index === 'number') {
    const title = typeof record?.title === 'string' && record.title ? ` ("${record.title}")` : ''
    return `key result ${index + 1}${title}: ${issue.message}`
  }
  if (list === 'checkIns' && typeof index === 'number') {
    const date = typeof record?.date === 'string' ? ` (${record.date})` : ''
    return `check-in ${index + 1}${date}: ${issue.message}`
  }
  if (issue.path.length === 0 && issue.code === 'invalid_type') return 'an OKR must be an object'
  if (issue.code === 'invalid_type' && issue.path.length === 1) return `${String(list)} is missing or of the wrong type`
  return issue.message
}

export type OkrCheck = { ok: true; okr: Okr } | { ok: false; errors: string[] }

/** Validates stored or imported data; errors are whole sentences that name the key result or check-in. */
export function parseOkr(input: unknown): OkrCheck {
  const parsed = Okr.safeParse(input)
  if (parsed.success) return { ok: true, okr: parsed.data }
  return { ok: false, errors: [...new Set(parsed.error.issues.map((issue) => describe(issue, input)))] }
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x))

export function keyResultScore(kr: KeyResult): number {
  switch (kr.kind) {
    case 'numeric':
      return clamp01((kr.current - kr.start) / (kr.target - kr.start))
    case 'percentage':
      return clamp01(kr.current / 100)
    case 'binary':
      return kr.done ? 1 : 0
  }
}

/** Weighted average of the key results' scores; plain average when every weight is 0. */
export function okrScore(okr: Pick<Okr, 'keyResults'>): number {
  const weights = okr.keyResults.map((kr) => kr.weight ?? 1)
  const total = weights.reduce((sum, w) => sum + w, 0)
  if (okr.keyResults.length === 0) return 0
  if (total === 0) return okr.keyResults.reduce((sum, kr) => sum + keyResultScore(kr), 0) / okr.keyResults.length
  return okr.keyResults.reduce((sum, kr, i) => sum + keyResultScore(kr) * (weights[i] ?? 0), 0) / total
}

/** Google-style display: one decimal, "0.7". */
export function roundScore(score: number): number {
  return Math.round(clamp01(score) * 10 + 1e-9) / 10
}

export const ON_TARGET = 0.7
export const PROGRESSING = 0.4
export type OkrStatus = 'on target' | 'progressing' | 'at risk'

export function okrStatus(score: number): OkrStatus {
  const shown = roundScore(score)
  return shown >= ON_TARGET ? 'on target' : shown >= PROGRESSING ? 'progressing' : 'at risk'
}

/** Check-ins of one key result (or all), newest first; same-day ones keep their recorded order reversed. */
export function checkInsNewestFirst(okr: Pick<Okr, 'checkIns'>, keyResultId?: string): CheckIn[] {
  return okr.checkIns
    .map((checkIn, order) => ({ checkIn, order }))
    .filter(({ checkIn }) => keyResultId === undefined || checkIn.keyResultId === keyResultId)
    .sort((a, b) => b.checkIn.date.localeCompare(a.checkIn.date) || b.order - a.order)
    .map(({ checkIn }) => checkIn)
}

/**
 * Records a check-in. When it is the newest for its key result, the key result's current value
 * (or done state) becomes the check-in's value; a back-dated check-in only joins the history.
 * Throws with the same sentences as parseOkr when the result would be invalid.
 */
export function applyCheckIn(okr: Okr, checkIn: CheckIn): Okr {
  const checkIns = [...okr.checkIns, checkIn]
  const newest = checkInsNewestFirst({ checkIns }, checkIn.keyResultId)[0] === checkIn
  const keyResults = okr.keyResults.map((kr): KeyResult => {
    if (kr.id !== checkIn.keyResultId || !newest) return kr
    if (kr.kind === 'binary') return typeof checkIn.value === 'boolean' ? { ...kr, done: checkIn.value } : kr
    return typeof checkIn.value === 'number' ? { ...kr, current: checkIn.value } : kr
  })
  const checked = parseOkr({ ...okr, keyResults, checkIns })
  if (!checked.ok) throw new Error(checked.errors.join('\n'))
  return checked.okr
}

/** The quarter a date falls in: 2026-08-03 → "2026-Q3". */
export function quarterOf(date: string): Quarter {
  const month = Number(date.slice(5, 7))
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`
}

/** First and last day of a quarter: "2026-Q3" → { start: "2026-07-01", end: "2026-09-30" }. */
export function quarterBounds(quarter: Quarter): { start: string; end: string } {
  const year = Number(quarter.slice(0, 4))
  const q = Number(quarter.slice(6))
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1))
  const end = new Date(Date.UTC(year, q * 3, 0))
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) }
}
