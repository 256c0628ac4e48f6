import { newId } from '@shared/spaces/key.ts'
import { Profile as ProfileSchema } from '@shared/mentorship/profile.ts'
import type { Profile } from '@shared/mentorship/profile.ts'
import type { PoolWrite } from '@shared/mentorship/poolImport.ts'
import { OrgMentoring, PoolPair, PoolProfile, poolPairStatus } from '@shared/mentorship/pairRecords.ts'
import { collection, defineCollection, ForeignRecordError, useRecord, useRecords, type Rec } from '@core/collections/index.ts'
import { programDoc, type Program, type ProgramRef } from './docs.ts'
import { canClaim } from '@shared/mentorship/poolOwnership.ts'
import { useMembers } from '@core/spaces/hooks.ts'
import { createdByOf } from '@core/spaces/spaceDoc.ts'
import type { MemberRecord } from '@shared/members/presence.ts'

/**
 * The org space's mentoring pool, in its root document (shared/mentorship/pairRecords.ts). A claimed profile is its owner's: what it says, that it is theirs, their availability (their
 * seal: core/collections/signing.ts). Where it came from and when it was added are the pool's.
 */
export const POOL = defineCollection({
  name: 'pool',
  schema: PoolProfile,
  signed: { by: 'ownerId', fields: [...Object.keys(ProfileSchema.shape), 'ownerId', 'available', 'capacity'] }
})
export const POOL_PAIRS = defineCollection({ name: 'pairs', schema: PoolPair })
const ORG_SETTINGS = defineCollection({ name: 'orgSettings', schema: OrgMentoring })
const MENTORING = 'mentoring'

export function usePool(program: Program | null): readonly Rec<PoolProfile>[] {
  return useRecords(program && programDoc(program), POOL)
}

export function usePoolPairs(program: Program | null): readonly Rec<PoolPair>[] {
  return useRecords(program && programDoc(program), POOL_PAIRS)
}

const NO_SETTINGS: OrgMentoring = { trackerBaseUrl: '' }

export function useOrgMentoring(program: Program | null): OrgMentoring {
  return useRecord(program && programDoc(program), ORG_SETTINGS, MENTORING) ?? NO_SETTINGS
}

