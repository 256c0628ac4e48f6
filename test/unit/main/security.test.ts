import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenContents,
  isExternalHttpUrl,
  isTrustedSender,
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
      webSecurity: true,
      allowRunningInsecureContent: false
    })
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
  })
})

describe('hardenContents', () => {
  function fakeContents() {
    let navigate: ((event: { preventDefault(): void; url: string }, url: string) => void) | undefined
    let windowOpen: ((details: { url: string }) => { action: 'deny' }) | undefined
    const contents: HardenableContents = {
      on: (event, listener) => {
        expect(event).toBe('will-navigate')
        navigate = listener
      },
      setWindowOpenHandler: (handler) => {
        windowOpen = handler
      }
    }
    const openExternal = vi.fn()
    hardenContents(contents, openExternal)
    const navigateTo = (url: string) => {
      const event = { url, preventDefault: vi.fn() }
      navigate!(event, url)
      return event
    }
    return { navigateTo, open: (url: string) => windowOpen!({ url }), openExternal }
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
})

describe('isExternalHttpUrl', () => {
  it('accepts only http and https', () => {
    expect(isExternalHttpUrl('https://a.example')).toBe(true)
    expect(isExternalHttpUrl('HTTP://a.example')).toBe(true)
    expect(isExternalHttpUrl('ftp://a.example')).toBe(false)
    expect(isExternalHttpUrl('')).toBe(false)
  })
})

describe('isTrustedSender', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('accepts our own pages', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined)
    expect(APP_ORIGIN).toBe('app://tandem')
    expect(isTrustedSender('app://tandem/')).toBe(true)
    expect(isTrustedSender('app://tandem/index.html#/spaces/abc')).toBe(true)
  })

  it.each([
    'https://evil.example/',
    'https://evil.example/app://tandem/',
    'file:///app/index.html',
    'app://tandem.evil.example/',
    'app://evil/',
    'http://localhost:5173/',
    '',
    'not a url'
  ])('refuses %j', (url) => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined)
    expect(isTrustedSender(url)).toBe(false)
  })

  it('refuses a missing frame url', () => {
    expect(isTrustedSender(undefined)).toBe(false)
  })

  it('accepts the dev server only while it is configured', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    expect(isTrustedSender('http://localhost:5173/')).toBe(true)
    expect(isTrustedSender('https://evil.example/')).toBe(false)
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined)
    expect(isTrustedSender('http://localhost:5173/')).toBe(false)
  })
})
