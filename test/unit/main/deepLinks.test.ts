import { describe, expect, it, vi } from 'vitest'
import { DeepLinkInbox, findDeepLink } from '../../../electron/main/deepLinks.ts'

const LINK = 'tandem://join/tandem1.team.abc.def.ghi'

describe('findDeepLink', () => {
  it('finds the tandem:// argument among the others', () => {
    expect(findDeepLink(['/usr/bin/tandem', '--no-sandbox', LINK, '--flag'])).toBe(LINK)
  })

  it('matches the scheme case-insensitively', () => {
    expect(findDeepLink(['tandem', 'TANDEM://join/x'])).toBe('TANDEM://join/x')
  })

  it('returns null when there is none', () => {
    expect(findDeepLink(['/usr/bin/tandem', 'https://example.com', 'tandem:join', '--tandem://x'])).toBeNull()
    expect(findDeepLink([])).toBeNull()
  })
})

describe('DeepLinkInbox', () => {
  it('holds a link until it is taken, once', () => {
    const inbox = new DeepLinkInbox()
    inbox.receive(LINK)
    expect(inbox.take()).toBe(LINK)
    expect(inbox.take()).toBeNull()
  })

  it('keeps only the latest link received before the renderer is ready', () => {
    const inbox = new DeepLinkInbox()
    inbox.receive('tandem://join/first')
    inbox.receive('tandem://join/second')
    expect(inbox.take()).toBe('tandem://join/second')
  })

  it('delivers live once connected, without holding', () => {
    const inbox = new DeepLinkInbox()
    const deliver = vi.fn()
    inbox.connect(deliver)
    inbox.receive(LINK)
    expect(deliver).toHaveBeenCalledExactlyOnceWith(LINK)
    expect(inbox.take()).toBeNull()
  })

  it('holds again after disconnect', () => {
    const inbox = new DeepLinkInbox()
    const deliver = vi.fn()
    inbox.connect(deliver)
    inbox.disconnect()
    inbox.receive(LINK)
    expect(deliver).not.toHaveBeenCalled()
    expect(inbox.take()).toBe(LINK)
  })

  it('ignores links of other schemes and overlong links', () => {
    const inbox = new DeepLinkInbox()
    const deliver = vi.fn()
    inbox.receive('https://evil.example/tandem://join/x')
    inbox.receive('file:///etc/passwd')
    inbox.receive('tandem://join/' + 'a'.repeat(8192))
    expect(inbox.take()).toBeNull()
    inbox.connect(deliver)
    inbox.receive('javascript:alert(1)')
    inbox.receive('tandem://join/' + 'a'.repeat(8192))
    expect(deliver).not.toHaveBeenCalled()
    const longest = 'tandem://join/' + 'a'.repeat(8192 - 'tandem://join/'.length)
    inbox.receive(longest)
    expect(deliver).toHaveBeenCalledExactlyOnceWith(longest)
  })
})
