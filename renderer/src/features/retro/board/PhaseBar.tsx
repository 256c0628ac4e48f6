import { PHASES, PHASE_LABELS, type Phase, canGoTo, movePhase, phaseIndex, readyMembers } from '@shared/retro/phases.ts'
import { toast } from '@ui/toasts.ts'
import { Facilitation } from './Facilitation.tsx'
import { PhaseTimer } from './PhaseTimer.tsx'
import { peopleOnBoard } from './PresenceBar.tsx'
import { VoteBudget } from './VoteBudget.tsx'
import { clockNow } from '../hooks.ts'
import type { BoardModel } from './useBoardModel.ts'

const HINTS: Record<Phase, string> = {
  write: 'Write your cards. Nobody else sees them until the facilitator reveals the board.',
  reveal: 'Everyone’s cards are on the board. Read them, ask what is unclear, add what is missing.',
  group: 'Drag similar cards onto each other — or use “Group with…” on a card — and name the groups.',
  vote: 'Vote for what matters most. Counts stay hidden until voting ends.',
  discuss: 'Most-voted topics first. The facilitator picks the topic everyone sees.',
  act: 'Agree on action items, each with an owner and a due date.',
  close: 'The retrospective is closed. Owners tick their items done during the sprint.'
}

/** The phases, where the board is, and what the facilitator and everyone else can do about it. */
export function PhaseBar({ model }: { model: BoardModel }) {
  const { flow, phase } = model
  const i = phaseIndex(phase)
  const move = (to: Phase | 'next' | 'previous') => {
    const error = model.commands.moveFlow(movePhase(flow, model.meId, to, clockNow()))
    if (error) toast(error, 'error')
  }
  const here = peopleOnBoard(model).map((p) => p.id)
  const ready = readyMembers(flow, model.ready, here)
  const amReady = ready.includes(model.meId)
  const steer = model.isFacilitator && !model.readOnly
  const next = PHASES[i + 1]
  const previous = PHASES[i - 1]
  return (
    <section className="rt-phasebar" aria-label="Phase">
      <ol className="rt-phases" aria-label="Phases">
        {PHASES.map((p, j) => {
          const state = j < i ? 'done' : j === i ? 'current' : 'todo'
          const label = `${j + 1}. ${PHASE_LABELS[p]}`
          return (
            <li key={p} className={`rt-phase ${state}`} aria-current={j === i ? 'step' : undefined} title={PHASE_LABELS[p]}>
              {steer && canGoTo(phase, p) ? (
                <button type="button" className="rt-phase-button" onClick={() => move(p)} aria-label={`${label}: move the board here`}>
                  {label}
                </button>
              ) : (
                <span className="rt-phase-label">{label}</span>
              )}
            </li>
          )
        })}
      </ol>
      <div className="rt-phase-row">
        <p className="rt-phase-hint" aria-live="polite">
          <strong>{PHASE_LABELS[phase]}.</strong> {HINTS[phase]}
        </p>
        <PhaseTimer model={model} />
      </div>
      <div className="rt-phase-row">
        <div className="row">
          {!model.readOnly && phase !== 'close' && (
            <button type="button" className={`button small ${amReady ? 'rt-ready-on' : ''}`} aria-pressed={amReady} onClick={() => model.commands.setReady(!amReady)}>
              {amReady ? '✓ I’m ready' : 'I’m ready'}
            </button>
          )}
          {phase !== 'close' && (
            <span className="muted small" role="status">
              {ready.length} of {here.length} ready
            </span>
          )}
          {phase === 'vote' && <VoteBudget model={model} />}
        </div>
        <div className="row">
          <Facilitation model={model} />
          {steer && previous && canGoTo(phase, previous) && (
            <button type="button" className="button small" onClick={() => move('previous')}>
              ← {PHASE_LABELS[previous]}
            </button>
          )}
          {steer && next && (
            <button type="button" className="button small primary" onClick={() => move('next')}>
              Next: {PHASE_LABELS[next]} →
            </button>
          )}
        </div>
      </div>
    </section>
  )
}
