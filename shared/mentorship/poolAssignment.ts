import { maxWeightAssignment } from './assignment.ts'
import { explainPairs, pairScores, type PairSuggestion } from './matching.ts'
import type { Profile } from './profile.ts'

/**
 * "Suggest pairs for everyone" (issue 15 #4): the whole-pool assignment on the org's pool, with
 * every pair explained and everyone left out given a reason.
 *
 * Room = capacity (1–5) less the person's running pairs and less the suggestions still waiting for
 * an answer (a suggestion is a proposed pair: suggesting everyone twice must not double anyone's
 * load). Pairs running, waiting or declined are not proposed again; people not open to a new pair
 * get none.
 */

export interface AssignablePerson {
  id: string
  profile: Profile
  available: boolean
  capacity: number
}

export interface PairOnRecord {
  aProfileId: string
  bProfileId: string
  status: 'suggested' | 'declined' | 'active' | 'ended'
}

export interface LeftOut {
  id: string
  name: string
  reason: string
}

export interface PoolAssignment {
  /** the proposed pairs, best first, explained as the ranked list explains them */
  pairs: PairSuggestion[]
  /** the sum of their scores */
  total: number
  /** people given at least one pair */
  covered: number
  /** everyone considered who got no pair, with why */
  leftOut: LeftOut[]
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

export function assignPool(people: readonly AssignablePerson[], records: readonly PairOnRecord[], options: { excludePairs?: ReadonlyArray<readonly [string, string]> } = {}): PoolAssignment {
  const running = new Map<string, number>()
  const waiting = new Map<string, number>()
  const excludePairs: (readonly [string, string])[] = [...(options.excludePairs ?? [])]
  for (const r of records) {
    if (r.status === 'ended') continue
    excludePairs.push([r.aProfileId, r.bProfileId])
    const counts = r.status === 'active' ? running : r.status === 'suggested' ? waiting : null
    if (counts) for (const id of [r.aProfileId, r.bProfileId]) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  const roomOf = (p: AssignablePerson) => (p.available ? Math.max(0, Math.max(1, p.capacity) - (running.get(p.id) ?? 0) - (waiting.get(p.id) ?? 0)) : 0)
  const withRoom = people.filter((p) => roomOf(p) > 0)
  // scored over everyone (the ranked list's weights: term weights come from the whole pool)
  const pool = people.map((p) => ({ id: p.id, profile: p.profile }))
  const scores = pairScores(pool, { excludePairs, excludePeople: people.filter((p) => roomOf(p) === 0).map((p) => p.id) })
  const result = maxWeightAssignment(
    withRoom.map((p) => ({ id: p.id, slots: roomOf(p) })),
    scores
  )
  const pairs = explainPairs(
    result.pairs.map((p) => [p.aId, p.bId] as const),
    pool
  ).sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name))
  const paired = new Set(result.pairs.flatMap((p) => [p.aId, p.bId]))
  const nameOf = new Map(people.map((p) => [p.id, p.profile.name]))
  const leftOut: LeftOut[] = []
  for (const p of people) {
    if (paired.has(p.id)) continue
    const [run, wait, cap] = [running.get(p.id) ?? 0, waiting.get(p.id) ?? 0, Math.max(1, p.capacity)]
    let reason: string
    if (!p.available) reason = 'Not open to a new pair'
    else if (run >= cap) reason = `Already in ${run} running ${run === 1 ? 'pair' : 'pairs'}, as many as they take at once`
    else if (run + wait >= cap) reason = `${wait === 1 ? 'A suggested pair waits' : `${wait} suggested pairs wait`} for their answer`
    else if (p.profile.beAMentor.length === 0) reason = 'Their profile has no be-a-mentor item yet'
    else if (p.profile.seekAMentor.length === 0) reason = 'Their profile has no seek-a-mentor item yet'
    else {
      const partners = scores
        .filter((s) => s.aId === p.id || s.bId === p.id)
        .sort((x, y) => y.score - x.score)
        .map((s) => nameOf.get(s.aId === p.id ? s.bId : s.aId) ?? '')
      reason =
        partners.length === 0
          ? 'Nobody with room matches them in both directions'
          : `Matches ${list(partners.slice(0, 3))}${partners.length > 3 ? ` and ${partners.length - 3} more` : ''}, but ${partners.length === 1 ? 'that person is' : 'they are'} paired with others: that way more people get a pair, or the pairs score higher in all`
    }
    leftOut.push({ id: p.id, name: p.profile.name, reason })
  }
  leftOut.sort((x, y) => x.name.localeCompare(y.name))
  return { pairs, total: result.total, covered: result.covered, leftOut }
}
