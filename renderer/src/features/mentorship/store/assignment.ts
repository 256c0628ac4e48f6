import { programDoc, type ProgramRef } from './docs.ts'
import { suggestPoolPair } from './pool.ts'

/**
 * "Suggest them all" from the whole-pool assignment (shared/mentorship/poolAssignment.ts): each
 * proposed pair is suggested exactly as one suggestion is (suggestPoolPair: a record in the org, no
 * space; one of the two accepts), all in one change. Returns the records' ids.
 */
export function suggestPoolPairs(program: ProgramRef, pairs: readonly { aProfileId: string; bProfileId: string; aName: string; bName: string }[], by: string): string[] {
  const ids: string[] = []
  programDoc(program).transact(() => {
    for (const p of pairs) ids.push(suggestPoolPair(program, { ...p, by }))
  })
  return ids
}
