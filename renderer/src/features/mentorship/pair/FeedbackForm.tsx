import { useState } from 'react'
import { EMPTY_FEEDBACK, FEEDBACK_TEXT_MAX, RECOMMEND, type FeedbackAnswers, type FeedbackQuestion, type PairFeedback, type Recommend } from '@shared/mentorship/feedback.ts'
import { namesOf, NOT_VERIFIED, personName } from '@shared/members/personName.ts'
import { saveFeedback, useMyFeedback, usePairFeedback } from '../store/feedback.ts'
import { usePairMembers } from '../store/pair.ts'
import { toast } from '@ui/toasts.ts'
import { TextLimit } from '@ui/TextLimit.tsx'
import { firstName, type Pair } from './PairPage.tsx'
import '../feedback.css'

const QUESTION: Record<FeedbackQuestion, string> = {
  usefulness: 'How useful was this pairing for you?',
  worked: 'What worked?',
  change: 'What would you change?',
  recommend: 'Would you recommend the program to a colleague?'
}
/** how a question is named in "share …" and in messages */
const SHORT: Record<FeedbackQuestion, string> = { usefulness: 'how useful', worked: 'what worked', change: 'what to change', recommend: 'would recommend' }
const RATING_WORDS = ['', 'not useful', 'a little useful', 'useful', 'very useful', 'extremely useful']
const RECOMMEND_WORDS: Record<Recommend, string> = { yes: 'Yes', maybe: 'Maybe', no: 'No' }

const answered = (a: FeedbackAnswers, q: FeedbackQuestion) =>
  q === 'usefulness' ? a.usefulness !== null : q === 'recommend' ? a.recommend !== null : a[q].trim() !== ''

/** a writer by first name, in full when their id cannot be verified (personName says so) */
const writer = (name: string): string => (name.endsWith(NOT_VERIFIED) ? name : firstName(name))

/** The questions ticked to share but not answered: a clear message instead of an empty share. */
export function unansweredShares(a: FeedbackAnswers): FeedbackQuestion[] {
  return (Object.keys(a.share) as FeedbackQuestion[]).filter((q) => a.share[q] && !answered(a, q))
}

/**
 * The end-of-pairing feedback form (issue 15 #7), shown once the pairing has ended: each person's
 * answers stay in the pair's journal, and each reaches the program only when its "Share with the
 * program" is ticked. The other person's answers are shown to the pair, below.
 */
export function FeedbackForm({ pair, canWrite }: { pair: Pair; canWrite: boolean }) {
  const mine = useMyFeedback(pair.journal, pair.identity.deviceId)
  const all = usePairFeedback(pair.journal)
  const other = all.filter((f) => f.id !== pair.identity.deviceId)
  // the writer as the pair's space names them (their member entry), not the name the answers carry
  const names = namesOf(usePairMembers(pair.spaceId))
  return (
    <section className="panel feedback" aria-labelledby="feedback-title">
      <h3 id="feedback-title">How did the pairing go?</h3>
      <p className="muted small">
        Your answers stay in the pair&apos;s journal: your pair can read them, the program cannot. Tick{' '}
        <em>Share with the program</em> next to an answer to send that answer, and only that one, to the org&apos;s program view —
        never your journal.
      </p>
      {canWrite ? (
        // a new form once the saved answers arrive (the journal may load after the screen)
        <Form key={mine?.updatedAt ?? 0} pair={pair} saved={mine} />
      ) : (
        mine && <Answers feedback={mine} title="Your answers" />
      )}
      {other.map((f) => (
        <Answers key={f.id} feedback={f} title={`${writer(personName(f.id, names, '')) || 'Your pair'}'s answers`} />
      ))}
    </section>
  )
}

