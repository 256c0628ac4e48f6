import { isVerifiableId, knownVerdict, seal, signedText, verifySealNow } from '@shared/identity/signing.ts'
import { secretKeyOf } from '../collections/signing.ts'

/**
 * Presence that proves whose it is (issue 10 #15). A presence names its person (`user`: id, name,
 * colour); under a member id derived from a key it carries that person's seal over those fields
 * and the connection it is sent on (the awareness client id), so a member cannot show up as
 * someone else — not with a made-up state, nor with another person's state on another connection.
 * Checked once per connection and user (verdicts are remembered), before any screen reads it.
 */
const textOf = (clientId: number, user: { id: string; name: string; color: string }) =>
  signedText(`presence ${clientId}`, { id: user.id, name: user.name, color: user.color })

/** The state with this person's proof in its `user`, when this device holds their key. */
export function withPresenceProof<S extends Record<string, unknown>>(state: S, clientId: number): S {
  const user = state.user as { id?: unknown; name?: unknown; color?: unknown } | undefined
  if (!user || typeof user.id !== 'string' || typeof user.name !== 'string' || typeof user.color !== 'string') return state
  const key = secretKeyOf(user.id)
  if (!key) return state
  const proof = seal(key, textOf(clientId, user as { id: string; name: string; color: string }))
  return { ...state, user: { ...user, proof } }
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

/** Whether a peer's presence may stand: it names nobody verifiable, or it proves it is them. */
export function presenceHolds(clientId: number, state: unknown): boolean {
  if (!state || typeof state !== 'object') return true
  const user = (state as { user?: unknown }).user as { id?: unknown; name?: unknown; color?: unknown; proof?: unknown } | undefined
  if (!user || typeof user !== 'object' || typeof user.id !== 'string' || !isVerifiableId(user.id)) return true
  if (typeof user.name !== 'string' || typeof user.color !== 'string') return false
  const text = textOf(clientId, user as { id: string; name: string; color: string })
  const known = knownVerdict(user.proof, text, user.id)
  if (known !== undefined) return known
  const start = performance.now()
  if (start - windowStart >= CHECK_WINDOW_MS) {
    windowStart = start
    spent = 0
  }
  if (spent >= CHECK_BUDGET_MS) return false
  const ok = verifySealNow(user.proof, text, user.id)
  spent += performance.now() - start
  return ok
}
