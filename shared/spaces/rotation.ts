import { hkdf } from '@noble/hashes/hkdf.js'
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { base64urlnopad } from '@scure/base'
import { z } from 'zod'
import { isVerifiableId, SEAL_MAX, signedText, verifySealNow } from '../identity/signing.ts'
import { FIELD_LIMITS } from '../text/limits.ts'
import { isBoxPublicKey, MAX_BOX_LENGTH } from './seal.ts'

/**
 * Remove a member = rotate the space's key (issue 10 #19). A member writes, into the space's root
 * document (still under the old key), a rekey record: the new key's epoch, who is removed, and the
 * new key sealed to the box key (shared/spaces/seal.ts) of every device of every remaining member
 * that has published one (`boxKeys`: box public key → its member). Each remaining device opens its
 * box, stores the new key with the higher epoch, and its documents reconnect with it: the y-webrtc
 * rooms keep their names (derived from the document id, so an invite or a device code made after
 * the rotation needs no epoch) with the new key as their password, so a removed device can open no
 * signaling message there and no connection is made; relay rooms derive from the key, so they are
 * new. The removed devices keep what they had and get nothing new.
 *
 *   root document  'boxKeys'  box public key → { member, at }
 *                  'rekeys'   record id → RekeyRecord (before: `<epoch>` → RekeyRecord, which lost
 *                             one of two records of the same epoch)
 *
 * Rotations form a chain: each record names the record whose key it replaced (`after`; '' = the
 * space's first key), proves its writer held that key (`proof`, an HMAC with the replaced key's
 * beacon key) and is sealed by its author (`seal`, their identity key: shared/identity/signing.ts),
 * so nobody — a removed member holding an old key least of all — writes a rotation under another
 * member's name. Two members rotating at once make two successors of one key; `settleRotations` is
 * the rule every device applies to the records it sees, so all end on the same key.
 */
export const MAX_REKEY_BOXES = 500

export const BoxKeyEntry = z.object({
  member: z.string().min(1).max(FIELD_LIMITS.id),
  at: z.number(),
  /** the member's seal over box key, member, time and `held` (shared/identity/signing.ts) */
  seal: z.string().max(SEAL_MAX).optional().catch(undefined),
  /** proof that the device held a key when it published this (`heldProof`): a member removed and invited again is let back in by it */
  held: z.string().max(64).optional().catch(undefined)
})

/** What a member's seal on their device's box key signs (`held` absent in entries from before it). */
export function boxKeyText(boxKey: string, member: string, at: number, held?: string): string {
  return signedText('box key', { boxKey, member, at, held })
}

/** An HMAC with the beacon key of the key the device holds, over its box key, member and time. */
export function heldProof(beaconKey: string, boxKey: string, member: string, at: number): string {
  return rekeyProof(beaconKey, signedText('box key held', { boxKey, member, at }))
}

/** Whether an entry's `held` proof holds for this beacon key (never throws). */
export function heldWith(beaconKey: string, boxKey: string, entry: BoxKeyEntry): boolean {
  if (typeof entry.held !== 'string') return false
  try {
    return sameText(heldProof(beaconKey, boxKey, entry.member, entry.at), entry.held)
  } catch {
    return false
  }
}
export type BoxKeyEntry = z.infer<typeof BoxKeyEntry>

export const RekeyRecord = z.object({
  epoch: z.number().int().min(1).max(1_000_000),
  /** a random id: two rotations of the same epoch are told apart */
  id: z.string().min(1).max(FIELD_LIMITS.id),
  removed: z.string().max(FIELD_LIMITS.id),
  by: z.string().max(FIELD_LIMITS.id),
  at: z.number(),
  /** the record whose key this one replaced ('' = the space's first key); absent in records before chains */
  after: z.string().max(FIELD_LIMITS.id).optional().catch(undefined),
  /** HMAC-SHA-256 with the replaced key's beacon key over the record (`rekeyProofText`) */
  proof: z.string().max(64).optional().catch(undefined),
  /** the author's (`by`) seal over the same text (`authorHolds`); absent in records from before it */
  seal: z.string().max(SEAL_MAX).optional().catch(undefined),
  boxes: z
    .record(z.string().refine(isBoxPublicKey), z.string().max(MAX_BOX_LENGTH))
    .refine((b) => Object.keys(b).length <= MAX_REKEY_BOXES, 'too many boxes')
})
export type RekeyRecord = z.infer<typeof RekeyRecord>

/** What a box in a rekey record is bound to: the space, the epoch, the record and the recipient's box key. */
export function rekeyContext(spaceId: string, epoch: number, id: string, boxKey: string): string {
  return `tandem/rekey/v1\u0000${spaceId}\u0000${epoch}\u0000${id}\u0000${boxKey}`
}

