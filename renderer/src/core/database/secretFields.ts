import { hasStorageKey, isWrapped, LOCKED, unwrap, wrap } from './sealing.ts'

/**
 * Where the database's secrets sit in its rows (issue 10 #19), and how each is opened for the app
 * and wrapped for IndexedDB (the middleware that applies these: secrets.ts).
 *   spaces.key                        each space's key
 *   spaces.turn[].username/credential the TURN servers a space's invite brought
 *   spaces.formerKeys[].beacon        beacon keys of the keys a space rotated away from (core/spaces/rotation.ts)
 *   settings['boxKeyPair'].secretKey  this device's box key (core/spaces/boxKeys.ts)
 *   settings['turnServers'][].username/credential  this device's TURN servers
 *   identity.secretKey                this person's signing key (issue 10 #15), where present
 */
export type Row = Record<string, unknown>

export interface SecretField {
  /** the row with its secret opened; calls `plain()` when it finds one stored plain */
  open(row: Row, plain: () => void): Row
  /** whether sealing this row needs the row as stored (to keep what cannot be opened now) */
  needsStored(row: Row): boolean
  /** the row with its secret wrapped (with a storage key), keeping from `stored` what cannot be opened now */
  seal(row: Row, stored: Row | undefined): Row
}

/**
 * One secret string in a row. Unopenable, it reads as LOCKED (''), which nothing uses; a row
 * written back with LOCKED keeps the stored wrapped value.
 */
function oneSecret(get: (row: Row) => unknown, put: (row: Row, value: string) => Row, aad: (row: Row) => string): SecretField {
  return {
    open(row, plain) {
      const secret = get(row)
      if (typeof secret !== 'string') return row
      if (isWrapped(secret)) return put(row, unwrap(secret, aad(row)))
      if (secret !== LOCKED) plain()
      return row
    },
    needsStored: (row) => get(row) === LOCKED,
    seal(row, stored) {
      const secret = get(row)
      if (typeof secret !== 'string') return row
      if (secret === LOCKED) {
        const before = stored ? get(stored) : undefined
        return typeof before === 'string' ? put(row, before) : row
      }
      return hasStorageKey() && !isWrapped(secret) ? put(row, wrap(secret, aad(row))) : row
    }
  }
}

type Entry = Row & { url: string; username: string; credential: string }

function isTurnEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false
  const e = value as Row
  return typeof e.url === 'string' && typeof e.username === 'string' && typeof e.credential === 'string'
}

/**
 * A list of TURN servers: each entry's username and credential wrapped apart, the address (plain)
 * and the list's place in their associated data. An entry that cannot be opened is left out of
 * what the app reads (so it is neither used nor shown) and kept in storage: every write of the
 * list keeps, after the app's entries, the stored ones that cannot be opened now, so they come
 * back with the storage key. Removing the list itself (no list in the row) removes them.
 */
function turnList(get: (row: Row) => unknown, put: (row: Row, list: unknown[]) => Row, where: (row: Row) => string): SecretField {
  const aad = (row: Row, e: Entry, field: 'username' | 'credential') => `tandem/turn/v1\u0000${where(row)}\u0000${e.url}\u0000${field}`
  const opened = (row: Row, e: Entry): Entry | null => {
    const username = isWrapped(e.username) ? unwrap(e.username, aad(row, e, 'username')) : e.username
    const credential = isWrapped(e.credential) ? unwrap(e.credential, aad(row, e, 'credential')) : e.credential
    return username === LOCKED || credential === LOCKED ? null : { ...e, username, credential }
  }
  return {
    open(row, plain) {
      const list = get(row)
      if (!Array.isArray(list)) return row
      let changed = false
      const out: unknown[] = []
      for (const e of list) {
        if (!isTurnEntry(e) || (!isWrapped(e.username) && !isWrapped(e.credential))) {
          if (isTurnEntry(e) && (e.username || e.credential)) plain()
          out.push(e)
          continue
        }
        changed = true
        const open = opened(row, e)
        if (open) out.push(open)
      }
      return changed ? put(row, out) : row
    },
    needsStored: (row) => Array.isArray(get(row)),
    seal(row, stored) {
      const list = get(row)
      if (!Array.isArray(list)) return row
      const out = list.map((e: unknown) => {
        if (!isTurnEntry(e) || !hasStorageKey() || e.username === LOCKED || e.credential === LOCKED) return e
        return {
          ...e,
          username: isWrapped(e.username) ? e.username : wrap(e.username, aad(row, e, 'username')),
          credential: isWrapped(e.credential) ? e.credential : wrap(e.credential, aad(row, e, 'credential'))
        }
      })
      const before = stored ? get(stored) : undefined
      if (Array.isArray(before)) {
        for (const e of before) {
          const locked = isTurnEntry(e) && (isWrapped(e.username) || isWrapped(e.credential)) && opened(stored!, e) === null
          if (locked && !out.some((o) => isTurnEntry(o) && o.username === e.username && o.credential === e.credential)) out.push(e)
        }
      }
      return put(row, out)
    }
  }
}

