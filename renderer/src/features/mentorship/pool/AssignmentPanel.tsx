import { useEffect, useMemo, useState } from 'react'
import { assignPool, type PoolAssignment } from '@shared/mentorship/poolAssignment.ts'
import { poolPairStatus, type PoolPair, type PoolProfile } from '@shared/mentorship/pairRecords.ts'
import { Direction, strength } from './Suggestions.tsx'
import type { AssignReply, AssignRequest } from './assignmentWorker.ts'
import './assignment.css'

/**
 * "Suggest pairs for everyone": one proposal for the whole pool (the people the filters keep) —
 * as many people in a pair as possible, then the best total — every pair with its reasons to open,
 * the total, and who could not be paired and why. The admin suggests them all at once; anyone
 * can read the proposal.
 */
export function AssignmentPanel(props: {
  /** the people the filters keep */
  people: readonly (PoolProfile & { id: string })[]
  pairs: readonly PoolPair[]
  /** pairs the filters rule out (time zones too far apart) */
  excludePairs: readonly (readonly [string, string])[]
  /** null: not the admin, or read-only */
  onSuggestAll: ((assignment: PoolAssignment) => void) | null
}) {
  const [open, setOpen] = useState(false)
  /** the proposal for `key` (the inputs it was computed from), and where it ran (the e2e checks the worker) */
  const [result, setResult] = useState<{ key: object; ranOn: 'worker' | 'page'; value: { assignment: PoolAssignment } | { error: string } } | null>(null)
  // what the proposal is computed from: a new object whenever any of it changes
  const inputs = useMemo(() => ({ people: props.people, pairs: props.pairs, excludePairs: props.excludePairs }), [props.people, props.pairs, props.excludePairs])
  useEffect(() => {
    if (!open) return
    let done = false
    const finish = (ranOn: 'worker' | 'page', value: { assignment: PoolAssignment } | { error: string }) => {
      if (done) return
      done = true
      setResult({ key: inputs, ranOn, value: 'error' in value ? { error: `Could not work out pairs for everyone: ${value.error}` } : value })
    }
    const request: AssignRequest = {
      id: 1,
      people: inputs.people.map((p) => ({
        id: p.id,
        profile: { name: p.name, dept: p.dept, timezone: p.timezone, hobbies: p.hobbies, favoriteResources: p.favoriteResources, beAMentor: p.beAMentor, seekAMentor: p.seekAMentor },
        available: p.available,
        capacity: p.capacity
      })),
      records: inputs.pairs.map((p) => ({ aProfileId: p.aProfileId, bProfileId: p.bProfileId, status: poolPairStatus(p) })),
      excludePairs: inputs.excludePairs.map(([a, b]) => [a, b] as [string, string])
    }
    // on this thread when no worker can run here (it never answers or fails to load)
    const here = () => {
      try {
        finish('page', { assignment: assignPool(request.people, request.records, { excludePairs: request.excludePairs }) })
      } catch (err) {
        finish('page', { error: (err as Error).message })
      }
    }
    let worker: Worker | null = null
    try {
      worker = new Worker(new URL('./assignmentWorker.ts', import.meta.url), { type: 'module' })
    } catch {
      worker = null
    }
    if (!worker) {
      const timer = setTimeout(here, 0)
      return () => {
        done = true
        clearTimeout(timer)
      }
    }
    worker.onmessage = (event: MessageEvent<AssignReply>) => finish('worker', 'assignment' in event.data ? { assignment: event.data.assignment } : { error: event.data.error })
    worker.onerror = (event) => {
      event.preventDefault()
      here()
    }
    worker.postMessage(request)
    return () => {
      done = true
      worker.terminate()
    }
  }, [open, inputs])
  const fresh = result && result.key === inputs ? result : null
  const current = fresh?.value ?? null

  return (
    <section className="panel assignment" aria-labelledby="assignment-title">
      <div className="section-head">
        <div>
          <h3 id="assignment-title">Pairs for everyone</h3>
          <p className="muted small">
            One proposal for the whole pool: as many people in a pair as possible, then the best total score. Nobody gets more pairs than they take at
            once (their running and waiting pairs count); pairs running, waiting or declined are not proposed again.
          </p>
        </div>
        <button type="button" className="button" aria-expanded={open} aria-controls="assignment-body" onClick={() => setOpen(!open)}>
          {open ? 'Hide the proposal' : 'Suggest pairs for everyone'}
        </button>
      </div>
      {open && (
        <div id="assignment-body" className="assignment-body" data-ran-on={fresh?.ranOn}>
          {!current && (
            <p className="muted" role="status">
              Working out pairs for everyone…
            </p>
          )}
          {current && 'error' in current && (
            <p className="alert error" role="alert">
              {current.error}
            </p>
          )}
          {current && 'assignment' in current && <Proposal assignment={current.assignment} onSuggestAll={props.onSuggestAll} />}
        </div>
      )}
    </section>
  )
}

function Proposal({ assignment, onSuggestAll }: { assignment: PoolAssignment; onSuggestAll: ((assignment: PoolAssignment) => void) | null }) {
  const { pairs, total, covered, leftOut } = assignment
  const considered = covered + leftOut.length
  const average = pairs.length ? Math.round((total / pairs.length) * 100) : 0
  return (
    <>
      <div className="row assignment-summary">
        <p role="status">
          {pairs.length === 0 ? (
            'No pairs to propose.'
          ) : (
            <>
              <strong>
                {pairs.length} {pairs.length === 1 ? 'pair' : 'pairs'}
              </strong>{' '}
              · {covered} of {considered} people paired · total score <strong>{total.toFixed(2)}</strong> (average match {average} %)
            </>
          )}
        </p>
        {pairs.length > 0 &&
          (onSuggestAll ? (
            <button type="button" className="button primary" onClick={() => onSuggestAll(assignment)}>
              Suggest all {pairs.length} {pairs.length === 1 ? 'pair' : 'pairs'}
            </button>
          ) : (
            <span className="muted small">The program&apos;s admin can suggest them all; anyone can suggest one from the ranked list.</span>
          ))}
      </div>
      {pairs.length > 0 && (
        <ol className="assignment-pairs" aria-label="Proposed pairs">
          {pairs.map((s) => {
            const name = `${s.a.name} & ${s.b.name}`
            const pct = Math.round(s.score * 100)
            return (
              <li key={`${s.a.id}/${s.b.id}`} className="assignment-pair">
                <details>
                  <summary>
                    <span className="card-title">{name}</span>
                    <span className="muted small">
                      {strength(s.score)}, {pct} %
                    </span>
                    <span className="small why-hint">Why?</span>
                  </summary>
                  <div className="directions">
                    <Direction d={s.aMentorsB} />
                    <Direction d={s.bMentorsA} />
                  </div>
                </details>
              </li>
            )
          })}
        </ol>
      )}
      {leftOut.length > 0 && (
        <div className="assignment-left">
          <h4 id="assignment-left-title">Not paired ({leftOut.length})</h4>
          <ul aria-labelledby="assignment-left-title" className="small">
            {leftOut.map((l) => (
              <li key={l.id}>
                <strong>{l.name}</strong> — {l.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}
