import { isVerifiableId, knownVerdict, seal, signedText, verifySealLater } from '@shared/identity/signing.ts'

/**
 * Records that carry a person's name carry their seal (issue 10 #15, shared/identity/signing.ts).
 * A collection says which field names the author and which fields the author alone vouches for
 * (`SignedBy`); what others may change on the record (a card's group, its place) stays outside.
 *
 * Writing: when this device's person is the record's author, every write that touches a signed
 * field writes all of them again with a new seal, in one transaction. Two devices of the person
 * writing at once then each set every signed key, so Yjs keeps one device's values for all of
 * them (it settles concurrent writes to a key by writer, the same writer for each key): the seal
 * always matches what is kept. Nobody else's write of a signed field can carry a valid seal.
 *
 * Reading: a record whose author's id is verifiable is shown once its seal holds for the values
 * it has; a forged one (no seal, another key, values changed after sealing) is skipped and
 * counted (`forgeries`). Records by authors with older ids, and records without an author
 * (anonymous cards, unclaimed profiles), are read as before.
 *
 * What a seal covers (`recordScope`): the record's document (core/documents/identity.ts: its space
 * and its key there), collection and id, and the signed values. A record copied into another
 * document — sprint 3's card into sprint 4's board, or into another space — is forged there. A
 * document with no identity (a test's, a throwaway) seals and reads with collection and id only.
 * Seals made before documents were covered (`document` null) hold nowhere else now: such a record
 * reads as forged until its author writes it again (never sealed again unasked: see collection.ts).
 */
export interface SignedBy {
  /** the field holding the author's member id */
  readonly by: string
  /** the fields the seal covers (the author field among them) */
  readonly fields: readonly string[]
}

/** The field a record's seal is kept in (never a field of the record's schema). */
export const SEAL_FIELD = '__seal'

interface Signer {
  id: string
  secretKey: string
}

let signer: Signer | null = null

/** This device's person and their secret key: their records and member entries are sealed with it. */
export function setSigner(identity: { deviceId: string; secretKey?: string | undefined } | null): void {
  signer = identity?.secretKey ? { id: identity.deviceId, secretKey: identity.secretKey } : null
}

/** The secret key of `memberId` when that is this device's person. */
export function secretKeyOf(memberId: string): string | null {
  return signer && signer.id === memberId ? signer.secretKey : null
}

let forged = 0
const forgeryListeners = new Set<() => void>()

/** How many forged records and member entries this page has ignored (each once per version). */
export function forgeries(): number {
  return forged
}

export function watchForgeries(f: () => void): () => void {
  forgeryListeners.add(f)
  return () => forgeryListeners.delete(f)
}

export function countForgery(): void {
  forged++
  for (const f of [...forgeryListeners]) f()
}

/**
 * What a record's seal names besides its values. With a document: `document "<identity>" record
 * <collection> <id>` (the identity as a JSON string, so where it ends is never in doubt; collection
 * names hold no space); without: `record <collection> <id>`, as every seal was before documents
 * were covered. The two forms never meet (their first words differ).
 */
export function recordScope(collection: string, id: string, document: string | null = null): string {
  return document === null ? `record ${collection} ${id}` : `document ${JSON.stringify(document)} record ${collection} ${id}`
}

/** The text a record's seal signs. */
export function recordText(signed: SignedBy, collection: string, id: string, document: string | null, fields: Record<string, unknown>): string {
  return signedText(recordScope(collection, id, document), sealedValues(signed, fields))
}

/** The values the seal covers, from a record's stored fields. */
export function sealedValues(signed: SignedBy, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of signed.fields) out[f] = fields[f]
  return out
}

/** A seal for these values by this device's person, or null when they are not the author. */
export function sealFor(signed: SignedBy, collection: string, id: string, document: string | null, fields: Record<string, unknown>): string | null {
  const author = fields[signed.by]
  if (typeof author !== 'string' || !isVerifiableId(author)) return null
  const key = secretKeyOf(author)
  return key ? seal(key, recordText(signed, collection, id, document, fields)) : null
}

export type SealCheck = 'valid' | 'forged' | 'pending'

/**
 * Whether a record's seal holds. 'pending': not known yet — checked in the background, and
 * `whenKnown` is called once it is.
 */
export function checkSeal(
  signed: SignedBy,
  collection: string,
  id: string,
  document: string | null,
  fields: Record<string, unknown>,
  sealed: unknown,
  whenKnown: () => void
): SealCheck {
  const author = fields[signed.by]
  // an author field holding something else than an id (a number, a list …) names nobody the app
  // wrote: a schema's `.catch` or coercion could otherwise show it under a default or a name
  if (author !== undefined && author !== null && typeof author !== 'string') return 'forged'
  if (typeof author !== 'string' || !isVerifiableId(author)) return 'valid'
  const text = recordText(signed, collection, id, document, fields)
  const known = knownVerdict(sealed, text, author)
  if (known !== undefined) return known ? 'valid' : 'forged'
  void verifySealLater(sealed as string, text, author).then(whenKnown)
  return 'pending'
}
