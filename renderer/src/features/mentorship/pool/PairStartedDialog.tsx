import { useEffect, useState } from 'react'
import { Link } from 'wouter'
import { encodeInvite, type Invite } from '../../../../../shared/spaces/invite.ts'
import { platform } from '../../../platform/index.ts'
import { inviteFor } from '../../../sync/spaces.ts'
import { Dialog } from '../../../app/ui.tsx'
import { copyText } from '../../../app/files.ts'

/** After "Start this pair": the invite to send the other person (or both), privately. */
export function PairStartedDialog(props: { started: { spaceId: string; name: string; sendTo: string } | null; onClose: () => void }) {
  const [invite, setInvite] = useState<Invite | null>(null)
  const spaceId = props.started?.spaceId
  useEffect(() => {
    if (spaceId) void inviteFor(spaceId).then(setInvite)
  }, [spaceId])
  const code = invite && invite.spaceId === spaceId ? encodeInvite(invite) : ''
  const link = invite && code ? platform.inviteLink(invite) : ''
  return (
    <Dialog title={`Pair started: ${props.started?.name ?? ''}`} open={!!props.started} onClose={props.onClose} wide>
      <p>
        <strong>{props.started?.name}</strong> has its own space, shared only by invite. Send this invite to{' '}
        <strong>{props.started?.sendTo}</strong> privately — in a direct message, not a public channel. It carries the
        pair&apos;s secret key.
      </p>
      <div className="copy-row">
        <label className="field grow">
          <span className="field-label">Invite code</span>
          <input readOnly value={code} aria-label="Invite code" onFocus={(e) => e.target.select()} className="mono" />
        </label>
        <button type="button" className="button" disabled={!code} onClick={() => void copyText(code, 'Code')}>
          Copy code
        </button>
      </div>
      <div className="copy-row">
        <label className="field grow">
          <span className="field-label">Invite link</span>
          <input readOnly value={link} aria-label="Invite link" onFocus={(e) => e.target.select()} className="mono" />
        </label>
        <button type="button" className="button" disabled={!link} onClick={() => void copyText(link, 'Link')}>
          Copy link
        </button>
      </div>
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
