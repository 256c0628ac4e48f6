import { eng } from 'stopword'
import { stemmer } from 'stemmer'
import { GENERIC_WORDS, SYNONYMS } from './thesaurus.ts'

/**
 * Free text → comparable terms, for matching "be a mentor" items against "seek a mentor" items.
 *
 * 1. Normalise: lower case, strip accents, and rewrite a few engineering spellings that a plain
 *    word split would break ("C++" → cplusplus, "node.js" → node, "front-end"/"front end" →
 *    frontend, "CI/CD" → ci cd, "k8s" → kubernetes, "1:1" → oneonone).
 * 2. Split on anything that is not a letter or digit; drop one-letter words and bare numbers.
 * 3. Stem with the Porter stemmer (`stemmer`), so "testing", "tests" and "tested" meet as "test".
 * 4. Replace synonyms and phrasings by their canonical term (thesaurus.ts: "incident reviews
 *    without blame" → postmortem, blameless), matched on the stems with stopwords still in.
 * 5. Remove English stopwords (the `stopword` package's list).
 *
 * Concept phrases are matched on this stream (see concepts.ts). The term vector then also leaves
 * out *wish words* that appear in almost every item and say nothing about the topic ("learn",
 * "better", "development", …), listed in WISH_WORDS.
 */

export interface Token {
  /** Porter stem, the unit of comparison. */
  stem: string
  /** The word as written (lower case), to explain a match in the user's own words; a synonym's whole phrase ("incident reviews"). */
  word: string
}

/** Words people put around a topic rather than in it. */
export const WISH_WORDS: readonly string[] = [
  'learn', 'learning', 'learned', 'learnt', 'want', 'wanting', 'get', 'getting', 'better', 'improve',
  'improving', 'good', 'great', 'best', 'way', 'ways', 'thing', 'things', 'stuff', 'skill', 'skills',
  'basic', 'basics', 'intro', 'introduction', 'experience', 'experienced', 'understand',
  'understanding', 'deep', 'deeper', 'dive', 'start', 'started', 'starting', 'level', 'hands',
  'new', 'use', 'using', 'used', 'etc', 'development', 'developing', 'develop', 'engineering',
  'engineer', 'engineers', 'work', 'working', 'grow', 'growing', 'really', 'lot', 'lots', 'year',
  'years', 'time', 'help', 'helping', 'effective', 'effectively', 'around', 'like', 'especially',
  'run', 'running', 'doing', 'make', 'making', 'become', 'becoming'
]

const WISH_STEMS = new Set(WISH_WORDS.map((word) => stemmer(word)))

const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/c\+\+/g, ' cplusplus '],
  [/c#/g, ' csharp '],
  [/f#/g, ' fsharp '],
  [/\.net\b/g, ' dotnet '],
  [/\b([a-z]+)\.js\b/g, ' $1 '],
  [/\bfront[\s-]+end\b/g, ' frontend '],
  [/\bback[\s-]+end\b/g, ' backend '],
  [/\bfull[\s-]+stack\b/g, ' fullstack '],
  [/\bon[\s-]+call\b/g, ' oncall '],
  [/\bend[\s-]+to[\s-]+end\b/g, ' e2e '],
  [/\bk8s\b/g, ' kubernetes '],
  [/\b(?:1:1|1x1|1-on-1|one[\s-]+on[\s-]+one)s?\b/g, ' oneonone '],
  [/\bokrs\b/g, ' okr '],
  [/\bapis\b/g, ' api ']
]

function normalise(text: string): string {
  let out = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement)
  return out
}

function words(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !/^\d+$/.test(word))
}

const STOPWORDS = new Set(eng)
const GENERIC_STEMS = new Set(GENERIC_WORDS.map((word) => stemmer(word)))

interface Synonym {
  /** the stems of the phrase as written */
  stems: readonly string[]
  /** the canonical term's stem ("design document" → "design_document": one term) */
  canonical: string
}

/** Synonym phrases by their first stem, longest first. */
const SYNONYM_PHRASES: ReadonlyMap<string, readonly Synonym[]> = (() => {
  const byFirst = new Map<string, Synonym[]>()
  for (const [canonical, phrases] of Object.entries(SYNONYMS)) {
    const term = words(canonical).map((word) => stemmer(word)).join('_')
    for (const phrase of phrases) {
      const stems = words(phrase).map((word) => stemmer(word))
      if (!stems.length) continue
      const list = byFirst.get(stems[0]!) ?? []
      list.push({ stems, canonical: term })
      byFirst.set(stems[0]!, list)
    }
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.stems.length - x.stems.length)
  return byFirst
})()

/** All topic tokens of a text, in order (synonyms made one, stopwords removed, stemmed; wish words kept). */
export function tokenize(text: string): Token[] {
  const written = words(text)
  const stems = written.map((word) => stemmer(word))
  const tokens: Token[] = []
  for (let at = 0; at < written.length; ) {
    const match = SYNONYM_PHRASES.get(stems[at]!)?.find((phrase) => phrase.stems.every((stem, offset) => stems[at + offset] === stem))
    if (match) {
      tokens.push({ stem: match.canonical, word: written.slice(at, at + match.stems.length).join(' ') })
      at += match.stems.length
      continue
    }
    const word = written[at]!
    if (!STOPWORDS.has(word)) tokens.push({ stem: stems[at]!, word })
    at++
  }
  return tokens
}

/** Porter stems of every word as written, no synonyms or stopwords applied ("processes" → ["process"]). */
export function wordStems(text: string): string[] {
  return words(text).map((word) => stemmer(word))
}

/** True for a stem that names a kind of topic ("architecture", "design") rather than a topic (thesaurus.ts). */
export function isGenericStem(stem: string): boolean {
  return GENERIC_STEMS.has(stem)
}

/** True for a stem that carries topic (not a wish word such as "learn" or "better"). */
export function isTopicStem(stem: string): boolean {
  return !WISH_STEMS.has(stem)
}

/** The stems of a short phrase, as tokenize sees them ("user interfaces" → ["user", "interfac"]). */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.stem)
}
