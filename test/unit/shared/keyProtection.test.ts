import { describe, expect, it } from 'vitest'
import { describeKeyProtection, NoKeyReason, type KeyProtection } from '../../../shared/storage/keyProtection.ts'

describe('what Settings says about the keys on this computer (shared/storage/keyProtection.ts)', () => {
  it('says plainly when the keychain protects them, and that a browser keeps them in its storage', () => {
    expect(describeKeyProtection({ state: 'protected', wrapped: 0 })).toMatchObject({ tone: 'ok', advice: null })
    expect(describeKeyProtection({ state: 'protected', wrapped: 0 }).status).toContain('keychain protects')
    const web = describeKeyProtection({ state: 'browser' })
    expect(web).toMatchObject({ tone: 'ok', advice: null })
    expect(web.status).toContain('browser’s storage')
  })

  it('Linux without a keyring: stored without the system’s protection, and install or unlock a keyring, then restart', () => {
    const text = describeKeyProtection({ state: 'unavailable', reason: 'no-keyring', detail: 'basic_text' })
    expect(text.tone).toBe('attention')
    expect(text.status).toContain('without the system’s protection')
    expect(text.advice).toMatch(/install or unlock a keyring \(GNOME Keyring or KWallet.*then restart Tandem/)
    const gone = describeKeyProtection({ state: 'failed', reason: 'no-keyring', detail: 'x' })
    expect(gone.status).toContain('cannot open the keys')
    expect(gone.advice).toContain('GNOME Keyring or KWallet')
  })

  it('every state and reason has a status, and advice whenever something needs doing', () => {
    const states: KeyProtection[] = [
      { state: 'browser' },
      { state: 'protected', wrapped: 2 },
      ...NoKeyReason.options.flatMap((reason) => [
        { state: 'unavailable' as const, reason, detail: 'd' },
        { state: 'failed' as const, reason, detail: 'd' }
      ]),
      { state: 'failed', reason: 'no-answer', detail: 'the channel closed' }
    ]
    for (const p of states) {
      const text = describeKeyProtection(p)
      expect(text.status.length).toBeGreaterThan(20)
      expect(`${text.status} ${text.advice}`).not.toMatch(/undefined/)
      if (text.tone === 'attention') expect(text.advice).toMatch(/restart Tandem/i)
    }
  })
})
