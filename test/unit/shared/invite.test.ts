import { describe, expect, it } from 'vitest'
import {
  DESKTOP_JOIN_PREFIX,
  InviteError,
  decodeInvite,
  desktopInviteLink,
  encodeInvite,
  extractInviteCode,
  webInviteLink,
  type Invite
} from '@shared/spaces/invite.ts'
import { newId, newSpaceKey } from '@shared/spaces/key.ts'
import { sha256 } from '@noble/hashes/sha2.js'
import { base64urlnopad, utf8 } from '@scure/base'

/** A version-2 code made of these parts with a correct check (to test each part's own checks). */
const sealed = (parts: string[]) => {
  const body = parts.join('.')
  return `${body}.${base64urlnopad.encode(sha256(utf8.decode(body))).slice(0, 8)}`
}

const invite = (over: Partial<Invite> = {}): Invite => ({
  spaceId: newId(),
  kind: 'team',
  name: 'Platform team',
  key: newSpaceKey(),
  ...over
})

/** Runs f and returns the InviteError it throws (fails the test if it throws nothing else). */
function inviteError(f: () => unknown): InviteError {
  try {
    f()
  } catch (err) {
    expect(err).toBeInstanceOf(InviteError)
    return err as InviteError
  }
  throw new Error('expected an InviteError, nothing was thrown')
}

describe('encodeInvite / decodeInvite', () => {
  it.each([
    ['plain', 'Platform team'],
    ['unicode', 'Équipe Ünïcødé — 日本語チーム'],
    ['emoji', '🚀 Rocket crew 👩‍💻'],
    ['dots and spaces', 'v1.2.3 release . crew'],
    ['base64-looking', 'tandem1.team.abc']
  ])('round-trips a %s name', (_label, name) => {
    const original = invite({ name })
    const code = encodeInvite(original)
    expect(code.startsWith('tandem2.team.')).toBe(true)
    expect(code.split('.')).toHaveLength(6)
    expect(decodeInvite(code)).toEqual(original)
  })

  it('round-trips every kind', () => {
    for (const kind of ['pair', 'team', 'org'] as const) {
      const original = invite({ kind })
      expect(decodeInvite(encodeInvite(original))).toEqual(original)
    }
  })

  it('carries where a rotated key stands (record and epoch); a malformed one is left out, the invite still reads', () => {
    const original = invite({ rekey: { record: newId(), epoch: 3 } })
    const code = encodeInvite(original)
    expect(code.startsWith('tandem3.')).toBe(true)
    expect(decodeInvite(code)).toEqual(original)
    const { spaceId, key } = original
    const name = base64urlnopad.encode(utf8.decode('Platform team'))
    for (const rekey of [['x', 0], ['a.b', 1], 'record', [newId()]]) {
      const extras = base64urlnopad.encode(utf8.decode(JSON.stringify({ rekey })))
      expect(decodeInvite(sealed(['tandem3', 'team', spaceId, key, name, extras])).rekey).toBeUndefined()
    }
  })

  it('decodes a desktop link back to the invite', () => {
    const original = invite({ name: 'Mentoring: Ana & Bo' })
    const link = desktopInviteLink(original)
    expect(link.startsWith(DESKTOP_JOIN_PREFIX)).toBe(true)
    expect(decodeInvite(link)).toEqual(original)
  })

  it('decodes a web link back to the invite and drops the page fragment', () => {
    const original = invite()
    const link = webInviteLink(original, 'https://tandem.example/app/#/spaces/abc')
    expect(link).toBe(`https://tandem.example/app/#/join/${encodeInvite(original)}`)
    expect(decodeInvite(link)).toEqual(original)
  })

  it('a damaged key in a first-version code still decodes (it is caught at sync time)', () => {
    const original = invite()
    const key = original.key
    const damagedKey = (key[0] === 'A' ? 'B' : 'A') + key.slice(1)
    const legacy = ['tandem1', original.kind, original.spaceId, damagedKey, base64urlnopad.encode(utf8.decode(original.name))].join('.')
    const decoded = decodeInvite(legacy)
    expect(decoded.key).toBe(damagedKey)
    expect(decoded.spaceId).toBe(original.spaceId)
  })
})

describe('extractInviteCode', () => {
  const code = encodeInvite(invite())

  it('trims surrounding whitespace', () => {
    expect(extractInviteCode(`  \n\t${code}  \n`)).toBe(code)
  })

  it('strips angle brackets around a pasted link', () => {
    expect(extractInviteCode(`  <${DESKTOP_JOIN_PREFIX}${code}>  `)).toBe(code)
  })

  it('takes the code out of a web link', () => {
    expect(extractInviteCode(`https://host/x#/join/${code}`)).toBe(code)
  })

  it('undoes percent-encoding', () => {
    const encoded = encodeURIComponent(`${DESKTOP_JOIN_PREFIX}${code}`)
    expect(encoded).not.toContain('://')
    expect(extractInviteCode(encoded)).toBe(code)
    // a line break a mail client inserted, percent-encoded
    const mid = Math.floor(code.length / 2)
    expect(extractInviteCode(code.slice(0, mid) + '%0A' + code.slice(mid))).toBe(code)
  })

  it('removes whitespace a mail client wrapped into the code', () => {
    const mid = Math.floor(code.length / 2)
    expect(extractInviteCode(code.slice(0, mid) + '\n  ' + code.slice(mid))).toBe(code)
  })
})

