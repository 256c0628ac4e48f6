import { describe, expect, it } from 'vitest'
import { sha256 } from '@noble/hashes/sha2.js'
import { base64urlnopad, utf8 } from '@scure/base'
import {
  DEFAULT_ICE_SETTINGS,
  DEFAULT_STUN_URLS,
  judgeProbe,
  parseIceUrl,
  parseStunUrls,
  parseTurnServer,
  readIceSettings,
  readTurnServers,
  rtcConfigFor,
  turnForInvite,
  type DeviceTurnServer,
  type ServerProbe
} from '@shared/sync/ice.ts'
import { decodeInvite, encodeInvite, InviteError, webInviteLink, desktopInviteLink, type Invite } from '@shared/spaces/invite.ts'
import { newId, newSpaceKey } from '@shared/spaces/key.ts'

const turnA = { url: 'turn:turn.example.org:3478', username: 'ada', credential: 's3cret' }
const turnB = { url: 'turns:relay.example.com:5349?transport=tcp', username: 'bruce', credential: 'p@ss w.rd' }

describe('ICE server addresses', () => {
  it('accepts STUN and TURN URLs as RFC 7064/7065 write them, in one spelling', () => {
    expect(parseIceUrl('stun:stun.l.google.com:19302', 'stun')).toEqual({ ok: true, value: 'stun:stun.l.google.com:19302' })
    expect(parseIceUrl('  STUN:Stun.Example.ORG ', 'stun')).toEqual({ ok: true, value: 'stun:stun.example.org' })
    expect(parseIceUrl('stuns:[2001:db8::1]:5349', 'stun')).toEqual({ ok: true, value: 'stuns:[2001:db8::1]:5349' })
    expect(parseIceUrl('turn:127.0.0.1:3478?transport=UDP', 'turn')).toEqual({ ok: true, value: 'turn:127.0.0.1:3478?transport=udp' })
    expect(parseIceUrl('turns:relay.example.com:0443', 'turn')).toEqual({ ok: true, value: 'turns:relay.example.com:443' })
  })

  it('says what is wrong with a malformed one', () => {
    const error = (text: string, kind: 'stun' | 'turn') => {
      const r = parseIceUrl(text, kind)
      return r.ok ? null : r.error
    }
    expect(error('', 'turn')).toMatch(/Enter a TURN server address/)
    expect(error('stun.example.org:3478', 'stun')).toMatch(/must start with stun: or stuns:/)
    expect(error('https://turn.example.org', 'turn')).toMatch(/must start with turn: or turns:/)
    expect(error('turn://turn.example.org:3478', 'turn')).toMatch(/has "\/\/" after "turn:"; write it without/)
    expect(error('turn:turn.example.org', 'stun')).toMatch(/is a TURN server; add it under TURN servers/)
    expect(error('stun:stun.example.org', 'turn')).toMatch(/is a STUN server; add it under STUN servers/)
    expect(error('turn:turn.example.org:99999', 'turn')).toMatch(/no valid port/)
    expect(error('turn:turn.example.org?transport=sctp', 'turn')).toMatch(/only option is \?transport=udp or \?transport=tcp/)
    expect(error('stun:stun.example.org?transport=udp', 'stun')).toMatch(/takes no "\?…" options/)
    expect(error('turn:user@host', 'turn')).toMatch(/not a server address/)
    expect(error('turn:-bad-.example', 'turn')).toMatch(/not a server address/)
    expect(error('turn:' + 'a'.repeat(300), 'turn')).toMatch(/too long/)
  })

  it('reads a STUN list one per line, each once; an empty list is allowed', () => {
    expect(parseStunUrls('stun:a.example\n\nstun:A.example, stun:b.example:3478')).toEqual({ ok: true, value: ['stun:a.example', 'stun:b.example:3478'] })
    expect(parseStunUrls('  ')).toEqual({ ok: true, value: [] })
    const bad = parseStunUrls('stun:a.example\nstun.b.example')
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error).toMatch(/"stun.b.example" must start with stun:/)
    expect(parseStunUrls(DEFAULT_STUN_URLS.join('\n'))).toEqual({ ok: true, value: DEFAULT_STUN_URLS })
    expect(parseStunUrls(Array.from({ length: 11 }, (_, i) => `stun:s${i}.example`).join('\n')).ok).toBe(false)
  })

  it('checks each field of a TURN server and says which is wrong', () => {
    expect(parseTurnServer({ url: ' TURN:Turn.Example.org:3478 ', username: ' ada ', credential: 's3cret' })).toEqual({ ok: true, value: turnA })
    const r = parseTurnServer({ url: 'turn//x', username: '', credential: '' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.url).toMatch(/must start with turn:/)
    expect(r.errors.username).toMatch(/needs the username/)
    expect(r.errors.credential).toMatch(/needs the credential/)
    const lines = parseTurnServer({ url: turnA.url, username: 'a\nb', credential: 'x'.repeat(300) })
    expect(!lines.ok && lines.errors).toEqual({ username: expect.stringMatching(/one line/), credential: expect.stringMatching(/one line/) })
  })

  it('reads stored settings defensively: malformed entries fall away, defaults fill in', () => {
    expect(readIceSettings({})).toEqual(DEFAULT_ICE_SETTINGS)
    expect(readIceSettings({ stunUrls: [] }).stunUrls).toEqual([])
    expect(readIceSettings({ stunUrls: ['nonsense'] }).stunUrls).toEqual(DEFAULT_STUN_URLS)
    const s = readIceSettings({
      turnServers: [{ ...turnA, inInvites: true }, { url: 'bad', username: 'x', credential: 'y' }, 'junk', null, { ...turnA }, { ...turnB }],
      relayOnly: 'yes'
    })
    expect(s.turnServers).toEqual([{ ...turnA, inInvites: true }, { ...turnB, inInvites: false }])
    expect(s.relayOnly).toBe(false)
    expect(readTurnServers(Array.from({ length: 100 }, (_, i) => ({ ...turnA, username: `u${i}` }))).length).toBe(10)
  })
})