/** What a record's proof and its author's seal cover: every field but those two, and the space. */
export function rekeyProofText(spaceId: string, r: Omit<RekeyRecord, 'proof' | 'seal'>): string {
  return signedText('rekey', { space: spaceId, epoch: r.epoch, id: r.id, after: r.after ?? '', removed: r.removed, by: r.by, at: r.at, boxes: r.boxes })
}

/**
 * A key's beacon key: what a device that left the key behind keeps (not the key itself, which reads
 * the old rooms), the password of the key's beacon room and the HMAC key of rotation proofs.
 */
export function beaconKeyOf(spaceKey: string): string {
  return base64urlnopad.encode(hkdf(sha256, utf8ToBytes(spaceKey), undefined, utf8ToBytes('tandem/rekey-beacon/v1'), 32))
}

/** The beacon room of a key (a y-webrtc room and relay room of its own, only rotation records). */
export function beaconRoomOf(spaceId: string, beaconKey: string): string {
  return `${spaceId}#rekeys:${bytesToHex(sha256(utf8ToBytes('tandem/rekey-room/v1\u0000' + beaconKey))).slice(0, 16)}`
}

export function rekeyProof(beaconKey: string, text: string): string {
  return base64urlnopad.encode(hmac(sha256, base64urlnopad.decode(beaconKey), utf8ToBytes(text)))
}

/** Whether a record's proof holds for this beacon key of the key it replaced (never throws). */
export function proofHolds(beaconKey: string, spaceId: string, r: RekeyRecord): boolean {
  if (typeof r.proof !== 'string') return false
  try {
    return sameText(rekeyProof(beaconKey, rekeyProofText(spaceId, r)), r.proof)
  } catch {
    return false
  }
}

/** Constant-time comparison of two proofs. */
function sameText(want: string, got: string): boolean {
  if (want.length !== got.length) return false
  let diff = 0
  for (let i = 0; i < want.length; i++) diff |= want.charCodeAt(i) ^ got.charCodeAt(i)
  return diff === 0
}

/**
 * Whether a record's author wrote it: `by` is a key-derived member id and their seal holds over
 * the record (never throws). A record without it — a forgery, an author with an id from before
 * signatures, a record from before seals — is no rotation.
 */
export function authorHolds(spaceId: string, r: RekeyRecord): boolean {
  return isVerifiableId(r.by) && verifySealNow(r.seal, rekeyProofText(spaceId, r), r.by)
}

/** A record that counts as a successor of the key with this beacon key: its proof and its author's seal hold. */
export function recordHolds(beaconKey: string, spaceId: string, r: RekeyRecord): boolean {
  return proofHolds(beaconKey, spaceId, r) && authorHolds(spaceId, r)
}

/** How long a device that rotated away from a key keeps serving rotation records in its beacon room. */
export const BEACON_GRACE_MS = 30 * 24 * 60 * 60_000

/** The part of a record the chain rule reads. */
export interface RekeyStep {
  id: string
  after: string
  epoch: number
  at: number
  by: string
  removed: string
  /** the members its new key was sealed to (from its boxes and the sealed box-key entries), when known */
  boxed?: readonly string[]
}

/** A member shown to hold the key of a record (their box key's `held` proof, checked before the rule). */
export interface Admission {
  member: string
  record: string
}

export interface Settled {
  /** the chain every device ends on, from `from` on: its last record's key is the space's key */
  line: RekeyStep[]
  /** everyone removed now: by the line and not let in again since, or owed a removal */
  removed: string[]
  /** removed members the line does not remove yet (a losing rotation's): the next rotation must */
  owed: string[]
}

const earlier = (a: RekeyStep, b: RekeyStep) => (a.at !== b.at ? a.at < b.at : a.id < b.id)
/** how many members a record's key reaches, those any of its competitors removes aside */
const reach = (r: RekeyStep, removing: ReadonlySet<string>): number => new Set((r.boxed ?? []).filter((m) => !removing.has(m))).size