describe('damaged invites', () => {
  const good = encodeInvite(invite({ name: 'Growth & Payments' }))
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

  it('refuses a change of any single character anywhere in the code', () => {
    for (let i = 0; i < good.length; i++) {
      if (good[i] === '.') continue
      const other = alphabet[(alphabet.indexOf(good[i]!) + 7) % alphabet.length]!
      const damaged = good.slice(0, i) + other + good.slice(i + 1)
      expect(() => decodeInvite(damaged), `position ${i}`).toThrow(InviteError)
    }
  })

  it('says the code is damaged when the check does not match (a damaged space id or kind is never accepted)', () => {
    const parts = good.split('.')
    parts[2] = parts[2]!.slice(0, -1) + (parts[2]!.endsWith('A') ? 'B' : 'A')
    expect(inviteError(() => decodeInvite(parts.join('.'))).message).toMatch(/damaged: a character was changed or lost/)
    const kind = good.replace('.team.', '.pair.')
    expect(inviteError(() => decodeInvite(kind)).message).toMatch(/damaged/)
  })

  it('refuses something far too long to be a code without reading it', () => {
    expect(inviteError(() => decodeInvite(good + 'A'.repeat(100_000))).message).toMatch(/too long/)
  })

  it('still reads a first-version code (no check)', () => {
    const original = invite()
    const legacy = ['tandem1', original.kind, original.spaceId, original.key, base64urlnopad.encode(utf8.decode(original.name))].join('.')
    expect(decodeInvite(legacy)).toEqual(original)
  })
})

describe('malformed invites', () => {
  const good = encodeInvite(invite())
  const parts = good.split('.').slice(0, 5)
  // each part's own checks, behind a correct check (what a careless encoder could produce)
  const withPart = (i: number, value: string) => sealed(parts.map((p, j) => (j === i ? value : p)))

  it('rejects empty input', () => {
    expect(inviteError(() => decodeInvite('   ')).message).toBe('Paste an invite code or link.')
  })

  it('rejects text that is not a tandem code', () => {
    const err = inviteError(() => decodeInvite('https://example.com/hello'))
    expect(err.message).toMatch(/not a Tandem invite/)
    expect(err.message).toContain('tandem://join/')
  })

  it('rejects a truncated code (missing parts)', () => {
    const truncated = parts.slice(0, 3).join('.')
    expect(inviteError(() => decodeInvite(truncated)).message).toMatch(/incomplete or has extra parts/)
  })

  it('rejects a code with extra parts', () => {
    expect(inviteError(() => decodeInvite(good + '.extra')).message).toMatch(/incomplete or has extra parts/)
    expect(inviteError(() => decodeInvite(sealed([...parts, 'extra']))).message).toMatch(/incomplete or has extra parts/)
  })

  it('rejects an unknown kind and names it', () => {
    const err = inviteError(() => decodeInvite(withPart(1, 'guild')))
    expect(err.message).toContain('"guild"')
    expect(err.message).toContain('pair, team, org')
  })

  it('rejects a short key', () => {
    const err = inviteError(() => decodeInvite(withPart(3, parts[3]!.slice(0, 40))))
    expect(err.message).toMatch(/key in this invite is incomplete/)
  })

  it('rejects a key with characters outside base64url', () => {
    const err = inviteError(() => decodeInvite(withPart(3, '+' + parts[3]!.slice(1))))
    expect(err.message).toMatch(/key in this invite is incomplete/)
  })

  it.each([
    ['too short', 'abc'],
    ['bad characters', 'abcdefgh!jklmnopqrs'],
    ['empty', '']
  ])('rejects a damaged space id (%s)', (_label, spaceId) => {
    expect(inviteError(() => decodeInvite(withPart(2, spaceId))).message).toMatch(/space id in this invite is damaged/)
  })

  it.each([
    ['impossible length', 'QUJDR'],
    ['bad characters', 'QUJD*EVG'],
    ['invalid UTF-8', '_w']
  ])('rejects a damaged name (%s)', (_label, rawName) => {
    expect(inviteError(() => decodeInvite(withPart(4, rawName))).message).toMatch(/space name in this invite is damaged/)
  })

  it('rejects an empty name', () => {
    expect(inviteError(() => decodeInvite(withPart(4, ''))).message).toMatch(/empty or too long/)
  })
})

describe('invites carrying relays (issue 13 #2)', () => {
  const base: Invite = { spaceId: newId(), kind: 'team', name: 'Payments', key: newSpaceKey() }

  it('carries the space’s relay addresses, and an invite without them stays a version-2 code', () => {
    const code = encodeInvite({ ...base, relays: ['wss://relay.example.org', 'ws://192.168.1.5:4444'] })
    expect(code.startsWith('tandem3.')).toBe(true)
    expect(decodeInvite(code).relays).toEqual(['wss://relay.example.org', 'ws://192.168.1.5:4444'])
    const plain = encodeInvite(base)
    expect(plain.startsWith('tandem2.')).toBe(true)
    expect(decodeInvite(plain).relays).toBeUndefined()
  })

  it('refuses relay addresses that are not ws:// or wss://, or too many', () => {
    const extras = (v: unknown) => base64urlnopad.encode(utf8.decode(JSON.stringify({ relays: v })))
    for (const bad of [['https://evil.example'], ['wss://a.org', 5], 'wss://a.org', ['wss://a', 'wss://b', 'wss://c', 'wss://d', 'wss://e']]) {
      const code = sealed(['tandem3', base.kind, base.spaceId, base.key, base64urlnopad.encode(utf8.decode(base.name)), extras(bad)])
      expect(() => decodeInvite(code)).toThrow(InviteError)
    }
  })
})
