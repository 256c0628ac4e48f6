import { feedbackSummary, type FeedbackComment } from '@shared/mentorship/feedback.ts'
import type { PoolPair } from '@shared/mentorship/pairRecords.ts'
import { useSharedFeedback } from '../store/feedback.ts'
import type { Program } from '../store/docs.ts'
import '../feedback.css'

const COMMENTS_SHOWN = 20

/**
 * The program view's share of the end-of-pairing feedback (issue 15 #7): only answers a person
 * ticked to share reach the org, so this is all the org can show — average usefulness, who would
 * recommend the program, and the shared comments.
 */
export function ProgramFeedback({ program, pairs }: { program: Program; pairs: readonly PoolPair[] }) {
  const shared = useSharedFeedback(program)
  const s = feedbackSummary(shared, pairs)
  if (s.responses === 0) {
    return (
      <section className="program-feedback" aria-labelledby="program-feedback-title">
        <h4 id="program-feedback-title">Feedback shared by pairs</h4>
        <p className="muted small">No feedback shared yet. When a pair ends, each person may share answers of their feedback form here.</p>
      </section>
    )
  }
  return (
    <section className="program-feedback" aria-labelledby="program-feedback-title">
      <h4 id="program-feedback-title">Feedback shared by pairs</h4>
      <dl className="feedback-stats">
        <div>
          <dt>Average usefulness</dt>
          <dd>{s.averageUsefulness === null ? 'No rating shared' : `${s.averageUsefulness.toFixed(1)} of 5 (${s.ratings} ${s.ratings === 1 ? 'rating' : 'ratings'})`}</dd>
        </div>
        <div>
          <dt>Would recommend the program</dt>
          <dd>
            {s.recommend.yes} yes · {s.recommend.maybe} maybe · {s.recommend.no} no
          </dd>
        </div>
        <div>
          <dt>People who shared</dt>
          <dd>{s.responses}</dd>
        </div>
      </dl>
      {s.comments.length > 0 && <Comments comments={s.comments.slice(0, COMMENTS_SHOWN)} />}
      {s.comments.length > COMMENTS_SHOWN && (
        <details className="more-matches">
          <summary className="small">{s.comments.length - COMMENTS_SHOWN} older comments</summary>
          <Comments comments={s.comments.slice(COMMENTS_SHOWN)} label="Older shared comments" />
        </details>
      )}
    </section>
  )
}

function Comments({ comments, label = 'Shared comments' }: { comments: readonly FeedbackComment[]; label?: string }) {
  return (
    <ul className="feedback-comments" aria-label={label}>
      {comments.map((c, i) => (
        <li key={`${c.sharedAt}/${i}`}>
          <span className="muted small">
            {c.pair} · {c.kind === 'worked' ? 'What worked' : 'What to change'}
          </span>
          <blockquote>{c.text}</blockquote>
        </li>
      ))}
    </ul>
  )
}
