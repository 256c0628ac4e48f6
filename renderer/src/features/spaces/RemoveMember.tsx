import { useState } from 'react'
import type { MemberRecord } from '@shared/members/presence.ts'
import type { IdentityRow, SpaceRow } from '@core/database/db.ts'
import { useRemovedMembers } from '@core/spaces/hooks.ts'
import { removeMember, renewKey } from '@core/spaces/rotation.ts'
import { toast } from '@ui/toasts.ts'

/**
 * Remove a member (issue 10 #19): the space gets a new key, sealed to every remaining member's
 * devices; the removed person keeps what they had and gets nothing new. Any member may do it.
 */
export function RemoveMember(props: { space: SpaceRow; identity: IdentityRow; members: readonly MemberRecord[] }) {
  const removed = useRemovedMembers(props.space)
  const others = props.members.filter((m) => !m.leftAt && m.id !== props.identity.deviceId && !removed.has(m.id))
  const gone = props.members.filter((m) => removed.has(m.id))
  const [chosen, setChosen] = useState('')
  const [busy, setBusy] = useState(false)
  if (props.space.status !== 'active' || props.space.access === 'observer') return null
  const nameOf = (id: string) => props.members.find((m) => m.id === id)?.name ?? 'them'

  const remove = async () => {
    const id = chosen
    if (!id) return
    if (!window.confirm(`Remove ${nameOf(id)}? The space gets a new key for everyone else; ${nameOf(id)} keeps what they have but gets nothing new.`)) return
    setBusy(true)
    try {
      const outcome = await removeMember(props.space.id, id, props.identity)
      const missing = outcome.missing.map(nameOf)
      toast(
        missing.length
          ? `${nameOf(id)} was removed. ${missing.join(', ')} could not be given the new key: send them a new invite.`
          : `${nameOf(id)} was removed. Everyone else has the new key.`,
        missing.length ? 'error' : 'info'
      )
      setChosen('')
    } catch (err) {
      toast(`Could not remove: ${(err as Error).message} The space keeps its key.`, 'error')
    } finally {
      setBusy(false)
    }
  }

  const renew = async () => {
    if (!window.confirm('Give this space a new key? Everyone here gets it; anyone who has only the old key can read nothing new.')) return
    setBusy(true)
    try {
      const outcome = await renewKey(props.space.id, props.identity)
      const missing = outcome.missing.map(nameOf)
      toast(missing.length ? `New key. ${missing.join(', ')} could not be given it: send them a new invite.` : 'New key. Everyone here has it.', missing.length ? 'error' : 'info')
    } catch (err) {
      toast(`Could not renew the key: ${(err as Error).message} The space keeps its key.`, 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="panel" aria-labelledby="remove-member-title">
      <h2 id="remove-member-title">Remove a member</h2>
      {others.length > 0 && (
        <div className="row">
          <select aria-label="Member to remove" value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={busy}>
            <option value="">Choose…</option>
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="button" className="button danger" disabled={!chosen || busy} onClick={() => void remove()}>
            Remove and renew the key
          </button>
        </div>
      )}
      <p className="muted small">
        Everyone else&apos;s devices get the space&apos;s new key, sealed for each of them, and go on with it. The removed person keeps what
        they already had and gets nothing new. Someone whose devices cannot be reached this way needs a new invite.
      </p>
      {gone.length > 0 && <p className="small">Removed: {gone.map((m) => m.name).join(', ')}</p>}
      <p className="small">
        Someone may have the key who should not (it was in the org&apos;s list of teams before this version, or an invite went too far)?{' '}
        <button type="button" className="button small" disabled={busy} onClick={() => void renew()}>
          Renew the key
        </button>
      </p>
    </section>
  )
}
