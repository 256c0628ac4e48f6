import { useEffect, useState } from 'react'
import { encodeInvite, type Invite } from '../../../../shared/spaces/invite.ts'
import { platform } from '../../platform/index.ts'
import { inviteFor } from '../../sync/spaces.ts'
import { Dialog } from '../../app/ui.tsx'
import { copyText } from '../../app/files.ts'

export function InviteDialog({ spaceId, open, onClose }: { spaceId: string; open: boolean; onClose: () => void }) {
  const [invite, setInvite] = useState<Invite | null>(null)
  useEffect(() => {
    if (open) void inviteFor(spaceId).then(setInvite)
  }, [open, spaceId])
  const code = invite ? encodeInvite(invite) : ''
  const link = invite ? platform.inviteLink(invite) : ''
  return (
    <Dialog title="Invite people" open={open} onClose={onClose} wide>
      <p>
        Anyone with this invite can read and edit <strong>{invite?.name}</strong>. It carries the space&apos;s secret key, so
        send it privately — in a direct message, not a public channel.
      </p>
      <div className="copy-row">
        <label className="field grow">
          <span className="field-label">Invite code</span>
          <input readOnly value={code} aria-label="Invite code" onFocus={(e) => e.target.select()} className="mono" />
        </label>
        <button type="button" className="button" onClick={() => void copyText(code, 'Code')}>
          Copy code
        </button>
      </div>
      <div className="copy-row">
        <label className="field grow">
          <span className="field-label">Invite link</span>
          <input readOnly value={link} aria-label="Invite link" onFocus={(e) => e.target.select()} className="mono" />
        </label>
        <button type="button" className="button" onClick={() => void copyText(link, 'Link')}>
          Copy link
        </button>
      </div>
      <p className="muted small">They open the link, or choose Join in Tandem and paste the code.</p>
    </Dialog>
  )
}
