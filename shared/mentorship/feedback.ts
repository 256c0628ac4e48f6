import { z } from 'zod'
import { isVerifiableId } from '../identity/signing.ts'
import { RecordId, RefText } from '../text/limits.ts'

/**
 * The end-of-pairing feedback form (issue 15 #7). Each person of a pair fills their own, in the
 * pair's journal (only the two read it there); each answer goes to the org only when its writer
 * ticks "share with the program" for it, and then only that answer.
 *
 * Pair space, journal document:  feedback  member id → PairFeedback
 * Org space, root document:      pairFeedback  `<pair space id>/<member id>` → SharedFeedback
 *
 * Records are validated whole: a peer's record past a bound or of the wrong shape is skipped.
 */

export const FEEDBACK_TEXT_MAX = 1000
export const RECOMMEND = ['yes', 'maybe', 'no'] as const
export type Recommend = (typeof RECOMMEND)[number]
export const FEEDBACK_QUESTIONS = ['usefulness', 'worked', 'change', 'recommend'] as const
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number]

const Rating = z.number().int().min(1).max(5)
const Answer = z.string().max(FEEDBACK_TEXT_MAX)

export const FeedbackShare = z.object({ usefulness: z.boolean(), worked: z.boolean(), change: z.boolean(), recommend: z.boolean() })
export type FeedbackShare = z.infer<typeof FeedbackShare>

/** What one person answered, in the pair's journal, and which answers they share with the program. */
export const PairFeedback = z.object({
  /**
   * the writer's member id (= the record's id), whose seal covers the answers; absent in answers
   * written before seals, which read only under an id from before signatures (`isOwnFeedback`)
   */
  memberId: RecordId.optional(),
  /** the writer's name as they wrote it: for older apps (the pair is named by member entries) */
  author: z.string().max(200),
  /** how useful the pairing was, 1 (not at all) to 5 (very); null: not answered */
  usefulness: Rating.nullable(),
  /** what worked */
  worked: Answer,
  /** what to change */
  change: Answer,
  /** would recommend the program to a colleague */
  recommend: z.enum(RECOMMEND).nullable(),
  share: FeedbackShare,
  updatedAt: z.number()
})
export type PairFeedback = z.infer<typeof PairFeedback>

/** The fields of a person's answers their seal covers (all of them). */
export const SEALED_FEEDBACK_FIELDS = ['memberId', 'author', 'usefulness', 'worked', 'change', 'recommend', 'share', 'updatedAt'] as const

/**
 * Whether answers stored under `id` are that member's: their seal names them (`memberId` = id);
 * answers without a member id only under an id from before signatures (anyone could have written
 * those, as anything under such an id).
 */
export function isOwnFeedback(id: string, f: Pick<PairFeedback, 'memberId'>): boolean {
  return f.memberId === undefined ? !isVerifiableId(id) : f.memberId === id
}

/** The answers a person shared, as the org's record holds them: null where not shared (or not answered). */
export const SharedFeedback = z.object({
  /** the pair's space, as in the org's pair record */
  spaceId: RefText.min(1),
  usefulness: Rating.nullable(),
  worked: Answer.nullable(),
  change: Answer.nullable(),
  recommend: z.enum(RECOMMEND).nullable(),
  sharedAt: z.number()
})
export type SharedFeedback = z.infer<typeof SharedFeedback>

export type FeedbackAnswers = Pick<PairFeedback, 'usefulness' | 'worked' | 'change' | 'recommend' | 'share'>

export const EMPTY_FEEDBACK: FeedbackAnswers = {
  usefulness: null,
  worked: '',
  change: '',
  recommend: null,
  share: { usefulness: false, worked: false, change: false, recommend: false }
}

/** A form's answers made safe to store: texts trimmed and cut to their bound, a rating outside 1–5 dropped. */
export function cleanAnswers(a: FeedbackAnswers): FeedbackAnswers {
  const text = (s: string) => s.trim().slice(0, FEEDBACK_TEXT_MAX)
  const rating = a.usefulness !== null && Number.isInteger(a.usefulness) && a.usefulness >= 1 && a.usefulness <= 5 ? a.usefulness : null
  const recommend = a.recommend !== null && (RECOMMEND as readonly string[]).includes(a.recommend) ? a.recommend : null
  return { usefulness: rating, worked: text(a.worked), change: text(a.change), recommend, share: { ...a.share } }
}

/**
 * What reaches the org of one person's answers: each answer only when shared and given; null when
 * nothing is (then the org's record goes).
 */
export function sharedPart(f: FeedbackAnswers, spaceId: string, sharedAt: number): SharedFeedback | null {
  const out: SharedFeedback = {
    spaceId,
    usefulness: f.share.usefulness ? f.usefulness : null,
    worked: f.share.worked && f.worked.trim() ? f.worked.trim() : null,
    change: f.share.change && f.change.trim() ? f.change.trim() : null,
    recommend: f.share.recommend ? f.recommend : null,
    sharedAt
  }
  return out.usefulness === null && out.worked === null && out.change === null && out.recommend === null ? null : out
}

export interface FeedbackComment {
  pair: string
  kind: 'worked' | 'change'
  text: string
  sharedAt: number
}

export interface FeedbackSummary {
  /** people who shared anything */
  responses: number
  /** mean of the shared ratings, one decimal; null when none */
  averageUsefulness: number | null
  ratings: number
  recommend: Record<Recommend, number>
  /** shared comments, newest first */
  comments: FeedbackComment[]
}

/**
 * The program view's summary of the feedback pairs shared: only records of pairs the org knows
 * (a record naming a space no pair record has is left out).
 */
export function feedbackSummary(
  shared: readonly SharedFeedback[],
  pairs: readonly { spaceId: string | null; aName: string; bName: string }[]
): FeedbackSummary {
  const names = new Map<string, string>()
  for (const p of pairs) if (p.spaceId) names.set(p.spaceId, `${p.aName} & ${p.bName}`)
  const known = shared.filter((f) => names.has(f.spaceId))
  const ratings = known.flatMap((f) => (f.usefulness === null ? [] : [f.usefulness]))
  const recommend: Record<Recommend, number> = { yes: 0, maybe: 0, no: 0 }
  for (const f of known) if (f.recommend) recommend[f.recommend]++
  const comments: FeedbackComment[] = known
    .flatMap((f) => {
      const pair = names.get(f.spaceId) ?? ''
      return [
        ...(f.worked ? [{ pair, kind: 'worked' as const, text: f.worked, sharedAt: f.sharedAt }] : []),
        ...(f.change ? [{ pair, kind: 'change' as const, text: f.change, sharedAt: f.sharedAt }] : [])
      ]
    })
    .sort((x, y) => y.sharedAt - x.sharedAt)
  return {
    responses: known.length,
    averageUsefulness: ratings.length ? Math.round((ratings.reduce((s, r) => s + r, 0) / ratings.length) * 10) / 10 : null,
    ratings: ratings.length,
    recommend,
    comments
  }
}
