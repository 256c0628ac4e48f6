import { ed25519 } from '@noble/curves/ed25519.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { base64urlnopad } from '@scure/base'

/**
 * The relay's cryptography (issue 13 #2). Everything a relay stores or forwards is sealed on the
 * client; the relay holds only ciphertext and, per room, a public verifier.
 *
 * From the space key (32 random bytes) and the document id, HKDF-SHA-256 derives:
 *  - the room id: `tr-` + 32 bytes in hex. One-way: neither the document id nor the key can be
 *    read back from it, and without the key nobody can even name a space's room.
 *  - the sealing key: AES-256-GCM through WebCrypto (non-extractable; Node's own in node clients). Each message gets a fresh
 *    random 96-bit nonce; the associated data is the room id and the message's kind, so a message
 *    cannot be moved to another room nor passed off as another kind (an update as a snapshot).
 *  - the membership key: an Ed25519 key pair from a 32-byte seed. Its public key is the verifier
 *    the relay stores when the room is created; joining signs the relay's fresh challenge, so the
 *    relay never learns the secret, a stolen verifier opens nothing, and a recorded join cannot
 *    be replayed.
 */

const SALT = utf8ToBytes('tandem/relay/v1')
const ROOM_INFO = 'tandem relay room\u0000'
const SEAL_INFO = 'tandem relay seal\u0000'
const AUTH_INFO = 'tandem relay auth\u0000'
const JOIN_CONTEXT = 'tandem relay join v1\u0000'

export const SEAL_VERSION = 1
export const NONCE_BYTES = 12
/** version, kind, nonce, then AES-GCM's ciphertext with its 16-byte tag */
export const SEAL_OVERHEAD = 2 + NONCE_BYTES + 16

/** 'awareness': a y-protocols awareness update; 'motion': the fast presence fields of one client (JSON) */
export type SealKind = 'update' | 'snapshot' | 'awareness' | 'motion'
const KIND_BYTE: Record<SealKind, number> = { update: 1, snapshot: 2, awareness: 3, motion: 4 }

/** The part of WebCrypto this module uses (shared/ has no DOM types). */
interface Subtle {
  importKey(format: 'raw', key: Uint8Array, algorithm: { name: 'AES-GCM' }, extractable: false, usages: string[]): Promise<unknown>
  encrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>
  decrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>
}

function subtle(): Subtle {
  const s = (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle
  if (!s) throw new Error('WebCrypto is not available here (a secure context is needed)')
  return s
}

/**
 * AES-256-GCM with one key: WebCrypto where the app runs (browser, Electron's renderer); in Node
 * (the relay's node clients: tests, bench, tools) Node's own AES-GCM binding, which does the same
 * computation synchronously — Node's WebCrypto spends about 25 µs of JavaScript around each call,
 * as much as applying the update, which a relay client does once per message. Same algorithm,
 * nonce, associated data and tag: the bytes are interchangeable (test/unit/relay/rules.test.ts).
 */
interface Gcm {
  encrypt(nonce: Uint8Array, aad: Uint8Array, plain: Uint8Array): Promise<Uint8Array>
  /** throws when the tag does not hold */
  decrypt(nonce: Uint8Array, aad: Uint8Array, cipher: Uint8Array): Promise<Uint8Array>
}

const TAG_BYTES = 16

interface NodeGcmCrypto {
  createSecretKey(key: Uint8Array): unknown
  createCipheriv(alg: 'aes-256-gcm', key: unknown, iv: Uint8Array, o: { authTagLength: number }): {
    setAAD(aad: Uint8Array): void
    update(data: Uint8Array): Uint8Array
    final(): Uint8Array
    getAuthTag(): Uint8Array
  }
  createDecipheriv(alg: 'aes-256-gcm', key: unknown, iv: Uint8Array, o: { authTagLength: number }): {
    setAAD(aad: Uint8Array): void
    setAuthTag(tag: Uint8Array): void
    update(data: Uint8Array): Uint8Array
    final(): Uint8Array
  }
}

/** Node's crypto module when this runs in Node (never in a browser: no `process` there). */
function nodeCrypto(): NodeGcmCrypto | null {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  try {
    const c = p?.getBuiltinModule?.('node:crypto') as NodeGcmCrypto | undefined
    return c && typeof c.createDecipheriv === 'function' && typeof c.createSecretKey === 'function' ? c : null
  } catch {
    return null
  }
}

/** `backend`: forced (tests compare the two); by default Node's where it is, else WebCrypto's. */
export async function aesGcm(raw: Uint8Array, backend?: 'webcrypto' | 'node'): Promise<Gcm> {
  const node = backend === 'webcrypto' ? null : nodeCrypto()
  if (node) {
    const key = node.createSecretKey(raw)
    return {
      async encrypt(nonce, aad, plain) {
        const c = node.createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES })
        c.setAAD(aad)
        return concatBytes(c.update(plain), c.final(), c.getAuthTag())
      },
      async decrypt(nonce, aad, cipher) {
        if (cipher.length < TAG_BYTES) throw new Error('too short')
        const d = node.createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES })
        d.setAAD(aad)
        d.setAuthTag(cipher.subarray(cipher.length - TAG_BYTES))
        return concatBytes(d.update(cipher.subarray(0, cipher.length - TAG_BYTES)), d.final())
      }
    }
  }
  if (backend === 'node') throw new Error('Node’s crypto is not available here')
  const key = await subtle().importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt'])
  return {
    encrypt: async (iv, additionalData, plain) => new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData }, key, plain)),
    decrypt: async (iv, additionalData, cipher) => new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv, additionalData }, key, cipher))
  }
}

