import { db, type IdentityRow } from '../database/db.ts'

/**
 * "Add my other device" (issue 14): this device becomes the same person as the other one — the
 * same member id (`deviceId`, the key of a member's entry in every space and of their presence),
 * name and colour — so the team sees one member on two devices. Refused when this device already
 * holds spaces as someone else (their member entries would be left behind under the old id).
 */
export class IdentityInUseError extends Error {
  constructor() {
    super('This device already has spaces as another person, so it cannot become you here. Use it as it is, or delete its spaces first (each space → Delete local copy).')
    this.name = 'IdentityInUseError'
  }
}

/** Throws IdentityInUseError when this device cannot become `memberId`. */
export async function assertCanAdopt(memberId: string): Promise<void> {
  const d = db()
  const here = await d.identity.get('me')
  if (here && here.deviceId !== memberId && (await d.spaces.count()) > 0) throw new IdentityInUseError()
}

/**
 * Makes this device that person. `checked`: the caller ran assertCanAdopt before adding spaces
 * as that person (the second device joins its spaces first, so the app opens on them at once).
 */
export async function adoptIdentity(identity: { id: string; name: string; color: string }, checked = false): Promise<IdentityRow> {
  const d = db()
  return d.transaction('rw', d.identity, d.spaces, async () => {
    if (!checked) await assertCanAdopt(identity.id)
    const row: IdentityRow = { id: 'me', deviceId: identity.id, name: identity.name, color: identity.color }
    await d.identity.put(row)
    return row
  })
}