export function setOrgTrackerBaseUrl(program: ProgramRef, trackerBaseUrl: string): void {
  collection(programDoc(program), ORG_SETTINGS).upsert(MENTORING, { trackerBaseUrl })
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

/**
 * Adds a typed-in profile (id null: the writer's own, `ownerId` them) or saves an edited one;
 * returns its id.
 */
export function saveProfile(program: ProgramRef, id: string | null, profile: Profile, ownerId: string | null = null): string {
  const profileId = id ?? newId()
  collection(programDoc(program), POOL).patch(profileId, id ? profileFields(profile) : { ...profileFields(profile), importedFrom: null, addedAt: Date.now(), ownerId })
  return profileId
}

/** The owner says whether they are open to a new pair and how many pairs they can take at once. */
export function setAvailability(program: ProgramRef, id: string, fields: { available?: boolean; capacity?: number }): void {
  collection(programDoc(program), POOL).patch(id, fields)
}

export function removeProfile(program: ProgramRef, id: string): void {
  collection(programDoc(program), POOL).remove(id)
}

/** Removes many profiles as one change (the admin's bulk remove, after one confirmation). */
export function removeProfiles(program: ProgramRef, ids: readonly string[]): void {
  const doc = programDoc(program)
  const pool = collection(doc, POOL)
  doc.transact(() => {
    for (const id of ids) pool.remove(id)
  })
}

/**
 * Claims an unclaimed profile as this member's own. Refused (false) when it is claimed already or
 * the member owns one. Two members claiming one profile at the same moment: the document keeps one
 * owner on every peer (last writer wins on the field), and the other sees it taken; one member
 * claiming on two devices writes the same value twice. Either way the pool keeps one profile.
 */
export function claimProfile(program: ProgramRef, id: string, me: string): boolean {
  const doc = programDoc(program)
  const pool = collection(doc, POOL)
  const profile = pool.get(id)
  if (!profile || !canClaim({ id, name: profile.name, ownerId: profile.ownerId }, pool.list(), me)) return false
  pool.patch(id, { ownerId: me })
  return true
}

/** The org's members (for avatar colours) and its admin: the member who created the org space. */
export function useProgramPeople(program: Program | null): { members: readonly MemberRecord[]; adminId: string | null } {
  const doc = program ? programDoc(program) : null
  const members = useMembers(doc)
  return { members, adminId: doc ? createdByOf(doc) : null }
}

/** Writes a planned import (shared/mentorship/poolImport.ts) as one change. */
export function applyPoolImport(program: ProgramRef, writes: readonly PoolWrite[]): void {
  const now = Date.now()
  const doc = programDoc(program)
  const pool = collection(doc, POOL)
  doc.transact(() => {
    for (const w of writes) {
      // imported profiles are unclaimed; one claimed meanwhile (a peer's claim arrived) stays its owner's
      if (!w.isNew && pool.get(w.id)?.ownerId) continue
      try {
        pool.patch(w.id, { ...profileFields(w.profile), importedFrom: w.importedFrom, ...(w.isNew ? { addedAt: now, ownerId: null } : {}) })
      } catch (e) {
        // a profile someone else's (a claim not checked yet, or a forged one): theirs to change
        if (!(e instanceof ForeignRecordError)) throw e
      }
    }
  })
}

type PairStart = Pick<PoolPair, 'aProfileId' | 'bProfileId' | 'aName' | 'bName' | 'spaceId' | 'startedAt'> & Partial<PoolPair>

const NEW_PAIR = { endedAt: null, suggestedBy: null, suggestedAt: null, declinedAt: null, lastSessionOn: null, nextSessionOn: null, endedWhy: null } as const

export function recordPoolPair(program: ProgramRef, pair: PairStart): string {
  return collection(programDoc(program), POOL_PAIRS).create({ ...NEW_PAIR, ...pair }, { id: newId() })
}

/**
 * The record id of a suggestion for these two: derived from the two profiles, so that two people
 * suggesting the same pair at the same moment write one record, not two; a pair that ended before
 * keeps its record and a new suggestion takes the next number.
 */
function suggestionId(pairs: ReturnType<typeof collection<PoolPair>>, x: string, y: string): string {
  const [a, b] = x < y ? [x, y] : [y, x]
  for (let n = 1; ; n++) {
    const id = `pair:${a}:${b}${n === 1 ? '' : `:${n}`}`
    const found = pairs.get(id)
    if (!found || poolPairStatus(found) !== 'ended') return id
  }
}

/**
 * Suggests a pair (issue 15 #1): a record in the org with the two profiles and no space. Nothing
 * is created for the pair until one of the two accepts. Suggesting a pair suggested or declined
 * before suggests it again; returns the record's id.
 */
export function suggestPoolPair(program: ProgramRef, input: { aProfileId: string; bProfileId: string; aName: string; bName: string; by: string }): string {
  const pairs = collection(programDoc(program), POOL_PAIRS)
  const id = suggestionId(pairs, input.aProfileId, input.bProfileId)
  const existing = pairs.get(id)
  if (existing?.spaceId) return id
  pairs.patch(id, {
    ...NEW_PAIR,
    aProfileId: input.aProfileId,
    bProfileId: input.bProfileId,
    aName: input.aName,
    bName: input.bName,
    spaceId: null,
    startedAt: 0,
    suggestedBy: input.by,
    suggestedAt: Date.now()
  })
  return id
}

export function declinePoolPair(program: ProgramRef, pairId: string): void {
  collection(programDoc(program), POOL_PAIRS).patch(pairId, { declinedAt: Date.now() })
}

/** The pair's space exists (on the accepting member's device): the org learns its id and the day, nothing more. */
export function markPoolPairStarted(program: ProgramRef, pairId: string, spaceId: string, startedAt: number): void {
  collection(programDoc(program), POOL_PAIRS).patch(pairId, { spaceId, startedAt, declinedAt: null })
}

export function readPoolPair(program: ProgramRef, pairId: string): (PoolPair & { id: string }) | null {
  return collection(programDoc(program), POOL_PAIRS).get(pairId) ?? null
}

export interface PairStatusReport {
  lastSessionOn: string | null
  nextSessionOn: string | null
  endedAt: number | null
}

/** The pair's own devices report its status to the org: dates only. Writes only what changed. */
export function reportPoolPairStatus(program: ProgramRef, spaceId: string, report: PairStatusReport): void {
  const doc = programDoc(program)
  const pairs = collection(doc, POOL_PAIRS)
  doc.transact(() => {
    for (const pair of pairs.list()) {
      if (pair.spaceId !== spaceId) continue
      const changed: Partial<PoolPair> = {}
      if (pair.lastSessionOn !== report.lastSessionOn) changed.lastSessionOn = report.lastSessionOn
      if (pair.nextSessionOn !== report.nextSessionOn) changed.nextSessionOn = report.nextSessionOn
      // the pair's devices say whether it runs: ended, or picked up again
      if (report.endedAt !== null && pair.endedAt === null) changed.endedAt = report.endedAt
      if (report.endedAt === null && pair.endedAt !== null) Object.assign(changed, { endedAt: null, endedWhy: null })
      if (Object.keys(changed).length) pairs.patch(pair.id, changed)
    }
  })
}

/** Marks the org's record of a pair space ended (or running again, with null). */
export function setPoolPairEnded(program: ProgramRef, spaceId: string, endedAt: number | null, why: string | null = null): void {
  const doc = programDoc(program)
  const pairs = collection(doc, POOL_PAIRS)
  doc.transact(() => {
    for (const pair of pairs.list()) if (pair.spaceId === spaceId) pairs.patch(pair.id, { endedAt, endedWhy: endedAt === null ? null : why })
  })
}
