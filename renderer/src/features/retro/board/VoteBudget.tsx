import type { BoardModel } from './useBoardModel.ts'

/** "3 of 5 votes left", and any of my votes that did not count once everyone's arrived. */
export function VoteBudget({ model }: { model: BoardModel }) {
  const { remaining, mine } = model.myVotes
  const budget = model.board.settings.voting.budget
  const displaced = mine.filter((v) => v.status === 'over cap').length
  const overBudget = mine.filter((v) => v.status === 'over budget').length
  return (
    <span className="rt-budget" role="status" aria-label="Your votes">
      <strong>
        {remaining} of {budget} votes left
      </strong>
      {displaced > 0 && (
        <span className="rt-budget-note">
          {' '}
          · {displaced} of your votes did not count: {displaced === 1 ? 'that card was' : 'those cards were'} already full. You have{' '}
          {displaced === 1 ? 'it' : 'them'} back.
        </span>
      )}
      {overBudget > 0 && <span className="rt-budget-note"> · {overBudget} over your budget (from another device) did not count.</span>}
    </span>
  )
}
