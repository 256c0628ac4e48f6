import type * as Y from 'yjs'
import { EMPTY_PAIR_FLOW, EMPTY_PAIR_INFO, PairFlow, PairInfo } from '../../../../shared/mentorship/pairRecords.ts'
import { patchRecord, readRecord, useDocRead } from '../collections.ts'
import { FLOW, INFO, PAIR } from './lists.ts'

/** The pair's header ('info') and where it is in the program ('flow'). */

export function readPairInfo(doc: Y.Doc): PairInfo {
  return readRecord(doc, PAIR, INFO, PairInfo) ?? EMPTY_PAIR_INFO
}

export function usePairInfo(doc: Y.Doc | null): PairInfo {
  return useDocRead(doc, readPairInfo, EMPTY_PAIR_INFO)
}

export function usePairFlow(doc: Y.Doc | null): PairFlow {
  return useDocRead(doc, (d) => readRecord(d, PAIR, FLOW, PairFlow) ?? EMPTY_PAIR_FLOW, EMPTY_PAIR_FLOW)
}

export function patchPairInfo(doc: Y.Doc, fields: Partial<PairInfo>): void {
  patchRecord(doc, PAIR, INFO, fields)
}

export function patchPairFlow(doc: Y.Doc, fields: Partial<PairFlow>): void {
  patchRecord(doc, PAIR, FLOW, fields)
}

/** True once the pair has a header (someone started it or imported a journal). */
export function hasPairInfo(doc: Y.Doc): boolean {
  return readRecord(doc, PAIR, INFO, PairInfo) !== null
}