function Form({ pair, saved }: { pair: Pair; saved: PairFeedback | null }) {
  const [a, setA] = useState<FeedbackAnswers>(saved ?? EMPTY_FEEDBACK)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (fields: Partial<FeedbackAnswers>) => {
    setProblem(null)
    setA({ ...a, ...fields })
  }
  const share = (q: FeedbackQuestion) => (
    <label className="check-line share-check">
      <input type="checkbox" checked={a.share[q]} onChange={(e) => set({ share: { ...a.share, [q]: e.target.checked } })} aria-label={`Share with the program: ${SHORT[q]}`} />
      Share with the program
    </label>
  )
  const submit = async () => {
    const missing = unansweredShares(a)
    if (missing.length) {
      setProblem(`Nothing saved: answer ${missing.map((q) => `“${SHORT[q]}”`).join(' and ')} before sharing it, or untick its share.`)
      return
    }
    setBusy(true)
    try {
      await saveFeedback(pair.journal, pair.identity.deviceId, pair.identity.name, a)
      const sharing = (Object.keys(a.share) as FeedbackQuestion[]).filter((q) => a.share[q]).map((q) => SHORT[q])
      toast(sharing.length ? `Feedback saved. Shared with the program: ${sharing.join(', ')}.` : 'Feedback saved. It stays between the two of you.')
    } catch (err) {
      setProblem(`Could not save: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      className="feedback-form"
      aria-label="Your feedback"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <fieldset className="feedback-question">
        <legend className="field-label">{QUESTION.usefulness}</legend>
        <div className="rating">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="check-line rating-choice">
              <input type="radio" name="usefulness" checked={a.usefulness === n} onChange={() => set({ usefulness: n })} aria-label={`${n} of 5, ${RATING_WORDS[n]}`} />
              {n}
            </label>
          ))}
          <span className="muted small">1 not useful · 5 extremely useful</span>
        </div>
        {share('usefulness')}
      </fieldset>
      {(['worked', 'change'] as const).map((q) => (
        <div className="feedback-question" key={q}>
          <label className="field">
            <span className="field-label">{QUESTION[q]}</span>
            <textarea rows={3} maxLength={FEEDBACK_TEXT_MAX} value={a[q]} onChange={(e) => set({ [q]: e.target.value })} />
            <TextLimit length={a[q].length} max={FEEDBACK_TEXT_MAX} />
          </label>
          {share(q)}
        </div>
      ))}
      <fieldset className="feedback-question">
        <legend className="field-label">{QUESTION.recommend}</legend>
        <div className="rating">
          {RECOMMEND.map((r) => (
            <label key={r} className="check-line rating-choice">
              <input type="radio" name="recommend" checked={a.recommend === r} onChange={() => set({ recommend: r })} />
              {RECOMMEND_WORDS[r]}
            </label>
          ))}
        </div>
        {share('recommend')}
      </fieldset>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row end">
        <button type="submit" className="button primary" disabled={busy}>
          Save feedback
        </button>
      </div>
    </form>
  )
}

function Answers({ feedback: f, title }: { feedback: PairFeedback; title: string }) {
  const shared = (q: FeedbackQuestion) => (f.share[q] ? ' (shared with the program)' : '')
  return (
    <section className="feedback-answers" aria-label={title}>
      <h4>{title}</h4>
      <dl>
        {f.usefulness !== null && (
          <>
            <dt>{QUESTION.usefulness}</dt>
            <dd>
              {f.usefulness} of 5{shared('usefulness')}
            </dd>
          </>
        )}
        {f.worked && (
          <>
            <dt>{QUESTION.worked}</dt>
            <dd>
              {f.worked}
              {shared('worked')}
            </dd>
          </>
        )}
        {f.change && (
          <>
            <dt>{QUESTION.change}</dt>
            <dd>
              {f.change}
              {shared('change')}
            </dd>
          </>
        )}
        {f.recommend && (
          <>
            <dt>{QUESTION.recommend}</dt>
            <dd>
              {RECOMMEND_WORDS[f.recommend]}
              {shared('recommend')}
            </dd>
          </>
        )}
      </dl>
    </section>
  )
}
