import { randomBytes } from '@noble/hashes/utils.js'
import { base64urlnopad, utf8 } from '@scure/base'
import { z } from 'zod'
import { SpaceKind } from '../spaces/space.ts'
import { isSpaceKey } from '../spaces/key.ts'
import { DEVICE_KDF, openSeal, seal } from './seal.ts'

/**
 * "Add my other device": one code that carries who I am (my member id, name and colour) and every
 * space I have (id, kind, name, key), sealed with a short one-time passphrase that the first device
 * shows and the person types on the second (never in the code, the link or the QR code).
 *
 * Code:  tandem-device1.<sealed bytes, base64url>
 * Link:  tandem://device/<code>   or, in web mode, <page>#/device/<code> (a fragment never reaches a server)
 *
 * The passphrase is 10 characters of Crockford's base32 (50 bits), shown as XXXXX-XXXXX; scrypt
 * with 64 MB per guess (DEVICE_KDF) makes guessing it from a copied code slow. A code is good
 * for 30 minutes by the first device's clock (plus 10 minutes for another clock); the passphrase
 * is new each time.
 */
export const DEVICE_CODE_PREFIX = 'tandem-device1'
export const DEVICE_LINK_PREFIX = 'tandem://device/'
export const DEVICE_CODE_TTL_MS = 30 * 60_000
const CLOCK_SLACK_MS = 10 * 60_000
const MAX_CODE_LENGTH = 200_000
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export interface DeviceTransfer {
  /** the person, with their secret key (shared/identity/signing.ts) when they have one */
  identity: { id: string; name: string; color: string; secretKey?: string | undefined }
  /** `rekey`: the rotation the key came from (as invites carry it), so the new device follows the next ones */
  spaces: { id: string; kind: SpaceKind; name: string; key: string; status: 'active' | 'left'; rekey?: { record: string; epoch: number } | undefined }[]
  createdAt: number
}

const Transfer = z.object({
  identity: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), name: z.string().min(1).max(100), color: z.string().max(40), secretKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional() }),
  spaces: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
        kind: SpaceKind,
        name: z.string().min(1).max(200),
        key: z.string().refine(isSpaceKey),
        status: z.enum(['active', 'left']),
        rekey: z.object({ record: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), epoch: z.number().int().min(1).max(1_000_000) }).optional()
      })
    )
    .max(1000),
  createdAt: z.number().finite()
})

export class DeviceCodeError extends Error {
  override name = 'DeviceCodeError'
}

/** A fresh passphrase, e.g. "K7QM2-XD9PA". */
export function newDevicePassphrase(): string {
  const bytes = randomBytes(10)
  let out = ''
  for (const b of bytes) out += ALPHABET[b & 31]
  return `${out.slice(0, 5)}-${out.slice(5)}`
}

/** What the person typed → the passphrase as generated (case, spaces, dashes, O/0 and I/L/1 forgiven). */
export function normalizePassphrase(typed: string): string {
  const clean = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return clean.length === 10 ? `${clean.slice(0, 5)}-${clean.slice(5)}` : clean
}

export async function encodeDeviceCode(transfer: DeviceTransfer, passphrase: string): Promise<string> {
  const sealed = await seal(utf8.decode(JSON.stringify(transfer)), normalizePassphrase(passphrase), DEVICE_KDF)
  return `${DEVICE_CODE_PREFIX}.${base64urlnopad.encode(sealed)}`
}

export function deviceLink(code: string, pageUrl: string | null): string {
  if (pageUrl === null) return DEVICE_LINK_PREFIX + code
  return `${pageUrl.split('#')[0] ?? pageUrl}#/device/${code}`
}

/** The code inside whatever was pasted: a code, a tandem:// link or a web link. */
export function extractDeviceCode(input: string): string {
  const text = input.trim().replace(/^<|>$/g, '')
  const at = text.lastIndexOf(DEVICE_CODE_PREFIX + '.')
  if (at < 0) {
    if (!text) throw new DeviceCodeError('Paste the code or link from your other device.')
    throw new DeviceCodeError('This is not a code from "Add my other device": it starts with "tandem-device1.".')
  }
  return text.slice(at).replace(/\s+/g, '')
}

/** Checks the code's shape before the slow passphrase check; never throws. */
export function checkDeviceCode(input: string): { ok: true; code: string } | { ok: false; error: string } {
  try {
    const code = extractDeviceCode(input)
    if (code.length > MAX_CODE_LENGTH) return { ok: false, error: 'This is too long to be a device code; copy it again.' }
    const body = code.slice(DEVICE_CODE_PREFIX.length + 1)
    if (!/^[A-Za-z0-9_-]+$/.test(body)) return { ok: false, error: 'This device code is damaged: copy the whole code again.' }
    return { ok: true, code }
  } catch (e) {
    return { ok: false, error: e instanceof DeviceCodeError ? e.message : 'This device code cannot be read.' }
  }
}

/** Opens a code with the passphrase; never throws. */
export async function decodeDeviceCode(input: string, passphrase: string, now: number): Promise<{ ok: true; transfer: DeviceTransfer } | { ok: false; error: string }> {
  const checked = checkDeviceCode(input)
  if (!checked.ok) return checked
  let sealed: Uint8Array
  try {
    sealed = base64urlnopad.decode(checked.code.slice(DEVICE_CODE_PREFIX.length + 1))
  } catch {
    return { ok: false, error: 'This device code is damaged: copy the whole code again.' }
  }
  const opened = await openSeal(sealed, normalizePassphrase(passphrase))
  if (!opened.ok) {
    return {
      ok: false,
      error:
        opened.reason === 'wrong-passphrase'
          ? 'The passphrase does not open this code. Check the 10 characters your other device shows (or that the whole code was copied).'
          : 'This device code is damaged: copy the whole code again.'
    }
  }
  let json: unknown
  try {
    json = JSON.parse(utf8.encode(opened.bytes))
  } catch {
    return { ok: false, error: 'This device code is damaged: copy the whole code again.' }
  }
  const parsed = Transfer.safeParse(json)
  if (!parsed.success) return { ok: false, error: 'This device code was made by another version of Tandem and cannot be read here.' }
  const age = now - parsed.data.createdAt
  if (age > DEVICE_CODE_TTL_MS + CLOCK_SLACK_MS) return { ok: false, error: 'This code has expired (a code is good for 30 minutes). Make a new one on your other device.' }
  return { ok: true, transfer: parsed.data }
}
