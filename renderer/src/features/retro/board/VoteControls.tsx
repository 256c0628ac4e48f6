import { canVote } from '@shared/retro/votes.ts'
import type { BoardModel, CardEnv } from './useBoardModel.ts'

/**
 * Where the votes on one card or group stand for me, as plain values (a card compares them to
 * decide whether to show itself again): once voting is over, everyone's count; during the vote
 * phase, only my own votes on it and whether I have put the most I may there (`cap`, per person:
 * nothing of the others' votes shows while voting is open); nothing before.
 */
export type TargetVotes =
  | { shown: 'count'; count: number }
  | { shown: 'mine'; counted: number; notCounted: number; atMyCap: boolean; cap: number; allowed: boolean; canTakeBack: boolean }
  | null

export function targetVotes(model: BoardModel, targetId: string): TargetVotes {
  const { myVotes } = model
  if (myVotes.visible) return { shown: 'count', count: myVotes.counts[targetId] ?? 0 }
  if (model.phase !== 'vote') return null
  const mine = myVotes.mine.filter((v) => v.vote.targetId === targetId)
  const counted = mine.filter((v) => v.status === 'counted').length
  return {
    shown: 'mine',
    counted,
    notCounted: mine.length - counted,
    atMyCap: myVotes.atMyCap.includes(targetId),
    cap: model.voteOptions.cap,
    allowed: !model.readOnly && model.can('vote') && canVote(model.tally, model.meId, targetId, model.voteOptions).ok,
    canTakeBack: mine.length > 0 && !model.readOnly
  }
}

export function sameVotes(a: TargetVotes, b: TargetVotes): boolean {
  if (a === b) return true
  if (!a || !b) return false
  return (Object.keys(a) as (keyof typeof a)[]).every((k) => a[k] === (b as typeof a)[k])
}

/** Voting on a card or group (see TargetVotes). */
export function VoteControls(props: { env: CardEnv; votes: TargetVotes; targetId: string; label: string; kind: 'card' | 'group' }) {
  const { env, votes, targetId } = props
  if (!votes) return null
  if (votes.shown === 'count') {
    const n = votes.count
    return (
      <span className={`rt-votes-count ${n ? '' : 'none'}`} aria-label={`${n} ${n === 1 ? 'vote' : 'votes'}`}>
        {n} {n === 1 ? 'vote' : 'votes'}
      </span>
    )
  }
  return (
    <span className="rt-vote" role="group" aria-label={`Your votes on this ${props.kind}`}>
      <button type="button" className="button small rt-vote-button" disabled={!votes.allowed} onClick={() => env.commands.vote(targetId)} aria-label={`Vote for ${props.kind} “${props.label}”`}>
        ▲ Vote
      </button>
      <span className="rt-dots" role="img" aria-label={`${votes.counted} of your votes${votes.notCounted ? `, ${votes.notCounted} not counted` : ''}`}>
        {Array.from({ length: votes.counted }, (_, i) => (
          <span key={i} className="rt-dot" />
        ))}
        {Array.from({ length: votes.notCounted }, (_, i) => (
          <span key={`x${i}`} className="rt-dot lost" title={`Not counted: more than ${votes.cap} of your votes on one ${props.kind}`} />
        ))}
      </span>
      {votes.canTakeBack && (
        <button type="button" className="button small ghost" onClick={() => env.commands.retractVote(targetId)} aria-label={`Take back a vote from ${props.kind} “${props.label}”`}>
          −
        </button>
      )}
      {votes.atMyCap && (
        <span className="badge rt-my-max" title={`At most ${votes.cap} of your votes on one ${props.kind}`}>
          Your max
        </span>
      )}
    </span>
  )
}
