import { gcm } from '@noble/ciphers/aes.js'
import { scryptAsync } from '@noble/hashes/scrypt.js'
import { randomBytes } from '@noble/hashes/utils.js'
import { utf8 } from '@scure/base'

/**
 * Bytes sealed with a passphrase: scrypt (a memory-hard KDF, @noble/hashes) derives a 256-bit key,
 * AES-256-GCM (@noble/ciphers) encrypts and authenticates. A wrong passphrase and a damaged or
 * truncated file are told apart only as far as they can be: both fail the tag check.
 *
 *   "TANDEMSEAL" (10 bytes) · version 1 · log2 N · r · p · salt (16) · nonce (12) · ciphertext + tag (16)
 *
 * The header is the associated data, so a changed parameter fails the tag too. The KDF
 * parameters a file may ask for are bounded (log2 N 10..20, r 1..16, p 1..4): a hostile file
 * cannot make the reader spend gigabytes of memory.
 */
const MAGIC = utf8.decode('TANDEMSEAL')
const VERSION = 1
const SALT = 16
const NONCE = 12
const TAG = 16
export const SEAL_HEADER_BYTES = MAGIC.length + 4 + SALT + NONCE

export interface KdfParams {
  logN: number
  r: number
  p: number
}

/** Backups: about 32 MB and a fraction of a second per attempt. */
export const BACKUP_KDF: KdfParams = { logN: 15, r: 8, p: 1 }
/** A device code's passphrase is short, so each guess costs more (64 MB). */
export const DEVICE_KDF: KdfParams = { logN: 16, r: 8, p: 1 }

export type Opened = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'not-sealed' | 'damaged' | 'unsupported' | 'wrong-passphrase' }

export function isSealed(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return false
  return true
}

function validParams(p: KdfParams): boolean {
  return Number.isInteger(p.logN) && p.logN >= 10 && p.logN <= 20 && Number.isInteger(p.r) && p.r >= 1 && p.r <= 16 && Number.isInteger(p.p) && p.p >= 1 && p.p <= 4
}

async function deriveKey(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  // NFC: the same passphrase typed on another system gives the same bytes
  return scryptAsync(utf8.decode(passphrase.normalize('NFC')), salt, { N: 2 ** params.logN, r: params.r, p: params.p, dkLen: 32, maxmem: 2 ** 30 })
}

export async function seal(plain: Uint8Array, passphrase: string, params: KdfParams = BACKUP_KDF): Promise<Uint8Array> {
  if (!validParams(params)) throw new RangeError('unsupported KDF parameters')
  const salt = randomBytes(SALT)
  const nonce = randomBytes(NONCE)
  const header = new Uint8Array(SEAL_HEADER_BYTES)
  header.set(MAGIC, 0)
  header.set([VERSION, params.logN, params.r, params.p], MAGIC.length)
  header.set(salt, MAGIC.length + 4)
  header.set(nonce, MAGIC.length + 4 + SALT)
  const key = await deriveKey(passphrase, salt, params)
  const sealed = gcm(key, nonce, header).encrypt(plain)
  const out = new Uint8Array(header.length + sealed.length)
  out.set(header, 0)
  out.set(sealed, header.length)
  return out
}

/** Opens what `seal` wrote; never throws. */
export async function openSeal(bytes: Uint8Array, passphrase: string): Promise<Opened> {
  if (!isSealed(bytes)) return { ok: false, reason: 'not-sealed' }
  if (bytes.length < SEAL_HEADER_BYTES + TAG) return { ok: false, reason: 'damaged' }
  const at = MAGIC.length
  if (bytes[at] !== VERSION) return { ok: false, reason: 'unsupported' }
  const params: KdfParams = { logN: bytes[at + 1]!, r: bytes[at + 2]!, p: bytes[at + 3]! }
  if (!validParams(params)) return { ok: false, reason: 'damaged' }
  const header = bytes.subarray(0, SEAL_HEADER_BYTES)
  const salt = bytes.subarray(at + 4, at + 4 + SALT)
  const nonce = bytes.subarray(at + 4 + SALT, SEAL_HEADER_BYTES)
  try {
    const key = await deriveKey(passphrase, salt, params)
    return { ok: true, bytes: gcm(key, nonce, header).decrypt(bytes.subarray(SEAL_HEADER_BYTES)) }
  } catch {
    // the tag does not match: another passphrase, or bytes changed or lost on the way
    return { ok: false, reason: 'wrong-passphrase' }
  }
}
