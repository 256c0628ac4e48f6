import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, resolveRendererSource } from '../../../electron/main/rendererUrl.ts'
import { isTrustedSender } from '../../../electron/main/security.ts'

const dev = (devServerUrl: string | undefined) => resolveRendererSource({ isPackaged: false, devServerUrl })
const packaged = (devServerUrl: string | undefined) => resolveRendererSource({ isPackaged: true, devServerUrl })

describe('resolveRendererSource', () => {
  it('loads app://tandem/ when no dev server is set', () => {
    expect(APP_ENTRY_URL).toBe('app://tandem/index.html')
    expect(dev(undefined)).toEqual({ url: APP_ENTRY_URL, devOrigin: null })
    expect(dev('')).toEqual({ url: APP_ENTRY_URL, devOrigin: null })
    expect(packaged(undefined)).toEqual({ url: APP_ENTRY_URL, devOrigin: null })
  })

  it.each(['http://localhost:5173', 'http://localhost:5173/', 'http://127.0.0.1:5173/', 'http://[::1]:5173/', 'https://localhost:5173/'])(
    'honours the loopback dev server %s in development',
    (url) => {
      const source = dev(url)
      expect(source.url).toBe(new URL(url).href)
      expect(source.devOrigin).toBe(url.replace(/\/$/, ''))
      expect(source.ignored).toBeUndefined()
    }
  )

  it.each(['http://localhost:5173/', 'http://127.0.0.1:5173/', 'https://evil.example/'])(
    'ignores ELECTRON_RENDERER_URL=%s in a packaged build and trusts no dev origin',
    (url) => {
      const source = packaged(url)
      expect(source).toEqual({ url: APP_ENTRY_URL, devOrigin: null, ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged build' })
      // and so IPC from that origin is refused
      expect(isTrustedSender(url, source.devOrigin)).toBe(false)
    }
  )

  it.each([
    ['a remote host', 'https://evil.example/'],
    ['a LAN host', 'http://192.168.1.20:5173/'],
    ['a name that only starts with localhost', 'http://localhost.evil.example:5173/'],
    ['user info hiding another host', 'http://localhost:5173@evil.example/'],
    ['user info on loopback', 'http://user:pw@localhost:5173/'],
    ['a file', 'file:///tmp/index.html'],
    ['javascript', 'javascript:alert(1)'],
    ['a custom scheme', 'app://evil/'],
    ['0.0.0.0', 'http://0.0.0.0:5173/'],
    ['not a URL', 'localhost:5173']
  ])('refuses %s even in development', (_label, url) => {
    const source = dev(url)
    expect(source.url).toBe(APP_ENTRY_URL)
    expect(source.devOrigin).toBeNull()
    expect(source.ignored).toMatch(/ELECTRON_RENDERER_URL/)
  })

  it('trusts exactly the accepted dev origin for IPC', () => {
    const source = dev('http://localhost:5173/')
    expect(isTrustedSender('http://localhost:5173/index.html', source.devOrigin)).toBe(true)
    expect(isTrustedSender('http://127.0.0.1:5173/', source.devOrigin)).toBe(false)
    expect(isTrustedSender('http://localhost:9999/', source.devOrigin)).toBe(false)
  })
})
