import { useState } from 'react'
import { type MoveResult, clearTimer, startTimer, toggleTimer } from '@shared/retro/phases.ts'
import { formatCountdown, timerRemaining } from '@shared/sync/clock.ts'
import { toast } from '@ui/toasts.ts'
import { useBoardClock } from '../store/presence.ts'
import { useNow, clockNow } from '../hooks.ts'
import type { BoardModel } from './useBoardModel.ts'

const PRESETS = [2, 5, 10]

/**
 * The phase timer: started by the facilitator in their clock, shown by every peer through the
 * measured offset to the starter's clock (shared/sync/clock.ts), so all show the same time left.
 */
export function PhaseTimer({ model }: { model: BoardModel }) {
  const timer = model.flow.timer
  const offsetOf = useBoardClock(model.session)
  const now = useNow(250, !!timer && timer.pausedAt === undefined)
  const [minutes, setMinutes] = useState('5')
  const offset = timer && timer.startedBy !== model.meId ? offsetOf(timer.startedBy) : 0
  const remaining = timer ? timerRemaining(timer, now, offset) : 0
  const steer = model.isFacilitator && !model.readOnly
  const write = (result: MoveResult) => {
    const error = model.commands.moveFlow(result)
    if (error) toast(error, 'error')
  }
  const start = (m: number) => write(startTimer(model.flow, model.meId, Math.round(m * 60_000), clockNow()))
  if (!timer && !steer) return null
  return (
    <div className={`rt-timer ${timer ? (remaining === 0 ? 'done' : timer.pausedAt !== undefined ? 'paused' : 'running') : 'idle'}`}>
      {timer && (
        <span className="rt-timer-digits" role="timer" aria-label="Phase timer" aria-live="off">
          {formatCountdown(remaining)}
        </span>
      )}
      {timer && remaining === 0 && <span className="rt-timer-note">Time is up</span>}
      {timer && timer.pausedAt !== undefined && remaining > 0 && <span className="rt-timer-note">Paused</span>}
      {steer && !timer && (
        <span className="row" role="group" aria-label="Start a timer">
          {PRESETS.map((m) => (
            <button key={m} type="button" className="button small ghost" onClick={() => start(m)}>
              {m} min
            </button>
          ))}
          <input className="rt-minutes" type="number" min={1} max={240} aria-label="Timer minutes" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          <button type="button" className="button small" onClick={() => Number(minutes) > 0 && start(Number(minutes))}>
            Start timer
          </button>
        </span>
      )}
      {steer && timer && (
        <span className="row">
          {remaining > 0 && (
            <button type="button" className="button small" onClick={() => write(toggleTimer(model.flow, model.meId, clockNow(), offset))}>
              {timer.pausedAt !== undefined ? 'Resume' : 'Pause'}
            </button>
          )}
          <button type="button" className="button small ghost" onClick={() => write(clearTimer(model.flow, model.meId, clockNow()))}>
            Stop timer
          </button>
        </span>
      )}
    </div>
  )
}
