import { isIsoDate } from '../time/dates.ts'
import type { Cadence } from './pairRecords.ts'

/**
 * A pair meets on a cadence (the program asks for at least monthly). The next session is the last
 * session's date plus the cadence, unless the pair has set a date of its own that is still ahead of
 * their last session.
 */

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** 2026-01-31 + monthly → 2026-02-28 (the month's last day when the day does not exist). */
export function addCadence(date: string, cadence: Cadence): string {
  const d = utc(date)
  if (cadence === 'weekly') return iso(new Date(d.getTime() + 7 * 86_400_000))
  if (cadence === 'biweekly') return iso(new Date(d.getTime() + 14 * 86_400_000))
  const year = d.getUTCFullYear()
  const month = d.getUTCMonth() + 1
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return iso(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay))))
}

export interface NextSession {
  date: string | null
  /** 'set' by the pair, 'derived' from the last session, or 'none' (no session yet) */
  source: 'set' | 'derived' | 'none'
}

export function nextSession(input: { sessionDates: readonly (string | null)[]; cadence: Cadence; override: string | null }): NextSession {
  const dates = input.sessionDates.filter((d): d is string => d !== null && isIsoDate(d)).sort()
  const last = dates[dates.length - 1] ?? null
  const override = input.override && isIsoDate(input.override) ? input.override : null
  if (override && (last === null || override > last)) return { date: override, source: 'set' }
  if (last === null) return { date: null, source: 'none' }
  return { date: addCadence(last, input.cadence), source: 'derived' }
}

/** Whole days from `today` to `date` (negative when past). */
export function daysUntil(date: string, today: string): number {
  return Math.round((utc(date).getTime() - utc(today).getTime()) / 86_400_000)
}

/** "today", "tomorrow", "in 12 days", "3 days ago". */
export function relativeDay(date: string, today: string): string {
  const days = daysUntil(date, today)
  if (days === 0) return 'today'
  if (days === 1) return 'tomorrow'
  if (days === -1) return 'yesterday'
  return days > 0 ? `in ${days} days` : `${-days} days ago`
}

/** The day a date plus some days falls on. */
export function addDays(date: string, days: number): string {
  return iso(new Date(utc(date).getTime() + days * 86_400_000))
}
