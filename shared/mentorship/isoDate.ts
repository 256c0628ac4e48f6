import { z } from 'zod'

/** Calendar dates are stored as ISO "YYYY-MM-DD" strings: sortable, time-zone free, Yjs friendly. */
const DATE = /^\d{4}-\d{2}-\d{2}$/

export function isIsoDate(text: string): boolean {
  if (!DATE.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

export const IsoDate = z.string().refine(isIsoDate, 'must be a date like 2026-07-15')
