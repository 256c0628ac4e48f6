import { z } from 'zod'
import type { SharedTimer } from '../sync/clock.ts'
import { FIELD_LIMITS } from '../text/limits.ts'

/**
 * The phases the facilitator moves a board through, and what each one allows.
 *
 * ## Where the phase lives, and what happens when two peers move it at once
 * The whole flow of a board — phase, step, facilitator, timer — is ONE plain JSON value, stored
 * under ONE key of the board record (`flow`). Yjs resolves concurrent writes to one map key by
 * keeping exactly one of them, and every peer keeps the same one. Because the value is whole, a
 * phase from one writer can never be paired with the facilitator or timer of another: a handover
 * racing a phase move yields one of the two complete states, never a mix.
 *
 * That is the whole rule: last writer wins, on the whole flow. We considered "highest step wins"
 * (a monotonic counter), but a register cannot merge by maximum in Yjs without keeping every
 * writer's proposal, and "later" is not "right" either: a facilitator who stepped back from vote
 * to group on purpose should not be overruled by a stale "next" from a second device. Only the
 * facilitator moves phases, so a real conflict needs two facilitators at once (two devices, or a
 * handover in flight); the losing move is visibly undone and the facilitator repeats it.
 *
 * `step` counts every change of phase. It is not used to resolve conflicts: it scopes "ready"
 * markers (below) and lets a device notice that the phase it shows is no longer the board's.
 *
 * ## Ready markers
 * One record per member (`ready` collection, id = member id; each member writes only their own,
 * so there are no conflicts) holding the step and phase they are ready in. A marker counts only
 * while both match the board's flow, so every phase change resets all markers without anyone
 * deleting anything — including markers written offline for a phase the board already left.
 */

export const PHASES = ['write', 'reveal', 'group', 'vote', 'discuss', 'act', 'close'] as const
export const Phase = z.enum(PHASES, { error: `A phase is one of: ${PHASES.join(', ')}.` })
export type Phase = z.infer<typeof Phase>

export const PHASE_LABELS: Record<Phase, string> = {
  write: 'Write',
  reveal: 'Reveal',
  group: 'Group',
  vote: 'Vote',
  discuss: 'Discuss',
  act: 'Action plan',
  close: 'Close'
}

export const phaseIndex = (phase: Phase): number => PHASES.indexOf(phase)

/** The moment cards stop being private drafts (cards.ts publishes them into the shared document). */
export const isRevealed = (phase: Phase): boolean => phaseIndex(phase) >= phaseIndex('reveal')

const MemberId = z.string().min(1, 'A member id is required.').max(FIELD_LIMITS.id)

export const SharedTimerSchema = z.object({
  startedAt: z.number().int().nonnegative(),
  durationMs: z.number().int().positive('A timer needs a positive duration.').max(4 * 3_600_000, 'A timer runs at most 4 hours.'),
  startedBy: MemberId,
  pausedAt: z.number().int().nonnegative().optional()
}) satisfies z.ZodType<SharedTimer>

export const BoardFlow = z.object({
  phase: Phase,
  step: z.number().int().nonnegative(),
  facilitatorId: MemberId,
  /** Who wrote this value and when (their clock): for "Ana moved the board to Vote". */
  changedBy: MemberId,
  changedAt: z.number().int().nonnegative(),
  timer: SharedTimerSchema.optional(),
  /** In discuss: the topic (group or card id) everyone's view follows. Cleared on phase change. */
  discussing: z.string().min(1).max(FIELD_LIMITS.id).optional()
})
export type BoardFlow = z.infer<typeof BoardFlow>

export const ReadyMarker = z.object({
  memberId: MemberId,
  step: z.number().int().nonnegative(),
  phase: Phase,
  at: z.number().int().nonnegative()
})
export type ReadyMarker = z.infer<typeof ReadyMarker>

export function initialFlow(facilitatorId: string, at: number): BoardFlow {
  return { phase: 'write', step: 0, facilitatorId, changedBy: facilitatorId, changedAt: at }
}

