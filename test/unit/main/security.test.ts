import { describe, expect, it, vi } from 'vitest'
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenContents,
  isExternalHttpUrl,
  isTrustedSender,
  originOf,
  secureWebPreferences,
  type HardenableContents
} from '../../../electron/main/security.ts'

const directives = () =>
  new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/)
    return [name!, values] as const
  }))

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.mjs')
    expect(prefs).toMatchObject({
      preload: '/app/preload.mjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })
})

describe('CONTENT_SECURITY_POLICY', () => {
  it("has no 'unsafe-eval' anywhere and scripts only from 'self'", () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(directives().get('script-src')).toEqual(["'self'"])
  })

  it('locks down objects, base, forms and framing', () => {
    const d = directives()
    expect(d.get('default-src')).toEqual(["'self'"])
    expect(d.get('object-src')).toEqual(["'none'"])
    expect(d.get('base-uri')).toEqual(["'none'"])
    expect(d.get('frame-ancestors')).toEqual(["'none'"])
    expect(d.get('form-action')).toEqual(["'none'"])
  })

  it('connects only to itself and WebSockets: wss anywhere, ws narrowed by main to the local network', () => {
    const connect = directives().get('connect-src')!
    expect(connect).toEqual(["'self'", 'wss:', 'ws:'])
    // no http(s), no wildcard: a page cannot fetch from or post to the internet
    for (const source of connect) expect(source).not.toMatch(/^(\*|https?:|data:|blob:)/)
    // ws: is kept only because CSP has no IP ranges; localNetwork.test.ts proves the narrowing
  })

  it('lets nothing load from the network: scripts, styles, images, fonts stay on the app origin', () => {
    const d = directives()
    for (const name of ['script-src', 'style-src', 'img-src', 'font-src']) {
      for (const source of d.get(name)!) expect(source, name).not.toMatch(/^(\*|https?:|wss?:)/)
    }
  })
})

describe('hardenContents', () => {
  function fakeContents() {
    let navigate: ((event: { preventDefault(): void; url: string }, url: string) => void) | undefined
    let windowOpen: ((details: { url: string }) => { action: 'deny' }) | undefined
    let attachWebview: ((event: { preventDefault(): void }) => void) | undefined
    const contents = {
      on: (event: string, listener: never) => {
        if (event === 'will-navigate') navigate = listener
        else if (event === 'will-attach-webview') attachWebview = listener
        else throw new Error(`unexpected event ${event}`)
      },
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
        windowOpen = handler
      }
    } as HardenableContents
    const openExternal = vi.fn()
    hardenContents(contents, openExternal)
    const navigateTo = (url: string) => {
      const event = { url, preventDefault: vi.fn() }
      navigate!(event, url)
      return event
    }
    const attach = () => {
      const event = { preventDefault: vi.fn() }
      attachWebview!(event)
      return event
    }
    return { navigateTo, open: (url: string) => windowOpen!({ url }), attach, openExternal }
  }

  it.each(['https://example.com/docs', 'http://intranet.local/wiki'])('prevents navigating to %s and opens it externally', (url) => {
    const { navigateTo, openExternal } = fakeContents()
    expect(navigateTo(url).preventDefault).toHaveBeenCalledOnce()
    expect(openExternal).toHaveBeenCalledExactlyOnceWith(url)
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'app://tandem/other', 'smb://host/share', 'not a url'])(
    'prevents navigating to %s and does not open it',
    (url) => {
      const { navigateTo, openExternal } = fakeContents()
      expect(navigateTo(url).preventDefault).toHaveBeenCalledOnce()
      expect(openExternal).not.toHaveBeenCalled()
    }
  )

  it('denies every new window, opening only http(s) externally', () => {
    const { open, openExternal } = fakeContents()
    expect(open('https://example.com')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com')
  })

  it('refuses to attach any <webview>', () => {
    const { attach, openExternal } = fakeContents()
    expect(attach().preventDefault).toHaveBeenCalledOnce()
    expect(openExternal).not.toHaveBeenCalled()
  })
})

describe('isExternalHttpUrl', () => {
  it('accepts only http and https', () => {
    expect(isExternalHttpUrl('https://a.example')).toBe(true)
    expect(isExternalHttpUrl('HTTP://a.example')).toBe(true)
    expect(isExternalHttpUrl('ftp://a.example')).toBe(false)
    expect(isExternalHttpUrl('')).toBe(false)
  })
})

describe('originOf', () => {
  it('gives scheme://host[:port] for custom schemes too (Node would say "null")', () => {
    expect(originOf('app://tandem/index.html#/x')).toBe('app://tandem')
    expect(originOf('app://tandem/')).toBe('app://tandem')
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173')
    expect(originOf('file:///etc/passwd')).toBeNull()
    expect(originOf('not a url')).toBeNull()
    expect(originOf(undefined)).toBeNull()
  })
})

describe('isTrustedSender', () => {
  it('accepts our own pages', () => {
    expect(APP_ORIGIN).toBe('app://tandem')
    expect(isTrustedSender('app://tandem/')).toBe(true)
    expect(isTrustedSender('app://tandem/index.html#/spaces/abc')).toBe(true)
  })

  it.each([
    'https://evil.example/',
    'https://evil.example/app://tandem/',
    'file:///app/index.html',
    'app://tandem.evil.example/',
    'app://tandem:8080/',
    'app://evil/',
    'http://localhost:5173/',
    '',
    'not a url'
  ])('refuses %j', (url) => {
    expect(isTrustedSender(url)).toBe(false)
  })

  it('refuses a missing frame url', () => {
    expect(isTrustedSender(undefined)).toBe(false)
  })

  it('trusts the dev server only when main accepted one at start-up (development only)', () => {
    expect(isTrustedSender('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedSender('https://evil.example/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedSender('app://tandem/', 'http://localhost:5173')).toBe(true)
    // packaged builds pass no dev origin (rendererUrl.ts), whatever the environment says
    expect(isTrustedSender('http://localhost:5173/', null)).toBe(false)
  })

  it('does not read ELECTRON_RENDERER_URL itself', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    try {
      expect(isTrustedSender('http://localhost:5173/')).toBe(false)
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
