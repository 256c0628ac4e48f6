import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { newId, newSpaceKey } from '@shared/spaces/key.ts'
import type { Invite } from '@shared/spaces/invite.ts'
import type { SpaceKind } from '@shared/spaces/space.ts'
import { turnForInvite } from '@shared/sync/ice.ts'
import { relayUrlsOf } from '../sync/relayLink.ts'
import { getSettings } from '../device/settings.ts'
import { db, type IdentityRow, type SpaceRow } from '../database/db.ts'
import { deleteSpaceLocally } from './deleteSpace.ts'
import { initSpaceDoc, setSpaceDescription, setSpaceName, upsertSelf } from './spaceDoc.ts'

/** Space commands. They change rows and documents; the sync manager follows the rows. */

async function withDoc<T>(spaceId: string, f: (doc: Y.Doc, row: SpaceRow) => T): Promise<T> {
  const row = await db().spaces.get(spaceId)
  if (!row) throw new Error('This space is no longer on this device.')
  const provider = DexieYProvider.load(row.doc)
  try {
    await provider.whenLoaded
    return f(row.doc, row)
  } finally {
    DexieYProvider.release(row.doc)
  }
}

const memberOf = (me: IdentityRow) => ({ id: me.deviceId, name: me.name, color: me.color })

export async function createSpace(name: string, kind: SpaceKind, me: IdentityRow): Promise<string> {
  const id = newId()
  const now = Date.now()
  await db().spaces.add({ id, kind, name, key: newSpaceKey(), status: 'active', joinedAt: now, keyVerified: true } as SpaceRow)
  await withDoc(id, (doc) => {
    initSpaceDoc(doc, { name, kind, createdBy: me.deviceId, now })
    upsertSelf(doc, memberOf(me), now)
  })
  return id
}

export type JoinOutcome = 'joined' | 'already-member' | 'rejoined'

/** An invite names a space this device already has, with another key: refuse and change nothing. */
export class ImpersonationError extends Error {
  constructor(
    readonly spaceId: string,
    /** a member has confirmed this device's key for the space (false: it may be the damaged one) */
    readonly keyConfirmed: boolean
  ) {
    super(
      'This invite does not belong to the space you already have — someone may be impersonating it. ' +
        'Nothing was changed; ask a member you trust for a new invite.'
    )
    this.name = 'ImpersonationError'
  }
}

/**
 * Join from an invite. A space already here keeps its key and its data: the same key opens it
 * (and rejoins it if it was left); another key is refused, since the key decides whose room this
 * device syncs the space into; core/database/keyGuard.ts refuses any key change.
 */
export async function joinSpace(invite: Invite, me: IdentityRow): Promise<JoinOutcome> {
  let existing = await db().spaces.get(invite.spaceId)
  // an observed team's copy (what its members copy for observers) gives way to the team itself
  if (existing?.access === 'observer') {
    await deleteSpaceLocally(invite.spaceId)
    existing = undefined
  }
  const now = Date.now()
  if (existing) {
    if (existing.key !== invite.key) throw new ImpersonationError(invite.spaceId, existing.keyVerified)
    // the same space's invite with TURN servers: the newest invite's are the space's
    if (invite.turn?.length) await db().spaces.update(invite.spaceId, { turn: invite.turn })
    if (existing.status === 'active') return 'already-member'
    await db().spaces.update(invite.spaceId, { status: 'active' })
    await withDoc(invite.spaceId, (doc) => upsertSelf(doc, memberOf(me), now))
    return 'rejoined'
  }
  await db().spaces.add({
    id: invite.spaceId,
    kind: invite.kind,
    name: invite.name,
    key: invite.key,
    status: 'active',
    joinedAt: now,
    keyVerified: false,
    ...(invite.turn?.length ? { turn: invite.turn } : {}),
    ...(invite.rekey ? { keyRecord: invite.rekey.record, keyEpoch: invite.rekey.epoch } : {})
  } as SpaceRow)
  await withDoc(invite.spaceId, (doc) => {
    // the invite's relays: this device reaches the members' edits through them even if nobody is online
    if (invite.relays?.length && relayUrlsOf(doc).length === 0) doc.getMap('meta').set('relays', invite.relays)
    upsertSelf(doc, memberOf(me), now)
  })
  return 'joined'
}

