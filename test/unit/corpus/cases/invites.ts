import assert from 'node:assert/strict'
import { sha256 } from '@noble/hashes/sha2.js'
import { base64urlnopad, utf8 } from '@scure/base'
import { encodeInvite, type Invite } from '@shared/spaces/invite.ts'
import { kase, type CorpusCase } from '../harness.ts'

/** Invite codes and links as people paste them, damaged, forged or hostile (shared/spaces/invite.ts). */
const good: Invite = { spaceId: 'Vq3xYb2c9D0eF1gH2iJ3kA', kind: 'team', name: 'Platform', key: 'A'.repeat(42) + 'E' }
const code = encodeInvite(good)
const parts = code.split('.')
const withPart = (i: number, v: string) => parts.map((p, j) => (j === i ? v : p)).join('.')
const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1)
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url')
/** A code whose check matches whatever its parts say (a forger can compute SHA-256 too). */
const forged = (kind: string, spaceId: string, key: string, name: string) => {
  const body = ['tandem2', kind, spaceId, key, name].join('.')
  return `${body}.${base64urlnopad.encode(sha256(utf8.decode(body))).slice(0, 8)}`
}
const decoded = (want: Partial<Invite>) => (v: Invite) => {
  for (const [k, x] of Object.entries(want)) assert.equal(v[k as keyof Invite], x)
}

export const inviteCases: CorpusCase[] = [
  kase('invite', 'the honest code', code, 'value', decoded(good)),
  kase('invite', 'the desktop link', `tandem://join/${code}`, 'value', decoded(good)),
  kase('invite', 'a web link with the code in the fragment', `https://tandem.example/app/#/join/${code}`, 'value', decoded(good)),
  kase('invite', 'a code wrapped in <> and whitespace, split over lines', `  <${code.slice(0, 30)}\n${code.slice(30)}>  `, 'value', decoded(good)),
  kase('invite', 'empty', '', 'refused'),
  kase('invite', 'only whitespace', ' \t\n ', 'refused'),
  kase('invite', 'not an invite at all', 'hello, here is the link you asked for', 'refused'),
  kase('invite', 'a link to somewhere else', 'https://evil.example/join/', 'refused'),
  kase('invite', 'one character changed in the key', flip(code, code.indexOf(good.key) + 5), 'refused'),
  kase('invite', 'one character changed in the space id', flip(code, code.indexOf(good.spaceId) + 3), 'refused'),
  kase('invite', 'the kind changed to another kind', withPart(1, 'org'), 'refused'),
  kase('invite', 'the check cut short', code.slice(0, -3), 'refused'),
  kase('invite', 'a part missing', parts.filter((_, i) => i !== 3).join('.'), 'refused'),
  kase('invite', 'an extra part', code + '.extra', 'refused'),
  kase('invite', 'a forged check over an unknown kind', () => forged('admin', good.spaceId, good.key, b64('x')), 'refused'),
  kase('invite', 'a forged check over a __proto__ kind', () => forged('__proto__', good.spaceId, good.key, b64('x')), 'refused'),
  kase('invite', 'a forged check over a space id with a slash', () => forged('team', '../../etc/passwdAAAAAAAA', good.key, b64('x')), 'refused'),
  kase('invite', 'a forged check over a short key', () => forged('team', good.spaceId, 'short', b64('x')), 'refused'),
  kase('invite', 'a forged check over a name of 10 000 characters', () => forged('team', good.spaceId, good.key, b64('n'.repeat(10_000))), 'refused'),
  kase('invite', 'a forged check over an empty name', () => forged('team', good.spaceId, good.key, ''), 'refused'),
  kase('invite', 'a name that is not UTF-8', () => forged('team', good.spaceId, good.key, Buffer.from([0xff, 0xfe, 0x41]).toString('base64url')), 'refused'),
  kase('invite', 'a name with line breaks collapses to one line', () => forged('team', good.spaceId, good.key, b64('Alpha\r\nBEGIN:VEVENT')), 'value', (v: Invite) => assert.equal(v.name, 'Alpha BEGIN:VEVENT')),
  kase('invite', '1 MB of text', 'tandem2.' + 'a'.repeat(1024 * 1024), 'refused'),
  kase('invite', '1 MB of dots after the prefix', 'tandem2' + '.'.repeat(1024 * 1024), 'refused'),
  kase('invite', 'a bad percent-escape in a link', `tandem://join/${code.slice(0, 20)}%E0%A4%A${code.slice(20)}`, 'refused'),
  kase('invite', 'percent-encoded code in a link', `tandem://join/${encodeURIComponent(code)}`, 'value', decoded(good)),
  kase('invite', 'many /join/ segments', '/join/'.repeat(5000) + code, 'value', decoded(good)),
  kase('invite', 'NUL bytes and control characters', `tandem2.\u0000team.\u001b[31m`, 'refused'),
  kase('invite', 'a first-version code with a damaged kind', `tandem1.teem.${good.spaceId}.${good.key}.${b64('x')}`, 'refused')
]
