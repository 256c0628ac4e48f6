import { describe, expect, it } from 'vitest'
import { timerRemaining } from '@shared/sync/clock.ts'
import {
  BoardFlow,
  PHASES,
  canGoTo,
  canMovePhase,
  clearTimer,
  discussTopic,
  handOverFacilitator,
  initialFlow,
  markReady,
  movePhase,
  phaseAllows,
  readyMembers,
  startTimer,
  takeOverFacilitator,
  toggleTimer,
  type MoveResult
} from '@shared/retro/phases.ts'
import { T0 } from './fixtures.ts'

const ok = (r: MoveResult): BoardFlow => {
  if (!r.ok) throw new Error(r.error)
  return r.flow
}
const start = initialFlow('ana', T0)

describe('phases', () => {
  it('go write → reveal → group → vote → discuss → act → close, one step at a time', () => {
    let flow = start
    const seen = [flow.phase]
    for (let i = 1; i < PHASES.length; i++) {
      flow = ok(movePhase(flow, 'ana', 'next', T0 + i))
      seen.push(flow.phase)
    }
    expect(seen).toEqual(['write', 'reveal', 'group', 'vote', 'discuss', 'act', 'close'])
    expect(flow.step).toBe(6)
    expect(movePhase(flow, 'ana', 'next', T0)).toEqual({ ok: false, error: 'The retrospective is already closed.' })
    expect(ok(movePhase(flow, 'ana', 'previous', T0)).phase).toBe('act')
  })

  it('only the facilitator moves phases', () => {
    expect(canMovePhase({ flow: start }, 'ana')).toBe(true)
    expect(canMovePhase({ flow: start }, 'ben')).toBe(false)
    expect(canMovePhase(start, 'ana')).toBe(true)
    expect(canMovePhase(start, 'ben')).toBe(false)
    expect(movePhase(start, 'ben', 'next', T0)).toEqual({ ok: false, error: 'Only the facilitator moves the board to another phase.' })
  })

  it('allows skipping ahead but never back to write once cards are revealed', () => {
    expect(ok(movePhase(start, 'ana', 'vote', T0)).phase).toBe('vote')
    const revealed = ok(movePhase(start, 'ana', 'next', T0))
    expect(movePhase(revealed, 'ana', 'previous', T0)).toEqual({ ok: false, error: 'Cards are revealed: the board cannot go back to Write.' })
    expect(movePhase(start, 'ana', 'previous', T0)).toEqual({ ok: false, error: 'Write is the first phase.' })
    expect(movePhase(start, 'ana', 'write', T0).ok).toBe(false)
    expect(canGoTo('vote', 'group')).toBe(true)
    expect(canGoTo('close', 'write')).toBe(false)
  })

  it('a phase change records who and when, and drops the timer', () => {
    const timed = ok(startTimer(start, 'ana', 5 * 60_000, T0))
    const moved = ok(movePhase(timed, 'ana', 'next', T0 + 1000))
    expect(moved).toEqual({ phase: 'reveal', step: 1, facilitatorId: 'ana', changedBy: 'ana', changedAt: T0 + 1000 })
    expect(BoardFlow.parse(moved)).toEqual(moved)
  })
})

describe('discussion', () => {
  it('the facilitator picks the topic in discuss; the pointer is dropped on the next phase', () => {
    const discuss = ok(movePhase(start, 'ana', 'discuss', T0))
    expect(discussTopic(start, 'ana', 'g1', T0)).toEqual({ ok: false, error: 'Topics are picked in the Discuss phase.' })
    expect(discussTopic(discuss, 'ben', 'g1', T0).ok).toBe(false)
    const pointed = ok(discussTopic(discuss, 'ana', 'g1', T0))
    expect(pointed.discussing).toBe('g1')
    expect(ok(movePhase(pointed, 'ana', 'next', T0)).discussing).toBeUndefined()
  })
})

describe('facilitator handover', () => {
  it('hands the role over, keeping phase, step and timer; the old facilitator can no longer move', () => {
    const timed = ok(startTimer(ok(movePhase(start, 'ana', 'vote', T0)), 'ana', 60_000, T0))
    const handed = ok(handOverFacilitator(timed, 'ana', 'ben', T0 + 5))
    expect(handed).toMatchObject({ phase: 'vote', step: 1, facilitatorId: 'ben', changedBy: 'ana', timer: timed.timer })
    expect(movePhase(handed, 'ana', 'next', T0).ok).toBe(false)
    expect(ok(movePhase(handed, 'ben', 'next', T0)).phase).toBe('discuss')
  })

  it('only the facilitator hands over, and to someone else', () => {
    expect(handOverFacilitator(start, 'ben', 'cy', T0)).toEqual({ ok: false, error: 'Only the facilitator can hand the role over.' })
    expect(handOverFacilitator(start, 'ana', 'ana', T0).ok).toBe(false)
  })

  it('anyone takes over when the facilitator is gone, nobody while they are here', () => {
    expect(takeOverFacilitator(start, 'ben', true, T0)).toEqual({ ok: false, error: 'The facilitator is here: ask them to hand the role over.' })
    expect(ok(takeOverFacilitator(start, 'ben', false, T0)).facilitatorId).toBe('ben')
    expect(takeOverFacilitator(start, 'ana', false, T0).ok).toBe(false)
  })
})

