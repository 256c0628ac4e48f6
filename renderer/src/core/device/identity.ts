import { useLiveQuery } from 'dexie-react-hooks'
import { memberIdOf, newSigningKeys } from '@shared/identity/signing.ts'
import { setSigner } from '../collections/signing.ts'
import { db, type IdentityRow } from '../database/db.ts'

/**
 * This device's person. A new person gets a key pair and the member id derived from it
 * (shared/identity/signing.ts), so what they write carries their seal; every read of the row
 * hands the key to the collections that seal (core/collections/signing.ts).
 */
export function useIdentity(): IdentityRow | null | undefined {
  // undefined while loading, null when this device has no identity yet (first run)
  return useLiveQuery(async () => signWith((await db().identity.get('me')) ?? null), [])
}

export async function getIdentity(): Promise<IdentityRow | null> {
  return signWith((await db().identity.get('me')) ?? null)
}

function signWith(row: IdentityRow | null): IdentityRow | null {
  setSigner(row)
  return row
}

export async function saveIdentity(name: string, color: string): Promise<IdentityRow> {
  const d = db()
  return d.transaction('rw', d.identity, async () => {
    const prev = await d.identity.get('me')
    let row: IdentityRow
    if (prev) row = { ...prev, name, color }
    else {
      const keys = newSigningKeys()
      row = { id: 'me', deviceId: memberIdOf(keys.publicKey), name, color, secretKey: keys.secretKey }
    }
    await d.identity.put(row)
    return signWith(row)!
  })
}
