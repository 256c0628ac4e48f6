import { describe, expect, it } from 'vitest'
import { cleanTrackerBaseUrl, findTicketKeys, isTicketKey, linkTickets, ticketKeyInUrl, ticketUrl } from '@shared/tickets/tickets.ts'

const BASE = 'https://shippo.atlassian.net/browse/'

describe('tickets', () => {
  it('finds keys in text, once each, in order', () => {
    expect(findTicketKeys('Work on ENG-8504 then ENG-8096, and ENG-8504 again; also OPS2-7.')).toEqual(['ENG-8504', 'ENG-8096', 'OPS2-7'])
  })

  it('ignores look-alikes: lower case, standards, keys inside URLs', () => {
    expect(findTicketKeys('eng-1 E-1 UTF-8 ISO-8601 SHA-256 CVE-2021 https://x.atlassian.net/browse/ENG-1')).toEqual([])
    expect(findTicketKeys('ENG-1 and OPS-2', { projects: ['OPS'] })).toEqual(['OPS-2'])
  })

  it('links keys to the tracker', () => {
    expect(linkTickets('Work on ENG-8504', BASE)).toEqual([
      { kind: 'text', text: 'Work on ' },
      { kind: 'ticket', key: 'ENG-8504', url: 'https://shippo.atlassian.net/browse/ENG-8504' }
    ])
    expect(linkTickets('ENG-1, ENG-2.', 'https://t.example/browse')).toEqual([
      { kind: 'ticket', key: 'ENG-1', url: 'https://t.example/browse/ENG-1' },
      { kind: 'text', text: ', ' },
      { kind: 'ticket', key: 'ENG-2', url: 'https://t.example/browse/ENG-2' },
      { kind: 'text', text: '.' }
    ])
    expect(linkTickets('no tickets', BASE)).toEqual([{ kind: 'text', text: 'no tickets' }])
    expect(linkTickets('ENG-3', '')).toEqual([{ kind: 'ticket', key: 'ENG-3', url: null }])
  })

  it('builds and reads tracker URLs', () => {
    expect(ticketUrl('ENG-1', BASE)).toBe(`${BASE}ENG-1`)
    expect(ticketUrl('ENG-1', null)).toBeNull()
    expect(ticketKeyInUrl('https://shippo.atlassian.net/browse/ENG-8504')).toBe('ENG-8504')
    expect(ticketKeyInUrl('https://example.com/docs')).toBeNull()
    expect(isTicketKey(' ENG-8504 ')).toBe(true)
    expect(isTicketKey('Work on ENG-8504')).toBe(false)
  })
})

describe('tracker base URL typed in settings', () => {
  it('accepts http(s) addresses and empty (no tracker), rejects the rest with a hint', () => {
    expect(cleanTrackerBaseUrl(' https://shippo.atlassian.net/browse/ ')).toEqual({ ok: true, url: 'https://shippo.atlassian.net/browse/' })
    expect(cleanTrackerBaseUrl('')).toEqual({ ok: true, url: '' })
    const bad = cleanTrackerBaseUrl('javascript:alert(1)')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatch(/https:\/\//)
  })
})

describe('hostile links and huge input', () => {
  it('finds the key of a tracker URL without backtracking, also in an 80 000-character URL', async () => {
    const { ticketKeyInUrl } = await import('@shared/tickets/tickets.ts')
    expect(ticketKeyInUrl('https://x.atlassian.net/browse/ENG-8504')).toBe('ENG-8504')
    expect(ticketKeyInUrl('https://x.atlassian.net/browse/ENG-8504/?focus=1#c')).toBe('ENG-8504')
    expect(ticketKeyInUrl('https://x.atlassian.net/issues?selectedIssue=ENG-12')).toBe('ENG-12')
    expect(ticketKeyInUrl('https://x.atlassian.net/browse/')).toBeNull()
    const huge = 'https://x/' + 'A'.repeat(80_000)
    // the old pattern backtracked quadratically here (seconds); now only the last segment is read
    expect(ticketKeyInUrl(huge)).toBeNull()
    expect(ticketKeyInUrl('https://x/' + 'A1'.repeat(40_000) + '/ENG-1')).toBe('ENG-1')
  })

  it('never makes a link of a non-web tracker base', async () => {
    const { ticketUrl } = await import('@shared/tickets/tickets.ts')
    expect(ticketUrl('ENG-1', 'https://x.atlassian.net/browse')).toBe('https://x.atlassian.net/browse/ENG-1')
    for (const base of ['javascript:alert(1)//', 'file:///etc/', 'data:text/html,', 'JaVaScRiPt:x', 'java\nscript:x', 'vbscript:x'])
      expect(ticketUrl('ENG-1', base)).toBeNull()
  })
})
