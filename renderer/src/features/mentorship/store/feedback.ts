import { useMemo } from 'react'
import { cleanAnswers, isOwnFeedback, PairFeedback, SEALED_FEEDBACK_FIELDS, SharedFeedback, sharedPart, type FeedbackAnswers } from '@shared/mentorship/feedback.ts'
import { collection, defineCollection, useRecord, useRecords, type Rec } from '@core/collections/index.ts'
import { forEachProgram, journalDoc, programDoc, type Journal, type JournalRef, type Program, type ProgramRef } from './docs.ts'
import { POOL_PAIRS } from './pool.ts'

/**
 * The end-of-pairing feedback (issue 15 #7; shared/mentorship/feedback.ts). Each person's answers
 * are a record of the pair's journal under their member id, sealed by them (issue 10 #15: read only
 * when the seal and the id name the same member, `isOwnFeedback`); what they tick to share is
 * copied, and only that, into the org's `pairFeedback` on every org here that knows the pair.
 */
export const FEEDBACK = defineCollection({ name: 'feedback', schema: PairFeedback, signed: { by: 'memberId', fields: SEALED_FEEDBACK_FIELDS } })
export const SHARED_FEEDBACK = defineCollection({ name: 'pairFeedback', schema: SharedFeedback })

/** This member's own answers in the pair's journal (null until they save the form). */
export function useMyFeedback(journal: Journal | null, memberId: string): PairFeedback | null {
  const f = useRecord(journal && journalDoc(journal), FEEDBACK, memberId)
  return f && isOwnFeedback(memberId, f) ? f : null
}

/** Both people's answers, as the pair sees them: each person's own only. */
export function usePairFeedback(journal: Journal | null): readonly Rec<PairFeedback>[] {
  const all = useRecords(journal && journalDoc(journal), FEEDBACK)
  return useMemo(() => all.filter((f) => isOwnFeedback(f.id, f)), [all])
}

/** The answers in a pair's journal that their writers sealed under their own ids. */
export function readPairFeedback(journal: JournalRef): Rec<PairFeedback>[] {
  return collection(journalDoc(journal), FEEDBACK)
    .list()
    .filter((f) => isOwnFeedback(f.id, f))
}

/** The feedback every pair shared with this org. */
export function useSharedFeedback(program: Program | null): readonly Rec<SharedFeedback>[] {
  return useRecords(program && programDoc(program), SHARED_FEEDBACK)
}

const sharedId = (spaceId: string, memberId: string) => `${spaceId}/${memberId}`

/**
 * Writes what one member of a pair shares into an org's program, and nothing into an org that has
 * no record of this pair: the shared answers replace what was there; nothing shared: the org's
 * record is emptied (so unticking takes an answer back).
 */
export function shareFeedbackWith(program: ProgramRef, spaceId: string, memberId: string, answers: FeedbackAnswers, at: number): void {
  const doc = programDoc(program)
  if (!collection(doc, POOL_PAIRS).list().some((p) => p.spaceId === spaceId)) return
  const shared = collection(doc, SHARED_FEEDBACK)
  const id = sharedId(spaceId, memberId)
  const part = sharedPart(answers, spaceId, at)
  if (part === null) {
    if (shared.get(id)) shared.clear(id)
    return
  }
  const now = shared.get(id)
  // the same answers shared again change nothing (the time stays that of the first share)
  if (now && now.usefulness === part.usefulness && now.worked === part.worked && now.change === part.change && now.recommend === part.recommend) return
  shared.replace(id, part)
}

/** Saves this member's answers in the pair's journal (the pair sees them), cleaned and bounded. */
export function writeFeedback(journal: JournalRef, memberId: string, author: string, answers: FeedbackAnswers, at: number): FeedbackAnswers {
  const clean = cleanAnswers(answers)
  collection(journalDoc(journal), FEEDBACK).replace(memberId, { memberId, author: author.slice(0, 200), ...clean, updatedAt: at })
  return clean
}

/**
 * Saves the form: the journal keeps every answer; every org here that knows the pair receives the
 * shared ones. Resolves once the orgs here are written.
 */
export async function saveFeedback(journal: Journal, memberId: string, author: string, answers: FeedbackAnswers): Promise<void> {
  const at = Date.now()
  const clean = writeFeedback(journal, memberId, author, answers, at)
  await forEachProgram((program) => shareFeedbackWith(program, journal.spaceId, memberId, clean, at))
}

/**
 * Everyone's shared answers of a pair, copied into the orgs again by any device of the pair (the
 * status report calls it): a share made on a device that had no org reaches it from the other's.
 */
export function publishSharedFeedback(journal: JournalRef, spaceId: string, program: ProgramRef): void {
  const doc = programDoc(program)
  doc.transact(() => {
    for (const f of readPairFeedback(journal)) shareFeedbackWith(program, spaceId, f.id, f, f.updatedAt)
  })
}
