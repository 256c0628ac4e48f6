import { useMemo, useState, type FormEvent } from 'react'
import { useLocation } from 'wouter'
import { decodeInvite, type Invite } from '../../../../shared/spaces/invite.ts'
import { SPACE_KIND_LABELS } from '../../../../shared/spaces/space.ts'
import type { IdentityRow } from '../../data/db.ts'
import { joinSpace } from '../../sync/spaces.ts'
import { Field } from '../../app/ui.tsx'
import { toast } from '../../app/toasts.ts'

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
  const { invite, error } = useMemo(() => tryDecode(text), [text])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setTouched(true)
    if (!invite) return
    setBusy(true)
    try {
      const outcome = await joinSpace(invite, identity)
      if (outcome === 'already-member') toast(`You are already in ${invite.name}.`)
      navigate(`/space/${invite.spaceId}`)
    } catch (err) {
      toast(`Could not join: ${(err as Error).message}`, 'error')
    } finally {
      setBusy(false)
    }
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
            onChange={(e) => setText(e.target.value)}
            onBlur={() => setTouched(true)}
            rows={3}
            autoFocus
            spellCheck={false}
            className="mono"
            placeholder="tandem1.team.… or tandem://join/…"
          />
        </Field>
        {invite && (
          <div className="card preview" aria-label="Invite preview">
            <span className="badge">{SPACE_KIND_LABELS[invite.kind]}</span>
            <span className="card-title">{invite.name}</span>
            <span className="muted small">You will see its content once a member is online at the same time as you.</span>
          </div>
        )}
        <div className="row end">
          <button type="submit" className="button primary" disabled={!invite || busy}>
            {invite ? `Join ${invite.name}` : 'Join'}
          </button>
        </div>
      </form>
    </div>
  )
}
