import { describe, expect, it } from 'vitest'
import { IsoDate, browserZone, isIsoDate, todayIn } from '@shared/time/dates.ts'

/** The check the mentorship feature used before the dates were unified: a UTC round trip. */
function roundTrips(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

describe('ISO calendar dates', () => {
  it('accept real days and refuse impossible ones', () => {
    for (const ok of ['2024-02-29', '2026-01-31', '2026-12-31', '2000-02-29']) expect(isIsoDate(ok)).toBe(true)
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', '1900-02-29', '2026-1-5', '20260105', '2026-01-05T00:00', '']) {
      expect(isIsoDate(bad)).toBe(false)
    }
  })

  it('agree with the round-trip check on every day number of 1899…2101, so no stored date turns invalid', () => {
    const pad = (n: number) => String(n).padStart(2, '0')
    let disagreements = 0
    for (let y = 1899; y <= 2101; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${y}-${pad(m)}-${pad(d)}`
          if (isIsoDate(text) !== roundTrips(text)) disagreements++
        }
      }
    }
    expect(disagreements).toBe(0)
  })

  it('say what a date should look like', () => {
    const result = IsoDate.safeParse('19/04/2019')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('must be a date like 2026-07-15')
  })
})

describe('today', () => {
  it('is the calendar date in a zone at an instant', () => {
    const ms = Date.parse('2026-01-07T23:30:00Z')
    expect(todayIn('Europe/Berlin', ms)).toBe('2026-01-08')
    expect(todayIn('America/New_York', ms)).toBe('2026-01-07')
    expect(todayIn('UTC', ms)).toBe('2026-01-07')
  })

  it('counts an unknown zone as UTC', () => {
    expect(todayIn('Not/AZone', Date.parse('2026-01-07T23:30:00Z'))).toBe('2026-01-07')
  })

  it('knows this device’s zone', () => {
    expect(todayIn(browserZone(), Date.now())).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(browserZone()).not.toBe('')
  })
})
