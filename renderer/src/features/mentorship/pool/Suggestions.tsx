import type { DirectionMatch, ItemMatch, PairSuggestion } from '@shared/mentorship/matching.ts'

function whyOf(m: ItemMatch): string[] {
  return [m.sharedTerms.length ? `shared words: ${m.sharedTerms.join(', ')}` : '', m.sharedConcepts.length ? `related: ${m.sharedConcepts.join(', ')}` : ''].filter(Boolean)
}

export function Direction({ d }: { d: DirectionMatch }) {
  const label = `${d.mentorName} can mentor ${d.menteeName}`
  if (!d.best) {
    return (
      <div className="direction weak" aria-label={label}>
        <span className="direction-title">{label}</span>
        <span className="muted small">No be-a-mentor item of {d.mentorName} meets a seek-a-mentor item of {d.menteeName}.</span>
      </div>
    )
  }
  const why = whyOf(d.best)
  const others = d.matches.filter((m) => m !== d.best)
  const more = others.length
  return (
    <div className="direction" aria-label={label} title={d.best.reason}>
      <span className="direction-title">{label}</span>
      <span className="meets">
        <span className="item-quote" title="Be a mentor">
          {d.best.mentorItem}
        </span>
        <span className="meets-arrow" aria-label="meets">
          →
        </span>
        <span className="item-quote seek" title="Seek a mentor">
          {d.best.menteeItem}
        </span>
      </span>
      <span className="muted small">
        {d.mentorName}&apos;s be-a-mentor item meets {d.menteeName}&apos;s seek-a-mentor item{why.length ? ` — ${why.join('; ')}` : ''}
      </span>
      {more > 0 && (
        <details className="more-matches">
          <summary className="small">
            {more} more {more === 1 ? 'match' : 'matches'}
          </summary>
          <ul className="more-matches-list small" aria-label={`Other matches, ${d.mentorName} to ${d.menteeName}`}>
            {others.map((m) => (
              <li key={`${m.mentorItemIndex}/${m.menteeItemIndex}`}>
                <span className="item-quote">{m.mentorItem}</span> → <span className="item-quote seek">{m.menteeItem}</span>
                <span className="muted">{whyOf(m).length ? ` — ${whyOf(m).join('; ')}` : ''}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

export function strength(score: number): string {
  return score >= 0.5 ? 'Strong match' : score >= 0.25 ? 'Good match' : 'Possible match'
}

/** Suggested pairs, best first, with why: which item meets which, in both directions. */
export function Suggestions(props: {
  suggestions: PairSuggestion[]
  /** "Start our pair" for one of the two, "Suggest this pair" for anyone else; null: read-only */
  actionFor: ((s: PairSuggestion) => { label: string; run: () => void }) | null
  busy: boolean
  poolSize: number
}) {
  if (props.suggestions.length === 0) {
    return (
      <p className="empty">
        {props.poolSize < 2
          ? 'Suggestions appear once two or more people are in the pool.'
          : 'No two people left unpaired whose items meet in both directions. Add profiles, or edit items to say more.'}
      </p>
    )
  }
  return (
    <ol className="suggestions" aria-label="Suggested pairs">
      {props.suggestions.map((s) => {
        const name = `${s.a.name} & ${s.b.name}`
        const pct = Math.round(s.score * 100)
        return (
          <li key={`${s.a.id}/${s.b.id}`} className="suggestion" aria-label={name}>
            <div className="suggestion-head">
              <span className="card-title">{name}</span>
              <span className="score" aria-label={`${strength(s.score)}, ${pct} percent`}>
                <span className="score-bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(6, pct)}%` }} />
                </span>
                {strength(s.score)}
              </span>
              {props.actionFor &&
                (() => {
                  const action = props.actionFor(s)
                  return (
                    <button type="button" className="button primary small" disabled={props.busy} onClick={action.run} aria-label={`${action.label}: ${name}`}>
                      {action.label}
                    </button>
                  )
                })()}
            </div>
            <div className="directions">
              <Direction d={s.aMentorsB} />
              <Direction d={s.bMentorsA} />
            </div>
          </li>
        )
      })}
    </ol>
  )
}
