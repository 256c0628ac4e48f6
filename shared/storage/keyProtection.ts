import { z } from 'zod'

/**
 * How this device's stored secrets are protected (issue 10 #19): the space keys, this device's
 * box key, the signing key and TURN credentials, kept wrapped with the desktop's storage key
 * (electron/main/storageKey.ts, renderer core/database/secrets.ts), and what Settings says about it.
 *
 * Why main has no storage key to give:
 *   no-keyring        Linux with no usable keyring: Electron's safeStorage falls back to its
 *                     'basic_text' backend (a fixed password, no protection), or offers no
 *                     encryption at all — install or unlock one, then restart
 *   no-encryption     macOS or Windows offered no encrypted storage
 *   keychain-refused  the keychain did not give back what it stored (checked before first use)
 *   cannot-open       a stored key could not be decrypted (another keychain, a reset keyring, damage)
 */
export const NoKeyReason = z.enum(['no-keyring', 'no-encryption', 'keychain-refused', 'cannot-open'])
export type NoKeyReason = z.infer<typeof NoKeyReason>

export type KeyProtection =
  /** web mode: the browser's storage, nothing more */
  | { state: 'browser' }
  | { state: 'protected'; wrapped: number }
  /** the system cannot protect a key: secrets are stored as they are */
  | { state: 'unavailable'; reason: NoKeyReason; detail: string }
  /** a stored key cannot be opened: wrapped secrets are locked (kept, not used) */
  | { state: 'failed'; reason: NoKeyReason | 'no-answer'; detail: string }

export interface KeyProtectionText {
  /** 'ok' said plainly; 'attention' shown as a note that asks for something */
  tone: 'ok' | 'attention'
  /** what is the case */
  status: string
  /** what to do about it, if anything */
  advice: string | null
}

const KEYRING = 'install or unlock a keyring (GNOME Keyring or KWallet, whichever your desktop uses), then restart Tandem'
const UNTIL_THEN = 'Your spaces stay on this computer but do not sync until then.'

/** Settings' sentences for each state (calm: what is the case, then what to do). */
export function describeKeyProtection(p: KeyProtection): KeyProtectionText {
  switch (p.state) {
    case 'browser':
      return {
        tone: 'ok',
        status: 'Tandem keeps your keys in this browser’s storage. Anyone who can use this browser profile can read them.',
        advice: null
      }
    case 'protected':
      return {
        tone: 'ok',
        status: 'Your keys are stored wrapped with a key your system’s keychain protects: a copy of Tandem’s data alone does not reveal them.',
        advice: null
      }
    case 'unavailable': {
      const status = 'Your keys are stored on this computer without the system’s protection: anyone who can read your files can read them.'
      if (p.reason === 'no-keyring') return { tone: 'attention', status, advice: `No keyring was available when Tandem started. To protect them, ${KEYRING}; Tandem then wraps them on its next start.` }
      if (p.reason === 'keychain-refused') return { tone: 'attention', status, advice: 'The system keychain did not give back what Tandem stored in it. Unlock it (or repair it), then restart Tandem.' }
      return { tone: 'attention', status, advice: 'The system offered Tandem no encrypted storage. Sign in to your own user account, make sure its keychain is unlocked, then restart Tandem.' }
    }
    case 'failed':
      if (p.reason === 'no-keyring') {
        return { tone: 'attention', status: 'Tandem cannot open the keys it stored: the keyring that protects them is not available now.', advice: `To open them, ${KEYRING}. ${UNTIL_THEN}` }
      }
      if (p.reason === 'no-answer') {
        return { tone: 'attention', status: `Tandem could not ask for the key that opens your stored keys (${p.detail}).`, advice: `Restart Tandem. ${UNTIL_THEN}` }
      }
      return {
        tone: 'attention',
        status: 'Tandem cannot open the keys it stored: the system keychain does not open them (it was reset, or this data came from another computer or user account).',
        advice: `Unlock the keychain you used before and restart Tandem; otherwise join your spaces again with new invites, or restore a backup. ${UNTIL_THEN}`
      }
  }
}
