import { isVerifiableId, keyMatchesId } from '@shared/identity/signing.ts'
import { setSigner } from '../collections/signing.ts'
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
export async function adoptIdentity(identity: AdoptedIdentity, checked = false): Promise<IdentityRow> {
  assertKeyFits(identity)
  const d = db()
  const row = await d.transaction('rw', d.identity, d.spaces, async () => {
    if (!checked) await assertCanAdopt(identity.id)
    const here = await d.identity.get('me')
    const row: IdentityRow = { id: 'me', deviceId: identity.id, name: identity.name, color: identity.color }
    // the person's key comes with them; a device that is them already keeps the one it has
    const secretKey = identity.secretKey ?? (here?.deviceId === identity.id ? here.secretKey : undefined)
    if (secretKey) row.secretKey = secretKey
    await d.identity.put(row)
    return row
  })
  setSigner(row)
  return row
}

/** Who a device becomes: a person, and their secret key (identities made since signatures have one). */
export interface AdoptedIdentity {
  id: string
  name: string
  color: string
  secretKey?: string | undefined
}

export class IdentityKeyError extends Error {
  constructor() {
    super('This code names a person but does not carry their key (or carries another one), so this device could not write as them. Make a new code on your other device.')
    this.name = 'IdentityKeyError'
  }
}

/**
 * Throws IdentityKeyError unless the key is the person's: a member id derived from a key needs
 * that key (without it everything written here would read as forged), and a key given must be it.
 */
export function assertKeyFits(identity: AdoptedIdentity): void {
  if (identity.secretKey !== undefined ? !keyMatchesId(identity.secretKey, identity.id) && isVerifiableId(identity.id) : isVerifiableId(identity.id)) throw new IdentityKeyError()
}
