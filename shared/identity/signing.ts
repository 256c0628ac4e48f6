import { ed25519 } from '@noble/curves/ed25519.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { base64urlnopad } from '@scure/base'

/**
 * Who wrote what (issue 10 #15). Every person has an Ed25519 key pair, made on their first device
 * and carried to their other devices ("Add my other device") and into their backups. Their member
 * id is derived from the public key (`memberIdOf`: "k" and 26 characters of its SHA-256), so a
 * record that names a person as its author can prove it: it carries a seal — the public key and a
 * signature over the record's signed fields — and a reader checks that the key hashes to the
 * author's id and the signature holds. Nobody can write under another person's id, and no
 * directory of keys has to be trusted or synced first.
 *
 * Member ids made before signatures (22 random characters, `newId`) cannot be checked this way:
 * records under such an id are read as before, unverified (`isVerifiableId`). A forger gains
 * nothing by choosing the old form for a new-style id: the two forms never overlap.
 */

export interface SigningKeys {
  /** the 32-byte Ed25519 secret key, base64url (never leaves the person's devices and backups) */
  secretKey: string
  publicKey: string
}

const KEY_ID_CHARS = 26
const VERIFIABLE_ID = /^k[A-Za-z0-9_-]{26}$/
/** a seal: "<public key>.<signature>", both base64url without padding (43 + 86 characters) */
const SEAL = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{86})$/

export const SEAL_MAX = 43 + 1 + 86

export function newSigningKeys(): SigningKeys {
  const secret = ed25519.utils.randomSecretKey()
  return { secretKey: base64urlnopad.encode(secret), publicKey: base64urlnopad.encode(ed25519.getPublicKey(secret)) }
}

/** The public key of a secret key, or null when it is no Ed25519 secret key. */
export function publicKeyOf(secretKey: string): string | null {
  try {
    const bytes = base64urlnopad.decode(secretKey)
    return bytes.length === 32 ? base64urlnopad.encode(ed25519.getPublicKey(bytes)) : null
  } catch {
    return null
  }
}

/** The member id of the person who holds this public key. */
export function memberIdOf(publicKey: string): string {
  return 'k' + base64urlnopad.encode(sha256(base64urlnopad.decode(publicKey))).slice(0, KEY_ID_CHARS)
}

/** Whether records under this member id must carry its holder's seal (ids made since signatures). */
export const isVerifiableId = (id: string): boolean => VERIFIABLE_ID.test(id)

/** Whether `secretKey` is the key of member `id` (a device transfer or a backup names both). */
export function keyMatchesId(secretKey: string, id: string): boolean {
  const pk = publicKeyOf(secretKey)
  return pk !== null && memberIdOf(pk) === id
}

/**
 * The text a seal signs: what is signed (a record's collection and id, or a member entry) and the
 * signed fields as JSON with keys in one order, so every peer computes the same text from the same
 * values.
 */
export function signedText(scope: string, fields: Record<string, unknown>): string {
  return scope + '\n' + canonicalJson(fields)
}

export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']'
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort()
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((value as Record<string, unknown>)[k])).join(',') + '}'
}

export function seal(secretKey: string, text: string): string {
  const secret = base64urlnopad.decode(secretKey)
  const signature = ed25519.sign(utf8ToBytes(text), secret)
  const sealed = base64urlnopad.encode(ed25519.getPublicKey(secret)) + '.' + base64urlnopad.encode(signature)
  remember(sealed, text, true)
  return sealed
}

/** The parts of a well-formed seal whose key is member `id`'s; else null. */
function sealOf(value: unknown, id: string): { publicKey: Uint8Array; signature: Uint8Array } | null {
  if (typeof value !== 'string' || value.length !== SEAL_MAX) return null
  const m = SEAL.exec(value)
  if (!m) return null
  try {
    // inside the try: 43 or 86 characters the pattern admits may still be no base64url (non-zero
    // padding bits throw), and a peer's seal must never make a read throw
    const publicKey = base64urlnopad.decode(m[1]!)
    if (memberIdOf(m[1]!) !== id) return null
    return { publicKey, signature: base64urlnopad.decode(m[2]!) }
  } catch {
    return null
  }
}

