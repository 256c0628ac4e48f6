import type { PairSuggestion } from '@shared/mentorship/matching.ts'
import { pairSpaceName, type PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { cleanSpaceName } from '@shared/spaces/space.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { withPairDoc, type SharedDoc } from '../store/docs.ts'
import { patchPairInfo } from '../store/pair.ts'
import { recordPoolPair } from '../store/pool.ts'
import { addTrack } from '../store/tracks.ts'
import { createSpace } from '@core/spaces/commands.ts'
import { localToday } from '@ui/today.ts'

/**
 * "Start this pair": a pair space for the two (its own key, shared by invite), the pair's header
 * with both profiles' items for the intro, one direction each way on what the match found, and
 * the org's record that they are paired.
 */
export async function startPair(input: {
  orgDoc: SharedDoc
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
  await withPairDoc(spaceId, (doc) => {
    doc.transact(() => {
      patchPairInfo(doc, {
        title: name,
        firstDiscussed: localToday(),
        participants: [participant(s.a.id, a), participant(s.b.id, b)],
        cadence: 'monthly',
        nextSession: null,
        trackerBaseUrl: input.trackerBaseUrl
      })
      for (const d of [s.aMentorsB, s.bMentorsA]) {
        addTrack(doc, { mentorName: d.mentorName, menteeName: d.menteeName, topic: d.best?.mentorItem ?? '', discussedIn: null })
      }
    })
  })
  recordPoolPair(input.orgDoc, { aProfileId: s.a.id, bProfileId: s.b.id, aName: a.name, bName: b.name, spaceId, startedAt: Date.now() })
  return { spaceId, name }
}
