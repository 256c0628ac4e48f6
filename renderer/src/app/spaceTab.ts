import type { ReactNode } from 'react'
import type { SpaceKind } from '../../../shared/spaces/space.ts'
import type { IdentityRow, SpaceRow } from '../data/db.ts'

/** What a feature's section of a space gets (the registry of sections is features/tabs.ts). */
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
