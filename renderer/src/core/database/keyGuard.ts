import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie'

/**
 * A space's key is set once, when the space is created or first joined, and changes on this device
 * only by a rotation (remove member: core/spaces/rotation.ts, `isRotation` below); otherwise never:
 * an invite that names a space we already have with another key is someone impersonating it (the
 * key decides whose room our data goes to). This database middleware refuses every write
 * that would replace a stored key, whichever code path tries (update, put, modify, bulk).
 */
export class SpaceKeyChangeError extends Error {
  constructor(spaceId: string) {
    super(`Refused to change the key of space ${spaceId}: a space keeps the key it was created or joined with.`)
    this.name = 'SpaceKeyChangeError'
  }
}

const GUARDED_TABLE = 'spaces'

interface KeyedRow {
  id?: unknown
  key?: unknown
  keyEpoch?: unknown
  keyRecord?: unknown
}

const epochOf = (r: KeyedRow) => (typeof r.keyEpoch === 'number' ? r.keyEpoch : 0)

/**
 * The one change admitted: a rotation (core/spaces/rotation.ts) — a higher epoch, or the same
 * epoch from another rotation record: two members rotated at once, and the chain rule
 * (shared/spaces/rotation.ts `settleRotations`) picked the other's record over this device's own.
 * Never a lower epoch: a device whose own chain went further than the winner's rotates on top of it.
 */
function isRotation(before: KeyedRow, after: KeyedRow): boolean {
  const a = epochOf(after)
  const b = epochOf(before)
  return a > b || (a === b && a > 0 && typeof after.keyRecord === 'string' && after.keyRecord !== before.keyRecord)
}

/**
 * Resolves to the request when it changes no stored key. Dexie's own promises carry the
 * transaction's zone, so this chains on them (no async/await, which would lose it).
 */
function checked(table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateRequest> {
  if (req.type !== 'put') return Promise.resolve(req)
  const values = req.values as readonly KeyedRow[]
  const keys = req.keys ?? values.map((v) => v?.id)
  if (keys.length === 0) return Promise.resolve(req)
  return table.getMany({ trans: req.trans, keys }).then((existing: (KeyedRow | undefined)[]) => {
    existing.forEach((before, i) => {
      const after = values[i]
      if (before && typeof before.key === 'string' && after && after.key !== before.key && !isRotation(before, after)) {
        throw new SpaceKeyChangeError(String(before.id))
      }
    })
    return req
  })
}

export const spaceKeyGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'spaceKeyGuard',
  create: (down: DBCore) => ({
    ...down,
    table(name: string): DBCoreTable {
      const table = down.table(name)
      if (name !== GUARDED_TABLE) return table
      return {
        ...table,
        mutate: (req) => (req.type === 'put' ? checked(table, req).then(() => table.mutate(req)) : table.mutate(req))
      }
    }
  })
}
