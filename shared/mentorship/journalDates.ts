import { isIsoDate } from '../time/dates.ts'

/**
 * Dates and durations as people write them in a pair's journal ("4/19/2019", "35 mins", "1 hour").
 * Stored as ISO dates ("2019-04-19") and whole minutes.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function iso(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isIsoDate(text) ? text : null
}

function fullYear(year: string): number {
  const n = Number(year)
  return year.length === 2 ? 2000 + n : n
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1
}

/**
 * Reads "2019-04-19", US "4/19/2019" (month first, as in the program's documents; "4/19/19" too),
 * "April 19, 2019" and "19 April 2019". Returns the ISO date, or null for anything else or an
 * impossible date (2/30/2019).
 */
export function parseJournalDate(input: string): string | null {
  const text = input.trim().replace(/\.$/, '')
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text)
  if (m) return iso(fullYear(m[3] ?? ''), Number(m[1]), Number(m[2]))
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text)
  if (m && monthNumber(m[1] ?? '') > 0) return iso(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]))
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text)
  if (m && monthNumber(m[2] ?? '') > 0) return iso(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]))
  return null
}

export type DateStyle = 'iso' | 'us'

/** "2019-04-19" as "2019-04-19" (iso) or "4/19/2019" (us, the seed's style). */
export function formatJournalDate(date: string, style: DateStyle): string {
  if (style === 'iso') return date
  const [year, month, day] = date.split('-')
  return `${Number(month)}/${Number(day)}/${year}`
}

const HOURS = '(?:h|hr|hrs|hour|hours)'
const MINUTES = '(?:m|min|mins|minute|minutes)'

/**
 * Reads "35 mins", "90 min", "1 hour", "2 hours", "1h30", "1h 30m", "1 hour 30 minutes",
 * "1.5 hours", "an hour", "half an hour". Returns whole minutes, or null.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase().replace(/\.$/, '')
  if (text === 'an hour' || text === 'one hour') return 60
  if (text === 'half an hour') return 30
  let m = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*${HOURS}\\.?(?:\\s*(?:and\\s*)?(\\d+)\\s*(?:${MINUTES})?)?$`).exec(text)
  if (m) {
    const minutes = Math.round(Number(m[1]) * 60 + Number(m[2] ?? 0))
    return minutes > 0 ? minutes : null
  }
  m = new RegExp(`^(\\d+)\\s*${MINUTES}\\.?$`).exec(text)
  if (m) return Number(m[1]) > 0 ? Number(m[1]) : null
  return null
}

/** 35 → "35 mins", 60 → "1 hour", 90 → "1 hour 30 mins", 120 → "2 hours". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const h = hours === 1 ? '1 hour' : `${hours} hours`
  const m = rest === 1 ? '1 min' : `${rest} mins`
  if (hours === 0) return m
  return rest === 0 ? h : `${h} ${m}`
}
