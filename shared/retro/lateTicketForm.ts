import { type Effort, LateTicketFields, UNITS } from './lateTickets.ts'

/**
 * The "took longer than expected" form: what people type (numbers as text, one unit for both
 * efforts) → the record's fields, or one message per form field.
 */
export interface LateTicketDraft {
  key: string
  title: string
  expected: string
  actual: string
  unit: Effort['unit']
  reasonId: string
  note: string
}

export type LateTicketFormField = 'key' | 'title' | 'expected' | 'actual' | 'reasonId' | 'note'

export const EMPTY_LATE_TICKET: LateTicketDraft = { key: '', title: '', expected: '', actual: '', unit: UNITS[0], reasonId: '', note: '' }

/** "1,5" and "1.5" are both one and a half; blank or not a number is null. */
export function parseAmount(text: string): number | null {
  const clean = text.trim().replace(',', '.')
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(clean)) return null
  return Number(clean)
}

export type LateTicketFormResult =
  | { ok: true; fields: ReturnType<typeof LateTicketFields.parse> }
  | { ok: false; errors: Partial<Record<LateTicketFormField, string>> }

export function parseLateTicketForm(draft: LateTicketDraft, context: { sprint: number; teamId: string; teamName: string }): LateTicketFormResult {
  const errors: Partial<Record<LateTicketFormField, string>> = {}
  const expected = parseAmount(draft.expected)
  const actual = parseAmount(draft.actual)
  if (expected === null) errors.expected = draft.expected.trim() ? 'Expected is a number, e.g. 2 or 1.5.' : 'How much was expected?'
  if (actual === null) errors.actual = draft.actual.trim() ? 'Actual is a number, e.g. 5 or 4.5.' : 'How much did it take?'
  const parsed = LateTicketFields.safeParse({
    key: draft.key,
    title: draft.title,
    expected: { value: expected ?? 1, unit: draft.unit },
    actual: { value: actual ?? 2, unit: draft.unit },
    reasonId: draft.reasonId,
    note: draft.note,
    ...context
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const head = issue.path[0]
      const field: LateTicketFormField | null =
        head === 'key' || head === 'title' || head === 'reasonId' || head === 'note' ? head : head === 'expected' ? 'expected' : head === 'actual' ? 'actual' : null
      if (field && !errors[field]) errors[field] = issue.message
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors: Object.keys(errors).length ? errors : { key: 'Check the ticket.' } }
  return { ok: true, fields: parsed.data }
}

/** "1 day", "2.5 days", "3 points": an effort as people read it. */
export function effortText(e: Effort): string {
  const singular = e.unit.slice(0, -1)
  return `${e.value} ${e.value === 1 ? singular : e.unit}`
}

/** The draft that edits an existing entry. */
export function draftOf(t: { key: string; title: string; expected: Effort; actual: Effort; reasonId: string; note: string }): LateTicketDraft {
  return { key: t.key, title: t.title, expected: String(t.expected.value), actual: String(t.actual.value), unit: t.expected.unit, reasonId: t.reasonId, note: t.note }
}
