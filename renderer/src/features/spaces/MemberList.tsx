import { memo } from 'react'
import { useNow } from '@ui/useNow.ts'
import { memberList, type MemberRecord } from '@shared/members/presence.ts'
import type { PresenceUser } from '@core/sync/status.ts'
import { Avatar } from '@ui/ui.tsx'
import { useForgeries } from '@core/collections/index.ts'
import { isVerifiableId } from '@shared/identity/signing.ts'

/** Memoized: it re-renders when the members, presence or the minute change, not with the page around it. */
export const MemberList = memo(function MemberList(props: { records: readonly MemberRecord[]; online: PresenceUser[]; meId: string }) {
  const now = useNow(30_000)
  const members = memberList(props.records, props.online, props.meId, now)
  const forged = useForgeries()
  return (
    <>
      <ul className="members" aria-label="Members">
        {members.map((m) => (
          <li key={m.id} className={`member ${m.status}`} aria-label={`${m.name}${m.isMe ? ' (you)' : ''}, ${m.presence}${isVerifiableId(m.id) ? '' : ', not verified'}`}>
            <Avatar name={m.name} color={m.color} size={36} online={m.status === 'online'} />
            <span className="member-text">
              <span className="member-name">
                {m.name}
                {m.isMe && <span className="muted"> (you)</span>}
              </span>
              <span className="member-presence">
                {m.presence}
                {!isVerifiableId(m.id) && (
                  <span className="member-unverified" title="This person's app was set up before Tandem signed what people write, so what they write cannot be checked as theirs.">
                    {' '}· not verified
                  </span>
                )}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {forged > 0 && (
        <p className="forged-notice" role="status">
          Tandem ignored {forged === 1 ? 'one change' : `${forged} changes`} that claimed to come from someone who did not make {forged === 1 ? 'it' : 'them'}. A member's app may be misbehaving; nothing of yours was lost.
        </p>
      )}
    </>
  )
})
