import type { BoardModel } from './useBoardModel.ts'

/**
 * "3 of 5 votes left · at most 2 of yours on one card", and any of my votes that did not count
 * once all of mine arrived (both limits are mine alone, so only my own votes — from another
 * device, or on cards grouped since — can displace one of mine). Nothing of the others' votes.
 */
export function VoteBudget({ model }: { model: BoardModel }) {
  const { remaining, mine } = model.myVotes
  const { budget, cap } = model.board.settings.voting
  const overCap = mine.filter((v) => v.status === 'over cap').length
  const overBudget = mine.filter((v) => v.status === 'over budget').length
  return (
    <span className="rt-budget" role="status" aria-label="Your votes">
      <strong>
        {remaining} of {budget} votes left
      </strong>
      <span className="rt-budget-cap"> · at most {cap} of yours on one card</span>
      {overCap > 0 && (
        <span className="rt-budget-note">
          {' '}
          · {overCap} of your votes did not count: more than {cap} of yours on one card (from another device, or cards grouped since). You have {overCap === 1 ? 'it' : 'them'}{' '}
          back.
        </span>
      )}
      {overBudget > 0 && <span className="rt-budget-note"> · {overBudget} over your budget (from another device) did not count.</span>}
    </span>
  )
}
