import { addDays } from './pairCadence.ts'
import type { FlowStepId, PairFlow } from './pairRecords.ts'

/**
 * The program's flow for a pair, as the app guides them through it:
 *   1. intro, 30 minutes: each shares their be-a-mentor items (5 min each), then their
 *      seek-a-mentor items (5 min each), then each repeats back what they heard (5 min each);
 *   2. up to a week to decide fit and write a lesson plan for the other;
 *   3. a 1-hour lesson-plan meeting, 30 minutes per direction;
 *   4. sessions on a cadence, at least monthly.
 * The timed steps have parts; one shared timer runs for the part the pair is on.
 */

export interface FlowStep {
  id: FlowStepId
  title: string
  /** how long it takes, in the program's words */
  length: string
  summary: string
}

export const FLOW_STEPS: readonly FlowStep[] = [
  {
    id: 'intro',
    title: 'The intro',
    length: '30 min',
    summary: 'Share what you can mentor on and what you want to learn, then repeat back what you heard.'
  },
  {
    id: 'fit',
    title: 'Decide fit and write lesson plans',
    length: 'up to a week',
    summary: 'Decide whether you are a good fit. Each of you writes a lesson plan for the other: what to do to get started.'
  },
  {
    id: 'plan',
    title: 'Lesson-plan meeting',
    length: '1 hour',
    summary: 'Walk each other through the lesson plans, 30 minutes per direction.'
  },
  {
    id: 'cadence',
    title: 'Meet on a cadence',
    length: 'at least monthly',
    summary: 'Keep meeting, note each session, and track progress with a personal OKR.'
  }
]

export interface FlowPart {
  /** "intro:0" … "intro:5", "plan:0", "plan:1" */
  id: string
  stepId: FlowStepId
  minutes: number
  /** who speaks in this part */
  speaker: string
  title: string
}

/** The timed parts of a step for the pair [a, b] ("fit" and "cadence" have none). */
export function flowParts(stepId: FlowStepId, [a, b]: readonly [string, string]): FlowPart[] {
  if (stepId === 'intro') {
    const part = (i: number, speaker: string, title: string): FlowPart => ({ id: `intro:${i}`, stepId, minutes: 5, speaker, title })
    return [
      part(0, a, `${a} shares their be-a-mentor items`),
      part(1, b, `${b} shares their be-a-mentor items`),
      part(2, a, `${a} shares their seek-a-mentor items`),
      part(3, b, `${b} shares their seek-a-mentor items`),
      part(4, a, `${a} repeats back what they heard`),
      part(5, b, `${b} repeats back what they heard`)
    ]
  }
  if (stepId === 'plan') {
    return [
      { id: 'plan:0', stepId, minutes: 30, speaker: a, title: `${a} walks ${b} through the lesson plan` },
      { id: 'plan:1', stepId, minutes: 30, speaker: b, title: `${b} walks ${a} through the lesson plan` }
    ]
  }
  return []
}

/** The part with this id, or null. */
export function findPart(partId: string | null, pair: readonly [string, string]): FlowPart | null {
  if (!partId) return null
  const stepId = partId.split(':')[0] as FlowStepId
  return flowParts(stepId, pair).find((p) => p.id === partId) ?? null
}

/** The part after this one in the same step, or null at the end of the step. */
export function nextPart(partId: string, pair: readonly [string, string]): FlowPart | null {
  const part = findPart(partId, pair)
  if (!part) return null
  const parts = flowParts(part.stepId, pair)
  return parts[parts.findIndex((p) => p.id === partId) + 1] ?? null
}

const DONE_FIELD: Record<FlowStepId, 'introDone' | 'fitDone' | 'planDone' | 'cadenceDone'> = {
  intro: 'introDone',
  fit: 'fitDone',
  plan: 'planDone',
  cadence: 'cadenceDone'
}

export function doneField(stepId: FlowStepId): 'introDone' | 'fitDone' | 'planDone' | 'cadenceDone' {
  return DONE_FIELD[stepId]
}

export function isStepDone(flow: PairFlow, stepId: FlowStepId): boolean {
  return flow[DONE_FIELD[stepId]]
}

/** The first step not done yet; the cadence step is where a pair stays. */
export function currentStep(flow: PairFlow): FlowStepId {
  return FLOW_STEPS.find((s) => !isStepDone(flow, s.id))?.id ?? 'cadence'
}

/** A week after the intro: when fit should be decided and lesson plans written. */
export const FIT_DAYS = 7

export function fitDeadline(introHeldOn: string | null): string | null {
  return introHeldOn ? addDays(introHeldOn, FIT_DAYS) : null
}

/**
 * Where a journal's dated sessions say the pair is (issue 15: after importing a journal of sessions
 * months old, the program still said "The intro · now"): a session held means the intro was held
 * (on the first one's day); a second session, or a week gone since the intro, means fit was decided
 * and lesson plans written; a second session is the lesson-plan meeting. Only marks steps done,
 * never undoes one a pair marked; an empty patch when nothing changes.
 */
export function flowAfterSessions(flow: PairFlow, sessionDates: readonly (string | null)[], today: string): Partial<PairFlow> {
  const held = sessionDates.filter((d): d is string => d !== null && d <= today).sort()
  const first = held[0]
  if (!first) return {}
  const patch: Partial<PairFlow> = {}
  if (!flow.introDone) patch.introDone = true
  if (!flow.introHeldOn || flow.introHeldOn > first) patch.introHeldOn = first
  const weekGone = addDays(first, FIT_DAYS) <= today
  if (!flow.fitDone && (held.length >= 2 || weekGone)) patch.fitDone = true
  if (!flow.planDone && held.length >= 2) patch.planDone = true
  return patch
}
