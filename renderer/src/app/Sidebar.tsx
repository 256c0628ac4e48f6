import { Link, useRoute } from 'wouter'
import { SPACE_KIND_LABELS, SPACE_KINDS } from '@shared/spaces/space.ts'
import type { IdentityRow } from '@core/database/db.ts'
import { useSpaces } from '@core/spaces/hooks.ts'
import { saveSetting, useSettings } from '@core/device/settings.ts'
import { useSyncStatus } from '@core/sync/status.ts'
import { useSignalingHealth } from '@core/sync/signalingHealth.ts'
import { Avatar } from '@ui/ui.tsx'
import { openNewSpace } from '@ui/uiStore.ts'

export function Sidebar({ identity }: { identity: IdentityRow }) {
  const spaces = useSpaces() ?? []
  const settings = useSettings()
  const peersBySpace = useSyncStatus((s) => s.spaces)
  const [, params] = useRoute('/space/:id')
  const active = spaces.filter((s) => s.status === 'active')
  const left = spaces.filter((s) => s.status === 'left')
  const online = settings?.online ?? true
  const signaling = useSignalingHealth((s) => s.state.kind)
  return (
    <nav className="sidebar" aria-label="Spaces">
      <div className="brand">
        <img src="./icon.svg" alt="" width={28} height={28} />
        <span>Tandem</span>
      </div>
      <div className="sidebar-actions">
        <button type="button" className="button primary small" onClick={() => openNewSpace()}>
          New space
        </button>
        <Link href="/join" className="button small">
          Join
        </Link>
      </div>
      {SPACE_KINDS.map((kind) => {
        const list = active.filter((s) => s.kind === kind)
        if (list.length === 0) return null
        return (
          <section key={kind} className="nav-group">
            <h2 className="nav-heading">{SPACE_KIND_LABELS[kind]}s</h2>
            <ul>
              {list.map((s) => (
                <li key={s.id}>
                  <Link href={`/space/${s.id}`} className="nav-item" aria-current={params?.id === s.id ? 'page' : undefined}>
                    <span className="nav-name">{s.name}</span>
                    {(peersBySpace[s.id]?.people ?? 0) > 0 && (
                      <span className="nav-peers" title="people here now" aria-label={`${peersBySpace[s.id]!.people} here now`}>
                        {peersBySpace[s.id]!.people}
                      </span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
      {left.length > 0 && (
        <section className="nav-group muted">
          <h2 className="nav-heading">Left spaces</h2>
          <ul>
            {left.map((s) => (
              <li key={s.id}>
                <Link href={`/space/${s.id}`} className="nav-item" aria-current={params?.id === s.id ? 'page' : undefined}>
                  <span className="nav-name">{s.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="sidebar-foot">
        <button
          type="button"
          role="switch"
          aria-checked={online}
          className={`connection ${online && signaling !== 'unreachable' ? 'on' : 'off'}`}
          onClick={() => void saveSetting('online', !online)}
          title={online ? 'Syncing with peers. Click to work offline.' : 'Working offline. Click to sync again.'}
        >
          <span className="connection-dot" aria-hidden="true" />
          {!online ? 'Working offline' : signaling === 'unreachable' ? 'Online · no server' : 'Online'}
        </button>
        <Link href="/settings" className="me">
          <Avatar name={identity.name} color={identity.color} size={28} />
          <span>{identity.name}</span>
          <span className="sr-only">: settings</span>
        </Link>
      </div>
    </nav>
  )
}
