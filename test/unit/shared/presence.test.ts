import { describe, expect, it } from 'vitest'
import { describeLastSeen, memberList, type MemberRecord } from '@shared/members/presence.ts'

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0)
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

const record = (id: string, over: Partial<MemberRecord> = {}): MemberRecord => ({
  id,
  name: id.toUpperCase(),
  color: '#1971c2',
  joinedAt: NOW - 30 * DAY,
  lastSeenAt: NOW - DAY,
  ...over
})

describe('memberList', () => {
  it('orders me first, then online, then away (most recent first), then left', () => {
    const records = [
      record('left-recent', { lastSeenAt: NOW - MIN, leftAt: NOW - MIN }),
      record('away-old', { lastSeenAt: NOW - 10 * DAY }),
      record('online', { lastSeenAt: NOW - 5 * DAY }),
      record('away-recent', { lastSeenAt: NOW - HOUR }),
      record('me', { lastSeenAt: NOW - 20 * DAY })
    ]
    const online = [{ id: 'online', name: 'Online', color: '#2b8a3e' }]
    const list = memberList(records, online, 'me', NOW)
    expect(list.map((m) => m.id)).toEqual(['me', 'online', 'away-recent', 'away-old', 'left-recent'])
    expect(list.map((m) => m.status)).toEqual(['online', 'online', 'away', 'away', 'left'])
    expect(list.map((m) => m.isMe)).toEqual([true, false, false, false, false])
  })

  it('counts me as online even without a presence entry', () => {
    const [me] = memberList([record('me')], [], 'me', NOW)
    expect(me).toMatchObject({ id: 'me', isMe: true, status: 'online', presence: 'online now' })
  })

  it('describes away and left members', () => {
    const list = memberList(
      [record('a', { lastSeenAt: NOW - 5 * MIN }), record('l', { leftAt: NOW - DAY })],
      [],
      'me',
      NOW
    )
    expect(list.find((m) => m.id === 'a')?.presence).toBe('last seen 5 minutes ago')
    expect(list.find((m) => m.id === 'l')?.presence).toBe('left the space')
  })

  it('shows one member on two devices once, saying so (add my other device)', () => {
    const online = [
      { clientId: 1, id: 'me', name: 'Ada', color: '#111111' },
      { clientId: 7, id: 'me', name: 'Ada', color: '#111111' },
      { clientId: 3, id: 'bo', name: 'Bo', color: '#222222' }
    ]
    const list = memberList([record('me'), record('bo')], online, 'me', NOW)
    expect(list.map((m) => [m.id, m.devices, m.presence])).toEqual([
      ['me', 2, 'online now on 2 devices'],
      ['bo', 1, 'online now']
    ])
    // seen from Bo: one person, Ada, on two devices
    const fromBo = memberList([record('me'), record('bo')], online, 'bo', NOW)
    expect(fromBo.filter((m) => m.id === 'me')).toHaveLength(1)
    expect(fromBo.find((m) => m.id === 'me')!.presence).toBe('online now on 2 devices')
  })

  it('shows a presence that arrives before its member record', () => {
    const list = memberList([record('me')], [{ id: 'newcomer', name: 'Nia', color: '#c2255c' }], 'me', NOW)
    expect(list).toHaveLength(2)
    expect(list[1]).toEqual({
      id: 'newcomer',
      name: 'Nia',
      color: '#c2255c',
      joinedAt: NOW,
      lastSeenAt: NOW,
      isMe: false,
      status: 'online',
      presence: 'online now',
      devices: 1
    })
  })

  it('prefers the live name and colour over the recorded ones', () => {
    const list = memberList([record('b', { name: 'Old name', color: '#000000' })], [{ id: 'b', name: 'New name', color: '#ffffff' }], 'me', NOW)
    expect(list[0]).toMatchObject({ id: 'b', name: 'New name', color: '#ffffff', status: 'online' })
  })

  it('lists a member once when they have both a record and a presence', () => {
    const list = memberList([record('b')], [{ id: 'b', name: 'B', color: '#fff000' }, { id: 'me', name: 'Me', color: '#000fff' }], 'me', NOW)
    expect(list.map((m) => m.id)).toEqual(['me', 'b'])
  })

  it('breaks ties by name', () => {
    const same = NOW - HOUR
    const list = memberList([record('z', { name: 'Zed', lastSeenAt: same }), record('a', { name: 'Ann', lastSeenAt: same })], [], 'me', NOW)
    expect(list.map((m) => m.name)).toEqual(['Ann', 'Zed'])
  })
})

describe('describeLastSeen', () => {
  it.each([
    [0, 'last seen just now'],
    [59 * 1000, 'last seen just now'],
    [MIN, 'last seen 1 minute ago'],
    [5 * MIN, 'last seen 5 minutes ago'],
    [HOUR, 'last seen 1 hour ago'],
    [3 * HOUR, 'last seen 3 hours ago'],
    [DAY, 'last seen yesterday'],
    [4 * DAY, 'last seen 4 days ago'],
    [29 * DAY, 'last seen 29 days ago']
  ])('%i ms ago reads "%s"', (ago, text) => {
    expect(describeLastSeen(NOW - ago, NOW)).toBe(text)
  })

  it('gives a date after a month', () => {
    const text = describeLastSeen(Date.UTC(2025, 2, 3, 12), NOW)
    expect(text).toMatch(/^last seen on /)
    expect(text).toContain('Mar')
    expect(text).toContain('3')
    expect(text).toContain('2025')
  })
})