/** Actions a phase may allow; the UI asks before offering one, the Yjs layer before writing. */
export type BoardAction =
  | 'add-card'
  | 'edit-own-card'
  | 'delete-own-card'
  | 'group'
  | 'vote'
  | 'add-action-item'
  | 'edit-action-item'
  | 'tick-action-item'
  | 'record-late-ticket'
  | 'escalate'
  | 'mark-ready'

const EDIT_OWN: BoardAction[] = ['add-card', 'edit-own-card', 'delete-own-card']
const ALWAYS_OPEN: BoardAction[] = ['tick-action-item', 'record-late-ticket', 'mark-ready']

/**
 * What each phase allows. Ticking an action item done (carried items are ticked as they are
 * reviewed) and recording late tickets are open all meeting long; after close, owners still tick
 * their items done during the next sprint, and nothing else changes.
 */
const ALLOWED: Record<Phase, ReadonlySet<BoardAction>> = {
  write: new Set([...EDIT_OWN, ...ALWAYS_OPEN]),
  reveal: new Set([...EDIT_OWN, ...ALWAYS_OPEN]),
  group: new Set<BoardAction>(['group', 'edit-own-card', ...ALWAYS_OPEN]),
  vote: new Set<BoardAction>(['vote', ...ALWAYS_OPEN]),
  discuss: new Set<BoardAction>(['add-action-item', 'edit-action-item', 'escalate', ...ALWAYS_OPEN]),
  act: new Set<BoardAction>(['add-action-item', 'edit-action-item', 'escalate', ...ALWAYS_OPEN]),
  close: new Set<BoardAction>(['tick-action-item'])
}

export function phaseAllows(phase: Phase, action: BoardAction): boolean {
  return ALLOWED[phase].has(action)
}

type HasFacilitator = Pick<BoardFlow, 'facilitatorId'>

/** Only the facilitator moves phases, runs the timer and leads the discussion. Takes a board or its flow. */
export function canMovePhase(board: HasFacilitator | { flow: HasFacilitator }, memberId: string): boolean {
  return ('flow' in board ? board.flow : board).facilitatorId === memberId
}

export type MoveResult = { ok: true; flow: BoardFlow } | { ok: false; error: string }

/**
 * Where the facilitator may go from `from`: any other phase (skipping is allowed, as in the best
 * tools), except back to write once revealed — published cards are in every peer's copy and cannot
 * be made private again.
 */
export function canGoTo(from: Phase, to: Phase): boolean {
  if (from === to) return false
  return !(to === 'write' && isRevealed(from))
}

/** Moves the board to `to` ('next', 'previous' or a phase). Clears timer and topic; ready markers reset via `step`. */
export function movePhase(flow: BoardFlow, memberId: string, to: Phase | 'next' | 'previous', at: number): MoveResult {
  if (!canMovePhase(flow, memberId)) return { ok: false, error: 'Only the facilitator moves the board to another phase.' }
  const i = phaseIndex(flow.phase)
  const target = to === 'next' ? PHASES[i + 1] : to === 'previous' ? PHASES[i - 1] : to
  if (!target) return { ok: false, error: to === 'next' ? 'The retrospective is already closed.' : 'Write is the first phase.' }
  if (!canGoTo(flow.phase, target)) {
    return { ok: false, error: target === flow.phase ? `The board is already in ${PHASE_LABELS[target]}.` : 'Cards are revealed: the board cannot go back to Write.' }
  }
  const { timer: _timer, discussing: _discussing, ...rest } = flow
  return { ok: true, flow: { ...rest, phase: target, step: flow.step + 1, changedBy: memberId, changedAt: at } }
}

/** The facilitator hands the role to another member; phase, step and timer are kept. */
export function handOverFacilitator(flow: BoardFlow, byId: string, toId: string, at: number): MoveResult {
  if (!canMovePhase(flow, byId)) return { ok: false, error: 'Only the facilitator can hand the role over.' }
  if (!toId || toId === byId) return { ok: false, error: 'Hand the role to another member.' }
  return { ok: true, flow: { ...flow, facilitatorId: toId, changedBy: byId, changedAt: at } }
}

