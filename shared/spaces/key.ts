import { randomBytes } from '@noble/hashes/utils.js'
import { base64urlnopad } from '@scure/base'

/** A space key is 256 random bits, written as 43 base64url characters. */
export const SPACE_KEY_BYTES = 32
export const SPACE_KEY_LENGTH = 43

export function newSpaceKey(): string {
  return base64urlnopad.encode(randomBytes(SPACE_KEY_BYTES))
}

export function isSpaceKey(key: string): boolean {
  if (key.length !== SPACE_KEY_LENGTH) return false
  try {
    return base64urlnopad.decode(key).length === SPACE_KEY_BYTES
  } catch {
    return false
  }
}

/** Ids are 128 random bits in base64url: unguessable, URL-safe, short. */
export function newId(): string {
  return base64urlnopad.encode(randomBytes(16))
}
