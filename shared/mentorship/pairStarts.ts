import { z } from 'zod'
import { RecordId, RefText } from '../text/limits.ts'
import type { PairFlow, PairInfo } from './pairRecords.ts'

/**
 * Two people accepting the same suggested pair at once (issue 15 #1): each device creates a pair
 * space before it hears of the other's. Each acceptance is a record of its own in the org's root
 * document (`pairStarts`, id = the space it created), so both survive a merge; once a device sees
 * both, every device picks the same one — the space with the smaller id — and a device holding
 * both merges the other's journal into it and deletes its copy of the other.
 */
export const PairStart = z.object({
  /** the org's pair record (pairs) this acceptance answers */
  pairId: RecordId,
  /** the pair space created on the accepting device */
  spaceId: RecordId,
  startedAt: z.number(),
  /** the profile of the one who accepted */
  byProfileId: RefText
})
export type PairStart = z.infer<typeof PairStart>

/** The space both devices keep: the smallest id of the pair's starts (null: none). */
export function keptStart<T extends Pick<PairStart, 'spaceId'>>(starts: readonly T[]): T | null {
  let best: T | null = null
  for (const s of starts) if (best === null || s.spaceId < best.spaceId) best = s
  return best
}

export interface StartClash {
  pairId: string
  /** the space every device keeps */
  kept: string
  /** the other spaces started for the same pair */
  others: string[]
  /** the first day any of them started */
  startedAt: number
}

/** Pairs accepted more than once, with the space each keeps: the same answer on every device. */
export function startClashes(starts: readonly PairStart[]): StartClash[] {
  const byPair = new Map<string, PairStart[]>()
  for (const s of starts) byPair.set(s.pairId, [...(byPair.get(s.pairId) ?? []), s])
  const out: StartClash[] = []
  for (const [pairId, group] of byPair) {
    const spaces = [...new Set(group.map((s) => s.spaceId))].sort()
    if (spaces.length < 2) continue
    out.push({ pairId, kept: spaces[0]!, others: spaces.slice(1), startedAt: Math.min(...group.map((s) => s.startedAt)) })
  }
  return out.sort((a, b) => a.pairId.localeCompare(b.pairId))
}

/**
 * The program's flow after two journals of one pair meet: a step done in either is done, the
 * intro held on the earlier day; the timer and the part being worked through stay the kept one's
 * unless it has none.
 */
export function mergedFlow(kept: PairFlow, other: PairFlow): PairFlow {
  const day = [kept.introHeldOn, other.introHeldOn].filter((d): d is string => d !== null).sort()[0] ?? null
  return {
    activePart: kept.activePart ?? other.activePart,
    timer: kept.timer ?? other.timer,
    introDone: kept.introDone || other.introDone,
    fitDone: kept.fitDone || other.fitDone,
    planDone: kept.planDone || other.planDone,
    cadenceDone: kept.cadenceDone || other.cadenceDone,
    introHeldOn: day
  }
}

/**
 * The pair's header after two journals meet: what the kept one leaves unset (the next session,
 * its time and agenda, a cadence still at the start's monthly, the first day) the other's fills.
 */
export function mergedInfo(kept: PairInfo, other: PairInfo): Partial<PairInfo> {
  const out: Partial<PairInfo> = {}
  if (kept.nextSession === null && other.nextSession !== null) out.nextSession = other.nextSession
  if (kept.nextSessionTime === null && other.nextSessionTime !== null) {
    out.nextSessionTime = other.nextSessionTime
    out.nextSessionZone = other.nextSessionZone
    out.nextSessionMinutes = other.nextSessionMinutes
  }
  if (!kept.nextSessionAgenda && other.nextSessionAgenda) out.nextSessionAgenda = other.nextSessionAgenda
  if (kept.cadence === 'monthly' && other.cadence !== 'monthly') out.cadence = other.cadence
  if (other.firstDiscussed && (!kept.firstDiscussed || other.firstDiscussed < kept.firstDiscussed)) out.firstDiscussed = other.firstDiscussed
  if (!kept.trackerBaseUrl && other.trackerBaseUrl) out.trackerBaseUrl = other.trackerBaseUrl
  if (kept.participants.length === 0 && other.participants.length > 0) out.participants = other.participants
  return out
}
