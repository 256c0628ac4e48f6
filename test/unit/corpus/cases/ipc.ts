import assert from 'node:assert/strict'
import { kase, type CorpusCase, type IpcInput } from '../harness.ts'

/** Payloads crossing the process boundary, checked by the contract on both ends (shared/ipc/contract.ts). */
const request = (channel: string, payload: unknown): IpcInput => ({ kind: 'request', channel, payload })
const response = (channel: string, payload: unknown): IpcInput => ({ kind: 'response', channel, payload })
const event = (channel: string, payload: unknown): IpcInput => ({ kind: 'event', channel, payload })
const nested = (depth: number) => {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = { v }
  return v
}
const polluted = JSON.parse('{"__proto__": {"url": "https://evil.example"}}') as unknown

export const ipcCases: CorpusCase[] = [
  kase('ipc', 'an honest open-external', request('shell:open-external', { url: 'https://example.com/a' }), 'value', (v: { url: string }) => assert.equal(v.url, 'https://example.com/a')),
  kase('ipc', 'javascript: link', request('shell:open-external', { url: 'javascript:alert(1)' }), 'refused'),
  kase('ipc', 'file: link', request('shell:open-external', { url: 'file:///etc/passwd' }), 'refused'),
  kase('ipc', 'a link of 1 MB', request('shell:open-external', { url: 'https://x.example/' + 'a'.repeat(1024 * 1024) }), 'refused'),
  kase('ipc', 'a link with a line break', request('shell:open-external', { url: 'https://x.example/\nfile:///etc' }), 'refused'),
  kase('ipc', 'a URL object instead of a string', request('shell:open-external', { url: { href: 'https://x.example' } }), 'refused'),
  kase('ipc', 'the url only on the prototype', request('shell:open-external', polluted), 'refused'),
  kase('ipc', 'no payload', request('shell:open-external', undefined), 'refused'),
  kase('ipc', 'an array payload', request('shell:open-external', ['https://x.example']), 'refused'),
  kase('ipc', 'a payload nested 10 000 deep', request('shell:open-external', nested(10_000)), 'refused'),
  kase('ipc', 'extra fields are dropped', request('shell:open-external', { url: 'https://x.example', exec: 'rm -rf /' }), 'value', (v: Record<string, unknown>) => assert.deepEqual(Object.keys(v), ['url'])),
  kase('ipc', 'a payload where none belongs', request('app:info', { please: 'leak' }), 'refused'),
  kase('ipc', 'an unknown channel', request('fs:read', { path: '/etc/passwd' }), 'refused'),
  kase('ipc', 'a __proto__ channel', request('__proto__', {}), 'refused'),
  kase('ipc', 'a constructor channel', request('constructor', {}), 'refused'),
  kase('ipc', 'hosting on a privileged port', request('signaling:host', { enabled: true, port: 80 }), 'refused'),
  kase('ipc', 'hosting on a port that is no number', request('signaling:host', { enabled: true, port: '4444; rm -rf /' }), 'refused'),
  kase('ipc', 'hosting on port NaN', request('signaling:host', { enabled: true, port: Number.NaN }), 'refused'),
  kase('ipc', 'hosting on a fractional port', request('signaling:host', { enabled: true, port: 4444.5 }), 'refused'),
  kase('ipc', 'enabled as the string "true"', request('signaling:host', { enabled: 'true' }), 'refused'),
  kase('ipc', 'a response that is not what the channel answers', response('app:info', { version: 1, platform: null }), 'refused'),
  kase('ipc', 'a deep link response of the wrong type', response('deep-link:take', { url: 42 }), 'refused'),
  kase('ipc', 'a hosting response with junk urls', response('signaling:host', { running: true, urls: [{}, null] }), 'refused'),
  kase('ipc', 'a deep-link event of 100 000 characters', event('deep-link', { url: 'tandem://join/' + 'a'.repeat(100_000) }), 'refused'),
  kase('ipc', 'a deep-link event without a url', event('deep-link', {}), 'refused'),
  kase('ipc', 'an unknown event', event('evil', { url: 'x' }), 'refused'),
  kase('ipc', 'a menu command', event('app:command', { command: 'next-space' }), 'value', (v: { command: string }) => assert.equal(v.command, 'next-space')),
  kase('ipc', 'a menu command that is not one', event('app:command', { command: 'open-devtools' }), 'refused'),
  kase('ipc', 'a menu command as a function name on the prototype', event('app:command', { command: 'constructor' }), 'refused'),
  kase('ipc', 'a pause until the year 275760', event('reminders:pause', { until: 8.64e15 }), 'refused'),
  kase('ipc', 'a pause until NaN', event('reminders:pause', { until: Number.NaN }), 'refused'),
  kase('ipc', 'a pause of one hour', event('reminders:pause', { until: Date.UTC(2026, 2, 24, 12) }), 'value', (v: { until: number }) => assert.equal(v.until, Date.UTC(2026, 2, 24, 12))),
  kase('ipc', 'a reminder schedule that is junk', request('reminders:set', { entries: 'all of them' }), 'refused'),
  kase('ipc', 'a reminder schedule of 100 000 entries', () => request('reminders:set', { entries: Array.from({ length: 100_000 }, (_, i) => ({ id: `e${i}` })) }), 'refused'),
  kase('ipc', 'dismissing 100 000 reminders', () => request('reminders:dismiss-missed', { instances: Array.from({ length: 100_000 }, (_, i) => `i${i}`) }), 'refused'),
  kase('ipc', 'a schedule standing by in one space twice', request('reminders:set', { entries: [], preferences: {}, zone: 'UTC', devices: { others: true, standby: [{ spaceId: 'team1', rank: 1 }, { spaceId: 'team1', rank: 2 }] } }), 'refused'),
  kase('ipc', 'a schedule standing by at rank 1e9', request('reminders:set', { entries: [], preferences: {}, zone: 'UTC', devices: { others: true, standby: [{ spaceId: 'team1', rank: 1e9 }] } }), 'refused'),
  kase('ipc', 'a schedule standing by in 100 000 spaces', () => request('reminders:set', { entries: [], preferences: {}, zone: 'UTC', devices: { others: true, standby: Array.from({ length: 100_000 }, (_, i) => ({ spaceId: `s${i}`, rank: 1 })) } }), 'refused'),
  kase('ipc', 'a schedule without device facts (an older page)', request('reminders:set', { entries: [], preferences: {}, zone: 'UTC' }), 'value', (v: { devices: unknown }) => assert.deepEqual(v.devices, { others: false, standby: [] })),
  kase('ipc', 'shown reminders dated in 1970', event('reminders:shown', { shown: [{ id: 'c:x', startsAt: 0, shownAt: 0 }] }), 'refused'),
  kase('ipc', '100 000 shown reminders', () => event('reminders:shown', { shown: Array.from({ length: 100_000 }, (_, i) => ({ id: `c:${i}`, startsAt: Date.UTC(2026, 2, 24), shownAt: Date.UTC(2026, 2, 24) })) }), 'refused')
]
