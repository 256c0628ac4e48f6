import { describe, expect, it, vi } from 'vitest'
import { installWebSocketGuard, isLocalNetworkHost, webSocketDecision, type WebRequestLike } from '../../../electron/main/localNetwork.ts'

describe('isLocalNetworkHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'app.localhost',
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.20',
    '169.254.10.10',
    '[::1]',
    '[fd12:3456:789a::1]',
    '[fc00::1]',
    '[fe80::1]',
    '[::ffff:c0a8:114]', // 192.168.1.20
    'alices-laptop.local',
    'signal.home.arpa',
    'signal.corp.internal'
  ])('%s is local', (host) => {
    expect(isLocalNetworkHost(host)).toBe(true)
  })

  it.each([
    'signal.example.com',
    'localhost.evil.example',
    'local',
    'evil.local.example',
    '8.8.8.8',
    '172.15.0.1',
    '172.32.0.1',
    '192.169.1.1',
    '11.0.0.1',
    '0.0.0.0',
    '100.64.0.1',
    '[2001:db8::1]',
    '[::ffff:808:808]', // 8.8.8.8
    '1.2.3',
    '999.1.1.1'
  ])('%s is not local', (host) => {
    expect(isLocalNetworkHost(host)).toBe(false)
  })
})

describe('webSocketDecision', () => {
  it.each([
    'ws://localhost:4444',
    'ws://127.0.0.1:4444/',
    'ws://[::1]:4444',
    'ws://192.168.1.20:4444',
    'ws://10.0.0.5:4444',
    'ws://alices-laptop.local:4444',
    'wss://signal.example.com',
    'wss://8.8.8.8:443/room'
  ])('allows %s', (url) => {
    expect(webSocketDecision(url)).toEqual({ allow: true })
  })

  it('allows what SignalingHost hands out for the LAN', () => {
    // see test/unit/main/signalingHost.test.ts: ws://localhost:<port> and ws://<lan-ip>:<port>
    for (const url of ['ws://localhost:5000', 'ws://192.168.1.20:5000', 'ws://10.0.0.5:5000']) {
      expect(webSocketDecision(url).allow, url).toBe(true)
    }
  })

  it.each([
    ['a public name', 'ws://signal.example.com:4444', 'wss://signal.example.com:4444'],
    ['a public address', 'ws://8.8.8.8/room', 'wss://8.8.8.8/room'],
    ['a look-alike of localhost', 'ws://localhost.evil.example/', 'wss://localhost.evil.example']
  ])('refuses plain ws:// to %s and says to use wss://', (_label, url, hint) => {
    const decision = webSocketDecision(url)
    expect(decision.allow).toBe(false)
    expect(decision.allow === false && decision.reason).toContain(`use ${hint}`)
  })

  it('refuses what is not a URL', () => {
    expect(webSocketDecision('ws://').allow).toBe(false)
  })
})

describe('installWebSocketGuard', () => {
  function setup() {
    let listener: Parameters<WebRequestLike['onBeforeRequest']>[1] | undefined
    let filter: { urls: string[] } | undefined
    const webRequest: WebRequestLike = {
      onBeforeRequest: (f, l) => {
        filter = f
        listener = l
      }
    }
    const log = { warn: vi.fn() }
    installWebSocketGuard(webRequest, log)
    const request = (url: string) => {
      const callback = vi.fn()
      listener!({ url }, callback)
      expect(callback).toHaveBeenCalledOnce()
      return callback.mock.calls[0]![0] as { cancel: boolean }
    }
    return { request, log, filter: () => filter }
  }

  it('watches plain WebSockets only', () => {
    expect(setup().filter()).toEqual({ urls: ['ws://*/*'] })
  })

  it('lets local ones through and cancels the rest, warning once per server', () => {
    const { request, log } = setup()
    expect(request('ws://localhost:4444/')).toEqual({ cancel: false })
    expect(request('ws://192.168.1.20:4444/')).toEqual({ cancel: false })
    expect(request('ws://signal.example.com:4444/')).toEqual({ cancel: true })
    expect(request('ws://signal.example.com:4444/')).toEqual({ cancel: true })
    expect(log.warn).toHaveBeenCalledOnce()
    expect(log.warn.mock.calls[0]![0]).toMatch(/^signaling: refused ws:\/\/signal\.example\.com:4444\/: .*use wss:\/\/signal\.example\.com:4444$/)
  })
})
