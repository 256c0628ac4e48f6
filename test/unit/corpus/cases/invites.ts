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
/** Version 3: the same parts and an extras part (the space's TURN servers) before the check. */
const turn = { url: 'turn:turn.example.org:3478', username: 'ada', credential: 's3cret' }
const code3 = encodeInvite({ ...good, turn: [turn] })
const parts3 = code3.split('.')
const extrasAt = parts3.slice(0, 5).join('.').length + 1
const forged3 = (extras: string, prefix = 'tandem3') => {
  const body = [prefix, ...parts3.slice(1, 5), extras].join('.')
  return `${body}.${base64urlnopad.encode(sha256(utf8.decode(body))).slice(0, 8)}`
}
const json64 = (v: unknown) => b64(JSON.stringify(v))
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
  kase('invite', 'a first-version code with a damaged kind', `tandem1.teem.${good.spaceId}.${good.key}.${b64('x')}`, 'refused'),
  // version 3: a space's TURN servers in the extras part (shared/sync/ice.ts)
  kase('invite', 'v3: the honest code with a TURN server', code3, 'value', (v: Invite) => assert.deepEqual(v.turn, [turn])),
  kase('invite', 'v3: the web link', `https://tandem.example/#/join/${code3}`, 'value', (v: Invite) => assert.deepEqual(v.turn, [turn])),
  kase('invite', 'v3: one character changed in the TURN servers', flip(code3, extrasAt + 6), 'refused'),
  kase('invite', 'v3: the TURN servers cut short', parts3.map((p, i) => (i === 5 ? p.slice(0, 10) : p)).join('.'), 'refused'),
  kase('invite', 'v3: the extras part missing', [...parts3.slice(0, 5), parts3[6]].join('.'), 'refused'),
  kase('invite', 'v3: extras under a version-2 prefix', ['tandem2', ...parts3.slice(1)].join('.'), 'refused'),
  kase('invite', 'v3: forged extras that are not base64url', () => forged3('%%%'), 'refused'),
  kase('invite', 'v3: forged extras that are not JSON', () => forged3(b64('{"turn": [')), 'refused'),
  kase('invite', 'v3: forged extras that are a list', () => forged3(json64([turn])), 'refused'),
  kase('invite', 'v3: forged extras that are null', () => forged3(json64(null)), 'refused'),
  kase('invite', 'v3: forged TURN that is a string', () => forged3(json64({ turn: 'turn:x' })), 'refused'),
  kase('invite', 'v3: forged TURN written with turn://', () => forged3(json64({ turn: [['turn://x.example', 'u', 'p']] })), 'refused'),
  kase('invite', 'v3: forged TURN with a javascript: address', () => forged3(json64({ turn: [['javascript:alert(1)', 'u', 'p']] })), 'refused'),
  kase('invite', 'v3: forged TURN without a credential', () => forged3(json64({ turn: [[turn.url, 'u']] })), 'refused'),
  kase('invite', 'v3: forged TURN with a number for a username', () => forged3(json64({ turn: [[turn.url, 7, 'p']] })), 'refused'),
  kase('invite', 'v3: forged TURN with a line break in the username', () => forged3(json64({ turn: [[turn.url, 'a\r\nb', 'p']] })), 'refused'),
  kase('invite', 'v3: forged TURN with a 2 000-character credential', () => forged3(json64({ turn: [[turn.url, 'u', 'p'.repeat(2000)]] })), 'refused'),
  kase('invite', 'v3: forged list of 5 TURN servers', () => forged3(json64({ turn: Array.from({ length: 5 }, (_, i) => [turn.url, `u${i}`, 'p']) })), 'refused'),
  kase('invite', 'v3: forged extras nested 2 000 deep', () => forged3(b64('['.repeat(1000) + ']'.repeat(1000))), 'refused'),
  kase('invite', 'v3: forged extras with a __proto__ key', () => forged3(b64('{"__proto__": {"turn": [["turn:evil.example", "u", "p"]]}}')), 'value', (v: Invite) => assert.equal(v.turn, undefined)),
  kase('invite', 'v3: forged extras with an unknown key (a later version)', () => forged3(json64({ turn: [[turn.url, 'ada', 's3cret']], relays: ['wss://r.example'] })), 'value', (v: Invite) => assert.deepEqual(v.turn, [turn])),
  kase('invite', 'v3: 10 000 characters of extras', () => forged3(b64('x'.repeat(10_000))), 'refused')
]
