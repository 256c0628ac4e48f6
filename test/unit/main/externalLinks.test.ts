import { describe, expect, it, vi } from 'vitest'
import {
  checkExternalUrl,
  createExternalLinkOpener,
  linkPrompt,
  MAX_EXTERNAL_URL_LENGTH,
  OPEN_BUTTON,
  type CheckedLink,
  type LinkPrompt
} from '../../../electron/main/externalLinks.ts'

function ok(url: string): Extract<CheckedLink, { ok: true }> {
  const link = checkExternalUrl(url)
  if (!link.ok) throw new Error(`expected ${url} to pass: ${link.reason}`)
  return link
}

describe('checkExternalUrl', () => {
  it.each([
    ['https://tracker.example/browse/ABC-1', 'https://tracker.example', 'tracker.example'],
    ['http://intranet.local/wiki', 'http://intranet.local', 'intranet.local'],
    ['HTTPS://Tracker.Example:8443/x?y=1#z', 'https://tracker.example:8443', 'tracker.example:8443'],
    ['https://192.168.1.20/board', 'https://192.168.1.20', '192.168.1.20']
  ])('accepts %s, seen as %s', (url, origin, host) => {
    const link = ok(url)
    expect(link.origin).toBe(origin)
    expect(link.host).toBe(host)
    expect(link.userinfo).toBeNull()
    expect(link.idn).toBe(false)
  })

  it.each([
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(document.domain)'],
    ['javascript: with a newline inside the scheme', 'java\nscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['another app scheme', 'slack://open?team=T1'],
    ['our own scheme', 'tandem://join/tandem2.x'],
    ['app:', 'app://tandem/index.html'],
    ['smb:', 'smb://fileserver/share'],
    ['ftp:', 'ftp://files.example/x'],
    ['mailto:', 'mailto:a@example.com'],
    ['blob:', 'blob:https://example.com/uuid'],
    ['a relative path', '/browse/ABC-1'],
    ['a bare host', 'evil.example'],
    ['no host', 'https://'],
    ['empty', ''],
    ['a control character', 'https://example.com/\u0000'],
    ['a tab', 'https://exa\tmple.com/']
  ])('refuses %s', (_label, url) => {
    expect(checkExternalUrl(url).ok).toBe(false)
  })

  it('refuses what is not text', () => {
    expect(checkExternalUrl(undefined).ok).toBe(false)
    expect(checkExternalUrl({ href: 'https://a.example' }).ok).toBe(false)
  })

  it('refuses overlong URLs, before and after normalising', () => {
    const base = 'https://example.com/'
    expect(ok(base + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - base.length)).href).toHaveLength(MAX_EXTERNAL_URL_LENGTH)
    expect(checkExternalUrl(base + 'a'.repeat(MAX_EXTERNAL_URL_LENGTH - base.length + 1))).toEqual({
      ok: false,
      reason: 'longer than 2048 characters'
    })
    // short enough as typed, too long once every non-ASCII character is percent-encoded
    expect(checkExternalUrl(base + 'é'.repeat(1000)).ok).toBe(false)
  })

  it('shows the real host behind user-info tricks', () => {
    const link = ok('https://trusted.com@evil.com/login')
    expect(link.host).toBe('evil.com')
    expect(link.origin).toBe('https://evil.com')
    expect(link.userinfo).toBe('trusted.com')
    const withPassword = ok('https://trusted.com:443@evil.com/')
    expect(withPassword.host).toBe('evil.com')
    expect(withPassword.userinfo).toBe('trusted.com:443')
    expect(ok('https://a@b@evil.com/').host).toBe('evil.com')
  })

  it('reads a backslash the way the browser will (as a slash): the host is trusted.com', () => {
    const link = ok('https://trusted.com\\@evil.com/')
    expect(link.host).toBe('trusted.com')
    expect(link.href).toBe('https://trusted.com/@evil.com/')
  })

  it('shows internationalised hosts as punycode', () => {
    // Cyrillic letters that look like "apple"
    const link = ok('https://\u0430\u0440\u0440\u04cf\u0435.com/')
    expect(link.host).toBe('xn--80ak6aa92e.com')
    expect(link.href).toBe('https://xn--80ak6aa92e.com/')
    expect(link.idn).toBe(true)
    expect(ok('https://xn--80ak6aa92e.com/').idn).toBe(true)
    expect(ok('https://b\u00fccher.example/').host).toBe('xn--bcher-kva.example')
  })

  it('normalises numeric and encoded hosts to what the browser will reach', () => {
    expect(ok('http://0x7f.1/').host).toBe('127.0.0.1')
    expect(ok('https://evil%2Eexample/').host).toBe('evil.example')
  })

  it('opens only ASCII: right-to-left overrides and look-alikes in the path are percent-encoded', () => {
    const link = ok('https://example.com/\u202Etxt.exe')
    expect(link.href).toBe('https://example.com/%E2%80%AEtxt.exe')
    expect(link.href).toMatch(/^[\x21-\x7e]+$/)
  })
})

