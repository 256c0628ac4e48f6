import { isVerifiableId, knownVerdict, seal, signedText, verifySealNow } from '@shared/identity/signing.ts'
import { secretKeyOf } from '../collections/signing.ts'

/**
 * Presence that proves whose it is (issue 10 #15). A presence names its person (`user`: id, name,
 * colour); under a member id derived from a key it carries that person's seal (`proof`) over the
 * whole state — where they are (`view`, `retro`, `meeting`, `session`), what they type on, their
 * clock beacon — and the room and connection it is sent on (the awareness client id), with the
 * time it was made. So a member cannot show up as someone else — not with a made-up state, nor
 * with another person's state on another connection or in another room, nor with her proven `user`
 * and other fields (another meeting, board or session) under her client id — and cannot
 * re-announce her long after she left: a receiver refuses a proof older than PROOF_MAX_AGE_MS by
 * the sender's clock as it knows it (`lag`, below), and one older than the newest it accepted from
 * that connection (a replay of her earlier state while she is here, or after she left).
 *
 * Clocks differ (the sprint timer is made for clocks minutes apart: presence carries the beacon it
 * is set by), so ages are not read against the receiver's clock alone. For each connection the
 * receiver keeps `lag`, the least `receivedAt - proof.at` of the proofs it accepted from it: the
 * sender's clock offset plus the quickest delivery. A fresh proof arrives about `lag` after it was
 * made; a proof arriving PROOF_MAX_AGE_MS later than that is one somebody kept. On first contact
 * (no lag yet) a proof stands within FIRST_CONTACT_SKEW_MS of the receiver's clock.
 *
 * Not sealed: `cursor` (a board pointer `{board, x, y}`, sent every 50 ms while it moves, or a
 * rich-text caret `{anchor, head}`). Signing each move would cost the sender 20 signatures and
 * every receiver 20 checks a second. Anyone in the room can set it under a proven presence of
 * someone who is really there; all it does is draw that person's pointer or caret elsewhere on
 * a board or text she has open (boards show a pointer only for a board her sealed `retro` names):
 * decorative, says nothing stored, and the next real move puts it back.
 *
 * Own presence is signed again only when a sealed field changed or the proof is PROOF_RENEW_MS
 * old (checked at every local change and at awareness' own renewals, every 15 s): pointer moves
 * cost a comparison, not a signature. Checked once per proof and connection (verdicts are
 * remembered), before any screen reads it.
 */
export interface PresencePlace {
  /** the room the presence travels in (both sides of a room name it alike) */
  room: string
  /** the awareness client id it is sent under */
  clientId: number
}

export const PROOF_FIELD = 'proof'
const UNSEALED = new Set([PROOF_FIELD, 'cursor'])
/** a proof this old is made again at the next local change or renewal (y-protocols renews every 15 s) */
export const PROOF_RENEW_MS = 30_000
/**
 * Older (past the connection's lag) is refused: an honest proof goes out at most PROOF_RENEW_MS +
 * one renewal (~18 s) old, and a peer may hold it up to 30 s (awareness' timeout); the rest is
 * room for deliveries that take longer than the quickest one.
 */
export const PROOF_MAX_AGE_MS = 90_000
/**
 * On first contact with a connection (its lag unknown) a proof stands while its time is within
 * this of the receiver's clock, either way: clocks a few minutes off are common (the sprint timer
 * is tested 4 minutes ahead and 3 behind), a quarter of an hour is a clock nobody set. It is also
 * how long a member who kept Ada's last presence can show her to someone who never saw her leave.
 */
export const FIRST_CONTACT_SKEW_MS = 15 * 60_000

interface Proof {
  at: number
  seal: string
}

function proofOf(state: Record<string, unknown>): Proof | null {
  const p = state[PROOF_FIELD] as { at?: unknown; seal?: unknown } | null | undefined
  if (!p || typeof p !== 'object' || typeof p.at !== 'number' || !Number.isSafeInteger(p.at) || typeof p.seal !== 'string') return null
  return { at: p.at, seal: p.seal }
}