/**
 * Anyone may take the role over when the facilitator is not here (dropped offline, left the call):
 * otherwise a board would be stuck. `facilitatorPresent` comes from presence (awareness).
 */
export function takeOverFacilitator(flow: BoardFlow, memberId: string, facilitatorPresent: boolean, at: number): MoveResult {
  if (flow.facilitatorId === memberId) return { ok: false, error: 'You are already the facilitator.' }
  if (facilitatorPresent) return { ok: false, error: 'The facilitator is here: ask them to hand the role over.' }
  return { ok: true, flow: { ...flow, facilitatorId: memberId, changedBy: memberId, changedAt: at } }
}

/** Starts (or restarts) the phase timer, in the facilitator's own clock. */
export function startTimer(flow: BoardFlow, memberId: string, durationMs: number, localNow: number): MoveResult {
  if (!canMovePhase(flow, memberId)) return { ok: false, error: 'Only the facilitator runs the timer.' }
  const timer = SharedTimerSchema.safeParse({ startedAt: localNow, durationMs, startedBy: memberId })
  if (!timer.success) return { ok: false, error: timer.error.issues[0]?.message ?? 'Invalid timer.' }
  return { ok: true, flow: { ...flow, timer: timer.data, changedBy: memberId, changedAt: localNow } }
}

/**
 * Pauses or resumes. The timer's moments are in its starter's clock, who may no longer be the
 * facilitator: `starterOffset` is the starter's clock minus ours (shared/sync/clock.ts).
 */
export function toggleTimer(flow: BoardFlow, memberId: string, localNow: number, starterOffset: number): MoveResult {
  if (!canMovePhase(flow, memberId)) return { ok: false, error: 'Only the facilitator runs the timer.' }
  const t = flow.timer
  if (!t) return { ok: false, error: 'No timer is running.' }
  const nowInStarterClock = localNow + starterOffset
  const timer: SharedTimer =
    t.pausedAt === undefined
      ? { ...t, pausedAt: nowInStarterClock }
      : { startedAt: t.startedAt + (nowInStarterClock - t.pausedAt), durationMs: t.durationMs, startedBy: t.startedBy }
  return { ok: true, flow: { ...flow, timer, changedBy: memberId, changedAt: localNow } }
}

export function clearTimer(flow: BoardFlow, memberId: string, at: number): MoveResult {
  if (!canMovePhase(flow, memberId)) return { ok: false, error: 'Only the facilitator runs the timer.' }
  const { timer: _dropped, ...rest } = flow
  return { ok: true, flow: { ...rest, changedBy: memberId, changedAt: at } }
}

/** The facilitator points everyone at the topic under discussion (groups.ts `discussionOrder`). */
export function discussTopic(flow: BoardFlow, memberId: string, topicId: string, at: number): MoveResult {
  if (!canMovePhase(flow, memberId)) return { ok: false, error: 'Only the facilitator leads the discussion.' }
  if (flow.phase !== 'discuss') return { ok: false, error: 'Topics are picked in the Discuss phase.' }
  return { ok: true, flow: { ...flow, discussing: topicId, changedBy: memberId, changedAt: at } }
}

/** The marker a member writes (into their own record) when they are done with the current phase. */
export function markReady(flow: BoardFlow, memberId: string, at: number): ReadyMarker {
  return { memberId, step: flow.step, phase: flow.phase, at }
}

/** Members ready in the current phase, among `memberIds` (the people on the board), in that order. */
export function readyMembers(flow: BoardFlow, markers: readonly ReadyMarker[], memberIds: readonly string[]): string[] {
  const ready = new Set(markers.filter((m) => m.step === flow.step && m.phase === flow.phase).map((m) => m.memberId))
  return memberIds.filter((id) => ready.has(id))
}
