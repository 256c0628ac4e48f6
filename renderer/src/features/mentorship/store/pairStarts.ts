import { PairStart, startClashes, type StartClash } from '@shared/mentorship/pairStarts.ts'
import { collection, defineCollection } from '@core/collections/index.ts'
import { programDoc, type ProgramRef } from './docs.ts'
import { POOL_PAIRS } from './pool.ts'

/**
 * Each acceptance of a suggested pair, in the org's root document (shared/mentorship/pairStarts.ts):
 * one record per pair space created, so two people accepting at once while apart both leave theirs,
 * and every device then agrees on the space the pair keeps.
 */
export const PAIR_STARTS = defineCollection({ name: 'pairStarts', schema: PairStart })

export function recordPairStart(program: ProgramRef, start: PairStart): void {
  collection(programDoc(program), PAIR_STARTS).replace(start.spaceId, start)
}

export function readPairStarts(program: ProgramRef): PairStart[] {
  return collection(programDoc(program), PAIR_STARTS).list().map(({ id: _id, ...s }) => s)
}

/**
 * Finds the pairs accepted more than once and points the org's record of each at the space kept
 * (the smaller id) and the first start day. Deterministic and idempotent: any device may run it,
 * and a device that has seen the same starts writes the same values (nothing when they are there).
 */
export function settlePairStarts(program: ProgramRef): StartClash[] {
  const doc = programDoc(program)
  const clashes = startClashes(readPairStarts(doc))
  const pairs = collection(doc, POOL_PAIRS)
  doc.transact(() => {
    for (const c of clashes) {
      const pair = pairs.get(c.pairId)
      if (pair && (pair.spaceId !== c.kept || pair.startedAt !== c.startedAt)) pairs.patch(c.pairId, { spaceId: c.kept, startedAt: c.startedAt })
    }
  })
  return clashes
}