/** The signed text: the state's sealed fields, where it is sent and when it was proven. */
function textOf(place: PresencePlace, state: Record<string, unknown>, at: number): string {
  const sealed: Record<string, unknown> = {}
  for (const k of Object.keys(state)) if (!UNSEALED.has(k)) sealed[k] = state[k]
  return signedText('presence', { room: place.room, clientId: place.clientId, at, state: sealed })
}

const userIdOf = (state: Record<string, unknown>): string | null => {
  const user = state.user as { id?: unknown } | null | undefined
  return user && typeof user === 'object' && typeof user.id === 'string' ? user.id : null
}

/**
 * The state as this device sends it: with its person's proof when this device holds their key —
 * the proof it has while that still covers the state and is younger than PROOF_RENEW_MS, else a
 * new one. Any other state is returned as it is (the same object).
 */
export function withPresenceProof<S extends Record<string, unknown>>(state: S, place: PresencePlace, now: number = Date.now()): S {
  const id = userIdOf(state)
  const key = id === null ? null : secretKeyOf(id)
  if (!key) return state
  const proof = proofOf(state)
  if (proof) {
    const age = now - proof.at
    if (age >= 0 && age < PROOF_RENEW_MS && knownVerdict(proof.seal, textOf(place, state, proof.at), id!) === true) return state
  }
  const at = Math.floor(now)
  return { ...state, [PROOF_FIELD]: { at, seal: seal(key, textOf(place, state, at)) } }
}

/** When the state's proof was made (by its sender's clock), if it has one. */
export function provenAt(state: unknown): number | undefined {
  return state && typeof state === 'object' ? proofOf(state as Record<string, unknown>)?.at : undefined
}

/*
 * A proof is checked in script, synchronously (DocLink drops a forged presence before any other
 * listener reads it): about a millisecond each, and one awareness message may carry thousands of
 * claims under made-up client ids. Proofs not known yet get at most CHECK_BUDGET_MS of every
 * CHECK_WINDOW_MS; past that a claim does not stand for now (dropped as a forged one would be) —
 * its person's device renews its presence within seconds, and it is checked then.
 */
const CHECK_WINDOW_MS = 1_000
const CHECK_BUDGET_MS = 100
let windowStart = -Infinity
let spent = 0

/**
 * Whether a peer's presence may stand: 'holds' (it names nobody verifiable, or proves it is them),
 * 'stale' (a good-looking proof out of its time: refused unchecked, and not counted as a forgery —
 * it may be an honest device whose clock is off) or 'forged'. `lag`: the connection's least
 * `receivedAt - proof.at` so far (undefined on first contact). Never throws.
 */
export function presenceVerdict(place: PresencePlace, state: unknown, now: number = Date.now(), lag?: number): 'holds' | 'stale' | 'forged' {
  if (!state || typeof state !== 'object') return 'holds'
  const s = state as Record<string, unknown>
  const id = userIdOf(s)
  if (id === null || !isVerifiableId(id)) return 'holds'
  const proof = proofOf(s)
  if (!proof) return 'forged'
  if (Math.abs(now - proof.at) > FIRST_CONTACT_SKEW_MS) return 'stale'
  if (lag !== undefined && now - proof.at - lag > PROOF_MAX_AGE_MS) return 'stale'
  let text: string
  try {
    text = textOf(place, s, proof.at)
  } catch {
    return 'forged' // a state too deep to write out
  }
  const known = knownVerdict(proof.seal, text, id)
  if (known !== undefined) return known ? 'holds' : 'forged'
  const start = performance.now()
  if (start - windowStart >= CHECK_WINDOW_MS) {
    windowStart = start
    spent = 0
  }
  if (spent >= CHECK_BUDGET_MS) return 'forged'
  const ok = verifySealNow(proof.seal, text, id)
  spent += performance.now() - start
  return ok ? 'holds' : 'forged'
}

export function presenceHolds(place: PresencePlace, state: unknown, now: number = Date.now(), lag?: number): boolean {
  return presenceVerdict(place, state, now, lag) === 'holds'
}
