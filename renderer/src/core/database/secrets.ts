import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie'
import { gcm } from '@noble/ciphers/aes.js'
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { base64urlnopad, utf8 } from '@scure/base'

/**
 * Secrets at rest (issue 10 #19). In the desktop app, main keeps a storage key under Electron's
 * safeStorage (electron/main/storageKey.ts) and hands it to this page at start; this database
 * middleware then keeps every secret the database holds wrapped with it (AES-256-GCM, a fresh
 * nonce per write, the row's id as associated data so a wrapped value cannot be moved to another
 * row):
 *   spaces.key                       each space's key
 *   settings['boxKeyPair'].secretKey this device's box key (core/spaces/boxKeys.ts)
 *   identity.secretKey               this person's signing key (issue 10 #15), where present
 * It sits right on IndexedDB (below Dexie's cache and observability and below the key guard), so
 * everything above it — the app, the key guard, live queries — sees plain values, and only
 * IndexedDB holds wrapped ones. Rows written before (plain) read as they are and are wrapped by
 * `wrapStoredSecrets` on the first desktop start.
 *
 * Without a storage key (web mode, or a desktop whose system offers no protection) nothing is
 * wrapped: the browser profile is all that protects the keys. A wrapped value that cannot be
 * opened (the storage key is not available: the keyring was reset, the profile was copied to
 * another machine) reads as LOCKED (''), which the sync manager never uses; writing a row back
 * with a LOCKED key keeps the stored wrapped value, so nothing is lost if the key comes back.
 */
export const LOCKED = ''
const WRAPPED = 'w1.'
const SPACE_AAD = 'tandem/space-key/v1\u0000'
const BOX_AAD = 'tandem/box-key/v1'
const BOX_SETTING = 'boxKeyPair'
const IDENTITY_AAD = 'tandem/identity-key/v1'

let storageKey: Uint8Array | null = null

/** Sets (or clears) the storage key; called once at start, before the database is read. */
export function setStorageKey(key: Uint8Array | null): void {
  if (key && key.length !== 32) throw new Error('a storage key is 32 bytes')
  storageKey = key
}

export function hasStorageKey(): boolean {
  return storageKey !== null
}

export function isWrapped(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(WRAPPED)
}

function wrap(plain: string, aad: string): string {
  const nonce = randomBytes(12)
  const sealed = gcm(storageKey!, nonce, utf8ToBytes(aad)).encrypt(utf8ToBytes(plain))
  const out = new Uint8Array(12 + sealed.length)
  out.set(nonce)
  out.set(sealed, 12)
  return WRAPPED + base64urlnopad.encode(out)
}

function unwrap(value: string, aad: string): string {
  if (!storageKey) return LOCKED
  try {
    const bytes = base64urlnopad.decode(value.slice(WRAPPED.length))
    return utf8.encode(gcm(storageKey, bytes.subarray(0, 12), utf8ToBytes(aad)).decrypt(bytes.subarray(12)))
  } catch {
    return LOCKED
  }
}

interface Rule {
  /** the wrapped string in a stored row, or undefined when this row holds none */
  get(row: Record<string, unknown>): unknown
  /** a copy of the row with `value` in place of the secret */
  with(row: Record<string, unknown>, value: string): Record<string, unknown>
  aad(row: Record<string, unknown>): string
}

const RULES: Record<string, Rule> = {
  spaces: {
    get: (row) => row.key,
    with: (row, value) => ({ ...row, key: value }),
    aad: (row) => SPACE_AAD + String(row.id)
  },
  settings: {
    get: (row) => (row.key === BOX_SETTING ? (row.value as Record<string, unknown> | null)?.secretKey : undefined),
    with: (row, value) => ({ ...row, value: { ...(row.value as Record<string, unknown>), secretKey: value } }),
    aad: () => BOX_AAD
  },
  identity: {
    get: (row) => row.secretKey,
    with: (row, value) => ({ ...row, secretKey: value }),
    aad: () => IDENTITY_AAD
  }
}

