import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie'
import { hasStorageKey } from './sealing.ts'
import { SECRET_FIELDS, type Row, type SecretField } from './secretFields.ts'

export { hasStorageKey, isWrapped, LOCKED, setStorageKey } from './sealing.ts'

/**
 * Secrets at rest (issue 10 #19). In the desktop app, main keeps a storage key under Electron's
 * safeStorage (electron/main/storageKey.ts) and hands it to this page at start; this database
 * middleware then keeps every secret the database holds wrapped with it (sealing.ts: AES-256-GCM,
 * a fresh nonce per write, where the secret belongs as associated data so a wrapped value cannot be
 * moved to another row): space keys and the beacon keys of keys a space rotated away from, this
 * device's box key, the signing key, and the usernames and credentials of TURN servers, this
 * device's and those that came with a space's invite (which fields: secretFields.ts). It sits
 * right on IndexedDB (below Dexie's cache and observability and below the key guard), so
 * everything above it — the app, the key guard, live queries — sees plain
 * values, and only IndexedDB holds wrapped ones. Rows written before (plain) read as they are and
 * are wrapped by `wrapStoredSecrets` (unlock.ts) on the first desktop start.
 *
 * Without a storage key (web mode, or a desktop whose system offers no protection) nothing is
 * wrapped: the browser profile is all that protects the keys. A wrapped value that cannot be
 * opened (the storage key is not available: the keyring was reset, the profile was copied to
 * another machine) is locked: a key reads as LOCKED (''), which the sync manager never uses, and a
 * TURN server is left out of what the app reads; writing the row back keeps the stored wrapped
 * values, so nothing is lost if the key comes back.
 */

/** ids of rows read with a plain secret while a storage key was set: `wrapStoredSecrets` wraps them */
const plainSeen = new Map<string, Set<unknown>>()

function opened(table: string, fields: readonly SecretField[], row: unknown, primaryKey: unknown): unknown {
  if (!row || typeof row !== 'object') return row
  const plain = () => {
    if (hasStorageKey()) (plainSeen.get(table) ?? plainSeen.set(table, new Set()).get(table)!).add(primaryKey)
  }
  return fields.reduce((r, field) => field.open(r, plain), row as Row)
}

function keyOf(table: DBCoreTable, row: unknown): unknown {
  const path = table.schema.primaryKey.keyPath
  return typeof path === 'string' ? (row as Row)[path] : undefined
}

/** The request with every secret wrapped (keeping, from the stored rows, what cannot be opened now). */
function sealedRequest(table: DBCoreTable, fields: readonly SecretField[], req: DBCoreMutateRequest): Promise<DBCoreMutateRequest> {
  if (req.type !== 'put' && req.type !== 'add') return Promise.resolve(req)
  const values = req.values as readonly (Row | undefined)[]
  const sealAll = (stored: readonly (Row | undefined)[]): DBCoreMutateRequest => {
    const next = values.map((v, i) => (v && typeof v === 'object' ? fields.reduce((r, field) => field.seal(r, stored[i]), v) : v))
    return { ...req, values: next } as DBCoreMutateRequest
  }
  if (!values.some((v) => v && typeof v === 'object' && fields.some((f) => f.needsStored(v)))) return Promise.resolve(sealAll([]))
  const keys = req.keys ?? values.map((v) => keyOf(table, v))
  // Dexie's own promise keeps the transaction alive (no await: it would lose the zone)
  return table.getMany({ trans: req.trans, keys }).then((stored: (Row | undefined)[]) => sealAll(stored))
}

function openedCursor(name: string, fields: readonly SecretField[], cursor: DBCoreCursor | null): DBCoreCursor | null {
  if (!cursor) return cursor
  return Object.create(cursor, {
    value: { get: () => opened(name, fields, cursor.value, cursor.primaryKey) }
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
      const rule = SECRET_FIELDS[name]
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
