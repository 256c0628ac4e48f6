import { Link } from 'wouter'
import { useSignalingHealth } from '@core/sync/signalingHealth.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { useNow } from '@ui/useNow.ts'

/** Said plainly when no signaling server answers: what is wrong, what to do, and when Tandem tries again. */
export function SignalingProblem() {
  const state = useSignalingHealth((s) => s.state)
  const now = useNow(1_000, state.kind === 'unreachable')
  if (state.kind !== 'unreachable') return null
  const seconds = Math.max(0, Math.ceil((state.nextTryAt - now) / 1000))
  const servers = state.urls.join(', ')
  return (
    <div className="alert error" role="alert" aria-label="Cannot reach the signaling server">
      <p>
        <strong>Tandem cannot reach {state.urls.length === 1 ? 'the signaling server' : 'any signaling server'}</strong> ({servers}),
        so it cannot find the other members. Your changes are kept on this computer and sync once a server answers.
      </p>
      <p>
        Check the address in <Link href="/settings">Settings</Link>, or start a server on your network with{' '}
        <code>npm run signal</code>. Trying again {seconds > 0 ? `in ${seconds} s` : 'now'}.
      </p>
      <button type="button" className="button small" onClick={() => syncManager.trySignalingNow()}>
        Try again now
      </button>
    </div>
  )
}
