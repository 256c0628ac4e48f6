/**
 * Does the room share our key? A space's room is named from its document id alone, so anyone who
 * knows the id — or only the room name — can publish well-formed messages into it sealed with a key
 * of their own. A message our key cannot open therefore says "someone with another key is here",
 * not "our key is wrong".
 *
 * Our key is proven the moment one message from another peer opens with it (a member answered):
 * from then on, messages we cannot open mean someone without the space's key is in the room.
 * Until then, "this invite's key does not match" needs evidence: for a grace period, messages we
 * cannot open keep arriving (also after we asked the room with a sealed key-check), and nothing
 * anyone sent — no announce, no answer to our key-check — opened with our key. Even then the
 * verdict gives way the moment a message opens with our key.
 *
 * Pure: the evidence is a value, time is an argument. core/sync/keyWatch.ts keeps one per space.
 */

/** how long messages we cannot open must go on, after we first asked the room, before we conclude */
export const KEY_GRACE_MS = 8_000
/** how often an unproven key asks the room again (sealed key-check asking for an answer) */
export const KEY_PROBE_EVERY_MS = 2_500
/** how often a proven key answers messages it cannot open (so a damaged newcomer learns) */
export const KEY_ANSWER_EVERY_MS = 2_000
/** how often a device answers another's key-check question */
export const KEY_REPLY_EVERY_MS = 1_000
/** after a stranger's last message, how long "someone without the key is in the room" stays said */
export const STRANGER_NOTICE_MS = 30_000
/** an unproven key that has heard nothing unreadable for this long starts a fresh episode */
export const KEY_QUIET_RESET_MS = 20_000

/** The type of Tandem's own sealed key-check messages (peers of older versions ignore it). */
export const KEY_CHECK_TYPE = 'tandem-keycheck'

export interface KeyEvidence {
  /** a message from another peer opened with our key, now or in an earlier session */
  verified: boolean
  /** concluded: our key does not match (stays until a message opens with our key) */
  mismatch: boolean
  /** messages our key could not open in this episode (all of them once verified) */
  unreadable: number
  firstUnreadableAt: number | null
  lastUnreadableAt: number | null
  /** when we first and last asked the room in this episode (null: not yet) */
  firstProbeAt: number | null
  lastProbeAt: number | null
}

export type KeyVerdict =
  /** nothing unreadable heard (or not lately, for a proven key) */
  | 'quiet'
  /** our key is unproven and messages we cannot open arrive: asking the room, not deciding yet */
  | 'checking'
  /** evidence that our key is not the room's: "this invite's key does not match" */
  | 'mismatch'
  /** our key is proven and someone with another key spoke lately: a calm notice */
  | 'strangers'

export interface KeyDecision {
  verdict: KeyVerdict
  /** publish a sealed key-check asking for an answer, now */
  probe: boolean
  /** when to look again even if nothing new is heard (null: only when something is) */
  reviewAt: number | null
}

export function freshKeyEvidence(verified: boolean): KeyEvidence {
  return { verified, mismatch: false, unreadable: 0, firstUnreadableAt: null, lastUnreadableAt: null, firstProbeAt: null, lastProbeAt: null }
}

/** What time alone changes: a verdict reached, or an unproven episode that went quiet forgotten. */
export function settle(e: KeyEvidence, now: number): KeyEvidence {
  if (e.verified || e.mismatch || e.unreadable === 0 || e.lastUnreadableAt === null) return e
  if (now - e.lastUnreadableAt >= KEY_QUIET_RESET_MS) return freshKeyEvidence(false)
  const asked = e.firstProbeAt
  const enough =
    asked !== null &&
    now - asked >= KEY_GRACE_MS &&
    e.firstUnreadableAt !== null &&
    now - e.firstUnreadableAt >= KEY_GRACE_MS &&
    e.unreadable >= 2 &&
    // they kept coming after we asked, and nobody answered with our key
    e.lastUnreadableAt > asked
  return enough ? { ...e, mismatch: true } : e
}

/** A message in one of the space's rooms could not be opened with our key. */
export function heardUnreadable(e: KeyEvidence, now: number): KeyEvidence {
  const s = settle(e, now)
  return { ...s, unreadable: s.unreadable + 1, firstUnreadableAt: s.firstUnreadableAt ?? now, lastUnreadableAt: now }
}

/** A message from another peer opened with our key: the key is shared, whatever came before. */
export function heardOurKey(e: KeyEvidence): KeyEvidence {
  return e.verified && !e.mismatch ? e : { ...e, verified: true, mismatch: false }
}

/** We asked the room (a sealed key-check that asks for an answer). */
export function probed(e: KeyEvidence, now: number): KeyEvidence {
  return { ...e, firstProbeAt: e.firstProbeAt ?? now, lastProbeAt: now }
}

/** What to tell the user and do now, from settled evidence (see `settle`). */
export function decideKey(e: KeyEvidence, now: number): KeyDecision {
  if (e.verified) {
    const last = e.lastUnreadableAt
    if (last !== null && now - last < STRANGER_NOTICE_MS) return { verdict: 'strangers', probe: false, reviewAt: last + STRANGER_NOTICE_MS }
    return { verdict: 'quiet', probe: false, reviewAt: null }
  }
  if (e.mismatch) return { verdict: 'mismatch', probe: false, reviewAt: null }
  if (e.unreadable === 0 || e.lastUnreadableAt === null) return { verdict: 'quiet', probe: false, reviewAt: null }
  const probe = e.lastProbeAt === null || now - e.lastProbeAt >= KEY_PROBE_EVERY_MS
  const nextProbe = (probe ? now : e.lastProbeAt!) + KEY_PROBE_EVERY_MS
  const decideAt = Math.max((e.firstProbeAt ?? now) + KEY_GRACE_MS, (e.firstUnreadableAt ?? now) + KEY_GRACE_MS)
  const quietAt = e.lastUnreadableAt + KEY_QUIET_RESET_MS
  // past the grace period without enough evidence: the next message or the next probe decides
  const reviewAt = Math.min(nextProbe, decideAt > now ? decideAt : Infinity, quietAt)
  return { verdict: 'checking', probe, reviewAt }
}

/** Whether something done at most once per `everyMs` may be done again now. */
export function due(lastAt: number | null, now: number, everyMs: number): boolean {
  return lastAt === null || now - lastAt >= everyMs
}
