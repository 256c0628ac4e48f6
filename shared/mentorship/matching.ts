import { CONCEPT_PREFIX } from './concepts.ts'
import { wordStems } from './terms.ts'
import type { Profile } from './profile.ts'
import { analyzeItem, compare, inverseDocumentFrequency, sharesTopic, weigh, type AnalyzedItem, type TermVector } from './tfidf.ts'

/**
 * Two-way pair suggestions from the pool: in a pair each person mentors the other, so a pair is
 * only as good as its weaker direction.
 *
 * 1. Every "be a mentor" and "seek a mentor" item of the pool becomes a TF-IDF vector (tfidf.ts:
 *    stopwords removed, Porter stems, concept expansion from a curated thesaurus).
 * 2. Item similarity = cosine of the two vectors (0–1).
 * 3. Direction "A mentors B": for each of B's seek-a-mentor items, the best of A's be-a-mentor items.
 *    direction score = 0.8 × the best single match (the topic they would work on)
 *                    + 0.2 × the mean best match over all of B's seek items (breadth).
 * 4. Pair score = harmonic mean of the two directions: 2ab / (a + b). It is 0 when either direction
 *    is 0 and stays near the weaker direction, so one-way matches rank below two-way ones, while
 *    unlike the plain minimum, a much stronger other side still counts a little.
 */

export const BEST_WEIGHT = 0.8
/** Item matches below this similarity are not shown as reasons. */
export const MIN_REASON_SIMILARITY = 0.1

export interface PoolMember {
  /** Stable id of the person (the UI's key), used for exclusions. */
  id: string
  profile: Profile
}

export interface ItemMatch {
  mentorItem: string
  mentorItemIndex: number
  menteeItem: string
  menteeItemIndex: number
  /** Cosine similarity, 0–1. */
  similarity: number
  /** Words both items use (as the mentee wrote them), strongest first. */
  sharedTerms: string[]
  /** Thesaurus concepts both items touch ("frontend"). */
  sharedConcepts: string[]
  /** "Daria's be-a-mentor 'React & Redux' meets Bruce's seek-a-mentor 'Learn frontend with React' — shared: react" */
  reason: string
}

export interface DirectionMatch {
  mentorId: string
  mentorName: string
  menteeId: string
  menteeName: string
  score: number
  /** What the mentor should mentor the mentee on: the strongest item match, or null. */
  best: ItemMatch | null
  /** The best match for each of the mentee's seek items that reaches MIN_REASON_SIMILARITY, strongest first. */
  matches: ItemMatch[]
}

export interface PairSuggestion {
  a: { id: string; name: string }
  b: { id: string; name: string }
  score: number
  aMentorsB: DirectionMatch
  bMentorsA: DirectionMatch
  /** One sentence per direction, for the UI. */
  reasons: string[]
}

export interface SuggestOptions {
  /** Pairs that exist already (ids, either order): not suggested again. */
  excludePairs?: ReadonlyArray<readonly [string, string]>
  /** People not available for a new pair. */
  excludePeople?: readonly string[]
  /** Leave out suggestions scoring below this (default: anything above 0). */
  minScore?: number
  limit?: number
}

interface IndexedMember {
  id: string
  name: string
  mentorItems: AnalyzedVector[]
  seekItems: AnalyzedVector[]
}

interface AnalyzedVector {
  item: AnalyzedItem
  vector: TermVector
}

function index(pool: readonly PoolMember[]): Map<string, IndexedMember> {
  const analyzed = pool.map((member) => ({
    member,
    mentor: member.profile.beAMentor.map(analyzeItem),
    seek: member.profile.seekAMentor.map(analyzeItem)
  }))
  const idf = inverseDocumentFrequency(analyzed.flatMap((entry) => [...entry.mentor, ...entry.seek]))
  const byId = new Map<string, IndexedMember>()
  for (const { member, mentor, seek } of analyzed) {
    byId.set(member.id, {
      id: member.id,
      name: member.profile.name,
      mentorItems: mentor.map((item) => ({ item, vector: weigh(item, idf) })),
      seekItems: seek.map((item) => ({ item, vector: weigh(item, idf) }))
    })
  }
  return byId
}

function quote(text: string): string {
  return `'${text}'`
}

function explain(mentor: IndexedMember, mentee: IndexedMember, m: Omit<ItemMatch, 'reason'>): string {
  const parts: string[] = []
  if (m.sharedTerms.length) parts.push(`shared: ${m.sharedTerms.join(', ')}`)
  if (m.sharedConcepts.length) parts.push(`related: ${m.sharedConcepts.join(', ')}`)
  return `${mentor.name}'s be-a-mentor ${quote(m.mentorItem)} meets ${mentee.name}'s seek-a-mentor ${quote(m.menteeItem)} — ${parts.join('; ')}`
}

