import { describe, expect, it } from 'vitest'
import { DEFAULT_SIGNALING_URLS, parseSignalingUrls } from '@shared/settings/signaling.ts'

describe('parseSignalingUrls', () => {
  it('accepts ws:// and wss:// URLs separated by commas, spaces or lines', () => {
    const text = 'ws://192.168.1.20:4444, wss://signal.example.com\nws://[::1]:4444  ws://localhost:4444/path'
    expect(parseSignalingUrls(text)).toEqual({
      ok: true,
      urls: ['ws://192.168.1.20:4444', 'wss://signal.example.com', 'ws://[::1]:4444', 'ws://localhost:4444/path']
    })
  })

  it('drops trailing slashes and duplicates', () => {
    expect(parseSignalingUrls('ws://a.example:1/ ws://a.example:1 ws://a.example:1//\nwss://b.example/')).toEqual({
      ok: true,
      urls: ['ws://a.example:1', 'wss://b.example']
    })
  })

  it('accepts an empty list (spaces then stay on this device)', () => {
    expect(parseSignalingUrls('  \n , ')).toEqual({ ok: true, urls: [] })
  })

  it('accepts the defaults', () => {
    expect(parseSignalingUrls(DEFAULT_SIGNALING_URLS.join('\n'))).toEqual({ ok: true, urls: DEFAULT_SIGNALING_URLS })
  })

  it.each(['http://signal.example.com', 'https://signal.example.com', 'signal.example.com:4444', 'localhost'])(
    'refuses %s: it must start with ws:// or wss://',
    (entry) => {
      expect(parseSignalingUrls(`ws://ok.example ${entry}`)).toEqual({ ok: false, error: `"${entry}" must start with ws:// or wss://.` })
    }
  )

  it.each(['ws://', 'ws://exa_mple.com', 'ws://host:port', 'ws://host:123456', 'ws://host/path?query', 'wss://user@host'])(
    'refuses the garbage address %s',
    (entry) => {
      const result = parseSignalingUrls(entry)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toBe(`"${entry}" is not a server address; it looks like ws://192.168.1.20:4444.`)
    }
  )
})
