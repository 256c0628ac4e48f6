import type { Transaction } from 'dexie'

/**
 * Every version of the local database, oldest first. A schema change is a new entry with its
 * upgrade; never edit an entry that has shipped (test/unit/data/migration.test.ts opens old ones).
 */
export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<unknown>
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    // v1: spaces with their root Y.Doc, and this device's identity
    version: 1,
    stores: {
      spaces: 'id, kind, name, doc: Y.Doc',
      identity: 'id'
    }
  },
  {
    // v2: leaving a space keeps its local copy (status), settings move into their own table
    version: 2,
    stores: {
      spaces: 'id, kind, name, status, doc: Y.Doc',
      identity: 'id',
      settings: 'key'
    },
    upgrade: async (tx) => {
      await tx
        .table('spaces')
        .toCollection()
        .modify((space: Record<string, unknown>) => {
          space.status ??= 'active'
          space.keyVerified ??= true
        })
      // v1 kept the signaling list on the identity row
      const me = (await tx.table('identity').get('me')) as Record<string, unknown> | undefined
      if (me && Array.isArray(me.signalingUrls)) {
        await tx.table('settings').put({ key: 'signalingUrls', value: me.signalingUrls })
        delete me.signalingUrls
        await tx.table('identity').put(me)
      }
    }
  },
  {
    // v3: a space's other documents (one per sprint, board, journal …), each synced in its own room
    version: 3,
    stores: {
      spaces: 'id, kind, name, status, doc: Y.Doc',
      identity: 'id',
      settings: 'key',
      docs: 'id, spaceId, doc: Y.Doc'
    }
  },
  {
    // v4: what never leaves this device: private notes, retro cards still being written (hidden
    // from others until reveal), and which anonymous cards are mine
    version: 4,
    stores: {
      spaces: 'id, kind, name, status, doc: Y.Doc',
      identity: 'id',
      settings: 'key',
      docs: 'id, spaceId, doc: Y.Doc',
      privateNotes: 'id, spaceId, updatedAt',
      draftCards: 'id, boardId',
      myCards: 'id, boardId'
    }
  },
  {
    // v5: planning-poker votes not yet revealed (hidden from others until reveal, like retro drafts)
    version: 5,
    stores: {
      spaces: 'id, kind, name, status, doc: Y.Doc',
      identity: 'id',
      settings: 'key',
      docs: 'id, spaceId, doc: Y.Doc',
      privateNotes: 'id, spaceId, updatedAt',
      draftCards: 'id, boardId',
      myCards: 'id, boardId',
      pokerVotes: 'id, docId, spaceId'
    }
  }
]

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version
