import { useLiveQuery } from 'dexie-react-hooks'
import { newId } from '@shared/spaces/key.ts'
import { db, type IdentityRow } from '../database/db.ts'

export function useIdentity(): IdentityRow | null | undefined {
  // undefined while loading, null when this device has no identity yet (first run)
  return useLiveQuery(async () => (await db().identity.get('me')) ?? null, [])
}

export async function getIdentity(): Promise<IdentityRow | null> {
  return (await db().identity.get('me')) ?? null
}

export async function saveIdentity(name: string, color: string): Promise<IdentityRow> {
  const prev = await getIdentity()
  const row: IdentityRow = { id: 'me', deviceId: prev?.deviceId ?? newId(), name, color }
  await db().identity.put(row)
  return row
}
