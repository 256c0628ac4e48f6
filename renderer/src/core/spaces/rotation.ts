import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { newId, newSpaceKey, isSpaceKey } from '@shared/spaces/key.ts'
import { BoxKeyEntry, boxKeyText, RekeyRecord, rekeyContext } from '@shared/spaces/rotation.ts'
import { isVerifiableId, seal, verifySealNow } from '@shared/identity/signing.ts'
import { secretKeyOf } from '../collections/signing.ts'
import { isBoxPublicKey, openBox, sealTo } from '@shared/spaces/seal.ts'
import { db, type IdentityRow } from '../database/db.ts'
import { myBoxKeys } from './boxKeys.ts'
import { readMembers } from './spaceDoc.ts'

/**
 * Remove a member = rotate the space key (shared/spaces/rotation.ts). Any member may remove
 * another: spaces have no admins (the creator is recorded, with no other rights), the same rule as
 * for inviting. The removed devices keep what they had and get nothing new.
 */
const BOX_KEYS = 'boxKeys'
const REKEYS = 'rekeys'

/**
 * This device's box key in the space's root document, so that a rotation can seal the new key to
 * it — sealed by its person (issue 10 #15): otherwise a member about to be removed could publish
 * their own box key under a remaining member's name and be sealed the new key. Without the
 * person's key here (an id from before signatures) nothing is published: such a member needs a new
 * invite after a rotation.
 */
export function publishBoxKey(doc: Y.Doc, memberId: string, boxKey: string): void {
  const secretKey = secretKeyOf(memberId)
  if (!secretKey || !isVerifiableId(memberId)) return
  const map = doc.getMap<unknown>(BOX_KEYS)
  const now = BoxKeyEntry.safeParse(map.get(boxKey))
  if (now.success && now.data.member === memberId && holds(boxKey, now.data)) return
  const at = Date.now()
  map.set(boxKey, { member: memberId, at, seal: seal(secretKey, boxKeyText(boxKey, memberId, at)) })
}

const holds = (boxKey: string, entry: BoxKeyEntry): boolean =>
  isVerifiableId(entry.member) && verifySealNow(entry.seal, boxKeyText(boxKey, entry.member, entry.at), entry.member)

/** Box key → member, as published and sealed by that member (anything else skipped). */
export function boxKeysOf(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of doc.getMap<unknown>(BOX_KEYS)) {
    const entry = BoxKeyEntry.safeParse(v)
    if (isBoxPublicKey(k) && entry.success && holds(k, entry.data)) out.set(k, entry.data.member)
  }
  return out
}

export interface RemovalOutcome {
  /** remaining members with at least one device that receives the new key */
  sealedFor: string[]
  /** remaining members none of whose devices published a box key: they need a new invite */
  missing: string[]
}

/** The rotation to write, before anything is written (pure: tested in node). */
export function planRemoval(doc: Y.Doc, spaceId: string, removed: string, me: { memberId: string; boxKey: string }, epoch: number) {
  const key = newSpaceKey()
  const id = newId()
  const boxes: Record<string, string> = {}
  const keys = boxKeysOf(doc)
  keys.set(me.boxKey, me.memberId)
  for (const [boxKey, member] of keys) if (member !== removed) boxes[boxKey] = sealTo(boxKey, key, rekeyContext(spaceId, epoch, id, boxKey))
  const remaining = readMembers(doc).filter((m) => !m.leftAt && m.id !== removed && m.id !== me.memberId).map((m) => m.id)
  const reached = new Set(keys.values())
  const record: RekeyRecord = { epoch, id, removed, by: me.memberId, at: Date.now(), boxes }
  return { key, record, outcome: { sealedFor: remaining.filter((m) => reached.has(m)), missing: remaining.filter((m) => !reached.has(m)) } }
}

