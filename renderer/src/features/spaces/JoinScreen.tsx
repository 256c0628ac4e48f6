import { useMemo, useState, type FormEvent } from 'react'
import { useLocation } from 'wouter'
import { decodeInvite, type Invite } from '@shared/spaces/invite.ts'
import { SPACE_KIND_LABELS } from '@shared/spaces/space.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { useSpace } from '@core/spaces/hooks.ts'
import { ImpersonationError, joinReplacingUnconfirmed, joinSpace } from '@core/spaces/commands.ts'
import { useSpaceSync } from '@core/sync/status.ts'
import { Field } from '@ui/ui.tsx'
import { toast } from '@ui/toasts.ts'

function tryDecode(text: string): { invite: Invite | null; error: string | null } {
  if (!text.trim()) return { invite: null, error: null }
  try {
    return { invite: decodeInvite(text), error: null }
  } catch (err) {
    return { invite: null, error: (err as Error).message }
  }
}

export function JoinScreen({ identity, code }: { identity: IdentityRow; code: string }) {
  const [, navigate] = useLocation()
  const [text, setText] = useState(code)
  const [touched, setTouched] = useState(!!code)
  const [busy, setBusy] = useState(false)
  const [refused, setRefused] = useState<ImpersonationError | null>(null)
  const { invite, error } = useMemo(() => tryDecode(text), [text])
  // a space already here with another key: said before anyone clicks (joinSpace refuses it too)
  const existing = useSpace(invite?.spaceId ?? '')
  const conflict: Conflict | null =
    refused ?? (invite && existing && existing.key !== invite.key ? { spaceId: existing.id, keyConfirmed: existing.keyVerified } : null)
  // the copy here was found not to match its members' key: this invite is the way out, joined as usual
  const copyMismatched = useSpaceSync(conflict?.spaceId ?? '').key === 'mismatch'
  const replaces = !!conflict && !conflict.keyConfirmed && copyMismatched

  const join = async (replaceUnconfirmed: boolean) => {
    if (!invite) return
    setBusy(true)
    try {
      const outcome = await (replaceUnconfirmed ? joinReplacingUnconfirmed(invite, identity) : joinSpace(invite, identity))
      if (outcome === 'already-member') toast(`You are already in ${invite.name}.`)
      navigate(`/space/${invite.spaceId}`)
    } catch (err) {
      if (err instanceof ImpersonationError) setRefused(err)
      else toast(`Could not join: ${(err as Error).message}`, 'error')
    } finally {
      setBusy(false)
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTouched(true)
    void join(replaces)
  }

  return (
    <div className="page narrow">
      <header className="page-head">
        <h1>Join a space</h1>
        <p className="lead">Paste the invite code or link a member sent you.</p>
      </header>
      <form onSubmit={submit} className="stack" noValidate>
        <Field label="Invite code or link" error={touched ? error : null}>
          <textarea
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setRefused(null)
            }}
            onBlur={() => setTouched(true)}
            rows={3}
            autoFocus
            spellCheck={false}
            className="mono"
            placeholder="tandem2.team.… or tandem://join/…"
          />
        </Field>
        {invite && (
          <div className="card preview" aria-label="Invite preview">
            <span className="badge">{SPACE_KIND_LABELS[invite.kind]}</span>
            <span className="card-title">{invite.name}</span>
            <span className="muted small">You will see its content once a member is online at the same time as you.</span>
            {invite.turn?.length ? (
              <span className="muted small">
                Brings its TURN server{invite.turn.length > 1 ? 's' : ''} for this space only: {invite.turn.map((t) => t.url).join(', ')}
              </span>
            ) : null}
          </div>
        )}
        {conflict && replaces && <MismatchedCopy name={existing?.name ?? invite?.name ?? ''} />}
        {conflict && !replaces && <Refusal refused={conflict} busy={busy} onReplace={() => void join(true)} />}
        <div className="row end">
          <button type="submit" className="button primary" disabled={!invite || busy || (!!conflict && !replaces)}>
            {invite ? `Join ${invite.name}` : 'Join'}
          </button>
        </div>
      </form>
    </div>
  )
}

interface Conflict {
  spaceId: string
  keyConfirmed: boolean
}

/** The copy here never matched its members' key: joining with this invite replaces it. */
function MismatchedCopy({ name }: { name: string }) {
  return (
    <div className="alert info" role="note" aria-label="Replaces your copy">
      <p>
        <strong>Your copy of {name} did not match its members&apos; key</strong>, so nothing was ever shared with it. Joining
        with this invite replaces that copy: it is deleted from this device, with anything written in it, and you join with
        this invite&apos;s key.
      </p>
    </div>
  )
}

/** Why an invite for a space already on this device was refused, and the way out if there is one. */
function Refusal({ refused, busy, onReplace }: { refused: Conflict; busy: boolean; onReplace(): void }) {
  return (
    <div className="alert error" role="alert" aria-label="Invite refused">
      <p>
        <strong>This invite does not belong to the space you already have — someone may be impersonating it.</strong>{' '}
        {refused.keyConfirmed ? 'Nothing was changed: your copy keeps syncing with the members you had.' : 'Nothing was changed.'}
      </p>
      {refused.keyConfirmed ? (
        <p>Ask a member you trust, in person or on a channel you trust, whether they sent this invite.</p>
      ) : (
        <>
          <p>
            No member has confirmed your copy of this space yet, so its key may be the damaged one. If you trust this
            invite, delete your unconfirmed copy and join with it.
          </p>
          <button type="button" className="button small" disabled={busy} onClick={onReplace}>
            Delete my unconfirmed copy and join
          </button>
        </>
      )}
    </div>
  )
}
