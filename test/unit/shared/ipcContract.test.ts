import { describe, expect, it } from 'vitest'
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  IpcContractError,
  isInvokeChannel,
  parseEvent,
  parseRequest,
  parseResponse,
  type InvokeChannel
} from '@shared/ipc/contract.ts'

function contractError(f: () => unknown): IpcContractError {
  try {
    f()
  } catch (err) {
    expect(err).toBeInstanceOf(IpcContractError)
    return err as IpcContractError
  }
  throw new Error('expected an IpcContractError, nothing was thrown')
}

describe('channels', () => {
  it('lists the invoke and event channels', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual([
      'app:info',
      'backup:choose-folder',
      'backup:folder',
      'backup:write',
      'deep-link:take',
      'reminders:dismiss-missed',
      'reminders:set',
      'reminders:state',
      'shell:open-external',
      'signaling:host',
      'storage:key'
    ])
    expect(EVENT_CHANNELS).toEqual(['deep-link', 'reminders:missed', 'reminders:pause', 'reminders:shown', 'app:command'])
  })

  it('isInvokeChannel does not accept inherited object keys', () => {
    expect(isInvokeChannel('app:info')).toBe(true)
    expect(isInvokeChannel('toString')).toBe(false)
    expect(isInvokeChannel('__proto__')).toBe(false)
    expect(isInvokeChannel(42)).toBe(false)
  })
})

describe('parseRequest', () => {
  it('accepts valid payloads', () => {
    expect(parseRequest('app:info', undefined)).toBeUndefined()
    expect(parseRequest('deep-link:take', undefined)).toBeUndefined()
    expect(parseRequest('shell:open-external', { url: 'https://example.com/a?b=c' })).toEqual({ url: 'https://example.com/a?b=c' })
    expect(parseRequest('shell:open-external', { url: 'HTTP://example.com' })).toEqual({ url: 'HTTP://example.com' })
    expect(parseRequest('signaling:host', { enabled: true, port: 4444 })).toEqual({ enabled: true, port: 4444 })
    expect(parseRequest('signaling:host', { enabled: false })).toEqual({ enabled: false })
  })

  it('rejects an unknown channel, naming it', () => {
    const err = contractError(() => parseRequest('fs:read' as InvokeChannel, { path: '/etc/passwd' }))
    expect(err.message).toBe('unknown channel fs:read')
    contractError(() => parseRequest('constructor' as InvokeChannel, undefined))
  })

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['smb:', 'smb://host/share'],
    ['http with whitespace', 'https://example.com/ x'],
    ['an overlong URL', 'https://example.com/' + 'a'.repeat(2048)]
  ])('shell:open-external refuses %s', (_label, url) => {
    const err = contractError(() => parseRequest('shell:open-external', { url }))
    expect(err.message).toMatch(/^bad request on shell:open-external: /)
  })

  it('says which field is wrong', () => {
    const err = contractError(() => parseRequest('shell:open-external', { url: 'file:///etc/passwd' }))
    expect(err.message).toContain('only http(s) links open outside the app')
    expect(err.message).toMatch(/ at url$/)
  })

  it.each([
    ['a missing url', {}],
    ['a non-string url', { url: 42 }],
    ['no payload', undefined],
    ['a string payload', 'https://example.com']
  ])('shell:open-external refuses %s', (_label, payload) => {
    expect(contractError(() => parseRequest('shell:open-external', payload)).message).toMatch(/shell:open-external/)
  })

  it.each([
    ['below 1024', { enabled: true, port: 80 }],
    ['above 65535', { enabled: true, port: 70000 }],
    ['fractional', { enabled: true, port: 4444.5 }],
    ['a string port', { enabled: true, port: '4444' }],
    ['a string enabled', { enabled: 'yes' }],
    ['missing enabled', { port: 4444 }]
  ])('signaling:host refuses a port or flag that is %s', (_label, payload) => {
    expect(contractError(() => parseRequest('signaling:host', payload)).message).toMatch(/^bad request on signaling:host: /)
  })

  it.each(['app:info', 'deep-link:take'] as const)('%s refuses any payload', (channel) => {
    for (const junk of [{}, null, 'x', 0, { url: 'https://example.com' }]) {
      expect(contractError(() => parseRequest(channel, junk)).message).toMatch(new RegExp(`^bad request on ${channel}: `))
    }
  })
})

describe('parseResponse', () => {
  it('accepts valid responses', () => {
    expect(parseResponse('app:info', { version: '1.0.0', platform: 'linux' })).toEqual({ version: '1.0.0', platform: 'linux' })
    expect(parseResponse('deep-link:take', { url: null })).toEqual({ url: null })
    expect(parseResponse('shell:open-external', undefined)).toBeUndefined()
    expect(parseResponse('signaling:host', { running: false, urls: [], error: 'Port in use' })).toEqual({
      running: false,
      urls: [],
      error: 'Port in use'
    })
  })

  it.each([
    ['app:info', { version: 1, platform: 'linux' }],
    ['app:info', undefined],
    ['deep-link:take', {}],
    ['deep-link:take', { url: 5 }],
    ['shell:open-external', { ok: true }],
    ['signaling:host', { running: true, urls: 'ws://x:1' }],
    ['signaling:host', { running: 'yes', urls: [] }]
  ] as const)('rejects a bad %s response', (channel, payload) => {
    const err = contractError(() => parseResponse(channel, payload))
    expect(err.message).toMatch(new RegExp(`^bad response on ${channel}: `))
  })
})

describe('parseEvent', () => {
  it("accepts a 'deep-link' event", () => {
    expect(parseEvent('deep-link', { url: 'tandem://join/x' })).toEqual({ url: 'tandem://join/x' })
  })

  it("rejects a bad 'deep-link' event", () => {
    expect(contractError(() => parseEvent('deep-link', { url: 1 })).message).toMatch(/^bad event deep-link: .* at url$/)
    expect(contractError(() => parseEvent('deep-link', { url: 'x'.repeat(8193) })).message).toMatch(/^bad event deep-link/)
    expect(contractError(() => parseEvent('deep-link', undefined)).message).toMatch(/^bad event deep-link/)
  })

  it('rejects an unknown event', () => {
    expect(contractError(() => parseEvent('nope' as 'deep-link', {})).message).toBe('unknown event nope')
  })
})
