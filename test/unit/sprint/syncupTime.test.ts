import { describe, expect, it } from 'vitest'
import { type SyncUpMember, type SyncUpTimeResult, findSyncUpTime, slotTimeIn } from '@shared/sprint/syncupTime.ts'

const member = (name: string, timezone: string, workStart = '09:00', workEnd = '17:00', workingDays?: number[]): SyncUpMember => ({
  name,
  timezone,
  workStart,
  workEnd,
  ...(workingDays ? { workingDays } : {})
})

function ok(result: SyncUpTimeResult) {
  if (!result.ok) throw new Error(`expected a slot: ${result.reason} ${JSON.stringify(result.conflicts)}`)
  return result
}
function notOk(result: SyncUpTimeResult) {
  if (result.ok) throw new Error(`expected no slot, got ${result.start}`)
  return result
}
const locals = (result: { perMember: { name: string; localTime: string }[] }) =>
  Object.fromEntries(result.perMember.map((m) => [m.name, m.localTime]))

describe('findSyncUpTime: one time zone', () => {
  const team = [member('Ana', 'Europe/Berlin'), member('Ben', 'Europe/Berlin', '08:00', '16:00'), member('Cleo', 'Europe/Berlin', '10:00', '18:30')]

  it('picks local midday, in winter and in summer', () => {
    expect(ok(findSyncUpTime(team, { referenceDate: '2026-01-14' }))).toMatchObject({ start: '2026-01-14T11:00:00Z', utcTime: '11:00', score: 0, durationMinutes: 15 })
    expect(ok(findSyncUpTime(team, { referenceDate: '2026-07-15' })).start).toBe('2026-07-15T10:00:00Z')
  })

  it('comes as close to midday as the hours allow', () => {
    const result = ok(findSyncUpTime([member('Ana', 'Europe/Berlin', '13:00', '17:00')], { referenceDate: '2026-01-14' }))
    expect(locals(result)).toEqual({ Ana: '13:00' })
    expect(result.perMember[0]?.minutesFromMidday).toBe(60)
  })

  it('offers alternatives, best first, and can look for a longer slot', () => {
    const result = ok(findSyncUpTime(team, { referenceDate: '2026-01-14', alternatives: 2 }))
    expect(result.alternatives.map((a) => a.utcTime)).toEqual(['10:45', '11:15'])
    const long = ok(findSyncUpTime([member('Ana', 'Europe/Berlin', '09:00', '12:30')], { referenceDate: '2026-01-14', durationMinutes: 45 }))
    expect(locals(long)).toEqual({ Ana: '11:45' })
  })
})

describe('findSyncUpTime: two time zones', () => {
  const team = [member('Ana', 'Europe/Berlin'), member('Ben', 'America/New_York')]

  it('finds the overlap and, on a tie, takes the earliest slot', () => {
    const result = ok(findSyncUpTime(team, { referenceDate: '2026-01-14' }))
    expect(result.start).toBe('2026-01-14T14:00:00Z')
    expect(locals(result)).toEqual({ Ana: '15:00', Ben: '09:00' })
    expect(result.score).toBe(360)
    expect(result.alternatives.map((a) => a.utcTime)).toEqual(['14:15', '14:30', '14:45'])
  })

  it('uses the offsets of the reference date: one hour more overlap while only New York is on summer time', () => {
    const result = ok(findSyncUpTime(team, { referenceDate: '2026-03-20' }))
    expect(result.start).toBe('2026-03-20T13:00:00Z')
    expect(locals(result)).toEqual({ Ana: '14:00', Ben: '09:00' })
  })

  it('gives the local time to store for a team zone', () => {
    const result = ok(findSyncUpTime(team, { referenceDate: '2026-01-14' }))
    expect(slotTimeIn(result, 'America/New_York')).toBe('09:00')
    expect(slotTimeIn(result, 'Asia/Kolkata')).toBe('19:30')
  })

  it('explains plainly when two members never work at the same time', () => {
    const result = notOk(findSyncUpTime([member('Ana', 'Asia/Tokyo'), member('Ben', 'America/Los_Angeles')], { referenceDate: '2026-07-15' }))
    expect(result.reason).toBe("No 15-minute slot falls inside every member's working hours.")
    expect(result.conflicts).toEqual([
      {
        members: ['Ana', 'Ben'],
        message: 'Ana (Asia/Tokyo, 09:00–17:00) and Ben (America/Los_Angeles, 09:00–17:00) have no working hours in common.'
      }
    ])
  })

  it('finds the single winter hour Tokyo and Los Angeles share, across the date line', () => {
    const result = ok(findSyncUpTime([member('Ana', 'Asia/Tokyo'), member('Ben', 'America/Los_Angeles')], { referenceDate: '2026-01-14' }))
    expect(result.utcTime).toBe('00:00')
    expect(result.perMember.map((m) => `${m.localDate} ${m.localTime}`)).toEqual(['2026-01-14 09:00', '2026-01-13 16:00'])
  })

  it('respects working days on both sides of the date line', () => {
    const anyDay = [member('Ana', 'Asia/Tokyo'), member('Ben', 'America/Los_Angeles')]
    expect(ok(findSyncUpTime(anyDay, { referenceDate: '2026-01-12' })).start).toBe('2026-01-12T00:00:00Z')
    const weekdays = [member('Ana', 'Asia/Tokyo', '09:00', '17:00', [1, 2, 3, 4, 5]), member('Ben', 'America/Los_Angeles', '09:00', '17:00', [1, 2, 3, 4, 5])]
    const result = ok(findSyncUpTime(weekdays, { referenceDate: '2026-01-12' }))
    expect(result.start).toBe('2026-01-13T00:00:00Z')
    expect(result.perMember.map((m) => m.localDate)).toEqual(['2026-01-13', '2026-01-12'])
  })
})

