import { describe, expect, it } from 'vitest'
import { decodeInvite, encodeInvite, webInviteLink } from '@shared/spaces/invite.ts'
import { newId, newSpaceKey } from '@shared/spaces/key.ts'
import { describeLastSeen } from '@shared/members/presence.ts'
import { initials } from '@shared/identity/identity.ts'
import { parseSignalingUrls } from '@shared/settings/signaling.ts'
import { IpcContractError, parseResponse } from '@shared/ipc/contract.ts'
import { isTrustedSender } from '../../../electron/main/security.ts'
import { SignalingHost } from '../../../electron/main/signalingHost.ts'

describe('fixed bugs stay fixed', () => {
  const invite = { spaceId: newId(), kind: 'team' as const, name: 'Growth', key: newSpaceKey() }

  it('a web link on a host or path containing "tandem1." still decodes', () => {
    for (const page of ['https://tandem1.example.com/', 'https://example.com/tandem1.0/app/index.html']) {
      expect(decodeInvite(webInviteLink(invite, page))).toEqual(invite)
    }
    expect(decodeInvite(`see tandem1.x and ${encodeInvite(invite)}`)).toEqual(invite)
  })

  it('last seen rounds before choosing the unit and never speaks of the future', () => {
    const now = 10_000_000_000
    expect(describeLastSeen(now - 3599_000, now)).toBe('last seen 1 hour ago')
    expect(describeLastSeen(now - 86399_000, now)).toBe('last seen yesterday')
    expect(describeLastSeen(now + 5 * 60_000, now)).toBe('last seen just now')
  })

  it('initials keep whole emoji', () => {
    expect(initials('😀 Smile')).toBe('😀S')
  })

  it('signaling ports must exist and case variants are one server', () => {
    expect(parseSignalingUrls('ws://h:99999').ok).toBe(false)
    expect(parseSignalingUrls('WS://Host:4444 ws://host:4444')).toEqual({ ok: true, urls: ['ws://host:4444'] })
  })

  it('parseResponse on an unknown channel is a contract error', () => {
    expect(() => parseResponse('nope' as never, {})).toThrow(IpcContractError)
  })

  it('the dev server is trusted by origin only, and only when development accepted it', () => {
    const dev = 'http://localhost:5173'
    expect(isTrustedSender('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5173@evil.example/', dev)).toBe(false)
    expect(isTrustedSender('http://localhost:51730/', dev)).toBe(false)
    // a packaged build accepted no dev origin: the environment variable means nothing there
    expect(isTrustedSender('http://localhost:5173/index.html', null)).toBe(false)
  })

  it('two quick "start hosting" calls start one server', async () => {
    let starts = 0
    const host = new SignalingHost({
      start: async () => {
        starts++
        await new Promise((r) => setTimeout(r, 20))
        return { url: 'ws://0.0.0.0:5000', port: 5000, stats: () => ({ connections: 0, topics: 0, relayed: 0, rejected: 0 }), close: async () => {} }
      },
      lanAddresses: () => []
    })
    const [a, b] = await Promise.all([host.set(true, 5000), host.set(true, 5000)])
    expect(starts).toBe(1)
    expect(a.running && b.running).toBe(true)
  })
})