function spaceKeyBytes(spaceKey: string): Uint8Array {
  const bytes = base64urlnopad.decode(spaceKey)
  if (bytes.length !== 32) throw new Error('a space key is 32 bytes')
  return bytes
}

const derive = (ikm: Uint8Array, info: string, docId: string, length = 32) => hkdf(sha256, ikm, SALT, utf8ToBytes(info + docId), length)

/** The relay room of a document: a one-way hash of the document id and the space key. */
export function relayRoomFor(docId: string, spaceKey: string): string {
  if (!docId) throw new Error('relayRoomFor needs a document id')
  return 'tr-' + bytesToHex(derive(spaceKeyBytes(spaceKey), ROOM_INFO, docId))
}

export interface RoomKeys {
  room: string
  /** the Ed25519 public key the relay keeps (base64url) */
  verifier: string
  seal(kind: SealKind, plain: Uint8Array): Promise<Uint8Array>
  /** the plaintext, or null when the message is not one of this room's of this kind */
  open(kind: SealKind, sealed: Uint8Array): Promise<Uint8Array | null>
  /** the signature proving membership, over the relay's challenge */
  prove(challenge: Uint8Array): string
}

export async function roomKeys(docId: string, spaceKey: string, backend?: 'webcrypto' | 'node'): Promise<RoomKeys> {
  const ikm = spaceKeyBytes(spaceKey)
  const room = relayRoomFor(docId, spaceKey)
  const gcm = await aesGcm(derive(ikm, SEAL_INFO, docId), backend)
  const seed = derive(ikm, AUTH_INFO, docId)
  const verifier = base64urlnopad.encode(ed25519.getPublicKey(seed))
  const roomBytes = utf8ToBytes(room)
  const aads = Object.fromEntries(Object.entries(KIND_BYTE).map(([kind, byte]) => [kind, concatBytes(roomBytes, Uint8Array.of(0, byte))])) as Record<SealKind, Uint8Array>
  const aad = (kind: SealKind) => aads[kind]
  return {
    room,
    verifier,
    async seal(kind, plain) {
      const nonce = randomBytes(NONCE_BYTES)
      const cipher = await gcm.encrypt(nonce, aad(kind), plain)
      return concatBytes(Uint8Array.of(SEAL_VERSION, KIND_BYTE[kind]), nonce, cipher)
    },
    async open(kind, sealed) {
      if (sealed.length < SEAL_OVERHEAD || sealed[0] !== SEAL_VERSION || sealed[1] !== KIND_BYTE[kind]) return null
      try {
        return await gcm.decrypt(sealed.subarray(2, 2 + NONCE_BYTES), aad(kind), sealed.subarray(2 + NONCE_BYTES))
      } catch {
        return null
      }
    },
    prove: (challenge) => base64urlnopad.encode(ed25519.sign(joinMessage(room, challenge), seed))
  }
}

function joinMessage(room: string, challenge: Uint8Array): Uint8Array {
  return concatBytes(utf8ToBytes(JOIN_CONTEXT + room + '\u0000'), challenge)
}

/** The relay's side: does `proof` sign this challenge for this room with the verifier's key? */
export function checkProof(room: string, challenge: Uint8Array, verifier: string, proof: string): boolean {
  try {
    const pub = base64urlnopad.decode(verifier)
    const sig = base64urlnopad.decode(proof)
    if (pub.length !== 32 || sig.length !== 64) return false
    return ed25519.verify(sig, joinMessage(room, challenge), pub)
  } catch {
    return false
  }
}

export function newChallenge(): Uint8Array {
  return randomBytes(32)
}

/** The nonce of a sealed message (its identity: two messages never share one), or null. */
export function nonceOf(sealed: Uint8Array): string | null {
  if (sealed.length < SEAL_OVERHEAD || sealed[0] !== SEAL_VERSION) return null
  return bytesToHex(sealed.subarray(2, 2 + NONCE_BYTES))
}

/**
 * Remembers the nonces of messages already opened, so that a message the relay (or anyone on the
 * way) sends again is refused. Bounded: the oldest are forgotten first. A replayed Yjs update
 * would change nothing anyway; a replayed awareness message could bring back a stale presence.
 */
export class ReplayFilter {
  private seen = new Set<string>()
  constructor(private readonly max = 4096) {}

  /** true the first time a sealed message is seen, false for a replay (or one without a nonce) */
  admit(sealed: Uint8Array): boolean {
    const nonce = nonceOf(sealed)
    if (nonce === null || this.seen.has(nonce)) return false
    this.seen.add(nonce)
    if (this.seen.size > this.max) {
      const oldest = this.seen.values().next().value
      if (oldest !== undefined) this.seen.delete(oldest)
    }
    return true
  }
}
