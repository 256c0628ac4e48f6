import { CONCEPT_PREFIX, conceptHits } from './concepts.ts'
import { isGenericStem, isTopicStem, tokenize } from './terms.ts'

/**
 * TF-IDF vectors and cosine similarity over the items of one pool.
 *
 * - Each item ("React & Redux") is a document. Its terms are its topic stems plus one
 *   "concept:<name>" term per concept it touches (concepts.ts).
 * - Term frequency is the count of the stem in the item; a concept counts the item's words and
 *   phrases that belong to it, times CONCEPT_WEIGHT (a literal shared word weighs more than one
 *   concept hit). "UI development with Vue and CSS" is mostly frontend; "Accessibility audits"
 *   only a little.
 * - Inverse document frequency is the smoothed form idf(t) = ln((1 + N) / (1 + df(t))) + 1 over
 *   the N items of the pool: a word in every item ("production") counts for less than a rare one
 *   ("redux"), and never for nothing.
 * - Vectors are scaled to unit length, so the similarity of two items is their dot product, a number
 *   from 0 (no term in common) to 1 (same terms in the same proportions).
 */

export const CONCEPT_WEIGHT = 0.8

export interface AnalyzedItem {
  text: string
  /** Raw term frequencies: stems and concept terms. */
  counts: ReadonlyMap<string, number>
  /** stem → the word as the writer spelled it, for explanations. */
  words: ReadonlyMap<string, string>
  /**
   * Terms that here name only a kind of topic: generic words ("architecture", "design") and the
   * concepts reached only through them. A match of two specific items that rests on these alone is
   * no match (sharesTopic).
   */
  generic: ReadonlySet<string>
  /** The item has a topic term beyond generic words ("React frontend architecture": yes; "Software architecture": no). */
  specific: boolean
}

export type TermVector = ReadonlyMap<string, number>

export function analyzeItem(text: string): AnalyzedItem {
  const tokens = tokenize(text)
  const counts = new Map<string, number>()
  const words = new Map<string, string>()
  for (const token of tokens) {
    if (!isTopicStem(token.stem)) continue
    counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1)
    if (!words.has(token.stem)) words.set(token.stem, token.word)
  }
  const all = conceptHits(tokens)
  for (const [concept, hits] of all) counts.set(CONCEPT_PREFIX + concept, hits * CONCEPT_WEIGHT)
  const specificTokens = tokens.filter((token) => !isGenericStem(token.stem))
  const specificConcepts = conceptHits(specificTokens)
  const generic = new Set<string>()
  for (const term of counts.keys()) if (isGenericStem(term)) generic.add(term)
  for (const concept of all.keys()) if (!specificConcepts.has(concept)) generic.add(CONCEPT_PREFIX + concept)
  const specific = specificTokens.some((token) => isTopicStem(token.stem))
  return { text, counts, words, generic, specific }
}

/**
 * False when two items share terms only through generic words while each has a topic of its own
 * ("React frontend architecture" / "Kafka streaming architecture"): their similarity is then 0 and
 * nothing is said about them. `sharedTerms` are the terms both vectors have.
 */
export function sharesTopic(a: AnalyzedItem, b: AnalyzedItem, sharedTerms: Iterable<string>): boolean {
  if (!a.specific || !b.specific) return true
  for (const term of sharedTerms) if (!a.generic.has(term) && !b.generic.has(term)) return true
  return false
}

/** Smoothed inverse document frequency of every term in the collection. */
export function inverseDocumentFrequency(items: readonly AnalyzedItem[]): ReadonlyMap<string, number> {
  const documentFrequency = new Map<string, number>()
  for (const item of items) {
    for (const term of item.counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
  }
  const idf = new Map<string, number>()
  for (const [term, df] of documentFrequency) idf.set(term, Math.log((1 + items.length) / (1 + df)) + 1)
  return idf
}

/** The unit-length TF-IDF vector of an item. Terms unknown to `idf` get the rarest weight. */
export function weigh(item: AnalyzedItem, idf: ReadonlyMap<string, number>, unknownIdf = 1): TermVector {
  const vector = new Map<string, number>()
  let squares = 0
  for (const [term, count] of item.counts) {
    const weight = count * (idf.get(term) ?? unknownIdf)
    vector.set(term, weight)
    squares += weight * weight
  }
  const length = Math.sqrt(squares)
  if (length > 0) for (const [term, weight] of vector) vector.set(term, weight / length)
  return vector
}

export interface SharedTerm {
  term: string
  /** This term's part of the cosine similarity. */
  contribution: number
}

/** Cosine similarity of two unit vectors, with the shared terms that make it up (largest first). */
export function compare(a: TermVector, b: TermVector): { similarity: number; shared: SharedTerm[] } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  const shared: SharedTerm[] = []
  let similarity = 0
  for (const [term, weight] of small) {
    const other = large.get(term)
    if (other === undefined) continue
    similarity += weight * other
    shared.push({ term, contribution: weight * other })
  }
  shared.sort((x, y) => y.contribution - x.contribution || x.term.localeCompare(y.term))
  return { similarity: Math.min(1, similarity), shared }
}
