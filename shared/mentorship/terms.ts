import { eng, removeStopwords } from 'stopword'
import { stemmer } from 'stemmer'

/**
 * Free text → comparable terms, for matching "be a mentor" items against "seek a mentor" items.
 *
 * 1. Normalise: lower case, strip accents, and rewrite a few engineering spellings that a plain
 *    word split would break ("C++" → cplusplus, "node.js" → node, "front-end"/"front end" →
 *    frontend, "CI/CD" → ci cd, "k8s" → kubernetes, "1:1" → oneonone).
 * 2. Split on anything that is not a letter or digit; drop one-letter words and bare numbers.
 * 3. Remove English stopwords (the `stopword` package's list).
 * 4. Stem with the Porter stemmer (`stemmer`), so "testing", "tests" and "tested" meet as "test".
 *
 * Concept phrases are matched on this stream (see concepts.ts). The term vector then also leaves
 * out *wish words* that appear in almost every item and say nothing about the topic ("learn",
 * "better", "development", …), listed in WISH_WORDS.
 */

export interface Token {
  /** Porter stem, the unit of comparison. */
  stem: string
  /** The word as written (lower case), to explain a match in the user's own words. */
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
  'years', 'time', 'help', 'helping', 'effective', 'effectively', 'around', 'like', 'especially'
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

/** All topic tokens of a text, in order (stopwords removed, stemmed; wish words kept). */
export function tokenize(text: string): Token[] {
  return removeStopwords(words(text), eng).map((word) => ({ stem: stemmer(word), word }))
}

/** True for a stem that carries topic (not a wish word such as "learn" or "better"). */
export function isTopicStem(stem: string): boolean {
  return !WISH_STEMS.has(stem)
}

/** The stems of a short phrase, as tokenize sees them ("user interfaces" → ["user", "interfac"]). */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.stem)
}
