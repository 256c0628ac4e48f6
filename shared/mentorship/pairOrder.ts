import { otherParticipant } from './journal.ts'
import type { PairSuggestion } from './matching.ts'

/**
 * A suggestion as the viewer reads it: when they are one of the two (by full or first name), they
 * come first — "Daria & Bruce" on Daria's screen, and a pair she starts is named that way.
 */
export function personFirst(suggestion: PairSuggestion, name: string): PairSuggestion {
  const isB = otherParticipant([suggestion.b.name, suggestion.a.name], name) === suggestion.a.name
  const isA = otherParticipant([suggestion.a.name, suggestion.b.name], name) === suggestion.b.name
  if (!isB || isA) return suggestion
  return {
    ...suggestion,
    a: suggestion.b,
    b: suggestion.a,
    aMentorsB: suggestion.bMentorsA,
    bMentorsA: suggestion.aMentorsB,
    reasons: [...suggestion.reasons].reverse()
  }
}