/** ids of rows read with a plain secret while a storage key was set: `wrapStoredSecrets` wraps them */
const plainSeen = new Map<string, Set<unknown>>()

function opened(table: string, rule: Rule, row: unknown, primaryKey: unknown): unknown {
  if (!row || typeof row !== 'object') return row
  const r = row as Record<string, unknown>
  const secret = rule.get(r)
  if (typeof secret !== 'string') return row
  if (!isWrapped(secret)) {
    if (storageKey && secret !== LOCKED) (plainSeen.get(table) ?? plainSeen.set(table, new Set()).get(table)!).add(primaryKey)
    return row
  }
  return rule.with(r, unwrap(secret, rule.aad(r)))
}

function keyOf(table: DBCoreTable, row: unknown): unknown {
  const path = table.schema.primaryKey.keyPath
  return typeof path === 'string' ? (row as Record<string, unknown>)[path] : undefined
}

/** The request with every secret wrapped (a LOCKED one keeps what is stored). */
function sealedRequest(table: DBCoreTable, rule: Rule, req: DBCoreMutateRequest): Promise<DBCoreMutateRequest> {
  if (req.type !== 'put' && req.type !== 'add') return Promise.resolve(req)
  const values = req.values as readonly Record<string, unknown>[]
  const locked = values.map((v, i) => (v && rule.get(v) === LOCKED ? i : -1)).filter((i) => i >= 0)
  const wrapAll = (stored: (Record<string, unknown> | undefined)[]): DBCoreMutateRequest => {
    const next = values.map((v, i) => {
      if (!v) return v
      const secret = rule.get(v)
      if (typeof secret !== 'string') return v
      if (secret === LOCKED) {
        const before = stored[i] ? rule.get(stored[i]) : undefined
        return typeof before === 'string' ? rule.with(v, before) : v
      }
      if (!storageKey || isWrapped(secret)) return v
      return rule.with(v, wrap(secret, rule.aad(v)))
    })
    return { ...req, values: next } as DBCoreMutateRequest
  }
  if (locked.length === 0) return Promise.resolve(wrapAll([]))
  const keys = req.keys ?? values.map((v) => keyOf(table, v))
  // Dexie's own promise keeps the transaction alive (no await: it would lose the zone)
  return table.getMany({ trans: req.trans, keys }).then((stored: (Record<string, unknown> | undefined)[]) => wrapAll(stored))
}

function openedCursor(name: string, rule: Rule, cursor: DBCoreCursor | null): DBCoreCursor | null {
  if (!cursor) return cursor
  return Object.create(cursor, {
    value: { get: () => opened(name, rule, cursor.value, cursor.primaryKey) }
  }) as DBCoreCursor
}

export const secretsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tandemSecrets',
  // right on IndexedDB: below Dexie's cache (0), observability (-1) and the key guard (10)
  level: -10,
  create: (down: DBCore) => ({
    ...down,
    table(name: string): DBCoreTable {
      const table = down.table(name)
      const rule = RULES[name]
      if (!rule) return table
      return {
        ...table,
        mutate: (req) => sealedRequest(table, rule, req).then((r) => table.mutate(r)),
        get: (req) => table.get(req).then((row: unknown) => opened(name, rule, row, req.key)),
        getMany: (req) => table.getMany(req).then((rows: unknown[]) => rows.map((row, i) => opened(name, rule, row, req.keys[i]))),
        query: (req) =>
          table.query(req).then((res) =>
            req.values === false ? res : { ...res, result: res.result.map((row: unknown) => opened(name, rule, row, keyOf(table, row))) }
          ),
        openCursor: (req) => table.openCursor(req).then((cursor) => (req.values === false ? cursor : openedCursor(name, rule, cursor)))
      }
    }
  })
}

/** The rows read with a plain secret since the storage key was set (for the migration and its test). */
export function plainSecretsSeen(table: 'spaces' | 'settings' | 'identity'): unknown[] {
  return [...(plainSeen.get(table) ?? [])]
}

export function forgetPlainSeen(): void {
  plainSeen.clear()
}