describe('the configuration of a space’s connections', () => {
  const settings = { stunUrls: ['stun:s.example'], turnServers: [{ ...turnA, inInvites: false }], relayOnly: false }

  it('has this device’s STUN and TURN servers, and the space’s own TURN servers', () => {
    expect(rtcConfigFor(settings, [turnB, turnA])).toEqual({
      iceServers: [{ urls: ['stun:s.example'] }, { urls: turnA.url, username: 'ada', credential: 's3cret' }, { urls: turnB.url, username: 'bruce', credential: 'p@ss w.rd' }],
      iceTransportPolicy: 'all'
    })
  })

  it('relay only: TURN alone, policy relay', () => {
    expect(rtcConfigFor({ ...settings, relayOnly: true })).toEqual({
      iceServers: [{ urls: turnA.url, username: 'ada', credential: 's3cret' }],
      iceTransportPolicy: 'relay'
    })
  })

  it('nothing configured: no servers (peers on one network still connect)', () => {
    expect(rtcConfigFor({ stunUrls: [], turnServers: [], relayOnly: false })).toEqual({ iceServers: [], iceTransportPolicy: 'all' })
  })
})

describe('TURN servers in invites', () => {
  const invite = (over: Partial<Invite> = {}): Invite => ({ spaceId: newId(), kind: 'pair', name: 'Ada & Bruce', key: newSpaceKey(), ...over })

  it('carries the space’s own and the device’s servers marked for invites, never the others', () => {
    const device: DeviceTurnServer[] = [
      { ...turnA, inInvites: true },
      { url: 'turn:private.example', username: 'me', credential: 'mine', inInvites: false }
    ]
    expect(turnForInvite([turnB], device)).toEqual([turnB, turnA])
    expect(turnForInvite([], device.slice(1))).toEqual([])
    // at most 4, each once
    const many = Array.from({ length: 6 }, (_, i) => ({ ...turnA, username: `u${i}` }))
    expect(turnForInvite([...many, many[0]!], [])).toHaveLength(4)
  })

  it('round-trips through code and links; without TURN the code is the version-2 code older apps read', () => {
    const plain = invite()
    expect(encodeInvite(plain)).toMatch(/^tandem2\./)
    expect(encodeInvite({ ...plain, turn: [] })).toBe(encodeInvite(plain))
    const withTurn = invite({ turn: [turnA, turnB] })
    const code = encodeInvite(withTurn)
    expect(code).toMatch(/^tandem3\./)
    expect(code.split('.')).toHaveLength(7)
    expect(decodeInvite(code)).toEqual(withTurn)
    expect(decodeInvite(desktopInviteLink(withTurn))).toEqual(withTurn)
    expect(decodeInvite(webInviteLink(withTurn, 'https://tandem.example/app/#/home'))).toEqual(withTurn)
    expect(decodeInvite(`here it is: ${code}`)).toEqual(withTurn)
  })

  it('refuses a damaged one, and forged extras with a clear message', () => {
    const code = encodeInvite(invite({ turn: [turnA] }))
    const extrasAt = code.split('.').slice(0, 5).join('.').length + 1
    const flipped = code.slice(0, extrasAt + 3) + (code[extrasAt + 3] === 'A' ? 'B' : 'A') + code.slice(extrasAt + 4)
    expect(() => decodeInvite(flipped)).toThrow(/damaged: a character was changed/)
    const parts = code.split('.').slice(0, 5)
    const forge = (extras: string) => {
      const body = [...parts, extras].join('.')
      return `${body}.${base64urlnopad.encode(sha256(utf8.decode(body))).slice(0, 8)}`
    }
    const b64 = (s: string) => base64urlnopad.encode(utf8.decode(s))
    const err = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        expect(e).toBeInstanceOf(InviteError)
        return (e as Error).message
      }
      return 'nothing thrown'
    }
    expect(err(() => decodeInvite(forge('@@@')))).toMatch(/network settings in this invite are damaged/)
    expect(err(() => decodeInvite(forge(b64('{not json'))))).toMatch(/network settings in this invite are damaged/)
    expect(err(() => decodeInvite(forge(b64('[1,2]'))))).toMatch(/network settings in this invite are damaged/)
    expect(err(() => decodeInvite(forge(b64('{"turn":"turn:x"}'))))).toMatch(/TURN servers are malformed/)
    expect(err(() => decodeInvite(forge(b64(JSON.stringify({ turn: [['turn://x', 'u', 'p']] })))))).toMatch(/A TURN server in this invite is malformed/)
    expect(err(() => decodeInvite(forge(b64(JSON.stringify({ turn: [[turnA.url, '', 'p']] })))))).toMatch(/A TURN server in this invite is malformed/)
    expect(err(() => decodeInvite(forge(b64(JSON.stringify({ turn: Array(5).fill([turnA.url, 'u', 'p']) })))))).toMatch(/at most 4/)
    // later versions may add keys: ignored
    expect(decodeInvite(forge(b64(JSON.stringify({ turn: [[turnA.url, 'ada', 's3cret']], relays: ['wss://r.example'] })))).turn).toEqual([turnA])
    expect(decodeInvite(forge(b64('{}'))).turn).toBeUndefined()
  })
})

