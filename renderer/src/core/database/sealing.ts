import { gcm } from '@noble/ciphers/aes.js'
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { base64urlnopad, utf8 } from '@scure/base'

/**
 * The storage key (issue 10 #19) and one secret string wrapped with it: `w1.` + base64url of a
 * fresh 12-byte nonce and AES-256-GCM over the string, with associated data naming where the
 * secret belongs (so a wrapped value cannot be moved to another row or field). Used by the
 * secrets middleware (secrets.ts, secretFields.ts).
 */

/** What a secret reads as when it cannot be opened (no storage key, or another one): never used. */
export const LOCKED = ''
const WRAPPED = 'w1.'

let storageKey: Uint8Array | null = null

/** Sets (or clears) the storage key; called once at start, before the database is read. */
export function setStorageKey(key: Uint8Array | null): void {
  if (key && key.length !== 32) throw new Error('a storage key is 32 bytes')
  storageKey = key
}

export function hasStorageKey(): boolean {
  return storageKey !== null
}

export function isWrapped(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(WRAPPED)
}

/** Only with a storage key (callers check `hasStorageKey()`). */
export function wrap(plain: string, aad: string): string {
  if (!storageKey) throw new Error('no storage key to wrap with')
  const nonce = randomBytes(12)
  const sealed = gcm(storageKey, nonce, utf8ToBytes(aad)).encrypt(utf8ToBytes(plain))
  const out = new Uint8Array(12 + sealed.length)
  out.set(nonce)
  out.set(sealed, 12)
  return WRAPPED + base64urlnopad.encode(out)
}

/** The plain string, or LOCKED when it cannot be opened (no key, another key, another place, damage). */
export function unwrap(value: string, aad: string): string {
  if (!storageKey) return LOCKED
  try {
    const bytes = base64urlnopad.decode(value.slice(WRAPPED.length))
    return utf8.encode(gcm(storageKey, bytes.subarray(0, 12), utf8ToBytes(aad)).decrypt(bytes.subarray(12)))
  } catch {
    return LOCKED
  }
}
