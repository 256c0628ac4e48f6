import { parseOkr, quarterOf, type CheckIn, type KeyResult, type KeyResultKind, type Okr } from './okr.ts'
import { isIsoDate } from '../time/dates.ts'

/**
 * The OKR forms: what people type (text in inputs) → a checked OKR, key result or check-in, with
 * sentences that say what to fix. The rules themselves are okr.ts's (parseOkr).
 */

export interface KeyResultDraft {
  id: string
  title: string
  kind: KeyResultKind
  start: string
  target: string
  current: string
  unit: string
  done: boolean
}

export interface OkrDraft {
  objective: string
  quarter: string
  keyResults: KeyResultDraft[]
}

export const KIND_LABELS: Record<KeyResultKind, string> = {
  numeric: 'Number (from → target)',
  percentage: 'Percentage',
  binary: 'Done / not done'
}

export function emptyKeyResultDraft(id: string, kind: KeyResultKind = 'numeric'): KeyResultDraft {
  return { id, title: '', kind, start: '0', target: '', current: '', unit: '', done: false }
}

/** "12", " 3,5 " → numbers; "" or "abc" → null. */
export function readNumber(text: string): number | null {
  const clean = text.trim().replace(/\s+/g, '').replace(',', '.')
  if (!clean) return null
  const n = Number(clean)
  return Number.isFinite(n) ? n : null
}

function numberOr(text: string, fallback: number): number {
  return readNumber(text) ?? fallback
}

export function draftFromKeyResult(kr: KeyResult): KeyResultDraft {
  const base = emptyKeyResultDraft(kr.id, kr.kind)
  if (kr.kind === 'numeric') return { ...base, title: kr.title, start: String(kr.start), target: String(kr.target), current: String(kr.current), unit: kr.unit ?? '' }
  if (kr.kind === 'percentage') return { ...base, title: kr.title, current: String(kr.current) }
  return { ...base, title: kr.title, done: kr.done }
}

function keyResultFrom(draft: KeyResultDraft): unknown {
  const title = draft.title.trim()
  if (draft.kind === 'binary') return { id: draft.id, title, kind: 'binary', done: draft.done }
  if (draft.kind === 'percentage') return { id: draft.id, title, kind: 'percentage', current: numberOr(draft.current, 0) }
  const start = readNumber(draft.start)
  const kr: Record<string, unknown> = {
    id: draft.id,
    title,
    kind: 'numeric',
    start: start ?? Number.NaN,
    target: readNumber(draft.target) ?? Number.NaN,
    current: numberOr(draft.current, start ?? 0)
  }
  if (draft.unit.trim()) kr.unit = draft.unit.trim()
  return kr
}

/** A new or edited OKR; its check-ins are kept. */
export function okrFromDraft(id: string, draft: OkrDraft, checkIns: CheckIn[] = []): { ok: true; okr: Okr } | { ok: false; errors: string[] } {
  const result = parseOkr({
    id,
    quarter: draft.quarter,
    objective: draft.objective,
    keyResults: draft.keyResults.map(keyResultFrom),
    checkIns
  })
  if (result.ok) return result
  // NaN reads as "must be a number" in zod's words: say which field is missing
  return { ok: false, errors: result.errors.map((e) => e.replace(/expected number, received NaN/i, 'must be a number')) }
}

export interface CheckInDraft {
  date: string
  value: string
  done: boolean
  confidence: number
  note: string
}

/** A check-in for the key result, or the sentence saying what to fix. */
export function checkInFromDraft(kr: KeyResult, id: string, draft: CheckInDraft): { ok: true; checkIn: CheckIn } | { ok: false; error: string } {
  let value: number | boolean
  if (kr.kind === 'binary') value = draft.done
  else {
    const n = readNumber(draft.value)
    if (n === null) return { ok: false, error: kr.kind === 'percentage' ? 'Enter the percentage reached (0–100).' : 'Enter the value reached so far.' }
    if (kr.kind === 'percentage' && (n < 0 || n > 100)) return { ok: false, error: 'A percentage is between 0 and 100.' }
    value = n
  }
  if (!Number.isInteger(draft.confidence) || draft.confidence < 1 || draft.confidence > 10) return { ok: false, error: 'Confidence is a whole number from 1 to 10.' }
  if (!isIsoDate(draft.date)) return { ok: false, error: 'Pick the day of the check-in.' }
  return { ok: true, checkIn: { id, keyResultId: kr.id, date: draft.date, value, confidence: draft.confidence, note: draft.note.trim() } }
}

/** The quarters to choose from: last one, this one and the next two. */
export function quarterChoices(today: string): string[] {
  const current = quarterOf(today)
  const year = Number(current.slice(0, 4))
  const q = Number(current.slice(6))
  const out: string[] = []
  for (let offset = -1; offset <= 2; offset++) {
    const index = (year * 4 + (q - 1)) + offset
    out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`)
  }
  return out
}