describe('what a connectivity test says', () => {
  const probe = (over: Partial<ServerProbe>): ServerProbe => ({ url: 'stun:s.example', kind: 'stun', types: [], errors: [], timedOut: false, ...over })

  it('TURN reachable when a TURN server gave a relay candidate', () => {
    const v = judgeProbe([probe({ types: ['host', 'srflx'] }), probe({ url: turnA.url, kind: 'turn', types: ['host', 'srflx', 'relay'] })], ['host'], 8)
    expect(v.reach).toBe('relay')
    expect(v.headline).toMatch(/^TURN reachable \(relay\)/)
    expect(v.servers.map((s) => s.ok)).toEqual([true, true])
  })

  it('STUN reachable, with each failed server named and why', () => {
    const v = judgeProbe(
      [
        probe({ types: ['host', 'srflx'] }),
        probe({ url: 'stun:down.example', types: ['host'], errors: [{ code: 701, text: 'STUN host lookup received error.' }] }),
        probe({ url: turnA.url, kind: 'turn', types: ['host', 'srflx'], errors: [{ code: 401, text: 'Unauthorized' }] })
      ],
      ['host'],
      8
    )
    expect(v.reach).toBe('stun')
    expect(v.headline).toMatch(/^STUN reachable \(srflx\), no TURN relay/)
    expect(v.servers[1]).toEqual({ url: 'stun:down.example', ok: false, message: expect.stringMatching(/could not be reached \(STUN host lookup received error\.\)/) })
    expect(v.servers[2]!.message).toMatch(/refused the username or credential \(401 Unauthorized\)/)
  })

  it('host only when no server answered, with the time it waited', () => {
    const v = judgeProbe([probe({ url: turnA.url, kind: 'turn', types: ['host'], timedOut: true })], ['host'], 8)
    expect(v.reach).toBe('host')
    expect(v.headline).toMatch(/^Host only/)
    expect(v.servers[0]!.message).toMatch(/did not answer within 8 s/)
    expect(judgeProbe([], [], 8).reach).toBe('none')
    expect(judgeProbe([], ['host'], 8).headline).toMatch(/^Host only: no STUN or TURN server is set/)
  })
})