describe('findSyncUpTime: three time zones', () => {
  it('minimises the sum of the distances from midday', () => {
    const team = [member('Lee', 'Europe/London', '09:00', '17:30'), member('Nia', 'America/New_York', '08:00', '16:00'), member('Sam', 'America/Los_Angeles', '07:00', '15:00')]
    const result = ok(findSyncUpTime(team, { referenceDate: '2026-01-14' }))
    expect(result.start).toBe('2026-01-14T17:00:00Z')
    expect(locals(result)).toEqual({ Lee: '17:00', Nia: '12:00', Sam: '09:00' })
    expect(result.score).toBe(480)
    expect(result.alternatives.every((a) => a.score >= result.score)).toBe(true)
  })

  it('names only the pair that does not overlap', () => {
    const team = [member('Ana', 'Asia/Tokyo'), member('Ben', 'America/Los_Angeles'), member('Cy', 'UTC', '00:00', '23:59')]
    expect(notOk(findSyncUpTime(team, { referenceDate: '2026-07-15' })).conflicts.map((c) => c.members)).toEqual([['Ana', 'Ben']])
  })

  it('says so when every pair overlaps but never all three (hours past midnight)', () => {
    const team = [member('A', 'UTC', '00:00', '12:00'), member('B', 'UTC', '08:00', '20:00'), member('C', 'UTC', '16:00', '04:00')]
    const result = notOk(findSyncUpTime(team, { referenceDate: '2026-01-14' }))
    expect(result.conflicts).toEqual([
      { members: ['A', 'B', 'C'], message: 'Every two members share some working hours, but there is no time when all of them are working.' }
    ])
    const nightPair = ok(findSyncUpTime([team[0] as SyncUpMember, team[2] as SyncUpMember], { referenceDate: '2026-01-14' }))
    expect(nightPair.utcTime).toBe('03:45')
  })

  it('names a member who does not work around the reference date', () => {
    const team = [member('Ana', 'Europe/Berlin'), member('Wes', 'Europe/Berlin', '09:00', '17:00', [6])]
    const result = notOk(findSyncUpTime(team, { referenceDate: '2026-01-14' }))
    expect(result.conflicts.map((c) => c.members)).toEqual([['Wes']])
  })
})

describe('findSyncUpTime: input', () => {
  it('asks for members first', () => {
    expect(findSyncUpTime([], { referenceDate: '2026-01-14' })).toEqual({ ok: false, reason: 'Add the team members, with their time zones and working hours, first.', conflicts: [] })
  })

  it('refuses a bad reference date', () => {
    expect(() => findSyncUpTime([member('Ana', 'Europe/Berlin')], { referenceDate: '14.01.2026' })).toThrow()
  })
})
