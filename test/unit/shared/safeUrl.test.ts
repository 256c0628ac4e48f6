import { describe, expect, it } from 'vitest'
import { hostOf, MAX_URL_LENGTH, safeHttpUrl } from '@shared/links/safeUrl.ts'

describe('links from peers and files', () => {
  it('keeps web addresses', () => {
    expect(safeHttpUrl(' https://shippo.atlassian.net/browse/ENG-1 ')).toBe('https://shippo.atlassian.net/browse/ENG-1')
    expect(safeHttpUrl('http://localhost:8080/x?y=1#z')).toBe('http://localhost:8080/x?y=1#z')
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    'tandem://join/x',
    'https:/one-slash.example',
    'https://',
    'https:///path',
    '//evil.example/x',
    'https://evil.example/\nSet-Cookie',
    'https://a b.example/',
    '',
    'https://x/' + 'a'.repeat(MAX_URL_LENGTH)
  ])('refuses %j', (url) => {
    expect(safeHttpUrl(url)).toBeNull()
  })

  it('shows the host a link really goes to', () => {
    expect(hostOf('https://trusted.example@evil.example/login')).toBe('evil.example')
    expect(hostOf('https://user:pw@Evil.Example:8443/x')).toBe('evil.example')
    expect(hostOf('https://xn--80ak6aa92e.com/')).toBe('xn--80ak6aa92e.com')
  })
})
