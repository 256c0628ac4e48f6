import type * as Y from 'yjs'
import { newId } from '../../../../shared/spaces/key.ts'
import type { Profile } from '../../../../shared/mentorship/profile.ts'
import type { PoolWrite } from '../../../../shared/mentorship/poolImport.ts'
import { OrgMentoring, PoolPair, PoolProfile } from '../../../../shared/mentorship/pairRecords.ts'
import { patchRecord, readCollection, readRecord, removeRecord, transact, useCollection, useDocRead, type WithId } from '../collections.ts'

/** The org space's mentoring pool, in its root document (shared/mentorship/pairRecords.ts). */
export const POOL = 'pool'
export const POOL_PAIRS = 'pairs'
export const ORG_SETTINGS = 'orgSettings'
export const MENTORING = 'mentoring'

export function usePool(doc: Y.Doc | null): WithId<PoolProfile>[] {
  return useCollection(doc, POOL, PoolProfile)
}

export function usePoolPairs(doc: Y.Doc | null): WithId<PoolPair>[] {
  return useCollection(doc, POOL_PAIRS, PoolPair)
}

const NO_SETTINGS: OrgMentoring = { trackerBaseUrl: '' }

export function useOrgMentoring(doc: Y.Doc | null): OrgMentoring {
  return useDocRead(doc, (d) => readRecord(d, ORG_SETTINGS, MENTORING, OrgMentoring) ?? NO_SETTINGS, NO_SETTINGS)
}

export function setOrgTrackerBaseUrl(doc: Y.Doc, trackerBaseUrl: string): void {
  patchRecord(doc, ORG_SETTINGS, MENTORING, { trackerBaseUrl })
}

function profileFields(profile: Profile): Record<string, unknown> {
  return {
    name: profile.name,
    dept: profile.dept,
    // absent time zone: the field goes (patchRecord deletes undefined)
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
  patchRecord(doc, POOL, profileId, id ? profileFields(profile) : { ...profileFields(profile), importedFrom: null, addedAt: Date.now() })
  return profileId
}

export function removeProfile(doc: Y.Doc, id: string): void {
  removeRecord(doc, POOL, id)
}

/** Writes a planned import (shared/mentorship/poolImport.ts) as one change. */
export function applyPoolImport(doc: Y.Doc, writes: readonly PoolWrite[]): void {
  const now = Date.now()
  transact(doc, () => {
    for (const w of writes) {
      patchRecord(doc, POOL, w.id, { ...profileFields(w.profile), importedFrom: w.importedFrom, ...(w.isNew ? { addedAt: now } : {}) })
    }
  })
}

export function recordPoolPair(doc: Y.Doc, pair: Omit<PoolPair, 'endedAt'>): string {
  const id = newId()
  patchRecord(doc, POOL_PAIRS, id, { ...pair, endedAt: null })
  return id
}

/** Marks the org's record of a pair space ended (or running again, with null). */
export function setPoolPairEnded(doc: Y.Doc, spaceId: string, endedAt: number | null): void {
  transact(doc, () => {
    for (const pair of readCollection(doc, POOL_PAIRS, PoolPair)) {
      if (pair.spaceId === spaceId) patchRecord(doc, POOL_PAIRS, pair.id, { endedAt })
    }
  })
}
