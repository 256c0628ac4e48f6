import { type SharedTimer, formatCountdown, timerRemaining } from '@shared/sync/clock.ts'
import { SYNC_UP_DURATION_MS, pauseTimer, resumeTimer, startTimer, timerState } from '@shared/sprint/syncUpTimer.ts'
import type { TeamPerson } from '@shared/sprint/people.ts'
import { useNow } from '@ui/useNow.ts'

/**
 * The sync-up's 15-minute timer. Anyone starts, pauses, resumes or resets it; every peer shows
 * the same time left, because each reads the starter's clock through its measured offset
 * (`offsetOf`). `onWrite` null: read-only.
 */
export function SyncUpTimer(props: {
  timer: SharedTimer | null
  offsetOf(memberId: string): number
  meId: string
  people: readonly TeamPerson[]
  onWrite: ((timer: SharedTimer | null) => void) | null
}) {
  const { timer, offsetOf, meId, onWrite } = props
  const now = useNow(250)
  const offset = timer && timer.startedBy !== meId ? offsetOf(timer.startedBy) : 0
  const remaining = timer ? timerRemaining(timer, now, offset) : SYNC_UP_DURATION_MS
  const state = timerState(timer, now, offset)
  const duration = timer?.durationMs ?? SYNC_UP_DURATION_MS
  const starter = timer ? (props.people.find((p) => p.id === timer.startedBy)?.name ?? 'someone') : null
  const write = (next: SharedTimer | null) => onWrite?.(next)
  const disabled = !onWrite
  const low = state === 'running' && remaining <= 2 * 60_000
  return (
    <section className={`panel sp-timer ${state}${low ? ' low' : ''}`} aria-labelledby="timer-title">
      <h2 id="timer-title">Timer</h2>
      <div className="sp-timer-digits" role="timer" aria-label="Time left" aria-live="off">
        {formatCountdown(remaining)}
      </div>
      <div className="sp-timer-bar" aria-hidden="true">
        <span style={{ width: `${(remaining / duration) * 100}%` }} />
      </div>
      <p className="sp-timer-caption muted small" aria-live="polite">
        {state === 'idle' && '15 minutes for everyone’s three answers and what you noticed.'}
        {state === 'running' && `Running · started by ${starter}`}
        {state === 'paused' && `Paused · ${starter === null ? '' : `started by ${starter}`}`}
        {state === 'done' && 'Time is up. Wrap up and log what you noticed.'}
      </p>
      <div className="row">
        {state === 'idle' && (
          <button type="button" className="button primary" disabled={disabled} onClick={() => write(startTimer(Date.now(), meId))}>
            Start
          </button>
        )}
        {state === 'running' && timer && (
          <button type="button" className="button primary" disabled={disabled} onClick={() => write(pauseTimer(timer, Date.now(), offset))}>
            Pause
          </button>
        )}
        {state === 'paused' && timer && (
          <button type="button" className="button primary" disabled={disabled} onClick={() => write(resumeTimer(timer, Date.now(), meId))}>
            Resume
          </button>
        )}
        {state !== 'idle' && (
          <button type="button" className="button" disabled={disabled} onClick={() => write(null)}>
            Reset
          </button>
        )}
      </div>
    </section>
  )
}