/**
 * Removes a member: a new key sealed to every remaining device, written into the root document
 * under the old key (the devices online now get it at once; the others from the relay's mailbox or
 * from a member still in the old room), then this device switches. If writing the record fails,
 * nothing changed; if switching fails, this device finds its own box in the record next time.
 */
export async function removeMember(spaceId: string, memberId: string, me: IdentityRow): Promise<RemovalOutcome> {
  if (memberId === me.deviceId) throw new Error('To go, leave the space instead.')
  return rotate(spaceId, memberId, me)
}

/**
 * Renews the key without removing anyone: whoever got the old key elsewhere (an org document
 * written before issue 10 #19, an invite passed too far) can read nothing from now on.
 */
export async function renewKey(spaceId: string, me: IdentityRow): Promise<RemovalOutcome> {
  return rotate(spaceId, '', me)
}

async function rotate(spaceId: string, memberId: string, me: IdentityRow): Promise<RemovalOutcome> {
  const row = await db().spaces.get(spaceId)
  if (!row || row.status !== 'active' || row.access === 'observer') throw new Error('Only a member of the space can remove someone.')
  const box = await myBoxKeys()
  const epoch = (row.keyEpoch ?? 0) + 1
  const provider = DexieYProvider.load(row.doc)
  let plan: ReturnType<typeof planRemoval>
  try {
    await provider.whenLoaded
    plan = planRemoval(row.doc, spaceId, memberId, { memberId: me.deviceId, boxKey: box.publicKey }, epoch)
    row.doc.getMap<unknown>(REKEYS).set(String(epoch), plan.record)
  } finally {
    DexieYProvider.release(row.doc)
  }
  // the record goes out over the old room before this device leaves it
  await new Promise((r) => setTimeout(r, 600))
  await db().spaces.update(spaceId, { key: plan.key, keyEpoch: epoch, keyRecord: plan.record.id, keyVerified: true })
  return plan.outcome
}

/**
 * The newest rotation this device was given a key in and has not applied, with the key; null when
 * there is none (nothing newer, or this device was removed, or its box key was not published).
 */
export async function newerKeyFor(doc: Y.Doc, spaceId: string, current: { keyEpoch?: number; keyRecord?: string }): Promise<{ key: string; epoch: number; id: string } | null> {
  const mine = current.keyEpoch ?? 0
  const records: RekeyRecord[] = []
  for (const v of doc.getMap<unknown>(REKEYS).values()) {
    const r = RekeyRecord.safeParse(v)
    if (r.success && (r.data.epoch > mine || (r.data.epoch === mine && r.data.id !== current.keyRecord))) records.push(r.data)
  }
  if (records.length === 0) return null
  const box = await myBoxKeys()
  for (const r of records.sort((a, b) => b.epoch - a.epoch)) {
    const sealed = r.boxes[box.publicKey]
    const key = sealed ? openBox(box, sealed, rekeyContext(spaceId, r.epoch, r.id, box.publicKey)) : null
    if (key && isSpaceKey(key)) return { key, epoch: r.epoch, id: r.id }
  }
  return null
}

/** Applies the newest rotation sealed to this device, if any. Returns whether the key changed. */
export async function followRotation(spaceId: string, doc: Y.Doc): Promise<boolean> {
  const row = await db().spaces.get(spaceId)
  if (!row || row.access === 'observer' || row.doc !== doc) return false
  const next = await newerKeyFor(doc, spaceId, row)
  if (!next) return false
  await db().spaces.update(spaceId, { key: next.key, keyEpoch: next.epoch, keyRecord: next.id, keyVerified: true })
  return true
}

/** Members removed by a rotation this device knows of (to say so on the space's page). */
export function removedMembers(doc: Y.Doc): Set<string> {
  const out = new Set<string>()
  for (const v of doc.getMap<unknown>(REKEYS).values()) {
    const r = RekeyRecord.safeParse(v)
    if (r.success && r.data.removed) out.add(r.data.removed)
  }
  return out
}
