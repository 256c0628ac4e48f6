import { describe, expect, it } from 'vitest'
import { formatDateRange, formatDay, fromLocalInput, toLocalInput, viewerTime, zoneOffsetLabel } from '@shared/sprint/viewerTime.ts'

describe('viewer time', () => {
  const syncUp = { start: '2026-03-30T10:00:00Z', end: '2026-03-30T10:15:00Z', zone: 'Europe/Berlin' }

  it('reads a ceremony in the viewer zone and notes its own zone', () => {
    expect(viewerTime(syncUp, 'Europe/Berlin')).toEqual({ date: '2026-03-30', start: '12:00', end: '12:15', day: 'Mon 30 Mar', zoneNote: null })
    expect(viewerTime(syncUp, 'America/New_York')).toMatchObject({ start: '06:00', end: '06:15', zoneNote: '12:00 in Europe/Berlin' })
    expect(viewerTime(syncUp, 'Pacific/Auckland')).toMatchObject({ date: '2026-03-30', start: '23:00', zoneNote: '12:00 in Europe/Berlin' })
    const late = { start: '2026-03-30T15:30:00Z', end: '2026-03-30T16:00:00Z', zone: 'Europe/Berlin' }
    expect(viewerTime(late, 'Asia/Tokyo')).toMatchObject({ date: '2026-03-31', start: '00:30', zoneNote: '17:30 Mon 30 Mar in Europe/Berlin' })
  })

  it('formats days and ranges', () => {
    expect(formatDay('2026-01-07')).toBe('Wed 7 Jan')
    expect(formatDateRange('2026-01-07', '2026-01-20')).toBe('7 Jan – 20 Jan 2026')
    expect(formatDateRange('2025-12-31', '2026-01-13')).toBe('31 Dec 2025 – 13 Jan 2026')
    expect(zoneOffsetLabel('Asia/Kolkata', Date.parse('2026-01-01T00:00:00Z'))).toBe('UTC+5:30')
    expect(zoneOffsetLabel('America/New_York', Date.parse('2026-07-01T00:00:00Z'))).toBe('UTC−4')
  })

  it('round-trips a datetime-local value in a zone across DST', () => {
    expect(toLocalInput('2026-03-30T10:00:00Z', 'Europe/Berlin')).toBe('2026-03-30T12:00')
    expect(fromLocalInput('2026-03-30T12:00', 'Europe/Berlin')).toBe('2026-03-30T12:00:00+02:00')
    expect(fromLocalInput('2026-03-27T12:00', 'Europe/Berlin')).toBe('2026-03-27T12:00:00+01:00')
    expect(fromLocalInput('not a date', 'Europe/Berlin')).toBeNull()
  })
})
