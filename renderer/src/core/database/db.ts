import Dexie, { type EntityTable } from 'dexie'
import yDexie from 'y-dexie'
import type * as Y from 'yjs'
import type { SpaceKind } from '@shared/spaces/space.ts'
import type { TurnServer } from '@shared/sync/ice.ts'
import { LATEST_VERSION, SCHEMA_VERSIONS } from './schema.ts'
import { spaceKeyGuard } from './keyGuard.ts'
import { secretsMiddleware } from './secrets.ts'

export type SpaceStatus = 'active' | 'left'

export interface SpaceRow {
  id: string
  kind: SpaceKind
  /** the name last seen in the space's document (the document is the source of truth) */
  name: string
  /** 256-bit secret, base64url: the room password */
  key: string
  status: SpaceStatus
  joinedAt: number
  /** true once this device has exchanged a message with a peer using this key (or created it) */
  keyVerified: boolean
  /**
   * 'observer': not a member; a team the org may observe, joined with its observe key: its documents
   * are the copies members' devices write for observers (shared/spaces/observe.ts). Absent: a member.
   */
  access?: 'observer'
  /**
   * how many times the key was rotated (remove member: core/spaces/rotation.ts; absent = 0) and
   * the rotation record it came from; with an epoch every room is named by the key
   */
  keyEpoch?: number
  keyRecord?: string
  /**
   * the keys this device rotated away from, as beacon keys (never the keys): for 30 days it keeps
   * serving rotation records in their beacon rooms (core/spaces/rekeyBeacon.ts), oldest first
   */
  formerKeys?: FormerKey[]
  /** TURN servers that came with this space's invite: used for this space's connections only */
  turn?: TurnServer[]
  /** the space's root document, persisted by y-dexie */
  readonly doc: Y.Doc
}

/** A key this device left behind in a rotation (shared/spaces/rotation.ts: beaconKeyOf). */
export interface FormerKey {
  /** the rotation record the key came from ('' = the space's first key) */
  record: string
  beacon: string
  epoch: number
  /** until when its beacon room is served */
  until: number
}

/** A space's other documents; the id is derived (`<spaceId>/<key>`) so every peer finds it. */
export interface DocRow {
  id: string
  spaceId: string
  readonly doc: Y.Doc
}

/** A note only this device ever sees (never in a synced document). */
export interface PrivateNoteRow {
  id: string
  spaceId: string
  /** what it is about, e.g. 'pair' or 'session:<id>' */
  topic: string
  text: string
  updatedAt: number
}

/** A retro card being written: stays on this device until the board is revealed. */
export interface DraftCardRow {
  id: string
  /** `${spaceId}/${docKey}` of the board's document */
  boardId: string
  columnId: string
  text: string
  anonymous: boolean
  createdAt: number
}

/** A card this device wrote (so an anonymous author can still edit and delete it). */
export interface MyCardRow {
  id: string
  boardId: string
}

/**
 * A planning-poker vote not yet revealed: only this device knows its value (the shared document
 * holds a 'voted' marker without it) until the round is revealed and it is published.
 */
export interface PokerVoteRow {
  /** `${docId}|${ticketId}#${round}` */
  id: string
  /** `${spaceId}/${docKey}` of the scrum document (`scrum/<n>`) */
  docId: string
  spaceId: string
  ticketId: string
  round: number
  value: string
  votedAt: number
}

export interface IdentityRow {
  id: 'me'
  /** this person's member id (on every device of theirs): derived from their public key since signatures */
  deviceId: string
  name: string
  color: string
  /** their Ed25519 secret key (shared/identity/signing.ts); absent on identities made before signatures */
  secretKey?: string
}

export interface SettingRow {
  key: string
  value: unknown
}

export type TandemDb = Dexie & {
  spaces: EntityTable<SpaceRow, 'id'>
  identity: EntityTable<IdentityRow, 'id'>
  settings: EntityTable<SettingRow, 'key'>
  docs: EntityTable<DocRow, 'id'>
  privateNotes: EntityTable<PrivateNoteRow, 'id'>
  draftCards: EntityTable<DraftCardRow, 'id'>
  myCards: EntityTable<MyCardRow, 'id'>
  pokerVotes: EntityTable<PokerVoteRow, 'id'>
}

export const DB_NAME = 'tandem'

/** Opens the database declared up to `upTo` (older versions are for migration tests). */
export function createDb(name = DB_NAME, upTo = LATEST_VERSION): TandemDb {
  const db = new Dexie(name, { addons: [yDexie] }) as TandemDb
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break
    const declared = db.version(v.version).stores(v.stores)
    if (v.upgrade) declared.upgrade(v.upgrade)
  }
  db.use(spaceKeyGuard)
  // secrets wrapped at rest with the desktop's storage key (secrets.ts); below everything else
  db.use(secretsMiddleware)
  return db
}

let shared: TandemDb | null = null

/** The app's one database. */
export function db(): TandemDb {
  shared ??= createDb()
  return shared
}
