import { useEffect, useState } from 'react'
import type { Invite } from '@shared/spaces/invite.ts'
import { inviteFor } from '@core/spaces/commands.ts'
import { Dialog } from '@ui/ui.tsx'
import { InviteFields } from './InviteFields.tsx'

export function InviteDialog({ spaceId, open, onClose }: { spaceId: string; open: boolean; onClose: () => void }) {
  const [invite, setInvite] = useState<Invite | null>(null)
  useEffect(() => {
    if (open) void inviteFor(spaceId).then(setInvite)
  }, [open, spaceId])
  return (
    <Dialog title="Invite people" open={open} onClose={onClose} wide>
      <p>
        Anyone with this invite can read and edit <strong>{invite?.name}</strong>. It carries the space&apos;s secret key, so
        send it privately — in a direct message, not a public channel.
      </p>
      <InviteFields invite={invite} />
      <p className="muted small">They open the link, or choose Join in Tandem and paste the code.</p>
    </Dialog>
  )
}
