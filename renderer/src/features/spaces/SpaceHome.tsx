import { useEffect, useState } from 'react'
import { SPACE_KIND_LABELS } from '@shared/spaces/space.ts'
import type { IdentityRow, SpaceRow } from '@core/database/db.ts'
import { useSpace, useSpaceContent } from '@core/spaces/hooks.ts'
import { usePresence, type PresenceUser } from '@core/sync/status.ts'
import { syncManager } from '@core/sync/syncManager.ts'
import { InviteDialog } from './InviteDialog.tsx'
import { LeaveControls } from './LeaveControls.tsx'
import { MemberList } from './MemberList.tsx'
import { RelaySettings } from './RelaySettings.tsx'
import { RemoveMember } from './RemoveMember.tsx'
import { SpaceName } from './SpaceName.tsx'
import { SpaceStatus } from './SpaceStatus.tsx'
import { SpaceTabs } from './SpaceTabs.tsx'
import { UnknownEntries } from './UnknownEntries.tsx'
import type { SpaceTab } from '@ui/spaceTab.tsx'

export function SpaceHome({ spaceId, identity, path, tabs }: { spaceId: string; identity: IdentityRow; path: string; tabs: readonly SpaceTab[] }) {
  const space = useSpace(spaceId)
  const online = usePresence(spaceId)
  const [inviting, setInviting] = useState(false)

  useEffect(() => {
    syncManager.setView(`space:${spaceId}`)
    return () => syncManager.setView('home')
  }, [spaceId])

  if (space === undefined) return <div className="page" aria-busy="true" />
  if (space === null)
    return (
      <div className="page">
        <h1>Space not found</h1>
        <p>This space is not on this device. It may have been deleted.</p>
      </div>
    )

  const left = space.status === 'left'
  // an observed team (issue 10 #19): a read-only copy of its sync-up; its invite is not this device's to give
  const observer = space.access === 'observer'
  return (
    <div className="page">
      <header className="space-head">
        <span className="badge">{observer ? `${SPACE_KIND_LABELS[space.kind]} · observing` : SPACE_KIND_LABELS[space.kind]}</span>
        <SpaceTitle space={space} readOnly={left || observer} />
        <div className="row">
          {!left && !observer && (
            <button type="button" className="button primary" onClick={() => setInviting(true)}>
              Invite people
            </button>
          )}
        </div>
      </header>
      <SpaceStatus space={space} />
      <SpaceTabs space={space} identity={identity} path={path} tabs={tabs}>
        <Overview space={space} identity={identity} online={left ? [] : online} />
      </SpaceTabs>
      <InviteDialog spaceId={space.id} open={inviting} onClose={() => setInviting(false)} />
    </div>
  )
}

/** The name as the space's document says it (the row's while it loads). */
function SpaceTitle({ space, readOnly }: { space: SpaceRow; readOnly: boolean }) {
  const { meta } = useSpaceContent(space)
  return <SpaceName spaceId={space.id} name={meta.name || space.name} readOnly={readOnly} />
}

/**
 * What the document says about the space. It reads the document itself, so that an edit of the
 * description (a peer's, arriving) re-renders this section only, not the page around it (its
 * header, status and section links); the member list re-renders only when members or presence change.
 */
function Overview(props: { space: SpaceRow; identity: IdentityRow; online: PresenceUser[] }) {
  const { space, identity } = props
  const content = useSpaceContent(space)
  const left = space.status === 'left'
  const observer = space.access === 'observer'
  return (
    <>
      {observer && (
        <p className="alert info">
          You are observing this team: you read its sync-up, people and meeting times, as the team chose to share them with the org, and
          nothing else. To take part, ask to join from the org&apos;s list of teams.
        </p>
      )}
      <div className="space-grid">
        <section className="panel" aria-labelledby="about-title">
          <h2 id="about-title">About this space</h2>
          <Description value={content.meta.description} readOnly={left || observer} onSave={content.describe} />
        </section>
        <section className="panel" aria-labelledby="members-title">
          <h2 id="members-title">
            Members <span className="count">{content.members.filter((m) => !m.leftAt).length || 1}</span>
          </h2>
          <MemberList records={content.members} online={props.online} meId={identity.deviceId} />
        </section>
      </div>
      {!observer && <RelaySettings space={space} />}
      {!observer && <UnknownEntries spaceId={space.id} loaded={content.loaded} />}
      {!observer && <RemoveMember space={space} identity={identity} members={content.members} />}
      <LeaveControls space={space} identity={identity} />
    </>
  )
}

function Description({ value, readOnly, onSave }: { value: string; readOnly: boolean; onSave: (description: string) => void }) {
  // while the field has focus it shows the user's draft; otherwise the live shared value
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <textarea
      className="description"
      aria-label="Space description"
      placeholder={readOnly ? '' : 'What is this space for? Goals, links, working agreements…'}
      value={draft ?? value}
      readOnly={readOnly}
      rows={5}
      onFocus={() => setDraft(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft !== null && draft !== value) onSave(draft)
        setDraft(null)
      }}
    />
  )
}
