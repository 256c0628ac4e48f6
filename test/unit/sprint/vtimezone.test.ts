import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { offsetChanges, vtimezone } from '@shared/sprint/vtimezone.ts'

const Y2026 = Date.UTC(2026, 0, 1)
const Y2027 = Date.UTC(2027, 0, 1)

describe('offsetChanges', () => {
  it('finds the two changes of Berlin and New York in 2026, to the minute', () => {
    expect(offsetChanges('Europe/Berlin', Y2026, Y2027)).toEqual([
      { at: Date.UTC(2026, 2, 29, 1), from: 60, to: 120 },
      { at: Date.UTC(2026, 9, 25, 1), from: 120, to: 60 }
    ])
    expect(offsetChanges('America/New_York', Y2026, Y2027)).toEqual([
      { at: Date.UTC(2026, 2, 8, 7), from: -300, to: -240 },
      { at: Date.UTC(2026, 10, 1, 6), from: -240, to: -300 }
    ])
  })

  it('finds none where the clocks never change', () => {
    expect(offsetChanges('Asia/Tokyo', Y2026, Y2027)).toEqual([])
  })
})

describe('vtimezone', () => {
  it('writes each change as STANDARD or DAYLIGHT with the local time it happens at', () => {
    const text = vtimezone('Europe/Berlin', Y2026, Y2027)
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200')
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100')
    expect(text.startsWith('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n')).toBe(true)
    expect(text.endsWith('END:VTIMEZONE')).toBe(true)
  })

  it('marks southern-hemisphere summer time as DAYLIGHT', () => {
    const text = vtimezone('Australia/Sydney', Y2026, Y2027)
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000')
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100')
  })

  it('writes offsets that are not whole hours', () => {
    expect(vtimezone('Asia/Kathmandu', Y2026, Y2027)).toContain('TZOFFSETTO:+0545')
    expect(vtimezone('America/St_Johns', Y2026, Y2027)).toContain('TZOFFSETFROM:-0330')
  })

  it('gives ical.js the offsets luxon uses', () => {
    const component = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${vtimezone('America/New_York', Y2026, Y2027)}\r\nEND:VCALENDAR`))
    const zone = new ICAL.Timezone({ component: component.getFirstSubcomponent('vtimezone'), tzid: 'America/New_York' })
    const at = (month: number, day: number) => ICAL.Time.fromData({ year: 2026, month, day, hour: 12, minute: 0, second: 0 }, zone).toJSDate().toISOString()
    expect(at(3, 6)).toBe('2026-03-06T17:00:00.000Z')
    expect(at(3, 9)).toBe('2026-03-09T16:00:00.000Z')
    expect(at(10, 30)).toBe('2026-10-30T16:00:00.000Z')
    expect(at(11, 2)).toBe('2026-11-02T17:00:00.000Z')
  })
})
