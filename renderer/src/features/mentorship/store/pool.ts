import type * as Y from 'yjs'
import { newId } from '@shared/spaces/key.ts'
import type { Profile } from '@shared/mentorship/profile.ts'
import type { PoolWrite } from '@shared/mentorship/poolImport.ts'
import { OrgMentoring, PoolPair, PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { collection, defineCollection, useRecord, useRecords, type Rec } from '@core/collections/index.ts'

/** The org space's mentoring pool, in its root document (shared/mentorship/pairRecords.ts). */
export const POOL = defineCollection({ name: 'pool', schema: PoolProfile })
export const POOL_PAIRS = defineCollection({ name: 'pairs', schema: PoolPair })
const ORG_SETTINGS = defineCollection({ name: 'orgSettings', schema: OrgMentoring })
const MENTORING = 'mentoring'

export function usePool(doc: Y.Doc | null): readonly Rec<PoolProfile>[] {
  return useRecords(doc, POOL)
}

export function usePoolPairs(doc: Y.Doc | null): readonly Rec<PoolPair>[] {
  return useRecords(doc, POOL_PAIRS)
}

const NO_SETTINGS: OrgMentoring = { trackerBaseUrl: '' }

export function useOrgMentoring(doc: Y.Doc | null): OrgMentoring {
  return useRecord(doc, ORG_SETTINGS, MENTORING) ?? NO_SETTINGS
}

export function setOrgTrackerBaseUrl(doc: Y.Doc, trackerBaseUrl: string): void {
  collection(doc, ORG_SETTINGS).patch(MENTORING, { trackerBaseUrl })
}

function profileFields(profile: Profile) {
  return {
    name: profile.name,
    dept: profile.dept,
    // absent time zone: the field goes (a patch deletes undefined)
    timezone: profile.timezone,
    hobbies: profile.hobbies,
    favoriteResources: profile.favoriteResources,
    beAMentor: profile.beAMentor,
    seekAMentor: profile.seekAMentor
  }
}

/** Adds a typed-in profile (id null) or saves an edited one; returns its id. */
export function saveProfile(doc: Y.Doc, id: string | null, profile: Profile): string {
  const profileId = id ?? newId()
  collection(doc, POOL).patch(profileId, id ? profileFields(profile) : { ...profileFields(profile), importedFrom: null, addedAt: Date.now() })
  return profileId
}

export function removeProfile(doc: Y.Doc, id: string): void {
  collection(doc, POOL).remove(id)
}

/** Writes a planned import (shared/mentorship/poolImport.ts) as one change. */
export function applyPoolImport(doc: Y.Doc, writes: readonly PoolWrite[]): void {
  const now = Date.now()
  const pool = collection(doc, POOL)
  doc.transact(() => {
    for (const w of writes) pool.patch(w.id, { ...profileFields(w.profile), importedFrom: w.importedFrom, ...(w.isNew ? { addedAt: now } : {}) })
  })
}

export function recordPoolPair(doc: Y.Doc, pair: Omit<PoolPair, 'endedAt'>): string {
  return collection(doc, POOL_PAIRS).create({ ...pair, endedAt: null }, { id: newId() })
}

/** Marks the org's record of a pair space ended (or running again, with null). */
export function setPoolPairEnded(doc: Y.Doc, spaceId: string, endedAt: number | null): void {
  const pairs = collection(doc, POOL_PAIRS)
  doc.transact(() => {
    for (const pair of pairs.list()) if (pair.spaceId === spaceId) pairs.patch(pair.id, { endedAt })
  })
}
