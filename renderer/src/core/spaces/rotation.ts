import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { newId, newSpaceKey, isSpaceKey } from '@shared/spaces/key.ts'
import {
  authorHolds,
  BEACON_GRACE_MS,
  beaconKeyOf,
  BoxKeyEntry,
  boxKeyText,
  heldProof,
  heldWith,
  proofHolds,
  RekeyRecord,
  rekeyContext,
  rekeyProof,
  rekeyProofText,
  settleRotations,
  type Admission,
  type Settled
} from '@shared/spaces/rotation.ts'
import { isVerifiableId, keyMatchesId, seal, verifySealNow } from '@shared/identity/signing.ts'
import { secretKeyOf } from '../collections/signing.ts'
import { isBoxPublicKey, openBox, sealTo, type BoxKeyPair } from '@shared/spaces/seal.ts'
import { db, type FormerKey, type IdentityRow, type SpaceRow } from '../database/db.ts'
import { myBoxKeys } from './boxKeys.ts'
import { readMembers } from './spaceDoc.ts'

/**
 * Remove a member = rotate the space key (shared/spaces/rotation.ts). Any member may remove
 * another: spaces have no admins (the creator is recorded, with no other rights), the same rule as
 * for inviting. The removed devices keep what they had and get nothing new.
 *
 * Rotations form a chain (shared/spaces/rotation.ts, `settleRotations`): two members rotating at
 * once (or cut off from each other) make two successors of one key; every device applies the same
 * rule to the records it sees and ends on the same key, and a losing rotation's removal is made
 * again on top of the winner before anyone uses the winner's key. A record counts only sealed by
 * its author (shared/spaces/rotation.ts `authorHolds`). Records travel with the root
 * document and through the beacon rooms of earlier keys (core/spaces/rekeyBeacon.ts), where the
 * devices that left a key keep serving them for 30 days.
 */
const BOX_KEYS = 'boxKeys'
const REKEYS = 'rekeys'

/**
 * This device's box key in the space's root document, so that a rotation can seal the new key to
 * it — sealed by its person (issue 10 #15): otherwise a member about to be removed could publish
 * their own box key under a remaining member's name and be sealed the new key. It also proves
 * which key the device holds (`held`, with that key's beacon key; written again when the key
 * changes): a member removed and invited again is let back in by it (`admissionsOf`). Without the
 * person's key here (an id from before signatures) nothing is published: such a member needs a new
 * invite after a rotation.
 */
export function publishBoxKey(doc: Y.Doc, memberId: string, boxKey: string, spaceKey?: string): void {
  const secretKey = secretKeyOf(memberId)
  if (!secretKey || !isVerifiableId(memberId)) return
  const map = doc.getMap<unknown>(BOX_KEYS)
  const now = BoxKeyEntry.safeParse(map.get(boxKey))
  const beacon = spaceKey ? beaconKeyOf(spaceKey) : null
  if (now.success && now.data.member === memberId && holds(boxKey, now.data) && (!beacon || heldWith(beacon, boxKey, now.data))) return
  const at = Date.now()
  const held = beacon ? heldProof(beacon, boxKey, memberId, at) : undefined
  map.set(boxKey, { member: memberId, at, seal: seal(secretKey, boxKeyText(boxKey, memberId, at, held)), ...(held ? { held } : {}) })
}

const holds = (boxKey: string, entry: BoxKeyEntry): boolean =>
  isVerifiableId(entry.member) && verifySealNow(entry.seal, boxKeyText(boxKey, entry.member, entry.at, entry.held), entry.member)

/**
 * Who holds which key, as their box key entries prove (sealed by them, `held` with a key's beacon
 * key this device knows): the rule lets a removed member back in from a later record on the chain
 * whose key they hold (they were invited again).
 */
export function admissionsOf(doc: Y.Doc, beacons: ReadonlyMap<string, string>): Admission[] {
  const out: Admission[] = []
  for (const [k, v] of doc.getMap<unknown>(BOX_KEYS)) {
    const entry = BoxKeyEntry.safeParse(v)
    if (!isBoxPublicKey(k) || !entry.success || typeof entry.data.held !== 'string' || !holds(k, entry.data)) continue
    for (const [record, beacon] of beacons) if (heldWith(beacon, k, entry.data)) out.push({ member: entry.data.member, record })
  }
  return out
}

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

