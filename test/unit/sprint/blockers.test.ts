import { describe, expect, it } from 'vitest'
import { hasBlocker } from '@shared/sprint/blockers.ts'

describe('a sync-up blocker answer', () => {
  it.each(['', '  ', 'None', 'none.', 'No blockers', 'no blockers!', '-', '—', 'n/a', 'N/A', 'nothing', 'All good', 'nope', '👍', '...', 'Keine'])(
    '%j is no blocker',
    (answer) => expect(hasBlocker(answer)).toBe(false)
  )

  it.each(['Waiting for the staging DB', 'blocked on ENG-12', 'None of the reviewers answered', 'no access to prod', 'CI red'])(
    '%j is a blocker',
    (answer) => expect(hasBlocker(answer)).toBe(true)
  )
})