/** `compare` of two items, 0 with nothing shared when they meet only through generic words (sharesTopic). */
function compareItems(give: AnalyzedVector, want: AnalyzedVector): ReturnType<typeof compare> {
  const result = compare(give.vector, want.vector)
  return sharesTopic(give.item, want.item, result.shared.map((s) => s.term)) ? result : { similarity: 0, shared: [] }
}

/** The shared term in the mentee's words, and the mentor's when they wrote it otherwise ("incident reviews / postmortems"). */
function spelled(term: string, give: AnalyzedItem, want: AnalyzedItem): string {
  const theirs = want.words.get(term) ?? term
  const mine = give.words.get(term) ?? term
  return wordStems(theirs).join(' ') === wordStems(mine).join(' ') ? theirs : `${theirs} / ${mine}`
}

function matchItems(mentor: IndexedMember, mentee: IndexedMember, mentorIndex: number, menteeIndex: number): ItemMatch {
  const give = mentor.mentorItems[mentorIndex] as AnalyzedVector
  const want = mentee.seekItems[menteeIndex] as AnalyzedVector
  const { similarity, shared } = compareItems(give, want)
  const sharedTerms = shared.filter((s) => !s.term.startsWith(CONCEPT_PREFIX)).map((s) => spelled(s.term, give.item, want.item))
  const sharedConcepts = shared.filter((s) => s.term.startsWith(CONCEPT_PREFIX)).map((s) => s.term.slice(CONCEPT_PREFIX.length))
  const match = { mentorItem: give.item.text, mentorItemIndex: mentorIndex, menteeItem: want.item.text, menteeItemIndex: menteeIndex, similarity, sharedTerms, sharedConcepts }
  return { ...match, reason: explain(mentor, mentee, match) }
}

function direction(mentor: IndexedMember, mentee: IndexedMember): DirectionMatch {
  const bestPerSeek: ItemMatch[] = []
  mentee.seekItems.forEach((want, menteeIndex) => {
    let bestIndex = -1
    let bestSimilarity = -1
    mentor.mentorItems.forEach((give, mentorIndex) => {
      const { similarity } = compareItems(give, want)
      if (similarity > bestSimilarity) [bestIndex, bestSimilarity] = [mentorIndex, similarity]
    })
    if (bestIndex >= 0) bestPerSeek.push(matchItems(mentor, mentee, bestIndex, menteeIndex))
  })
  const ranked = [...bestPerSeek].sort((x, y) => y.similarity - x.similarity)
  const top = ranked[0]
  const bestSimilarity = top?.similarity ?? 0
  const breadth = bestPerSeek.length ? bestPerSeek.reduce((sum, m) => sum + m.similarity, 0) / bestPerSeek.length : 0
  return {
    mentorId: mentor.id,
    mentorName: mentor.name,
    menteeId: mentee.id,
    menteeName: mentee.name,
    score: BEST_WEIGHT * bestSimilarity + (1 - BEST_WEIGHT) * breadth,
    best: top && top.similarity > 0 ? top : null,
    matches: ranked.filter((m) => m.similarity >= MIN_REASON_SIMILARITY)
  }
}

/** The similarity of two items as `compareItems` computes it (same terms, same order), without the shared terms. */
function similarityOf(give: AnalyzedVector, want: AnalyzedVector): number {
  const [small, large] = give.vector.size <= want.vector.size ? [give.vector, want.vector] : [want.vector, give.vector]
  const anyShared = !give.item.specific || !want.item.specific
  let topic = anyShared
  let similarity = 0
  for (const [term, weight] of small) {
    const other = large.get(term)
    if (other === undefined) continue
    similarity += weight * other
    if (!topic && !give.item.generic.has(term) && !want.item.generic.has(term)) topic = true
  }
  return topic ? Math.min(1, similarity) : 0
}

/** `direction(mentor, mentee).score`, computed the same way, without building the matches and their reasons. */
function directionScore(mentor: IndexedMember, mentee: IndexedMember): number {
  if (mentor.mentorItems.length === 0 || mentee.seekItems.length === 0) return 0
  let best = 0
  let sum = 0
  for (const want of mentee.seekItems) {
    let bestHere = -1
    for (const give of mentor.mentorItems) bestHere = Math.max(bestHere, similarityOf(give, want))
    best = Math.max(best, bestHere)
    sum += bestHere
  }
  return BEST_WEIGHT * best + (1 - BEST_WEIGHT) * (sum / mentee.seekItems.length)
}

/** Harmonic mean of the two directions; 0 when either is 0. */
export function combineDirections(a: number, b: number): number {
  return a <= 0 || b <= 0 ? 0 : (2 * a * b) / (a + b)
}

