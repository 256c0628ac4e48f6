import { memo } from 'react'
import { useNow } from '@ui/useNow.ts'
import { memberList, type MemberRecord } from '@shared/members/presence.ts'
import type { PresenceUser } from '@core/sync/status.ts'
import { Avatar } from '@ui/ui.tsx'

/** Memoized: it re-renders when the members, presence or the minute change, not with the page around it. */
export const MemberList = memo(function MemberList(props: { records: readonly MemberRecord[]; online: PresenceUser[]; meId: string }) {
  const now = useNow(30_000)
  const members = memberList(props.records, props.online, props.meId, now)
  return (
    <ul className="members" aria-label="Members">
      {members.map((m) => (
        <li key={m.id} className={`member ${m.status}`} aria-label={`${m.name}${m.isMe ? ' (you)' : ''}, ${m.presence}`}>
          <Avatar name={m.name} color={m.color} size={36} online={m.status === 'online'} />
          <span className="member-text">
            <span className="member-name">
              {m.name}
              {m.isMe && <span className="muted"> (you)</span>}
            </span>
            <span className="member-presence">{m.presence}</span>
          </span>
        </li>
      ))}
    </ul>
  )
})