type Former = Row & { record: string; beacon: string }

const isFormer = (value: unknown): value is Former =>
  typeof value === 'object' && value !== null && typeof (value as Row).record === 'string' && typeof (value as Row).beacon === 'string'

/**
 * A space's former keys (core/spaces/rotation.ts): each one's beacon key wrapped apart, the space
 * and the rotation record it belongs to as associated data. As for TURN servers, one that cannot be
 * opened is left out of what the app reads and kept in storage through every write of the list
 * (while its 30 days last), in the list's order (oldest first: by epoch), so it comes back with
 * the storage key.
 */
function formerKeyList(): SecretField {
  const aad = (row: Row, f: Former) => `tandem/beacon-key/v1\u0000${String(row.id)}\u0000${f.record}`
  const epochOf = (f: unknown) => (isFormer(f) && typeof f.epoch === 'number' ? f.epoch : 0)
  return {
    open(row, plain) {
      const list = row.formerKeys
      if (!Array.isArray(list)) return row
      let changed = false
      const out: unknown[] = []
      for (const f of list) {
        if (!isFormer(f) || !isWrapped(f.beacon)) {
          if (isFormer(f) && f.beacon) plain()
          out.push(f)
          continue
        }
        changed = true
        const beacon = unwrap(f.beacon, aad(row, f))
        if (beacon !== LOCKED) out.push({ ...f, beacon })
      }
      return changed ? { ...row, formerKeys: out } : row
    },
    needsStored: (row) => Array.isArray(row.formerKeys),
    seal(row, stored) {
      const list = row.formerKeys
      if (!Array.isArray(list)) return row
      const out = list.map((f: unknown) => (!isFormer(f) || !hasStorageKey() || isWrapped(f.beacon) || f.beacon === LOCKED ? f : { ...f, beacon: wrap(f.beacon, aad(row, f)) }))
      const before = stored?.formerKeys
      if (Array.isArray(before)) {
        const now = Date.now()
        for (const f of before) {
          const locked = isFormer(f) && isWrapped(f.beacon) && unwrap(f.beacon, aad(stored!, f)) === LOCKED
          const live = isFormer(f) && typeof f.until === 'number' && f.until > now
          if (locked && live && !out.some((o) => isFormer(o) && o.record === f.record)) out.push(f)
        }
      }
      return { ...row, formerKeys: out.sort((a, b) => epochOf(a) - epochOf(b)) }
    }
  }
}

const BOX_SETTING = 'boxKeyPair'
const TURN_SETTING = 'turnServers'
const SPACE_AAD = 'tandem/space-key/v1\u0000'

export const SECRET_FIELDS: Record<string, readonly SecretField[]> = {
  spaces: [
    oneSecret(
      (row) => row.key,
      (row, key) => ({ ...row, key }),
      (row) => SPACE_AAD + String(row.id)
    ),
    turnList(
      (row) => row.turn,
      (row, turn) => ({ ...row, turn }),
      (row) => `space:${String(row.id)}`
    ),
    formerKeyList()
  ],
  settings: [
    oneSecret(
      (row) => (row.key === BOX_SETTING ? (row.value as Row | null)?.secretKey : undefined),
      (row, secretKey) => ({ ...row, value: { ...(row.value as Row), secretKey } }),
      () => 'tandem/box-key/v1'
    ),
    turnList(
      (row) => (row.key === TURN_SETTING ? row.value : undefined),
      (row, value) => ({ ...row, value }),
      () => 'device'
    )
  ],
  identity: [
    oneSecret(
      (row) => row.secretKey,
      (row, secretKey) => ({ ...row, secretKey }),
      () => 'tandem/identity-key/v1'
    )
  ]
}