/**
 * The rule every device applies to the rotation records it sees (pure; the same set in any order
 * gives the same answer). Only records whose author is proven count (their seal: checked before
 * the rule, `authorHolds`). From the key `from` ('' = the space's first key), among the records
 * that replaced the current key (competing successors: two members rotated at once):
 *  - a record whose author an earlier record on the chain removed is no rotation (they were gone);
 *  - an author counts once among the successors of one key: their earliest record (a removed
 *    member holding an old key cannot write one record per person to remove);
 *  - a record by someone a losing record removed (a removal owed, below) is no rotation either,
 *    until the chain removes them (and lets them in again);
 *  - a record whose author a competing record removes loses to one whose author none removes
 *    (a removed member cannot win by claiming an early time);
 *  - then the record whose key reaches more members (none of the competing records removes) wins:
 *    a key sealed to its author alone cannot take the space from everyone else;
 *  - then the earliest (time, then id), and the chain goes on from it.
 * Records off the chain (losers and what was built on them) still count for removals: whoever
 * they removed and the chain does not remove at or after the point where they branched off is
 * `owed` — the device that can (core/spaces/rotation.ts) rotates once more on top of the chain's
 * last key, removing them, before anyone uses that key. What a losing record's author builds on it
 * after the winner removed them counts for nothing.
 * A member the chain removed who then holds the key of a later record on the chain
 * (`admissions`: invited again) is a member again from that record on: they get boxes and their
 * rotations count. Holding a key the chain gave before their removal, or one of a record off the
 * chain, lets nobody back in.
 * A successor must have a higher epoch than the key it replaced (the key guard compares epochs).
 */
export function settleRotations(records: readonly RekeyStep[], from = '', admissions: readonly Admission[] = []): Settled {
  const children = new Map<string, RekeyStep[]>()
  const seen = new Set<string>()
  for (const r of records) {
    if (seen.has(r.id) || r.id === r.after || r.id === from) continue
    seen.add(r.id)
    const list = children.get(r.after)
    if (list) list.push(r)
    else children.set(r.after, [r])
  }
  const admitted = new Map<string, Set<string>>()
  for (const a of admissions) (admitted.get(a.record) ?? admitted.set(a.record, new Set()).get(a.record)!).add(a.member)
  const line: RekeyStep[] = []
  const lineRemoved = new Set<string>()
  /** where on the line each member was last removed (an index into `line`) */
  const removedAt = new Map<string, number>()
  /** removals off the line: member → the latest line index such a record branched off at */
  const offRemovals = new Map<string, number>()
  // removals of records off the line, each walked with what its own path had removed
  const offLine = (node: RekeyStep, gone: Set<string>, visited: Set<string>, branch: number) => {
    if (visited.has(node.id)) return
    visited.add(node.id)
    if (node.removed) offRemovals.set(node.removed, Math.max(offRemovals.get(node.removed) ?? -1, branch))
    const next = new Set(gone)
    if (node.removed) next.add(node.removed)
    for (const c of children.get(node.id) ?? []) if (c.epoch > node.epoch && !next.has(c.by)) offLine(c, next, visited, branch)
  }
  const visited = new Set<string>()
  let node = from
  let nodeEpoch = -Infinity
  /** owed a removal now: a losing record removed them, and the line has not since */
  const owedNow = (m: string) => offRemovals.has(m) && !lineRemoved.has(m) && !((removedAt.get(m) ?? -1) >= offRemovals.get(m)!)
  for (;;) {
    const successors = (children.get(node) ?? []).filter((c) => c.epoch > nodeEpoch && !lineRemoved.has(c.by) && !owedNow(c.by) && !visited.has(c.id))
    const candidates = successors.filter((c) => !successors.some((o) => o !== c && o.by === c.by && earlier(o, c)))
    if (candidates.length === 0) break
    const unopposed = candidates.filter((c) => !candidates.some((o) => o !== c && o.removed === c.by))
    const opposed = unopposed.length > 0 ? unopposed : candidates
    const removing = new Set(candidates.map((c) => c.removed))
    const most = Math.max(...opposed.map((c) => reach(c, removing)))
    const winner = opposed.filter((c) => reach(c, removing) === most).reduce((a, b) => (earlier(b, a) ? b : a))
    visited.add(winner.id)
    for (const c of successors) if (!candidates.includes(c)) visited.add(c.id)
    // what a loser builds on it after the winner removed its author is nothing
    const gone = winner.removed ? new Set([...lineRemoved, winner.removed]) : lineRemoved
    for (const c of candidates) if (c !== winner) offLine(c, gone, visited, line.length)
    line.push(winner)
    if (winner.removed) {
      lineRemoved.add(winner.removed)
      removedAt.set(winner.removed, line.length - 1)
    }
    // invited again after their removal: they hold this record's key (it was not sealed to them)
    for (const m of admitted.get(winner.id) ?? []) lineRemoved.delete(m)
    node = winner.id
    nodeEpoch = winner.epoch
  }
  // a removal off the line is made when the line removes them (and let them in again, if it did,
  // only after a removal at or after where that record branched off)
  const owed = [...offRemovals].filter(([m, branch]) => !lineRemoved.has(m) && !((removedAt.get(m) ?? -1) >= branch)).map(([m]) => m)
  return { line, removed: [...new Set([...lineRemoved, ...owed])].sort(), owed: owed.sort() }
}
