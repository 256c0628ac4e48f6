import { checkInsNewestFirst, keyResultScore, okrScore, okrStatus, type KeyResult, type Okr } from '@shared/mentorship/okr.ts'
import { formatScore, keyResultProgress } from '@shared/mentorship/okrShare.ts'
import { formatDay } from '../formatDay.ts'

function ScoreBar({ score }: { score: number }) {
  return (
    <span className={`score-pill ${okrStatus(score).replace(' ', '-')}`}>
      <span className="score-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(score * 100)}%` }} />
      </span>
      {formatScore(score)}
    </span>
  )
}

/** One personal OKR: its score and status, key results with their latest confidence, check-ins. */
export function OkrCard(props: {
  okr: Okr
  readOnly: boolean
  onCheckIn: (kr: KeyResult) => void
  onEdit: () => void
  onShare: () => void
  onRemove: () => void
}) {
  const { okr } = props
  const score = okrScore(okr)
  const status = okrStatus(score)
  const history = checkInsNewestFirst(okr)
  const titles = new Map(okr.keyResults.map((kr) => [kr.id, kr.title]))
  return (
    <article className="panel okr-card" aria-label={`OKR: ${okr.objective}`}>
      <header className="okr-head">
        <span className="badge">{okr.quarter}</span>
        <h4 className="okr-objective">{okr.objective}</h4>
        <span className={`okr-score ${status.replace(' ', '-')}`} aria-label={`Objective score ${formatScore(score)}, ${status}`}>
          <span className="okr-score-number">{formatScore(score)}</span>
          <span className="okr-status">{status}</span>
        </span>
      </header>
      <table className="kr-table">
        <thead>
          <tr>
            <th scope="col">Key result</th>
            <th scope="col">Progress</th>
            <th scope="col">Score</th>
            <th scope="col">Confidence</th>
            {!props.readOnly && (
              <th scope="col">
                <span className="visually-hidden">Check in</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {okr.keyResults.map((kr) => {
            const latest = checkInsNewestFirst(okr, kr.id)[0]
            return (
              <tr key={kr.id}>
                <th scope="row">{kr.title}</th>
                <td>{keyResultProgress(kr)}</td>
                <td>
                  <ScoreBar score={keyResultScore(kr)} />
                </td>
                <td>{latest ? `${latest.confidence}/10` : <span className="muted">—</span>}</td>
                {!props.readOnly && (
                  <td>
                    <button type="button" className="button small" aria-label={`Check in on ${kr.title}`} onClick={() => props.onCheckIn(kr)}>
                      Check in
                    </button>
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
      {history.length > 0 && (
        <details className="check-ins">
          <summary>Check-ins ({history.length})</summary>
          <ul>
            {history.map((c) => (
              <li key={c.id}>
                <span className="muted small">{formatDay(c.date)}</span> {titles.get(c.keyResultId)}:{' '}
                <strong>{typeof c.value === 'boolean' ? (c.value ? 'done' : 'not done') : c.value}</strong>, confidence {c.confidence}/10
                {c.note && <span className="muted"> — {c.note}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="row">
        <button type="button" className="button primary small" onClick={props.onShare}>
          Share for my 1:1
        </button>
        {!props.readOnly && (
          <>
            <button type="button" className="button small" onClick={props.onEdit}>
              Edit
            </button>
            <button type="button" className="button ghost small danger-text push-left" onClick={props.onRemove}>
              Delete
            </button>
          </>
        )}
      </div>
    </article>
  )
}
