import { canVote } from '../../../../../shared/retro/votes.ts'
import { toast } from '../../../app/toasts.ts'
import { cast, retract } from '../../../data/retro/votes.ts'
import type { BoardModel } from './useBoardModel.ts'

/**
 * Voting on a card or group: during the vote phase, my own votes on it (always visible to me) and
 * whether it is full; once voting is over, everyone's count. Nothing before.
 */
export function VoteControls(props: { model: BoardModel; targetId: string; label: string; kind: 'card' | 'group' }) {
  const { model, targetId } = props
  const { myVotes, phase } = model
  if (myVotes.visible) {
    const n = myVotes.counts[targetId] ?? 0
    return (
      <span className={`rt-votes-count ${n ? '' : 'none'}`} aria-label={`${n} ${n === 1 ? 'vote' : 'votes'}`}>
        {n} {n === 1 ? 'vote' : 'votes'}
      </span>
    )
  }
  if (phase !== 'vote') return null
  const mine = myVotes.mine.filter((v) => v.vote.targetId === targetId)
  const counted = mine.filter((v) => v.status === 'counted').length
  const notCounted = mine.length - counted
  const full = myVotes.full.includes(targetId)
  const check = canVote(model.tally, model.meId, targetId, model.voteOptions)
  const disabled = model.readOnly || !model.can('vote') || !check.ok
  const vote = () => {
    const again = canVote(model.tally, model.meId, targetId, model.voteOptions)
    if (!again.ok) return toast(again.reason === 'over budget' ? 'You have no votes left.' : 'This one already has the most votes it can take.', 'error')
    cast(model.link, model.votes, model.meId, targetId)
  }
  return (
    <span className="rt-vote" role="group" aria-label={`Your votes on this ${props.kind}`}>
      <button type="button" className="button small rt-vote-button" disabled={disabled} onClick={vote} aria-label={`Vote for ${props.kind} “${props.label}”`}>
        ▲ Vote
      </button>
      <span className="rt-dots" aria-label={`${counted} of your votes${notCounted ? `, ${notCounted} not counted` : ''}`}>
        {Array.from({ length: counted }, (_, i) => (
          <span key={i} className="rt-dot" />
        ))}
        {Array.from({ length: notCounted }, (_, i) => (
          <span key={`x${i}`} className="rt-dot lost" title="Not counted: it was full" />
        ))}
      </span>
      {mine.length > 0 && !model.readOnly && (
        <button type="button" className="button small ghost" onClick={() => retract(model.link, model.votes, model.meId, targetId)} aria-label={`Take back a vote from ${props.kind} “${props.label}”`}>
          −
        </button>
      )}
      {full && <span className="badge rt-full">Full</span>}
    </span>
  )
}
