import type { PairSuggestion } from '@shared/mentorship/matching.ts'
import { pairSpaceName, type PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { cleanSpaceName } from '@shared/spaces/space.ts'
import { browserZone, todayIn } from '@shared/time/dates.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { forEachProgram, journalDoc, withJournal, type Journal, type Program } from './docs.ts'
import { patchPairInfo } from './pair.ts'
import { recordPoolPair, setPoolPairEnded } from './pool.ts'
import { addTrack } from './tracks.ts'

/** Starting a pair from the org's pool, and ending a pairing: the two commands that touch both the pair and the org. */

/**
 * "Start this pair": a pair space for the two (its own key, shared by invite), the pair's header
 * with both profiles' items for the intro, one direction each way on what the match found, and
 * the org's record that they are paired.
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
  const clean = cleanSpaceName(pairSpaceName(a.name, b.name))
  const name = clean.ok ? clean.name : 'Mentoring pair'
  const spaceId = await createSpace(name, 'pair', input.me)
  const participant = (id: string, p: PoolProfile) => ({ name: p.name, profileId: id, beAMentor: p.beAMentor, seekAMentor: p.seekAMentor })
  await withJournal(spaceId, (journal) => {
    journalDoc(journal).transact(() => {
      patchPairInfo(journal, {
        title: name,
        firstDiscussed: todayIn(browserZone(), Date.now()),
        participants: [participant(s.a.id, a), participant(s.b.id, b)],
        cadence: 'monthly',
        nextSession: null,
        trackerBaseUrl: input.trackerBaseUrl
      })
      for (const d of [s.aMentorsB, s.bMentorsA]) {
        addTrack(journal, { mentorName: d.mentorName, menteeName: d.menteeName, topic: d.best?.mentorItem ?? '', discussedIn: null })
      }
    })
  })
  recordPoolPair(input.program, { aProfileId: s.a.id, bProfileId: s.b.id, aName: a.name, bName: b.name, spaceId, startedAt: Date.now() })
  return { spaceId, name }
}

/**
 * Ends the pairing (either person, any time): the journal says when and by whom, and every org
 * pool on this device learns that these two are free again. The journal stays. Resolves once the
 * org documents here are written; an org that cannot be opened is left as it is.
 */
export async function endPairing(journal: Journal, byName: string): Promise<void> {
  const endedAt = Date.now()
  patchPairInfo(journal, { endedAt, endedBy: byName })
  await forEachProgram((program) => setPoolPairEnded(program, journal.spaceId, endedAt)).catch(() => {})
}