describe('linkPrompt', () => {
  it('puts the real site on the main line and the full address below', () => {
    const prompt = linkPrompt(ok('https://evil.example/login?next=/home'))
    expect(prompt.message).toBe('Open https://evil.example/… in your browser?')
    expect(prompt.detail).toContain('Site: evil.example')
    expect(prompt.detail).toContain('https://evil.example/login?next=/home')
    expect(prompt.buttons[OPEN_BUTTON]).toBe('Open in browser')
    // Cancel is the default and what Escape does
    expect(prompt.defaultId).toBe(1)
    expect(prompt.cancelId).toBe(1)
    expect(prompt.buttons[1]).toBe('Cancel')
  })

  it('has no ellipsis when there is nothing more to the address', () => {
    expect(linkPrompt(ok('https://example.com')).message).toBe('Open https://example.com/ in your browser?')
  })

  it('says which site a user-info link really goes to', () => {
    const prompt = linkPrompt(ok('https://trusted.com@evil.com/'))
    expect(prompt.message).toBe('Open https://evil.com/ in your browser?')
    expect(prompt.message).not.toContain('trusted.com')
    expect(prompt.detail).toContain('Site: evil.com')
    expect(prompt.detail).toContain('“trusted.com@” at the start of this address is not the site. The link goes to evil.com.')
  })

  it('shows an international host as punycode and says so', () => {
    const prompt = linkPrompt(ok('https://\u0430\u0440\u0440\u04cf\u0435.com/'))
    expect(prompt.message).toBe('Open https://xn--80ak6aa92e.com/ in your browser?')
    expect(prompt.detail).toContain('xn--80ak6aa92e.com is an international domain name, shown in its ASCII form.')
  })
})

describe('createExternalLinkOpener', () => {
  function setup(answer: number | (() => Promise<number>) = OPEN_BUTTON) {
    const ask = vi.fn(async (_prompt: LinkPrompt) => (typeof answer === 'number' ? answer : answer()))
    const open = vi.fn(async (_href: string) => undefined)
    const log = { warn: vi.fn() }
    return { openLink: createExternalLinkOpener({ ask, open, log }), ask, open, log }
  }

  it('asks first, then opens exactly the address it showed', async () => {
    const { openLink, ask, open } = setup()
    await expect(openLink('https://trusted.com@evil.com/x')).resolves.toBe('opened')
    expect(ask).toHaveBeenCalledOnce()
    expect(ask.mock.calls[0]![0].message).toBe('Open https://evil.com/… in your browser?')
    expect(open).toHaveBeenCalledExactlyOnceWith('https://trusted.com@evil.com/x')
  })

  it('opens nothing when the user cancels', async () => {
    const { openLink, open } = setup(1)
    await expect(openLink('https://evil.example/')).resolves.toBe('declined')
    expect(open).not.toHaveBeenCalled()
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'ms-settings:', 'tandem://join/x'])(
    'never asks about, nor opens, %s',
    async (url) => {
      const { openLink, ask, open, log } = setup()
      await expect(openLink(url)).resolves.toBe('refused')
      expect(ask).not.toHaveBeenCalled()
      expect(open).not.toHaveBeenCalled()
      expect(log.warn).toHaveBeenCalledOnce()
    }
  )

  it('asks one question at a time: a page cannot stack dialogs', async () => {
    let answer!: (choice: number) => void
    const { openLink, ask, open } = setup(() => new Promise<number>((resolve) => (answer = resolve)))
    const first = openLink('https://a.example/')
    await vi.waitFor(() => expect(ask).toHaveBeenCalledOnce())
    await expect(openLink('https://b.example/')).resolves.toBe('busy')
    answer(OPEN_BUTTON)
    await expect(first).resolves.toBe('opened')
    expect(open).toHaveBeenCalledExactlyOnceWith('https://a.example/')
    // and asks again once the first question is answered
    const second = openLink('https://c.example/')
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(2))
    answer(1)
    await expect(second).resolves.toBe('declined')
  })

  it('asks again after a dialog that failed', async () => {
    const { openLink, ask } = setup(() => Promise.reject(new Error('no display')))
    await expect(openLink('https://a.example/')).rejects.toThrow('no display')
    await expect(openLink('https://a.example/')).rejects.toThrow('no display')
    expect(ask).toHaveBeenCalledTimes(2)
  })
})
