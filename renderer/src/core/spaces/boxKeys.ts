import { newBoxKeyPair, isBoxPublicKey, type BoxKeyPair } from '@shared/spaces/seal.ts'
import { db } from '../database/db.ts'

/**
 * This device's box key pair (X25519, shared/spaces/seal.ts): what others seal to when only this
 * device may read it (the answer to its request to join a team). Made on first use and kept in
 * the local settings table; the secret half never leaves the device (in the desktop app it is
 * stored wrapped like the space keys, core/database/secrets.ts).
 */
const SETTING = 'boxKeyPair'

let pending: Promise<BoxKeyPair> | null = null

function isPair(v: unknown): v is BoxKeyPair {
  const p = v as Partial<BoxKeyPair> | null
  return !!p && isBoxPublicKey(p.publicKey) && typeof p.secretKey === 'string' && p.secretKey.length === 43
}

export function myBoxKeys(): Promise<BoxKeyPair> {
  pending ??= db()
    .transaction('rw', db().settings, async () => {
      const row = await db().settings.get(SETTING)
      if (row && isPair(row.value)) return row.value
      const pair = newBoxKeyPair()
      await db().settings.put({ key: SETTING, value: pair })
      return pair
    })
    .finally(() => {
      pending = null
    })
  return pending
}