function suggestion(a: IndexedMember, b: IndexedMember): PairSuggestion {
  const aMentorsB = direction(a, b)
  const bMentorsA = direction(b, a)
  const reasons = [aMentorsB, bMentorsA].map((d) =>
    d.best ? d.best.reason : `${d.mentorName}'s be-a-mentor items do not meet any of ${d.menteeName}'s seek-a-mentor items`
  )
  return {
    a: { id: a.id, name: a.name },
    b: { id: b.id, name: b.name },
    score: combineDirections(aMentorsB.score, bMentorsA.score),
    aMentorsB,
    bMentorsA,
    reasons
  }
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`
}

/**
 * Ranks candidate pairs and builds the suggestions that are kept. Every pair is scored (cheap:
 * similarities only); matches and their reasons — most of the work — are built only for the pairs
 * returned, e.g. the 6 the pool shows out of 7 000 for 120 people, with the same scores and order
 * as building them all.
 */
function rank(candidates: readonly (readonly [IndexedMember, IndexedMember])[], options: SuggestOptions): PairSuggestion[] {
  const minScore = options.minScore ?? Number.MIN_VALUE
  const kept = candidates
    .map(([a, b]) => ({ a, b, score: combineDirections(directionScore(a, b), directionScore(b, a)) }))
    .filter((s) => s.score >= minScore)
    .sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name))
  return (options.limit === undefined ? kept : kept.slice(0, options.limit)).map(({ a, b }) => suggestion(a, b))
}

/** All suggested pairs of the pool, best first. Self-pairs and excluded pairs/people never appear. */
export function suggestPairs(pool: readonly PoolMember[], options: SuggestOptions = {}): PairSuggestion[] {
  const members = [...index(pool).values()]
  const excludedPairs = new Set((options.excludePairs ?? []).map(([x, y]) => pairKey(x, y)))
  const excludedPeople = new Set(options.excludePeople ?? [])
  const candidates: (readonly [IndexedMember, IndexedMember])[] = []
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i] as IndexedMember
      const b = members[j] as IndexedMember
      if (a.id === b.id || excludedPeople.has(a.id) || excludedPeople.has(b.id)) continue
      if (excludedPairs.has(pairKey(a.id, b.id))) continue
      candidates.push([a, b])
    }
  }
  return rank(candidates, options)
}

/** Suggested partners for one person, best first; the person is always `a`. */
export function suggestPartners(personId: string, pool: readonly PoolMember[], options: SuggestOptions = {}): PairSuggestion[] {
  const members = index(pool)
  const person = members.get(personId)
  if (!person) return []
  const excludedPairs = new Set((options.excludePairs ?? []).map(([x, y]) => pairKey(x, y)))
  const excludedPeople = new Set(options.excludePeople ?? [])
  const candidates = [...members.values()]
    .filter((other) => other.id !== personId && !excludedPeople.has(other.id) && !excludedPairs.has(pairKey(personId, other.id)))
    .map((other) => [person, other] as const)
  return rank(candidates, options)
}

/**
 * The score of every pair of the pool that matches in both directions (score > 0), without reasons:
 * the weights of the whole-pool assignment (assignment.ts). Self-pairs and excluded pairs/people never appear.
 */
export function pairScores(pool: readonly PoolMember[], options: Pick<SuggestOptions, 'excludePairs' | 'excludePeople'> = {}): { aId: string; bId: string; score: number }[] {
  const members = [...index(pool).values()]
  const excludedPairs = new Set((options.excludePairs ?? []).map(([x, y]) => pairKey(x, y)))
  const excludedPeople = new Set(options.excludePeople ?? [])
  const scores: { aId: string; bId: string; score: number }[] = []
  for (let i = 0; i < members.length; i++) {
    const a = members[i] as IndexedMember
    if (excludedPeople.has(a.id)) continue
    for (let j = i + 1; j < members.length; j++) {
      const b = members[j] as IndexedMember
      if (a.id === b.id || excludedPeople.has(b.id) || excludedPairs.has(pairKey(a.id, b.id))) continue
      const score = combineDirections(directionScore(a, b), directionScore(b, a))
      if (score > 0) scores.push({ aId: a.id, bId: b.id, score })
    }
  }
  return scores
}

/** `explainPair` for many pairs of one pool, indexing the pool once; pairs with an id not in the pool are left out. */
export function explainPairs(pairs: readonly (readonly [string, string])[], pool: readonly PoolMember[]): PairSuggestion[] {
  const members = index(pool)
  return pairs.flatMap(([aId, bId]) => {
    const a = members.get(aId)
    const b = members.get(bId)
    return a && b && aId !== bId ? [suggestion(a, b)] : []
  })
}

/** Explains a pair the users chose themselves (or null when either id is not in the pool). */
export function explainPair(aId: string, bId: string, pool: readonly PoolMember[]): PairSuggestion | null {
  const members = index(pool)
  const a = members.get(aId)
  const b = members.get(bId)
  return a && b && aId !== bId ? suggestion(a, b) : null
}
