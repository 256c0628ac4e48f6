import { useEffect, useState } from 'react'
import { Link } from 'wouter'
import type { Invite } from '@shared/spaces/invite.ts'
import { inviteFor } from '@core/spaces/commands.ts'
import { Dialog } from '@ui/ui.tsx'
import { InviteFields } from '@features/spaces/index.ts'

/** After "Start this pair": the invite to send the other person (or both), privately. */
export function PairStartedDialog(props: { started: { spaceId: string; name: string; sendTo: string } | null; onClose: () => void }) {
  const [invite, setInvite] = useState<Invite | null>(null)
  const spaceId = props.started?.spaceId
  useEffect(() => {
    if (spaceId) void inviteFor(spaceId).then(setInvite)
  }, [spaceId])
  return (
    <Dialog title={`Pair started: ${props.started?.name ?? ''}`} open={!!props.started} onClose={props.onClose} wide>
      <p>
        <strong>{props.started?.name}</strong> has its own space, shared only by invite. Send this invite to{' '}
        <strong>{props.started?.sendTo}</strong> privately — in a direct message, not a public channel. It carries the
        pair&apos;s secret key.
      </p>
      <InviteFields invite={invite && invite.spaceId === spaceId ? invite : null} />
      <div className="row end">
        <button type="button" className="button" onClick={props.onClose}>
          Stay in the pool
        </button>
        {spaceId && (
          <Link href={`/space/${spaceId}/pair`} className="button primary" onClick={props.onClose}>
            Open the pair
          </Link>
        )}
      </div>
    </Dialog>
  )
}
