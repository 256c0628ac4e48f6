import { encodeInvite, type Invite } from '@shared/spaces/invite.ts'
import { platform } from '@core/platform/index.ts'
import { copyText } from '@ui/files.ts'

/** An invite's code and link, each read-only with its own Copy button (empty until it is known). */
export function InviteFields({ invite }: { invite: Invite | null }) {
  const code = invite ? encodeInvite(invite) : ''
  const link = invite ? platform.inviteLink(invite) : ''
  return (
    <>
      <CopyRow label="Invite code" value={code} what="Code" />
      <CopyRow label="Invite link" value={link} what="Link" />
    </>
  )
}

function CopyRow({ label, value, what }: { label: string; value: string; what: string }) {
  return (
    <div className="copy-row">
      <label className="field grow">
        <span className="field-label">{label}</span>
        <input readOnly value={value} aria-label={label} onFocus={(e) => e.target.select()} className="mono" />
      </label>
      <button type="button" className="button" disabled={!value} onClick={() => void copyText(value, what)}>
        Copy {what.toLowerCase()}
      </button>
    </div>
  )
}
