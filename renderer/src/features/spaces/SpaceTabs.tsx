import type { ReactNode } from 'react'
import { Link } from 'wouter'
import type { IdentityRow, SpaceRow } from '@core/database/db.ts'
import type { SpaceTab } from '@ui/spaceTab.tsx'

const OBSERVER_TABS: readonly string[] = ['syncup']

/**
 * The sections of a space: "Overview" plus whatever the features offer for this kind of space
 * (a pair's journal and OKRs, a team's sprint and retro, the org's pool and cadence), handed in by
 * the app shell so this feature knows no other.
 * The path after /space/:id/ picks the tab; what follows is the tab's own.
 */
export function SpaceTabs(props: { space: SpaceRow; identity: IdentityRow; path: string; tabs: readonly SpaceTab[]; children: ReactNode }) {
  // an observed team shows only what observers read (issue 10 #19: its sync-up)
  const observer = props.space.access === 'observer'
  const tabs = props.tabs.filter((t) => t.kinds.includes(props.space.kind) && (!observer || OBSERVER_TABS.includes(t.id)))
  const [first = '', ...rest] = props.path.split('/').filter(Boolean)
  const current = tabs.find((t) => t.id === first)
  const base = `/space/${props.space.id}`
  return (
    <>
      {tabs.length > 0 && (
        <nav className="tabs" aria-label="Sections">
          <Link href={base} className="tab" aria-current={!current ? 'page' : undefined}>
            Overview
          </Link>
          {tabs.map((t) => (
            <Link key={t.id} href={`${base}/${t.id}`} className="tab" aria-current={current?.id === t.id ? 'page' : undefined}>
              {t.label}
            </Link>
          ))}
        </nav>
      )}
      {current
        ? current.render({ space: props.space, identity: props.identity, readOnly: props.space.status === 'left' || observer, path: rest, base: `${base}/${current.id}` })
        : props.children}
    </>
  )
}
