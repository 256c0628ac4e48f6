import { Link } from 'wouter'
import { FLOW_STEPS, currentStep, doneField, fitDeadline, isStepDone } from '@shared/mentorship/programFlow.ts'
import { relativeDay } from '@shared/mentorship/pairCadence.ts'
import type { FlowStepId, PairFlow } from '@shared/mentorship/pairRecords.ts'
import { patchPairFlow } from '../store/pair.ts'
import type { TrackView } from '../store/tracks.ts'
import { localToday, useToday } from '@ui/today.ts'
import { formatDay } from '../formatDay.ts'
import { firstName, type Pair } from './PairPage.tsx'
import { StepTimer } from './StepTimer.tsx'

/** The program's steps for this pair, where they are, and the tools for the step they are on. */
export function FlowSteps(props: { pair: Pair; flow: PairFlow; tracks: TrackView[]; offsetOf: (id: string) => number; nextSessionText: string }) {
  const { pair, flow } = props
  const now = currentStep(flow)
  const [a, b] = pair.info.participants
  const today = useToday()
  const setDone = (stepId: FlowStepId, done: boolean) => {
    const fields: Partial<PairFlow> = { [doneField(stepId)]: done }
    if (stepId === 'intro' && done && !flow.introHeldOn) fields.introHeldOn = localToday()
    patchPairFlow(pair.journal, fields)
  }
  const itemsOf = (partId: string) => {
    const i = Number(partId.split(':')[1])
    const who = i % 2 === 0 ? a : b
    const name = firstName(who?.name ?? '')
    if (i <= 1) return { caption: `${name}'s be-a-mentor items`, items: who?.beAMentor ?? [] }
    if (i <= 3) return { caption: `${name}'s seek-a-mentor items`, items: who?.seekAMentor ?? [] }
    return { caption: '', items: [] }
  }
  const deadline = fitDeadline(flow.introHeldOn)

  return (
    <ol className="flow" aria-label="The program's steps">
      {FLOW_STEPS.map((step, index) => {
        const done = isStepDone(flow, step.id)
        const current = step.id === now && !done
        const state = done ? 'Done' : current ? 'Now' : 'Later'
        return (
          <li key={step.id} className={`flow-step ${done ? 'done' : ''} ${current ? 'current' : ''}`} aria-current={current ? 'step' : undefined} aria-label={`${index + 1}. ${step.title}, ${state.toLowerCase()}`}>
            <span className="step-marker" aria-hidden="true">
              {done ? '✓' : index + 1}
            </span>
            <div className="step-body">
              <div className="step-head">
                <h4>{step.title}</h4>
                <span className="step-length">{step.length}</span>
                <span className={`step-state ${state.toLowerCase()}`}>{state}</span>
                {!pair.readOnly && (step.id !== 'cadence' || !done) && (
                  <button type="button" className="button ghost small push-left" onClick={() => setDone(step.id, !done)}>
                    {done ? 'Not done yet' : 'Mark done'}
                  </button>
                )}
              </div>
              <p className="muted">{step.summary}</p>
              {current && step.id === 'intro' && (
                <StepTimer pair={pair} stepId="intro" flow={flow} offsetOf={props.offsetOf} onFinished={() => setDone('intro', true)} itemsOf={itemsOf} />
              )}
              {current && step.id === 'fit' && (
                <div className="step-detail">
                  {deadline && (
                    <p>
                      Decide by <strong>{formatDay(deadline)}</strong> ({relativeDay(deadline, today)}).
                    </p>
                  )}
                  <ul className="plain-list">
                    {props.tracks.map((t) => (
                      <li key={t.id}>
                        {firstName(t.mentorName)} writes {firstName(t.menteeName)}&apos;s lesson plan
                        {t.topic ? ` on ${t.topic}` : ''}:{' '}
                        <span className={t.firstSteps.length ? 'ok-line' : 'muted'}>
                          {t.firstSteps.length ? `${t.firstSteps.length} first ${t.firstSteps.length === 1 ? 'step' : 'steps'}` : 'no first steps yet'}
                        </span>
                      </li>
                    ))}
                  </ul>
                  <Link href={`/space/${pair.spaceId}/directions`} className="button small">
                    Write lesson plans in Directions
                  </Link>
                </div>
              )}
              {current && step.id === 'plan' && (
                <StepTimer pair={pair} stepId="plan" flow={flow} offsetOf={props.offsetOf} onFinished={() => setDone('plan', true)} />
              )}
              {step.id === 'cadence' && (current || done) && <p className="step-detail">{props.nextSessionText}</p>}
            </div>
          </li>
        )
      })}
    </ol>
  )
}