/*
 * Verified seals, so a record is checked once per version, not on every read. A verdict is kept
 * per seal AND text: a forger who copies a good seal onto other values (other records) gets each
 * pair checked on its own, and never displaces the good pair's verdict (keyed by the seal alone,
 * every forged copy evicted it, and the honest record read as unchecked — absent — again at its
 * next change). Bounded in entries and in characters (texts are up to a record's size): the
 * oldest go first, never the newest (a verdict must outlive the read it wakes).
 */
const VERDICTS_MAX = 50_000
const VERDICT_CHARS_MAX = 16_000_000
const verdicts = new Map<string, boolean>()
let verdictChars = 0

const verdictKey = (sealed: string, text: string) => sealed + '\n' + text

function remember(sealed: string, text: string, ok: boolean): void {
  const key = verdictKey(sealed, text)
  if (verdicts.delete(key)) verdictChars -= key.length
  verdicts.set(key, ok)
  verdictChars += key.length
  while (verdicts.size > 1 && (verdicts.size > VERDICTS_MAX || verdictChars > VERDICT_CHARS_MAX)) {
    const oldest = verdicts.keys().next().value!
    verdicts.delete(oldest)
    verdictChars -= oldest.length
  }
}

/** What is known already: true (holds), false (forged), undefined (not checked yet). */
export function knownVerdict(sealed: unknown, text: string, id: string): boolean | undefined {
  if (sealOf(sealed, id) === null) return false
  return verdicts.get(verdictKey(sealed as string, text))
}

/** Checks a seal now (a few hundred microseconds: member entries, one record). */
export function verifySealNow(sealed: unknown, text: string, id: string): boolean {
  const known = knownVerdict(sealed, text, id)
  if (known !== undefined) return known
  const parts = sealOf(sealed, id)!
  let ok: boolean
  try {
    ok = ed25519.verify(parts.signature, utf8ToBytes(text), parts.publicKey)
  } catch {
    ok = false
  }
  remember(sealed as string, text, ok)
  return ok
}

/*
 * Many records at once (a board's cards and votes as it opens) are checked by the platform's
 * WebCrypto Ed25519, off the page's critical path and about twenty times faster than in script;
 * where it has no Ed25519, in script.
 */
/** The part of WebCrypto used here (shared/ has no DOM types). */
interface Subtle {
  importKey(format: 'raw', key: Uint8Array, algorithm: { name: 'Ed25519' }, extractable: false, usages: string[]): Promise<unknown>
  verify(algorithm: { name: 'Ed25519' }, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>
}

const subtle = (): Subtle | undefined => (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle

let platformSupport: Promise<boolean> | null = null
const importedKeys = new Map<string, Promise<unknown>>()

/** Whether WebCrypto here does Ed25519 (asked once, with a key known to be good). */
function platformHasEd25519(): Promise<boolean> {
  platformSupport ??= (async () => {
    try {
      const probe = ed25519.getPublicKey(new Uint8Array(32).fill(7))
      await subtle()!.importKey('raw', probe, { name: 'Ed25519' }, false, ['verify'])
      return true
    } catch {
      return false
    }
  })()
  return platformSupport
}

async function verifyWithPlatform(publicKey: Uint8Array, signature: Uint8Array, text: string): Promise<boolean> {
  try {
    if (await platformHasEd25519()) {
      const name = base64urlnopad.encode(publicKey)
      let key = importedKeys.get(name)
      if (!key) {
        if (importedKeys.size > 10_000) importedKeys.clear()
        key = subtle()!.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify'])
        importedKeys.set(name, key)
      }
      return await subtle()!.verify({ name: 'Ed25519' }, await key, signature, utf8ToBytes(text))
    }
    return ed25519.verify(signature, utf8ToBytes(text), publicKey)
  } catch {
    // a key that is no point on the curve, a signature of another length: not a valid seal
    return false
  }
}

const inFlight = new Map<string, Promise<boolean>>()

/** Checks a seal in the background; the verdict is then known (`knownVerdict`). Never rejects. */
export function verifySealLater(sealed: string, text: string, id: string): Promise<boolean> {
  const known = knownVerdict(sealed, text, id)
  if (known !== undefined) return Promise.resolve(known)
  const flightKey = verdictKey(sealed, text)
  let running = inFlight.get(flightKey)
  if (!running) {
    const parts = sealOf(sealed, id)!
    running = verifyWithPlatform(parts.publicKey, parts.signature, text).then((ok) => {
      remember(sealed, text, ok)
      inFlight.delete(flightKey)
      return ok
    })
    inFlight.set(flightKey, running)
  }
  return running
}
