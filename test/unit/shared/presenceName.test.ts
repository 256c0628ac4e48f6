import { describe, expect, it } from 'vitest'
import { NO_VERIFIED_NAMES, presenceName, verifiedNames } from '@shared/members/presenceName.ts'
import { attendeesOf } from '@features/sprint/store/meetingRoom.ts'
import { boardPeers } from '@shared/retro/presence.ts'
import { person } from '../fixtures/people.ts'

/** Issue 10 #15: a presence going by a verified member's name under another id is told apart. */
const ada = person().deviceId
const alex1 = person().deviceId
const alex2 = person().deviceId
const OLD_ID = 'AbCdEfGhIjKlMnOpQrStUv'
const members = [
  { id: ada, name: 'Ada' },
  { id: alex1, name: 'Alex' },
  { id: alex2, name: 'Alex' },
  { id: 'ZyXwVuTsRqPoNmLkJiHgFe', name: 'Old Timer' }
]

describe('presenceName', () => {
  const verified = verifiedNames(members)

  it('names a verified member as they are', () => {
    expect(presenceName({ id: ada, name: 'Ada' }, verified)).toBe('Ada')
    // two verified members going by one name are both themselves
    expect(presenceName({ id: alex2, name: 'Alex' }, verified)).toBe('Alex')
  })

  it("marks an old-form id going by a verified member's name, however it is spelled", () => {
    expect(presenceName({ id: OLD_ID, name: 'Ada' }, verified)).toBe('Ada (not verified)')
    expect(presenceName({ id: OLD_ID, name: ' ada ' }, verified)).toBe(' ada  (not verified)')
    expect(presenceName({ id: OLD_ID, name: 'A\u200Bda' }, verified)).toBe('A\u200Bda (not verified)')
    expect(presenceName({ id: OLD_ID, name: 'Ａｄａ' }, verified)).toBe('Ａｄａ (not verified)') // full-width letters
  })

  it("marks another person's key going by a verified member's name", () => {
    expect(presenceName({ id: person().deviceId, name: 'Ada' }, verified)).toBe('Ada (not verified)')
  })

  it('leaves other names alone, old-form members included (nothing verified to pass for)', () => {
    expect(presenceName({ id: OLD_ID, name: 'Bea' }, verified)).toBe('Bea')
    expect(presenceName({ id: 'ZyXwVuTsRqPoNmLkJiHgFe', name: 'Old Timer' }, verified)).toBe('Old Timer')
    expect(presenceName({ id: OLD_ID, name: 'Ada' }, NO_VERIFIED_NAMES)).toBe('Ada')
  })

  it('tells them apart where presences are read: a meeting and a board', () => {
    const states: [number, unknown][] = [
      [1, { user: { id: ada, name: 'Ada', color: '#111111' }, meeting: 'm', retro: { board: 'b' } }],
      [2, { user: { id: OLD_ID, name: 'Ada', color: '#222222' }, meeting: 'm', retro: { board: 'b' } }]
    ]
    const shown = attendeesOf(states, 'm').map((p) => presenceName(p, verified))
    expect(shown.sort()).toEqual(['Ada', 'Ada (not verified)'])
    const onBoard = boardPeers(states, 'b', 0).map((p) => presenceName(p, verified))
    expect(onBoard.sort()).toEqual(['Ada', 'Ada (not verified)'])
  })
})
