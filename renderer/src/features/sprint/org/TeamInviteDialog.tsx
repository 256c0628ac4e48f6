import { encodeInvite, type Invite } from '../../../../../shared/spaces/invite.ts'
import { platform } from '../../../platform/index.ts'
import { Dialog } from '../../../app/ui.tsx'
import { toast } from '../../../app/toasts.ts'

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text)
    toast(`${what} copied`)
  } catch {
    toast(`Could not copy; select the ${what.toLowerCase()} and copy it yourself.`, 'error')
  }
}

/** The invite to one team's space, from the org's list (the org holds each team's key). */
export function TeamInviteDialog(props: { invite: Invite | null; onClose(): void }) {
  const code = props.invite ? encodeInvite(props.invite) : ''
  const link = props.invite ? platform.inviteLink(props.invite) : ''
  return (
    <Dialog title={`Invite to ${props.invite?.name ?? 'the team'}`} open={!!props.invite} onClose={props.onClose} wide>
      <p>
        Anyone with this invite can read and edit the team&apos;s space: its sprint planning, sync-ups and people. Send it privately.
      </p>
      <div className="copy-row">
        <label className="field grow">
          <span className="field-label">Team invite code</span>
          <input readOnly value={code} onFocus={(e) => e.target.select()} className="mono" />
        </label>
        <button type="button" className="button" onClick={() => void copy(code, 'Code')}>
          Copy code
        </button>
      </div>
      <div className="copy-row">
        <label className="field grow">
          <span className="field-label">Team invite link</span>
          <input readOnly value={link} onFocus={(e) => e.target.select()} className="mono" />
        </label>
        <button type="button" className="button" onClick={() => void copy(link, 'Link')}>
          Copy link
        </button>
      </div>
    </Dialog>
  )
}
