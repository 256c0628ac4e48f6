import { formatCountdown, timerRemaining } from '@shared/sync/clock.ts'
import { flowParts, nextPart } from '@shared/mentorship/programFlow.ts'
import { pauseTimer, resumeTimer, startTimer, timerProgress, timerState } from '@shared/mentorship/flowTimer.ts'
import type { FlowStepId, PairFlow } from '@shared/mentorship/pairRecords.ts'
import { patchPairFlow } from '../store/pair.ts'
import type { Pair } from './PairPage.tsx'
import { useNow } from '@ui/useNow.ts'

/** This device's clock, read when a button is pressed. */
function clock(): number {
  return Date.now()
}

/**
 * The timed parts of a step (intro: six 5-minute parts; lesson-plan meeting: 2 × 30 minutes) and
 * one timer both people see, started, paused and moved on by either of them.
 */
export function StepTimer(props: {
  pair: Pair
  stepId: FlowStepId
  flow: PairFlow
  offsetOf: (memberId: string) => number
  onFinished: () => void
  itemsOf?: (partId: string) => { caption: string; items: string[] }
}) {
  const { pair, flow, offsetOf } = props
  const parts = flowParts(props.stepId, pair.names)
  const active = parts.find((p) => p.id === flow.activePart) ?? null
  const timer = active ? flow.timer : null
  const offset = timer ? offsetOf(timer.startedBy) : 0
  const now = useNow(250, timer !== null && timer.pausedAt === undefined)
  const remaining = timer ? timerRemaining(timer, now, offset) : (parts[0]?.minutes ?? 0) * 60_000
  const shownState = timerState(timer, now, offset)
  const me = pair.identity.deviceId
  const activeIndex = active ? parts.indexOf(active) : -1

  const startPart = (partId: string, minutes: number) => patchPairFlow(pair.journal, { activePart: partId, timer: startTimer(minutes, me, clock()) })
  const next = () => {
    const following = active ? nextPart(active.id, pair.names) : parts[0]
    if (following) startPart(following.id, following.minutes)
    else {
      patchPairFlow(pair.journal, { activePart: null, timer: null })
      props.onFinished()
    }
  }
  const items = active && props.itemsOf ? props.itemsOf(active.id) : { caption: '', items: [] }

  return (
    <div className="step-timer" aria-label="Step timer">
      <ol className="parts">
        {parts.map((p, i) => (
          <li key={p.id} className={`part ${i < activeIndex ? 'done' : ''} ${p.id === active?.id ? 'current' : ''}`} aria-current={p.id === active?.id ? 'step' : undefined}>
            <span className="part-time">{p.minutes} min</span>
            <span>{p.title}</span>
          </li>
        ))}
      </ol>
      <div className="timer-face">
        <span className="timer-part">{active ? active.title : `${parts.length} parts, ${parts.reduce((s, p) => s + p.minutes, 0)} minutes`}</span>
        <span className={`countdown ${shownState}`} role="timer" aria-label={active ? `Time left for ${active.title}` : 'Time for the first part'}>
          {formatCountdown(remaining)}
        </span>
        <span className="timer-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(timerProgress(timer, now, offset) * 100)}%` }} />
        </span>
        <span className="timer-state" aria-live="polite">
          {shownState === 'done' ? "Time's up — move on when you are ready" : shownState === 'paused' ? 'Paused' : shownState === 'running' ? 'Running — both of you see this timer' : 'Either of you can start it'}
        </span>
        {items.items.length > 0 && (
          <div className="speaker-items">
            <span className="field-label">{items.caption}</span>
            <ul className="chips" aria-label={items.caption}>
              {items.items.map((item, i) => (
                <li key={i} className="chip">
                  {item}
                </li>
              ))}
            </ul>
          </div>
        )}
        {!pair.readOnly && (
          <div className="row">
            {!active && (
              <button type="button" className="button primary" onClick={next} disabled={!pair.names[0] || !pair.names[1]}>
                Start the timer
              </button>
            )}
            {shownState === 'running' && timer && (
              <button type="button" className="button" onClick={() => patchPairFlow(pair.journal, { timer: pauseTimer(timer, clock(), offset) })}>
                Pause
              </button>
            )}
            {shownState === 'paused' && timer && (
              <button type="button" className="button primary" onClick={() => patchPairFlow(pair.journal, { timer: resumeTimer(timer, me, clock(), offset) })}>
                Resume
              </button>
            )}
            {active && (
              <button type="button" className={`button ${shownState === 'done' ? 'primary' : ''}`} onClick={next}>
                {activeIndex === parts.length - 1 ? 'Finish' : 'Next part'}
              </button>
            )}
            {active && (
              <button type="button" className="button ghost" onClick={() => startPart(active.id, active.minutes)}>
                Restart this part
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  )
}