/** What a new rotation builds on: the record whose key it replaces, that key's beacon key, who must not get the new key. */
export interface RekeyBase {
  after: string
  beaconKey: string
  /** members removed (by the chain and not invited again since, or owed a removal): not sealed to */
  exclude?: Iterable<string>
}

/**
 * The rotation to write, before anything is written (pure: tested in node). Sealed by `me`'s person
 * (`me.secretKey`, else this device's signer): without their key the record counts nowhere.
 */
export function planRemoval(doc: Y.Doc, spaceId: string, removed: string, me: { memberId: string; boxKey: string; secretKey?: string }, epoch: number, base?: RekeyBase) {
  const key = newSpaceKey()
  const id = newId()
  const boxes: Record<string, string> = {}
  const out = new Set(base?.exclude ?? [])
  if (removed) out.add(removed)
  const keys = boxKeysOf(doc)
  keys.set(me.boxKey, me.memberId)
  for (const [boxKey, member] of keys) if (!out.has(member)) boxes[boxKey] = sealTo(boxKey, key, rekeyContext(spaceId, epoch, id, boxKey))
  const remaining = readMembers(doc).filter((m) => !m.leftAt && !out.has(m.id) && m.id !== me.memberId).map((m) => m.id)
  const reached = new Set([...keys].filter(([, m]) => !out.has(m)).map(([, m]) => m))
  const unsigned: RekeyRecord = { epoch, id, removed, by: me.memberId, at: Date.now(), boxes, ...(base ? { after: base.after } : {}) }
  const text = rekeyProofText(spaceId, unsigned)
  const secretKey = me.secretKey ?? secretKeyOf(me.memberId)
  const record: RekeyRecord = {
    ...unsigned,
    ...(base ? { proof: rekeyProof(base.beaconKey, text) } : {}),
    ...(secretKey ? { seal: seal(secretKey, text) } : {})
  }
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

/** This person's signing key, when `me` names it (a rotation is sealed by its author). */
const signingKeyOf = (me: Pick<IdentityRow, 'deviceId' | 'secretKey'> | undefined): string | null =>
  me && isVerifiableId(me.deviceId) ? (me.secretKey && keyMatchesId(me.secretKey, me.deviceId) ? me.secretKey : secretKeyOf(me.deviceId)) : null

async function rotate(spaceId: string, memberId: string, me: IdentityRow): Promise<RemovalOutcome> {
  const row = await db().spaces.get(spaceId)
  if (!row || row.status !== 'active' || row.access === 'observer') throw new Error('Only a member of the space can remove someone.')
  const secretKey = signingKeyOf(me)
  if (!secretKey) throw new Error('Removing someone needs your signing key, which this profile does not have: ask a member who joined since signatures to do it.')
  const box = await myBoxKeys()
  const provider = DexieYProvider.load(row.doc)
  let plan: ReturnType<typeof planRemoval>
  try {
    await provider.whenLoaded
    const { settled, current } = chainOf(row.doc, spaceId, row, box)
    if (settled.removed.includes(me.deviceId)) throw new Error('You were removed from this space.')
    const epoch = (row.keyEpoch ?? 0) + 1
    const base = { after: current, beaconKey: beaconKeyOf(row.key), exclude: settled.removed }
    plan = planRemoval(row.doc, spaceId, memberId, { memberId: me.deviceId, boxKey: box.publicKey, secretKey }, epoch, base)
    row.doc.getMap<unknown>(REKEYS).set(plan.record.id, plan.record)
  } finally {
    DexieYProvider.release(row.doc)
  }
  // the record goes out over the old room before this device leaves it
  await new Promise((r) => setTimeout(r, 600))
  await switchTo(spaceId, row, plan.record.after ?? '', { key: plan.key, epoch: plan.record.epoch, id: plan.record.id }, [])
  return plan.outcome
}

/** The rotation records in a root document (any key they were written under). */
export function recordsOf(doc: Y.Doc): RekeyRecord[] {
  const out: RekeyRecord[] = []
  for (const v of doc.getMap<unknown>(REKEYS).values()) {
    const r = RekeyRecord.safeParse(v)
    if (r.success) out.push(r.data)
  }
  return out
}

const live = (row: Pick<SpaceRow, 'formerKeys'>, now: number) => (row.formerKeys ?? []).filter((f) => f.until > now)

/**
 * The chain as this device can check it: records whose proof holds with the beacon key of a key
 * this device holds, held, or opened from its own box on the way, and whose author's seal holds
 * (`authorHolds`); the keys it opened; who holds which key (`admissionsOf`); the rule's answer from
 * the oldest key it still knows. Records from before seals (builds of the day chains came, never
 * released) count only where this device took their key already: its current and former keys.
 */
export function chainOf(doc: Y.Doc, spaceId: string, row: Pick<SpaceRow, 'key' | 'keyRecord' | 'formerKeys'>, box: BoxKeyPair, now = Date.now()) {
  const formers = live(row, now)
  const beacons = new Map<string, string>(formers.map((f) => [f.record, f.beacon]))
  const current = row.keyRecord ?? ''
  beacons.set(current, beaconKeyOf(row.key))
  const taken = new Set(beacons.keys())
  const keys = new Map<string, string>([[current, row.key]])
  const valid: RekeyRecord[] = []
  let pending = recordsOf(doc).filter((r) => typeof r.after === 'string' && typeof r.proof === 'string' && (taken.has(r.id) || authorHolds(spaceId, r)))
  for (let changed = true; changed; ) {
    changed = false
    const rest: RekeyRecord[] = []
    for (const r of pending) {
      const beacon = beacons.get(r.after!)
      if (beacon === undefined) {
        rest.push(r)
        continue
      }
      changed = true
      if (!proofHolds(beacon, spaceId, r)) continue
      valid.push(r)
      const sealed = r.boxes[box.publicKey]
      const key = sealed ? openBox(box, sealed, rekeyContext(spaceId, r.epoch, r.id, box.publicKey)) : null
      if (key && isSpaceKey(key)) {
        keys.set(r.id, key)
        beacons.set(r.id, beaconKeyOf(key))
      }
    }
    pending = rest
  }
  const from = formers[0]?.record ?? current
  // whom each record's key reaches: its boxes' members, as they sealed their box keys
  const members = boxKeysOf(doc)
  const boxed = (r: RekeyRecord) => [...new Set(Object.keys(r.boxes).flatMap((k) => members.get(k) ?? []))]
  const settled: Settled = settleRotations(
    valid.map((r) => ({ id: r.id, after: r.after!, epoch: r.epoch, at: r.at, by: r.by, removed: r.removed, boxed: boxed(r) })),
    from,
    admissionsOf(doc, beacons)
  )
  return { settled, keys, beacons, valid, current }
}

export type Followed = 'same' | 'switched' | 'removed' | 'waiting'

/**
 * Brings this device onto the chain's key (shared/spaces/rotation.ts). When a losing rotation's
 * removal is owed, someone holding the chain's key rotates once more on top of it before anyone
 * uses it (a removed member may know it: they wrote it, or it was sealed to them before the
 * removal that lost was known): this device does it at once when it wrote a record that lost (it
 * knows it is alive) or its own chain went further than the winner's; otherwise it answers
 * 'waiting' and is asked again with `anyone` a little later (the sync manager, 30 s), so that
 * several devices rarely rotate at once (if they do, the rule settles that too).
 */
export function followRotation(spaceId: string, doc: Y.Doc, opts: { anyone?: boolean; me?: string } = {}): Promise<Followed> {
  // one at a time per space: two calls at once would each rotate on top of the chain
  const run = (following.get(spaceId) ?? Promise.resolve()).catch(() => {}).then(() => follow(spaceId, doc, opts))
  following.set(spaceId, run)
  void run.finally(() => following.get(spaceId) === run && following.delete(spaceId)).catch(() => {})
  return run
}
const following = new Map<string, Promise<Followed>>()

async function follow(spaceId: string, doc: Y.Doc, opts: { anyone?: boolean; me?: string }): Promise<Followed> {
  for (let round = 0; round < 8; round++) {
    const row = await db().spaces.get(spaceId)
    if (!row || row.access === 'observer' || row.doc !== doc || row.status !== 'active') return 'same'
    const box = await myBoxKeys()
    const { settled, keys, beacons, valid, current } = chainOf(doc, spaceId, row, box)
    const tip = settled.line.at(-1)
    const myEpoch = row.keyEpoch ?? 0
    const behind = tip !== undefined && tip.epoch < myEpoch
    if (settled.owed.length === 0 && !behind) {
      if (!tip || tip.id === current) return 'same'
      const key = keys.get(tip.id)
      if (!key) return 'removed'
      await switchTo(spaceId, row, current, { key, epoch: tip.epoch, id: tip.id }, passed(settled, keys, beacons, tip.id))
      return 'switched'
    }
    // a removal is owed (or this device's own chain lost while further on): rotate on top of the chain
    const at = tip?.id ?? current
    const baseKey = keys.get(at)
    if (!baseKey) return 'removed'
    const identity = await db().identity.get('me')
    const me = opts.me ?? identity?.deviceId
    if (!me || settled.removed.includes(me)) return 'removed'
    // a rotation counts only sealed by its author: without this person's key, someone else makes it
    const secretKey = signingKeyOf(identity?.deviceId === me ? identity : { deviceId: me })
    if (!secretKey) return 'waiting'
    const lost = valid.some((r) => r.by === me && !settled.line.some((l) => l.id === r.id))
    if (!opts.anyone && !lost && !behind) return 'waiting'
    const epoch = Math.max(tip?.epoch ?? 0, myEpoch) + 1
    const base = { after: at, beaconKey: beaconKeyOf(baseKey), exclude: settled.removed }
    const plan = planRemoval(doc, spaceId, settled.owed[0] ?? '', { memberId: me, boxKey: box.publicKey, secretKey }, epoch, base)
    doc.getMap<unknown>(REKEYS).set(plan.record.id, plan.record)
    // and round again: more may be owed, then this device takes its own record's key
  }
  return 'same'
}

/** The keys of the chain between this device's key and `to` (it serves their beacons too). */
function passed(settled: Settled, keys: Map<string, string>, beacons: Map<string, string>, to: string): FormerKey[] {
  const out: FormerKey[] = []
  for (const step of settled.line) {
    if (step.id === to) break
    const key = keys.get(step.id)
    const beacon = beacons.get(step.id)
    if (key && beacon) out.push({ record: step.id, beacon, epoch: step.epoch, until: 0 })
  }
  return out
}

/**
 * Switches the space row to a new key: the old key's beacon key (not the key) is kept for 30 days
 * with those of the keys passed on the way, so this device keeps serving rotation records there.
 */
async function switchTo(spaceId: string, row: SpaceRow, current: string, next: { key: string; epoch: number; id: string }, between: FormerKey[]): Promise<void> {
  const now = Date.now()
  const until = now + BEACON_GRACE_MS
  const left: FormerKey = { record: current, beacon: beaconKeyOf(row.key), epoch: row.keyEpoch ?? 0, until }
  const formerKeys = [...live(row, now), left, ...between.map((f) => ({ ...f, until }))].filter((f, i, all) => all.findIndex((o) => o.record === f.record) === i)
  await db().spaces.update(spaceId, { key: next.key, keyEpoch: next.epoch, keyRecord: next.id, keyVerified: true, formerKeys })
}

/**
 * The newest key the chain gives this device that it has not applied, or null (nothing newer, this
 * device was removed, its box key was not published, or a removal is still owed).
 */
export async function newerKeyFor(doc: Y.Doc, spaceId: string, current: Pick<SpaceRow, 'key' | 'keyRecord' | 'formerKeys'>): Promise<{ key: string; epoch: number; id: string } | null> {
  const { settled, keys } = chainOf(doc, spaceId, current, await myBoxKeys())
  const tip = settled.line.at(-1)
  const key = tip && settled.owed.length === 0 && tip.id !== current.keyRecord ? keys.get(tip.id) : undefined
  return tip && key ? { key, epoch: tip.epoch, id: tip.id } : null
}

/**
 * Members removed now, as the chain this device can check says (to say so on the space's page):
 * not those invited again since, and nobody a record that does not count names.
 */
export function removedMembers(doc: Y.Doc, spaceId: string, row: Pick<SpaceRow, 'key' | 'keyRecord' | 'formerKeys'>, box: BoxKeyPair): Set<string> {
  return new Set(chainOf(doc, spaceId, row, box).settled.removed)
}
