import { EMPTY_PAIR_FLOW, EMPTY_PAIR_INFO, type PairFlow, type PairInfo } from '@shared/mentorship/pairRecords.ts'
import { collection, useRecord } from '@core/collections/index.ts'
import { useMembers, useSpaceRootDoc } from '@core/spaces/hooks.ts'
import type { MemberRecord } from '@shared/members/presence.ts'
import { journalDoc, type Journal, type JournalRef } from './docs.ts'
import { FLOW, INFO, PAIR_FLOW, PAIR_INFO } from './lists.ts'

/** The pair's header ('info') and where it is in the program ('flow'). */

export function readPairInfo(journal: JournalRef): PairInfo {
  return collection(journalDoc(journal), PAIR_INFO).get(INFO) ?? EMPTY_PAIR_INFO
}

export function usePairInfo(journal: Journal | null): PairInfo {
  return useRecord(journal && journalDoc(journal), PAIR_INFO, INFO) ?? EMPTY_PAIR_INFO
}

export function usePairFlow(journal: Journal | null): PairFlow {
  return useRecord(journal && journalDoc(journal), PAIR_FLOW, FLOW) ?? EMPTY_PAIR_FLOW
}

export function patchPairInfo(journal: JournalRef, fields: Partial<PairInfo>): void {
  collection(journalDoc(journal), PAIR_INFO).upsert(INFO, fields)
}

export function patchPairFlow(journal: JournalRef, fields: Partial<PairFlow>): void {
  collection(journalDoc(journal), PAIR_FLOW).upsert(FLOW, fields)
}

/** The members of the pair's space (their colours, as in the sidebar). */
export function usePairMembers(spaceId: string): readonly MemberRecord[] {
  return useMembers(useSpaceRootDoc(spaceId))
}