/**
 * Observe a team the org may observe (issue 10 #19): the team space is added with its observe key
 * as an observer's copy (`access: 'observer'`): its documents are the copies members' devices
 * write for observers (the sync-up, never the retro: shared/spaces/observe.ts). A copy of an
 * earlier observe key is replaced; a team this device is a member of is left as it is.
 */
export async function observeTeam(team: { spaceId: string; name: string; observeKey: string }): Promise<'observing' | 'member'> {
  const existing = await db().spaces.get(team.spaceId)
  if (existing && existing.access !== 'observer') return 'member'
  if (existing?.key === team.observeKey) {
    if (existing.status !== 'active') await db().spaces.update(team.spaceId, { status: 'active' })
    return 'observing'
  }
  if (existing) await deleteSpaceLocally(team.spaceId)
  await db().spaces.add({
    id: team.spaceId,
    kind: 'team',
    name: team.name,
    key: team.observeKey,
    status: 'active',
    joinedAt: Date.now(),
    keyVerified: false,
    access: 'observer'
  } as SpaceRow)
  return 'observing'
}

/**
 * Join with an invite in place of this device's copy of the same space that no member ever
 * confirmed (its key may be the damaged one, e.g. after "this invite's key does not match"): the
 * copy is deleted with everything of it on this device, then the invite is joined; the sync
 * manager follows the new row into the invite's room at once. A copy a member has confirmed is
 * never replaced (ImpersonationError, nothing changed).
 */
export async function joinReplacingUnconfirmed(invite: Invite, me: IdentityRow): Promise<JoinOutcome> {
  const existing = await db().spaces.get(invite.spaceId)
  if (existing && existing.key !== invite.key) {
    if (existing.keyVerified) throw new ImpersonationError(invite.spaceId, true)
    await deleteSpaceLocally(invite.spaceId)
  }
  return joinSpace(invite, me)
}

export async function renameSpace(spaceId: string, name: string): Promise<void> {
  await withDoc(spaceId, (doc) => setSpaceName(doc, name))
  await db().spaces.update(spaceId, { name })
}

export async function describeSpace(spaceId: string, description: string): Promise<void> {
  await withDoc(spaceId, (doc) => setSpaceDescription(doc, description))
}

/** Leave: tell the others (if they are online), stop syncing, keep the local copy. */
export async function leaveSpace(spaceId: string, me: IdentityRow): Promise<void> {
  const now = Date.now()
  await withDoc(spaceId, (doc) => upsertSelf(doc, memberOf(me), now, now))
  // give the live connection a moment to carry the news before it closes
  await new Promise((r) => setTimeout(r, 400))
  await db().spaces.update(spaceId, { status: 'left' })
}

export async function rejoinSpace(spaceId: string, me: IdentityRow): Promise<void> {
  await withDoc(spaceId, (doc) => upsertSelf(doc, memberOf(me), Date.now()))
  await db().spaces.update(spaceId, { status: 'active' })
}

/** Stops using the TURN servers a space's invite brought (they stay out of its invites too). */
export async function forgetSpaceTurn(spaceId: string): Promise<void> {
  await db().spaces.where('id').equals(spaceId).modify((r) => {
    delete r.turn
  })
}

/** Deletes this device's copy of a space: every row and stored update that belongs to it. */
export async function deleteLocalCopy(spaceId: string): Promise<void> {
  await deleteSpaceLocally(spaceId)
}

export async function inviteFor(spaceId: string): Promise<Invite> {
  const row = await db().spaces.get(spaceId)
  if (!row) throw new Error('This space is no longer on this device.')
  // the space's own TURN servers and this device's marked for invites: never another space's
  const turn = turnForInvite(row.turn ?? [], (await getSettings()).turnServers)
  // the space's relays (its root document names them), so the newcomer gets edits before anyone is online
  const relays = await withDoc(spaceId, (doc) => relayUrlsOf(doc))
  // where the key stands in the space's rotations (core/spaces/rotation.ts), so the newcomer follows the next ones
  const rekey = row.keyRecord && row.keyEpoch ? { rekey: { record: row.keyRecord, epoch: row.keyEpoch } } : {}
  return { spaceId: row.id, kind: row.kind, name: row.name, key: row.key, ...(turn.length ? { turn } : {}), ...(relays.length ? { relays } : {}), ...rekey }
}
