import { describe, expect, it } from 'vitest'
import { countPeople, type PresenceUser } from '@core/sync/status.ts'

const user = (clientId: number, id: string): PresenceUser => ({ clientId, id, name: id, color: '#000' })

describe('who is here', () => {
  it('counts people, not connections: reconnects and second tabs of one member count once, and never me', () => {
    // Bruce reconnected twice (three Yjs clients), Cleo has two tabs, and I am in the list too
    const users = [user(1, 'me'), user(2, 'bruce'), user(3, 'bruce'), user(4, 'bruce'), user(5, 'cleo'), user(6, 'cleo')]
    expect(countPeople(users, 'me')).toBe(2)
    expect(countPeople([user(1, 'me')], 'me')).toBe(0)
  })
})
