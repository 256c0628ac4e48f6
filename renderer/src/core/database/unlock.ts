import { base64urlnopad } from '@scure/base'
import { db } from './db.ts'
import type { KeyProtection, NoKeyReason } from '@shared/storage/keyProtection.ts'
import { forgetPlainSeen, plainSecretsSeen, setStorageKey } from './secrets.ts'

/** What main said about the storage key (shared/ipc/contract.ts, 'storage:key'). */
export type StorageKeyAnswer = { state: 'protected'; key: string } | { state: 'unavailable' | 'failed'; key: null; reason: NoKeyReason; detail: string }

/** How this device's secrets are kept, for Settings (features/settings/KeyProtection.tsx) and the start-up warning. */
export type SecretsProtection = KeyProtection

let protection: SecretsProtection = { state: 'browser' }

export function secretsProtection(): SecretsProtection {
  return protection
}

/**
 * At start, before anything reads the database: asks main for the storage key (desktop), sets it
 * for the secrets middleware and wraps every secret still stored plain (the first desktop start
 * after an update). Web mode (`ask` null) wraps nothing: the browser profile is all that protects
 * the keys. Never throws: without a key the app runs as before.
 */
export async function unlockStoredSecrets(ask: (() => Promise<StorageKeyAnswer>) | null): Promise<SecretsProtection> {
  if (!ask) return (protection = { state: 'browser' })
  let answer: StorageKeyAnswer
  try {
    answer = await ask()
  } catch (err) {
    setStorageKey(null)
    return (protection = { state: 'failed', reason: 'no-answer', detail: `main did not answer: ${(err as Error).message}` })
  }
  if (answer.state !== 'protected') {
    setStorageKey(null)
    return (protection = { state: answer.state, reason: answer.reason, detail: answer.detail })
  }
  setStorageKey(base64urlnopad.decode(answer.key))
  const wrapped = await wrapStoredSecrets()
  return (protection = { state: 'protected', wrapped })
}

/** Writes back every row whose secret is stored plain, so that it is stored wrapped. Returns how many. */
export async function wrapStoredSecrets(): Promise<number> {
  return db().transaction('rw', db().spaces, db().settings, db().identity, async () => {
    forgetPlainSeen()
    await db().spaces.toArray()
    await db().settings.toArray()
    await db().identity.toArray()
    const spaces = plainSecretsSeen('spaces') as string[]
    const settings = plainSecretsSeen('settings') as string[]
    const identity = plainSecretsSeen('identity') as 'me'[]
    forgetPlainSeen()
    // modify() writes each row back through the middleware, which wraps it (the key itself is unchanged)
    if (spaces.length) await db().spaces.where('id').anyOf(spaces).modify(() => {})
    for (const key of settings) {
      const row = await db().settings.get(key)
      if (row) await db().settings.put(row)
    }
    for (const id of identity) {
      const row = await db().identity.get(id)
      if (row) await db().identity.put(row)
    }
    return spaces.length + settings.length + identity.length
  })
}
