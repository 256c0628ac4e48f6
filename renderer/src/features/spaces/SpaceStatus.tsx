import { Link } from 'wouter'
import type { SpaceRow } from '@core/database/db.ts'
import { useSettings } from '@core/device/settings.ts'
import { usePresence, useSpaceSync } from '@core/sync/status.ts'
import { useIdentity } from '@core/device/identity.ts'
import { useNow } from '@ui/useNow.ts'
import { useSignalingHealth } from '@core/sync/signalingHealth.ts'
import { SignalingProblem } from './SignalingProblem.tsx'
import { useSpaceRelayState } from '@core/sync/relaySpace.ts'

/** how long a sync hiccup stays mentioned */
const TROUBLE_SHOWN_MS = 30_000

/**
 * One line about the connection; a clear alert when there is evidence that the key does not match
 * (core/sync/keyWatch.ts), and a calm notice when our key is proven and someone with another key is
 * in the room — a stranger who knows the room's name, or a member with a damaged invite.
 */
export function SpaceStatus({ space }: { space: SpaceRow }) {
  const sync = useSpaceSync(space.id)
  const settings = useSettings()
  const now = useNow(5_000, sync.troubleAt !== null)
  const signaling = useSignalingHealth((s) => s.state.kind)
  // "Add my other device": my member id in another presence is me on another device (issue 14)
  const presence = usePresence(space.id)
  const me = useIdentity()
  const relay = useSpaceRelayState(space.id)
  const viaRelay = relay?.state === 'synced' || relay?.state === 'sending'
  const myOtherDevices = me ? Math.max(0, presence.filter((p) => p.id === me.deviceId).length - 1) : 0
  const withMine = myOtherDevices === 0 ? '' : myOtherDevices === 1 ? 'your other device' : `your ${myOtherDevices} other devices`
  if (space.status === 'left') return null
  const troubled = sync.troubleAt !== null && now - sync.troubleAt < TROUBLE_SHOWN_MS
  const mismatch = sync.key === 'mismatch'
  let text: string
  let tone = 'idle'
  if (settings && !settings.online) text = 'Working offline — changes are kept and sync when you go online'
  // the space's relay answers: members who are away get this device's edits whenever they open Tandem
  else if (viaRelay && sync.people === 0 && !withMine && !mismatch) {
    text = 'Up to date with the relay — members get your edits when they next open Tandem'
    tone = 'live'
  } else if (settings && settings.signalingUrls.length === 0) text = 'No signaling server set — add one in Settings to sync'
  else if (signaling === 'unreachable') text = 'Not syncing: no signaling server answers'
  else if (mismatch) text = 'Not syncing: the key does not match'
  else if (sync.people > 0) {
    text = `Syncing with ${sync.people} ${sync.people === 1 ? 'person' : 'people'}${withMine ? ` and ${withMine}` : ''}`
    tone = 'live'
  } else if (withMine) {
    text = `Syncing with ${withMine}`
    tone = 'live'
  } else if (sync.key === 'checking') text = 'Checking that your key matches the members’…'
  else if (sync.peers > 0) {
    text = 'Connected — waiting to hear who is there'
    tone = 'live'
  } else if (signaling === 'connecting') text = 'Connecting to the signaling server…'
  else text = 'Waiting for members to come online'
  return (
    <>
      <p className={`sync-line ${tone}`} role="status">
        <span className="connection-dot" aria-hidden="true" />
        {text}
      </p>
      <SignalingProblem />
      {troubled && !mismatch && (
        <p className="sync-line trouble" role="status" aria-label="Sync problem">
          A change could not be exchanged with a member; reconnecting to send it again. Nothing is lost on this device.
        </p>
      )}
      {mismatch && (
        <div className="alert error" role="alert">
          <strong>This invite&apos;s key does not match.</strong> Others are in this space&apos;s room, but for a while none of
          their messages could be opened with the key in your invite, and nobody answered with it, so nothing is shared. Ask
          the person who invited you for a new invite and join again with it. <Link href="/join">Enter a new invite</Link>
        </div>
      )}
      {sync.key === 'strangers' && (
        <div className="alert info" role="status" aria-label="Someone without the key">
          <p>
            <strong>Someone without this space&apos;s key is in the room.</strong> They cannot read or change anything here, and
            your copy keeps syncing with the members. If it goes on, someone may have joined with a damaged invite: send them
            a new one.
          </p>
        </div>
      )}
    </>
  )
}
