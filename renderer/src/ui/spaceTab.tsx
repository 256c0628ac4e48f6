import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import type { SpaceKind } from '@shared/spaces/space.ts'
import type { IdentityRow, SpaceRow } from '@core/database/db.ts'

/** What a feature's section of a space gets (the registry of sections is app/tabs.ts). */
export interface TabProps {
  space: SpaceRow
  identity: IdentityRow
  /** the space was left: show, do not edit */
  readOnly: boolean
  /** the path segments after the tab's own, e.g. ['12', 'syncup'] */
  path: string[]
  /** the tab's own route, for links inside it */
  base: string
}

/** One section of a space, contributed by a feature. */
export interface SpaceTab {
  id: string
  label: string
  kinds: readonly SpaceKind[]
  render(props: TabProps): ReactNode
}

/**
 * A section's view that loads on first use, in its own chunk: nothing of a feature's screens is
 * fetched (or imported by a store that only needs the feature's data) until someone opens them.
 */
export function lazyTab(load: () => Promise<ComponentType<TabProps>>, pageClass?: string): (props: TabProps) => ReactNode {
  const Lazy = lazy(async () => ({ default: await load() }))
  return function LazyTab(props) {
    return (
      <Suspense fallback={<div className={pageClass} aria-busy="true" />}>
        <Lazy {...props} />
      </Suspense>
    )
  }
}
