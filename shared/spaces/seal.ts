import { gcm } from '@noble/ciphers/aes.js'
import { x25519 } from '@noble/curves/ed25519.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { base64urlnopad, utf8 } from '@scure/base'

/**
 * A sealed box: text sealed to one device's X25519 public key so that only that device can open
 * it, written into a document everyone in a space can read (an answered join request in the org's
 * document). A fresh ephemeral key pair per box; HKDF-SHA-256 over the shared secret and both
 * public keys gives an AES-256-GCM key; `context` (what the box is for, e.g. the request's id) is
 * the associated data, so a box cannot be moved to another request.
 *
 *   box = 'sb1.' + base64url(ephemeral public key (32) ‖ nonce (12) ‖ ciphertext+tag)
 *
 * It does not say who sealed it: whoever can write the document can write a box. Who may answer
 * is decided by who can write where (a team member answers a request for their team).
 */
const PREFIX = 'sb1.'
const INFO = utf8ToBytes('tandem/sealed-box/v1')
/** Bounds what is read from a peer: a box carries an invite (a few hundred characters). */
export const MAX_BOX_LENGTH = 4_000
export const BOX_PUBLIC_KEY_LENGTH = 43

export interface BoxKeyPair {
  /** base64url, 32 bytes */
  publicKey: string
  /** base64url, 32 bytes: never leaves this device */
  secretKey: string
}

export function newBoxKeyPair(): BoxKeyPair {
  const secret = x25519.utils.randomSecretKey()
  return { publicKey: base64urlnopad.encode(x25519.getPublicKey(secret)), secretKey: base64urlnopad.encode(secret) }
}

export function isBoxPublicKey(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== BOX_PUBLIC_KEY_LENGTH) return false
  try {
    return base64urlnopad.decode(value).length === 32
  } catch {
    return false
  }
}

function keyFor(shared: Uint8Array, ephemeral: Uint8Array, recipient: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeral, recipient), INFO, 32)
}

/** Seals `text` to the holder of `recipientPublicKey`. */
export function sealTo(recipientPublicKey: string, text: string, context: string): string {
  if (!isBoxPublicKey(recipientPublicKey)) throw new Error('not a public key')
  const recipient = base64urlnopad.decode(recipientPublicKey)
  const ephemeralSecret = x25519.utils.randomSecretKey()
  const ephemeral = x25519.getPublicKey(ephemeralSecret)
  const key = keyFor(x25519.getSharedSecret(ephemeralSecret, recipient), ephemeral, recipient)
  const nonce = randomBytes(12)
  const sealed = gcm(key, nonce, utf8ToBytes(context)).encrypt(utf8ToBytes(text))
  return PREFIX + base64urlnopad.encode(concatBytes(ephemeral, nonce, sealed))
}

/** Opens a box sealed to this key pair; null when it is not one, is damaged, or is for someone else. */
export function openBox(keys: BoxKeyPair, box: unknown, context: string): string | null {
  if (typeof box !== 'string' || !box.startsWith(PREFIX) || box.length > MAX_BOX_LENGTH) return null
  try {
    const bytes = base64urlnopad.decode(box.slice(PREFIX.length))
    if (bytes.length < 32 + 12 + 16) return null
    const ephemeral = bytes.subarray(0, 32)
    const nonce = bytes.subarray(32, 44)
    const secret = base64urlnopad.decode(keys.secretKey)
    const recipient = base64urlnopad.decode(keys.publicKey)
    const key = keyFor(x25519.getSharedSecret(secret, ephemeral), ephemeral, recipient)
    return utf8.encode(gcm(key, nonce, utf8ToBytes(context)).decrypt(bytes.subarray(44)))
  } catch {
    return null
  }
}
