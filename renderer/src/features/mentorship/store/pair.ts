import type * as Y from 'yjs'
import { EMPTY_PAIR_FLOW, EMPTY_PAIR_INFO, type PairFlow, type PairInfo } from '@shared/mentorship/pairRecords.ts'
import { collection, useRecord } from '@core/collections/index.ts'
import { FLOW, INFO, PAIR_FLOW, PAIR_INFO } from './lists.ts'

/** The pair's header ('info') and where it is in the program ('flow'). */

export function readPairInfo(doc: Y.Doc): PairInfo {
  return collection(doc, PAIR_INFO).get(INFO) ?? EMPTY_PAIR_INFO
}

export function usePairInfo(doc: Y.Doc | null): PairInfo {
  return useRecord(doc, PAIR_INFO, INFO) ?? EMPTY_PAIR_INFO
}

export function usePairFlow(doc: Y.Doc | null): PairFlow {
  return useRecord(doc, PAIR_FLOW, FLOW) ?? EMPTY_PAIR_FLOW
}

export function patchPairInfo(doc: Y.Doc, fields: Partial<PairInfo>): void {
  collection(doc, PAIR_INFO).patch(INFO, fields)
}

export function patchPairFlow(doc: Y.Doc, fields: Partial<PairFlow>): void {
  collection(doc, PAIR_FLOW).patch(FLOW, fields)
}