describe('what each phase allows', () => {
  it.each([
    ['write', 'add-card', true],
    ['write', 'vote', false],
    ['write', 'group', false],
    ['reveal', 'edit-own-card', true],
    ['group', 'group', true],
    ['group', 'add-card', false],
    ['vote', 'vote', true],
    ['vote', 'edit-own-card', false],
    ['discuss', 'add-action-item', true],
    ['discuss', 'vote', false],
    ['act', 'add-action-item', true],
    ['act', 'escalate', true],
    ['close', 'add-action-item', false],
    ['close', 'tick-action-item', true],
    ['close', 'mark-ready', false],
    ['write', 'record-late-ticket', true]
  ] as const)('%s: %s → %s', (phase, action, allowed) => {
    expect(phaseAllows(phase, action)).toBe(allowed)
  })
})

describe('ready markers', () => {
  it('count in the phase they were given in and reset on every phase change', () => {
    const members = ['ana', 'ben', 'cy']
    const markers = [markReady(start, 'ben', T0), markReady(start, 'cy', T0)]
    expect(readyMembers(start, markers, members)).toEqual(['ben', 'cy'])
    const next = ok(movePhase(start, 'ana', 'next', T0))
    expect(readyMembers(next, markers, members)).toEqual([])
    expect(readyMembers(next, [...markers, markReady(next, 'ana', T0)], members)).toEqual(['ana'])
  })

  it('a marker written for a losing concurrent move (same step, other phase) does not count', () => {
    const toVote = ok(movePhase(start, 'ana', 'vote', T0))
    const toGroup = ok(movePhase(start, 'ana', 'group', T0)) // from a second device, concurrently
    expect(readyMembers(toGroup, [markReady(toVote, 'ben', T0)], ['ben'])).toEqual([])
  })

  it('going back and forth does not revive old markers', () => {
    const group = ok(movePhase(ok(movePhase(start, 'ana', 'next', T0)), 'ana', 'next', T0))
    const marker = markReady(group, 'ben', T0)
    const again = ok(movePhase(ok(movePhase(group, 'ana', 'previous', T0)), 'ana', 'next', T0))
    expect(again.phase).toBe('group')
    expect(readyMembers(again, [marker], ['ben'])).toEqual([])
  })
})

describe('phase timer', () => {
  it('only the facilitator runs it; pause and resume keep the remaining time in the starter clock', () => {
    expect(startTimer(start, 'ben', 60_000, T0).ok).toBe(false)
    expect(startTimer(start, 'ana', 0, T0)).toEqual({ ok: false, error: 'A timer needs a positive duration.' })
    const timed = ok(startTimer(start, 'ana', 10 * 60_000, T0))
    const paused = ok(toggleTimer(timed, 'ana', T0 + 4 * 60_000, 0))
    expect(timerRemaining(paused.timer!, T0 + 30 * 60_000, 0)).toBe(6 * 60_000)
    const resumed = ok(toggleTimer(paused, 'ana', T0 + 20 * 60_000, 0))
    expect(resumed.timer!.pausedAt).toBeUndefined()
    expect(timerRemaining(resumed.timer!, T0 + 21 * 60_000, 0)).toBe(5 * 60_000)
    expect(ok(clearTimer(resumed, 'ana', T0)).timer).toBeUndefined()
  })

  it('a new facilitator whose clock runs 2 minutes behind pauses in the starter clock', () => {
    const timed = ok(startTimer(start, 'ana', 10 * 60_000, T0))
    const handed = ok(handOverFacilitator(timed, 'ana', 'ben', T0))
    // 3 minutes in by ana's clock; ben reads T0 + 1 min; ana's clock − ben's = +2 min
    const paused = ok(toggleTimer(handed, 'ben', T0 + 60_000, 2 * 60_000))
    expect(paused.timer).toMatchObject({ startedBy: 'ana', pausedAt: T0 + 3 * 60_000 })
    expect(timerRemaining(paused.timer!, 0, 0)).toBe(7 * 60_000)
  })

  it('rejects a malformed flow from a peer with clear messages', () => {
    const r = BoardFlow.safeParse({ ...start, phase: 'brainstorm', facilitatorId: '' })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      'A phase is one of: write, reveal, group, vote, discuss, act, close.',
      'A member id is required.'
    ])
  })
})
