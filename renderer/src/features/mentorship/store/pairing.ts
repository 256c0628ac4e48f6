import type { PairSuggestion } from '@shared/mentorship/matching.ts'
import { pairSpaceName, type PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { cleanSpaceName } from '@shared/spaces/space.ts'
import { browserZone, todayIn } from '@shared/time/dates.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { createSpace, deleteLocalCopy, leaveSpace } from '@core/spaces/commands.ts'
import { DexieYProvider } from 'y-dexie'
import { db } from '@core/database/db.ts'
import { readMembers } from '@core/spaces/spaceDoc.ts'
import { forEachProgram, journalDoc, withJournal, type Journal, type JournalRef, type Program } from './docs.ts'
import { patchPairInfo } from './pair.ts'
import { markPoolPairStarted, readPoolPair, setPoolPairEnded, suggestPoolPair } from './pool.ts'
import { collection } from '@core/collections/index.ts'
import { TRACKS } from './lists.ts'
import { recordPairStart } from './pairStarts.ts'

/** Starting a pair from the org's pool, and ending a pairing: the two commands that touch both the pair and the org. */

/**
 * One of the two accepts a suggested pair ("Start our pair", or "Accept" on a suggestion): the pair
 * space is created on this device (its own key, shared only by the invite this member sends the
 * other), with the pair's header, both profiles' items for the intro and one direction each way on
 * what the match found; the org's record learns the space's id and the day, nothing else. Only one
 * of the two may do it (the owner of one of the two profiles), so nobody else ever holds the key.
 */
export async function startPair(input: {
  program: Program
  suggestion: PairSuggestion
  profiles: ReadonlyMap<string, PoolProfile>
  trackerBaseUrl: string
  me: IdentityRow
}): Promise<{ spaceId: string; name: string }> {
  const { suggestion: s, profiles } = input
  const a = profiles.get(s.a.id)
  const b = profiles.get(s.b.id)
  if (!a || !b) throw new Error('One of the two is no longer in the pool.')
  if (a.ownerId !== input.me.deviceId && b.ownerId !== input.me.deviceId) {
    throw new Error(`Only ${a.name} or ${b.name} can start their pair; suggest it to them instead.`)
  }
  const pairId = suggestPoolPair(input.program, { aProfileId: s.a.id, bProfileId: s.b.id, aName: a.name, bName: b.name, by: input.me.name })
  if (readPoolPair(input.program, pairId)?.spaceId) throw new Error('This pair has started already: ask the other one for the invite.')
  const clean = cleanSpaceName(pairSpaceName(a.name, b.name))
  const name = clean.ok ? clean.name : 'Mentoring pair'
  const spaceId = await createSpace(name, 'pair', input.me)
  await withJournal(spaceId, (journal) => writePairStart(journal, { name, suggestion: s, a, b, trackerBaseUrl: input.trackerBaseUrl, today: todayIn(browserZone(), Date.now()) }))
  const startedAt = Date.now()
  markPoolPairStarted(input.program, pairId, spaceId, startedAt)
  // this acceptance as a record of its own: the other's, made at the same time elsewhere, survives the merge
  recordPairStart(input.program, { pairId, spaceId, startedAt, byProfileId: a.ownerId === input.me.deviceId ? s.a.id : s.b.id })
  return { spaceId, name }
}

/**
 * What a start writes into the new pair's journal: the header (the two from their profiles, for the
 * intro) and one direction each way on what the match found.
 */
export function writePairStart(
  journal: JournalRef,
  input: { name: string; suggestion: PairSuggestion; a: PoolProfile; b: PoolProfile; trackerBaseUrl: string; today: string }
): void {
  const { suggestion: s, a, b } = input
  const participant = (id: string, p: PoolProfile) => ({ name: p.name, profileId: id, beAMentor: p.beAMentor, seekAMentor: p.seekAMentor, timezone: p.timezone ?? null, memberId: p.ownerId })
  const doc = journalDoc(journal)
  doc.transact(() => {
    patchPairInfo(doc, {
      title: input.name,
      firstDiscussed: input.today,
      participants: [participant(s.a.id, a), participant(s.b.id, b)],
      cadence: 'monthly',
      nextSession: null,
      trackerBaseUrl: input.trackerBaseUrl
    })
    // one direction each way, with ids from the two profiles: two starts of the pair at once,
    // merged (pairMerge.ts), give two directions, not four
    const directions = [
      [s.aMentorsB, `start-${s.a.id}-${s.b.id}`],
      [s.bMentorsA, `start-${s.b.id}-${s.a.id}`]
    ] as const
    for (const [d, id] of directions) {
      collection(doc, TRACKS).create({ mentorName: d.mentorName, menteeName: d.menteeName, topic: d.best?.mentorItem ?? '', discussedIn: null }, { id })
    }
  })
}

/** The members of a pair's space other than this device's, who have not left it. */
async function pairMembersBesides(spaceId: string, me: string): Promise<string[]> {
  const row = await db().spaces.get(spaceId)
  if (!row) return []
  const provider = DexieYProvider.load(row.doc)
  try {
    await provider.whenLoaded
    return readMembers(row.doc)
      .filter((m) => m.id !== me && !m.leftAt)
      .map((m) => m.name)
  } finally {
    DexieYProvider.release(row.doc)
  }
}

/**
 * For pairs an admin started before pairs owned their space (the admin is a member of the pair's
 * space and holds its key): the admin hands the pair over and leaves. Only once another member,
 * one of the two, is in the pair's space and so holds the journal; then this device leaves the
 * space and deletes its copy, key and journal included.
 */
export async function handOverPair(spaceId: string, me: IdentityRow): Promise<void> {
  const others = await pairMembersBesides(spaceId, me.deviceId)
  if (others.length === 0) throw new Error('Nobody else has joined the pair yet: send them the invite first, so the journal stays with them.')
  await leaveSpace(spaceId, me)
  await deleteLocalCopy(spaceId)
}

/**
 * Ends the pairing (either person, any time): the journal says when and by whom, and every org
 * pool on this device learns that these two are free again. The journal stays. Resolves once the
 * org documents here are written; an org that cannot be opened is left as it is.
 */
export async function endPairing(journal: Journal, byName: string, sharedWhy = ''): Promise<void> {
  const endedAt = Date.now()
  patchPairInfo(journal, { endedAt, endedBy: byName })
  // why it ended goes to the program only when the pair chose to write it (a line, bounded)
  const why = sharedWhy.replace(/\s+/g, ' ').trim().slice(0, 300) || null
  await forEachProgram((program) => setPoolPairEnded(program, journal.spaceId, endedAt, why)).catch(() => {})
}
