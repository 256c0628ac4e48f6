import { describe, expect, it } from 'vitest'
import { EMPTY_PAIR_FLOW, PairFlow } from '@shared/mentorship/pairRecords.ts'
import { currentStep, findPart, fitDeadline, flowAfterSessions, flowParts, nextPart } from '@shared/mentorship/programFlow.ts'
import { pauseTimer, resumeTimer, startTimer, timerProgress, timerState } from '@shared/mentorship/flowTimer.ts'
import { timerRemaining } from '@shared/sync/clock.ts'

const pair = ['Daria', 'Bruce'] as const

describe('the program flow', () => {
  it('has a 30-minute intro in six 5-minute parts, both directions', () => {
    const parts = flowParts('intro', pair)
    expect(parts.map((p) => p.minutes)).toEqual([5, 5, 5, 5, 5, 5])
    expect(parts.reduce((sum, p) => sum + p.minutes, 0)).toBe(30)
    expect(parts.map((p) => p.title)).toEqual([
      'Daria shares their be-a-mentor items',
      'Bruce shares their be-a-mentor items',
      'Daria shares their seek-a-mentor items',
      'Bruce shares their seek-a-mentor items',
      'Daria repeats back what they heard',
      'Bruce repeats back what they heard'
    ])
  })

  it('has a 1-hour lesson-plan meeting, 30 minutes per direction', () => {
    expect(flowParts('plan', pair).map((p) => [p.speaker, p.minutes])).toEqual([['Daria', 30], ['Bruce', 30]])
    expect(flowParts('fit', pair)).toEqual([])
  })

  it('walks the parts in order and ends at the end of a step', () => {
    expect(nextPart('intro:0', pair)?.id).toBe('intro:1')
    expect(nextPart('intro:5', pair)).toBeNull()
    expect(nextPart('plan:0', pair)?.id).toBe('plan:1')
    expect(findPart('nonsense', pair)).toBeNull()
    expect(findPart(null, pair)).toBeNull()
  })

  it('is on the first step not done, and stays on the cadence', () => {
    expect(currentStep(EMPTY_PAIR_FLOW)).toBe('intro')
    expect(currentStep({ ...EMPTY_PAIR_FLOW, introDone: true })).toBe('fit')
    expect(currentStep({ ...EMPTY_PAIR_FLOW, introDone: true, fitDone: true, planDone: true, cadenceDone: true })).toBe('cadence')
  })

  it('gives a week after the intro to decide fit', () => {
    expect(fitDeadline('2019-04-19')).toBe('2019-04-26')
    expect(fitDeadline(null)).toBeNull()
  })

  it('reads a malformed flow record from a peer as its defaults', () => {
    expect(PairFlow.parse({ activePart: 3, timer: { startedAt: 'x' }, introDone: 'yes' })).toEqual(EMPTY_PAIR_FLOW)
  })
})

describe('the shared step timer', () => {
  it('runs, pauses and resumes in the resumer’s clock without losing time', () => {
    const t = startTimer(5, 'daria', 1_000_000)
    expect(timerState(t, 1_000_000 + 60_000, 0)).toBe('running')
    // Bruce's clock is 90 s behind Daria's: offset = theirs − ours = +90 s
    const paused = pauseTimer(t, 1_000_000 + 60_000 - 90_000, 90_000)
    expect(timerState(paused, 2_000_000, 0)).toBe('paused')
    expect(timerRemaining(paused, 9_999_999, 0)).toBe(4 * 60_000)
    const resumed = resumeTimer(paused, 'bruce', 5_000_000, 90_000)
    expect(resumed.startedBy).toBe('bruce')
    expect(timerRemaining(resumed, 5_000_000, 0)).toBe(4 * 60_000)
    expect(timerState(resumed, 5_000_000 + 4 * 60_000, 0)).toBe('done')
    expect(resumeTimer(resumed, 'x', 1, 0)).toBe(resumed)
    expect(pauseTimer(paused, 1, 0)).toBe(paused)
  })

  it('reports idle and progress', () => {
    expect(timerState(null, 0, 0)).toBe('idle')
    expect(timerProgress(startTimer(10, 'a', 0), 5 * 60_000, 0)).toBeCloseTo(0.5)
    expect(timerProgress(null, 0, 0)).toBe(0)
  })
})

describe('the flow after sessions (issue 15: an imported journal of old sessions still said "The intro · now")', () => {
  const flow = EMPTY_PAIR_FLOW
  it('past the intro, fit and lesson plans after two sessions months ago: the pair meets on a cadence', () => {
    const patch = flowAfterSessions(flow, ['2019-05-01', '2019-04-19', null], '2024-06-01')
    expect(patch).toEqual({ introDone: true, introHeldOn: '2019-04-19', fitDone: true, planDone: true })
    expect(currentStep({ ...flow, ...patch })).toBe('cadence')
  })
  it('one session yesterday: the intro is done, fit is next', () => {
    const patch = flowAfterSessions(flow, ['2024-05-31'], '2024-06-01')
    expect(patch).toEqual({ introDone: true, introHeldOn: '2024-05-31' })
    expect(currentStep({ ...flow, ...patch })).toBe('fit')
  })
  it('one session over a week ago: fit is past too; a future or undated session counts for nothing', () => {
    expect(currentStep({ ...flow, ...flowAfterSessions(flow, ['2024-05-01'], '2024-06-01') })).toBe('plan')
    expect(flowAfterSessions(flow, ['2030-01-01', null], '2024-06-01')).toEqual({})
  })
  it('never undoes what the pair marked, and says nothing when nothing changes', () => {
    const done = { ...flow, introDone: true, fitDone: true, planDone: true, introHeldOn: '2019-04-19' }
    expect(flowAfterSessions(done, ['2019-05-01'], '2024-06-01')).toEqual({})
  })
})
