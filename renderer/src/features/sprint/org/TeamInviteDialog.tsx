import type { Invite } from '@shared/spaces/invite.ts'
import { Dialog } from '@ui/ui.tsx'
import { InviteFields } from '@features/spaces/index.ts'

/** The invite to one team's space, from the org's list (only for a team on this device: the org holds no team's key). */
export function TeamInviteDialog(props: { invite: Invite | null; onClose(): void }) {
  return (
    <Dialog title={`Invite to ${props.invite?.name ?? 'the team'}`} open={!!props.invite} onClose={props.onClose} wide>
      <p>
        Anyone with this invite can read and edit the team&apos;s space: its sprint planning, sync-ups and people. Send it privately.
      </p>
      <InviteFields invite={props.invite} />
    </Dialog>
  )
}
